/**
 * Geometry of the small bar charts, from d3 scales: the component only draws what this returns.
 * Horizontal bars carry their label above the bar, so long Russian topic names never need to be
 * measured or cut; vertical columns are for years.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { max } from 'd3-array';
import { formatNumber } from '../format.ts';

export interface BarDatum {
  label: string;
  value: number;
  /** Text shown at the bar's end; defaults to the number. «более 300 мероприятий» keeps its qualifier. */
  valueLabel?: string;
  /** The full figure for the data table, where the bar's label is shortened («около 120» → «около 120 организаций (2013)»). */
  detail?: string;
  href?: string;
}

interface Bar extends BarDatum {
  x: number;
  y: number;
  width: number;
  height: number;
  valueLabel: string;
}

interface BarChart {
  width: number;
  height: number;
  bars: Bar[];
  /** Gridline positions with their labels (horizontal charts: x; columns: y). */
  ticks: { position: number; label: string }[];
  /** Where the value axis starts, for the baseline. */
  baseline: number;
}

const r1 = (n: number) => Math.round(n * 10) / 10;

function valueTicks(domainMax: number, count: number, integers: boolean, position: (v: number) => number) {
  const linear = scaleLinear().domain([0, domainMax]);
  return linear
    .ticks(count)
    .filter((t) => !integers || Number.isInteger(t))
    .map((t) => ({ position: r1(position(t)), label: formatNumber(t) }));
}

export function horizontalBars(data: readonly BarDatum[], options: { width?: number; row?: number; integers?: boolean } = {}): BarChart {
  // 340 units: drawn 1:1 on a 390 px phone, so the 15 px labels stay at least 12 px even at 320 px.
  const width = options.width ?? 340;
  const row = options.row ?? 44;
  // Room at the right for the value written after the longest bar.
  const right = 90;
  const height = data.length * row + 24;
  const y = scaleBand<number>().domain(data.map((_, i) => i)).range([0, data.length * row]);
  const top = max(data, (d) => d.value) ?? 0;
  const x = scaleLinear().domain([0, top || 1]).nice().range([0, width - right]);
  const domainMax = x.domain()[1] ?? 1;
  const bars = data.map((d, i) => ({
    ...d,
    valueLabel: d.valueLabel ?? formatNumber(d.value),
    x: 0,
    // The label sits in the top 18 px of each row, the bar under it.
    y: r1((y(i) ?? 0) + 20),
    width: r1(Math.max(x(d.value), d.value > 0 ? 2 : 0)),
    height: r1(row - 28),
  }));
  return { width, height, bars, ticks: valueTicks(domainMax, 4, options.integers ?? true, (v) => x(v)), baseline: 0 };
}

export function columns(data: readonly BarDatum[], options: { width?: number; height?: number; integers?: boolean } = {}): BarChart {
  const width = options.width ?? Math.min(360, Math.max(200, data.length * 56 + 40));
  const height = options.height ?? 200;
  // Bottom margin for the year labels, top for the value over the tallest column.
  const bottom = 24;
  const topMargin = 20;
  const left = 28;
  const xBand = scaleBand<string>().domain(data.map((d) => d.label)).range([left, width]).paddingInner(0.25).paddingOuter(0.15);
  const top = max(data, (d) => d.value) ?? 0;
  const y = scaleLinear().domain([0, top || 1]).nice().range([height - bottom, topMargin]);
  const domainMax = y.domain()[1] ?? 1;
  const bars = data.map((d) => ({
    ...d,
    valueLabel: d.valueLabel ?? formatNumber(d.value),
    x: r1(xBand(d.label) ?? 0),
    y: r1(y(d.value)),
    width: r1(xBand.bandwidth()),
    height: r1(y(0) - y(d.value)),
  }));
  return { width, height, bars, ticks: valueTicks(domainMax, 4, options.integers ?? true, (v) => y(v)), baseline: r1(y(0)) };
}
