/**
 * The compare view as data: groups of rows, each row one field with one cell per practice, each
 * cell a few lines of text (some of them links). The browser only turns this into a <table>, so
 * what a reader sees is decided here and unit-tested here.
 */
import { ru } from '../../i18n/ru.ts';
import { formatDate, formatFigure, formatNumber, guillemets } from '../format.ts';
import { MONEY_KINDS } from '../content/vocabulary-values.ts';
import { alignMetrics } from './align.ts';
import { typesetText } from '../typography.ts';
import { perCapita, populationFor, type PerCapita } from './per-capita.ts';
import type { CompareMetric, CompareRecord } from './record.ts';

export interface CellLine {
  text: string;
  href?: string;
  /** `figure` for the value itself, `muted` for what qualifies it, `warning` for a refusal. */
  tone?: 'figure' | 'muted' | 'warning';
}

interface ComparisonRow {
  /** Stable key: `city`, `metric:budget`, … (tests and the print stylesheet use it). */
  key: string;
  label: string;
  /** Shown under the label: why a row is not comparable. */
  warning?: string;
  /** One cell per column; an empty cell reads «—». */
  cells: CellLine[][];
  /** All columns say the same: the reader may hide such rows. */
  same: boolean;
}

interface ComparisonGroup {
  key: keyof typeof ru.compare.groups;
  label: string;
  rows: ComparisonRow[];
}

interface Comparison {
  columns: Pick<CompareRecord, 'id' | 'title' | 'url'>[];
  groups: ComparisonGroup[];
}

// Typeset here, since the browser lays these lines out after the page's own typography pass.
const line = (text: string, tone?: CellLine['tone'], href?: string): CellLine => ({ text: href ? text : typesetText(text), ...(tone ? { tone } : {}), ...(href ? { href } : {}) });

export function formatPerCapita(pc: PerCapita): string {
  const number = formatNumber(Number(pc.value.toFixed(pc.decimals)));
  const figure = [ru.compare.perCapitaQualifier[pc.qualifier], number].filter(Boolean).join(' ');
  return ru.compare.perCapita(figure, pc.populationYear);
}

/** The lines of one figure: value with qualifier, unit and year; note; per-capita; source wording. */
function metricLines(metric: CompareMetric, populations: CompareRecord['city']['populations']): CellLine[] {
  const lines = [line(ru.compare.metricYear(formatFigure(metric.value, metric.qualifier, metric.unit), metric.year), 'figure')];
  if (metric.note) lines.push(line(metric.note, 'muted'));
  const pc = perCapita(metric, populationFor(metric.year, populations));
  if (pc) lines.push(line(formatPerCapita(pc), 'muted'));
  lines.push(line(ru.compare.sourceWording(guillemets(metric.source)), 'muted'));
  return lines;
}

function row(key: string, label: string, cells: CellLine[][], warning?: string): ComparisonRow {
  const keys = cells.map((c) => JSON.stringify(c));
  const same = keys.every((k) => k === keys[0]);
  return { key, label, cells, same, ...(warning ? { warning } : {}) };
}

const text = (value: string | undefined): CellLine[] => (value ? [line(value)] : []);

export function buildComparison(records: readonly CompareRecord[]): Comparison {
  const r = ru.compare.rows;
  const place: ComparisonRow[] = [
    row('city', r.city, records.map((p) => [line(p.city.name, undefined, p.city.url), line(p.city.region, 'muted')])),
    row('population', r.population, records.map((p) => {
      const pop = p.city.population;
      if (!pop) return [];
      return [line(ru.city.populationValue(formatNumber(pop.value), formatDate(new Date(pop.date)))), line(pop.source, 'muted')];
    })),
    row('district', r.district, records.map((p) => text(p.city.federalDistrict))),
  ];
  const practice: ComparisonRow[] = [
    row('years', r.years, records.map((p) => text(p.years))),
    row('status', r.status, records.map((p) => text(ru.compare.statusAsOf(p.status, p.statusYear)))),
    row('programme', r.programme, records.map((p) => text(p.programme))),
    row('topics', r.topics, records.map((p) => p.topics.map((t) => line(t.name, undefined, t.url)))),
    row('operator', r.operator, records.map((p) => text(p.operator))),
    row('partners', r.partners, records.map((p) => p.partners.map((x) => line(x)))),
  ];
  const metrics: ComparisonRow[] = [];
  const money: ComparisonRow[] = [];
  for (const aligned of alignMetrics(records)) {
    const cells = aligned.cells.map((ms, i) => ms.flatMap((m) => metricLines(m, records[i]?.city.populations)));
    const warning = aligned.comparable ? undefined : ru.compare.notComparable(aligned.units.join(', '));
    // Money is shown in its own group, after the counts, as the row list has it.
    (MONEY_KINDS.includes(aligned.kind) ? money : metrics).push(row(`metric:${aligned.kind}`, ru.metricKind[aligned.kind], cells, warning));
  }
  const transfer: ComparisonRow[] = [
    row('transferability', r.transferability, records.map((p) => text(p.transferability))),
    row('contact', r.contact, records.map(({ contact: c }) => [
      line(c.organisation),
      ...(c.department ? [line(c.department, 'muted')] : []),
      ...(c.person ? [line(c.person, 'muted')] : []),
      ...(c.email ? [line(c.email, undefined, `mailto:${c.email}`)] : []),
      ...(c.phone ? [line(c.phone, undefined, `tel:${c.phone.replace(/[^+\d]/g, '')}`)] : []),
      ...(c.website ? [line(c.website.replace(/^https?:\/\//, ''), undefined, c.website)] : []),
      ...(c.confirmed ? [line(ru.repeat.contact.confirmed(formatDate(new Date(c.confirmed))), 'muted')] : []),
    ])),
    row('source', r.source, records.map((p) => [line(ru.practice.sourceLink(p.source.title, p.source.year), undefined, p.source.url)])),
    // The adoption trail: where a practice was taken from, and who repeated it.
    row('adaptedFrom', ru.repeat.trail.rowAdaptedFrom, records.map((p) => (p.adaptedFrom
      ? [line(`${p.adaptedFrom.title} (${p.adaptedFrom.city}, ${p.adaptedFrom.year})`, undefined, p.adaptedFrom.url), line(`${ru.repeat.trail.changes}: ${p.adaptedFrom.changes}`, 'muted')]
      : []))),
    row('adoptedBy', ru.repeat.trail.rowRepeatedBy, records.map((p) => (p.adoptedBy ?? []).map((a) => line(ru.repeat.trail.repeatedByItem(a.city, a.year), undefined, a.url)))),
  ];
  const g = ru.compare.groups;
  const groups: ComparisonGroup[] = [
    { key: 'place', label: g.place, rows: place },
    { key: 'practice', label: g.practice, rows: practice },
    { key: 'metrics', label: g.metrics, rows: metrics },
    { key: 'money', label: g.money, rows: money },
    { key: 'transfer', label: g.transfer, rows: transfer },
  ];
  return {
    columns: records.map(({ id, title, url }) => ({ id, title, url })),
    // A row nobody fills says nothing; a group without rows is left out.
    groups: groups
      .map((grp) => ({ ...grp, rows: grp.rows.filter((x) => x.cells.some((c) => c.length > 0)) }))
      .filter((grp) => grp.rows.length > 0),
  };
}
