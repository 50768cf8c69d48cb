/**
 * Lines figures up by kind: one row per metric kind, one cell per practice, in the order of the
 * controlled vocabulary. A row whose units cannot stand together («тыс. руб.» and «млн руб.») is
 * kept but marked not comparable: each figure keeps its own unit and qualifier, none is converted.
 */
import { METRIC_KINDS, type MetricKind } from '../content/vocabulary-values.ts';
import { normaliseUnit, unitsComparable } from './units.ts';

interface AlignableMetric {
  kind: MetricKind;
  unit: string;
}

interface AlignedRow<M extends AlignableMetric> {
  kind: MetricKind;
  /** False when the row's units are different measures or scales: no sorting, no chart. */
  comparable: boolean;
  /** Distinct units of the row, as first written. */
  units: string[];
  /** One cell per practice, in the practices' order; a practice may give several figures of a kind. */
  cells: M[][];
}

export function alignMetrics<M extends AlignableMetric>(practices: readonly { metrics: readonly M[] }[], kinds: readonly MetricKind[] = METRIC_KINDS): AlignedRow<M>[] {
  const rows: AlignedRow<M>[] = [];
  for (const kind of kinds) {
    const cells = practices.map((p) => p.metrics.filter((m) => m.kind === kind));
    const all = cells.flat();
    if (all.length === 0) continue;
    const units: string[] = [];
    const seen = new Set<string>();
    for (const m of all) {
      const key = normaliseUnit(m.unit);
      if (!seen.has(key)) {
        seen.add(key);
        units.push(m.unit);
      }
    }
    rows.push({ kind, comparable: unitsComparable(units), units, cells });
  }
  return rows;
}
