/**
 * The compare view as data: groups of rows, each row one field with one cell per practice, each
 * cell a few lines of text (some of them links). The browser only turns this into a <table>, so
 * what a reader sees is decided here and unit-tested here. Its words come as `CompareTableStrings`
 * (built from ru.ts at build time by `compareTableStrings`, page-strings.ts), so the browser
 * never loads the whole strings module.
 */
import { figureWith, formatDate, formatNumber, guillemets } from '../format.ts';
import { MONEY_KINDS, type MetricKind, type Qualifier } from '../content/vocabulary-values.ts';
import { fill } from '../search/template.ts';
import { alignMetrics } from './align.ts';
import { typesetText } from '../typeset-text.ts';
import { perCapita, populationFor, type PerCapita } from './per-capita.ts';
import type { CompareMetric, CompareRecord } from './record.ts';

type ComparisonGroupKey = 'place' | 'practice' | 'metrics' | 'money' | 'transfer';

/** The rows that are not figures, by key (`metric:<kind>` rows take `metricKind`). */
type ComparisonRowKey =
  | 'city' | 'population' | 'district' | 'years' | 'status' | 'programme' | 'topics' | 'operator' | 'partners'
  | 'transferability' | 'contact' | 'source' | 'adaptedFrom' | 'adoptedBy';

/** Every word the table shows; templates carry `{name}` placeholders (filled with `fill`). */
export interface CompareTableStrings {
  groups: Record<ComparisonGroupKey, string>;
  rows: Record<ComparisonRowKey, string>;
  metricKind: Record<MetricKind, string>;
  /** «более», «около», … before a figure. */
  qualifier: Record<Qualifier, string>;
  /** The same, shorter, before a per-capita figure («≈»). */
  perCapitaQualifier: Record<Qualifier, string>;
  /** `{figure}`, `{year}`. */
  metricYear: string;
  /** `{source}`. */
  sourceWording: string;
  /** `{figure}`, `{year}`. */
  perCapita: string;
  /** `{units}`. */
  notComparable: string;
  /** `{status}`, `{year}`. */
  statusAsOf: string;
  /** `{value}`, `{date}`. */
  populationValue: string;
  /** `{date}`. */
  contactConfirmed: string;
  /** `{title}`, `{year}`. */
  sourceLink: string;
  /** «Что изменили». */
  changes: string;
  /** `{city}`, `{year}`. */
  repeatedByItem: string;
}

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
  key: ComparisonGroupKey;
  label: string;
  rows: ComparisonRow[];
}

interface Comparison {
  columns: Pick<CompareRecord, 'id' | 'title' | 'url'>[];
  groups: ComparisonGroup[];
}

// Typeset here, since the browser lays these lines out after the page's own typography pass.
const line = (text: string, tone?: CellLine['tone'], href?: string): CellLine => ({ text: href ? text : typesetText(text), ...(tone ? { tone } : {}), ...(href ? { href } : {}) });

export function formatPerCapita(pc: PerCapita, t: CompareTableStrings): string {
  const number = formatNumber(Number(pc.value.toFixed(pc.decimals)));
  const figure = [t.perCapitaQualifier[pc.qualifier], number].filter(Boolean).join(' ');
  return fill(t.perCapita, { figure, year: pc.populationYear });
}


/** The lines of one figure: value with qualifier, unit and year; note; per-capita; source wording. */
function metricLines(metric: CompareMetric, populations: CompareRecord['city']['populations'], t: CompareTableStrings): CellLine[] {
  const lines = [line(fill(t.metricYear, { figure: figureWith(t.qualifier[metric.qualifier], metric.value, metric.unit), year: metric.year }), 'figure')];
  if (metric.note) lines.push(line(metric.note, 'muted'));
  const pc = perCapita(metric, populationFor(metric.year, populations));
  if (pc) lines.push(line(formatPerCapita(pc, t), 'muted'));
  lines.push(line(fill(t.sourceWording, { source: guillemets(metric.source) }), 'muted'));
  return lines;
}

function row(key: string, label: string, cells: CellLine[][], warning?: string): ComparisonRow {
  const keys = cells.map((c) => JSON.stringify(c));
  const same = keys.every((k) => k === keys[0]);
  return { key, label, cells, same, ...(warning ? { warning } : {}) };
}

const text = (value: string | undefined): CellLine[] => (value ? [line(value)] : []);

export function buildComparison(records: readonly CompareRecord[], t: CompareTableStrings): Comparison {
  const r = t.rows;
  const place: ComparisonRow[] = [
    row('city', r.city, records.map((p) => [line(p.city.name, undefined, p.city.url), line(p.city.region, 'muted')])),
    row('population', r.population, records.map((p) => {
      const pop = p.city.population;
      if (!pop) return [];
      return [line(fill(t.populationValue, { value: formatNumber(pop.value), date: formatDate(new Date(pop.date)) })), line(pop.source, 'muted')];
    })),
    row('district', r.district, records.map((p) => text(p.city.federalDistrict))),
  ];
  const practice: ComparisonRow[] = [
    row('years', r.years, records.map((p) => text(p.years))),
    row('status', r.status, records.map((p) => text(fill(t.statusAsOf, { status: p.status, year: p.statusYear })))),
    row('programme', r.programme, records.map((p) => text(p.programme))),
    row('topics', r.topics, records.map((p) => p.topics.map((t) => line(t.name, undefined, t.url)))),
    row('operator', r.operator, records.map((p) => text(p.operator))),
    row('partners', r.partners, records.map((p) => p.partners.map((x) => line(x)))),
  ];
  const metrics: ComparisonRow[] = [];
  const money: ComparisonRow[] = [];
  for (const aligned of alignMetrics(records)) {
    const cells = aligned.cells.map((ms, i) => ms.flatMap((m) => metricLines(m, records[i]?.city.populations, t)));
    const warning = aligned.comparable ? undefined : fill(t.notComparable, { units: aligned.units.join(', ') });
    (MONEY_KINDS.includes(aligned.kind) ? money : metrics).push(row(`metric:${aligned.kind}`, t.metricKind[aligned.kind], cells, warning));
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
      ...(c.confirmed ? [line(fill(t.contactConfirmed, { date: formatDate(new Date(c.confirmed)) }), 'muted')] : []),
    ])),
    row('source', r.source, records.map((p) => [line(fill(t.sourceLink, { title: p.source.title, year: p.source.year }), undefined, p.source.url)])),
    // The adoption trail: where a practice was taken from, and who repeated it.
    row('adaptedFrom', r.adaptedFrom, records.map((p) => (p.adaptedFrom
      ? [line(`${p.adaptedFrom.title} (${p.adaptedFrom.city}, ${p.adaptedFrom.year})`, undefined, p.adaptedFrom.url), line(`${t.changes}: ${p.adaptedFrom.changes}`, 'muted')]
      : []))),
    row('adoptedBy', r.adoptedBy, records.map((p) => (p.adoptedBy ?? []).map((a) => line(fill(t.repeatedByItem, { city: a.city, year: a.year }), undefined, a.url)))),
  ];
  const g = t.groups;
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
