/**
 * What the charts count, from plain practice data: practices per topic, per starting year, and one
 * metric across practices. A chart is only worth drawing when it has at least two bars; these
 * functions return what there is and the pages decide.
 */
import { rollup, range, extent } from 'd3-array';
import type { MetricKind } from '../content/vocabulary-values.ts';
import { alignMetrics } from '../compare/align.ts';
import { formatFigure, formatNumber } from '../format.ts';
import { ru } from '../../i18n/ru.ts';
import type { BarDatum } from './bars.ts';

export interface ChartPractice {
  id: string;
  title: string;
  url: string;
  cityName: string;
  startYear: number;
  topicIds: readonly string[];
  metrics: readonly { kind: MetricKind; value: number; qualifier: 'exact' | 'more-than' | 'about' | 'up-to'; unit: string; year: number }[];
}

/** Most practices first; equal counts in alphabetical order. */
export function perTopic(practices: readonly ChartPractice[], topic: (id: string) => { name: string; url: string }): BarDatum[] {
  const counts = rollup(practices.flatMap((p) => p.topicIds), (v) => v.length, (id) => id);
  return [...counts]
    .map(([id, value]) => ({ label: topic(id).name, value, href: topic(id).url }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, 'ru'));
}

/** Every year from the first start to the last, so a year without a new practice shows as 0. */
export function perStartYear(practices: readonly ChartPractice[]): BarDatum[] {
  const [first, last] = extent(practices, (p) => p.startYear);
  if (first === undefined || last === undefined) return [];
  const counts = rollup(practices, (v) => v.length, (p) => p.startYear);
  return range(first, last + 1).map((year) => ({ label: String(year), value: counts.get(year) ?? 0 }));
}

export function perCity(practices: readonly ChartPractice[]): BarDatum[] {
  const counts = rollup(practices, (v) => v.length, (p) => p.cityName);
  return [...counts].map(([label, value]) => ({ label, value })).sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, 'ru'));
}

interface MetricSeries {
  kind: MetricKind;
  /** Units of the bars (one unit, or several counts of the same kind). */
  units: string[];
  data: BarDatum[];
}

/**
 * One metric kind across practices: a bar per practice that gives exactly one figure of the kind.
 * Kinds whose units cannot stand together (тыс. руб. and млн руб.) get no chart at all.
 */
export function metricAcross(practices: readonly ChartPractice[]): MetricSeries[] {
  return alignMetrics(practices)
    .filter((row) => row.comparable)
    .map((row) => ({
      kind: row.kind,
      units: row.units,
      data: row.cells.flatMap((cell, i) => {
        const p = practices[i];
        const [m] = cell;
        if (!p || !m || cell.length !== 1) return [];
        return [{
          label: `${p.cityName}: ${p.title}`,
          value: m.value,
          // On the bar: the qualifier and number only; the unit is in the chart's description and the table.
          valueLabel: [ru.qualifier[m.qualifier], formatNumber(m.value)].filter(Boolean).join(' '),
          detail: `${formatFigure(m.value, m.qualifier, m.unit)} (${m.year})`,
          href: p.url,
        }];
      }),
    }))
    .filter((s) => s.data.length >= 2)
    .map((s) => ({ ...s, data: [...s.data].sort((a, b) => b.value - a.value) }));
}
