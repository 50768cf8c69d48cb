/**
 * The table that opens a topic page: the topic's practices across cities, with their years and
 * the metric kinds most of them report, aligned by kind. Sorting is offered only on columns whose
 * figures can stand together; a column mixing «тыс. руб.» and «млн руб.» stays unsorted.
 */
import { ru } from '../../i18n/ru.ts';
import { formatFigure } from '../format.ts';
import type { MetricKind } from '../content/vocabulary-values.ts';
import { alignMetrics } from './align.ts';
import type { CompareRecord } from './record.ts';

interface TopicColumn {
  key: string;
  label: string;
  /** `text` sorts alphabetically (Russian collation), `number` numerically; `none` is not sortable. */
  sort: 'text' | 'number' | 'none';
  note?: string;
}

interface TopicCell {
  text: string;
  href?: string;
  /** Sort key; absent for an empty cell, which always sorts last. */
  sortValue?: string | number;
}

export interface TopicTable {
  columns: TopicColumn[];
  rows: { id: string; cells: TopicCell[] }[];
}

/** Most-reported kinds first, at most `maxKinds`, so the table stays readable on a phone. */
function keyKinds(records: readonly CompareRecord[], maxKinds: number): MetricKind[] {
  const rows = alignMetrics(records);
  return rows
    .map((row, order) => ({ kind: row.kind, reported: row.cells.filter((c) => c.length > 0).length, order }))
    .sort((a, b) => b.reported - a.reported || a.order - b.order)
    .slice(0, maxKinds)
    .sort((a, b) => a.order - b.order)
    .map((k) => k.kind);
}

export function buildTopicTable(records: readonly CompareRecord[], maxKinds = 4): TopicTable {
  // Stable first order: by city, then by title — the order the page is read in without JavaScript.
  const sorted = [...records].sort((a, b) => a.city.name.localeCompare(b.city.name, 'ru') || a.title.localeCompare(b.title, 'ru'));
  const t = ru.compare.topicTable;
  const aligned = alignMetrics(sorted, keyKinds(sorted, maxKinds));
  const columns: TopicColumn[] = [
    { key: 'city', label: t.city, sort: 'text' },
    { key: 'practice', label: t.practice, sort: 'text' },
    { key: 'years', label: t.years, sort: 'number' },
    ...aligned.map((row): TopicColumn => ({
      key: `metric:${row.kind}`,
      label: ru.metricKind[row.kind],
      sort: row.comparable ? 'number' : 'none',
      ...(row.comparable ? {} : { note: t.notComparable }),
    })),
  ];
  const rows = sorted.map((r, i) => ({
    id: r.id,
    cells: [
      // Text columns sort by what the cell shows (scripts/compare-topic-table.ts).
      { text: r.city.name, href: r.city.url },
      { text: r.title, href: r.url },
      { text: r.years, sortValue: r.startYear },
      ...aligned.map((row): TopicCell => {
        const cell = row.cells[i] ?? [];
        const text = cell.map((m) => `${formatFigure(m.value, m.qualifier, m.unit)} (${m.year})`).join('; ');
        // Several figures of one kind in one practice have no single value to sort by.
        return cell.length === 1 && row.comparable ? { text, sortValue: cell[0]?.value ?? 0 } : { text };
      }),
    ],
  }));
  return { columns, rows };
}
