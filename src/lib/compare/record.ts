/**
 * One practice as the compare view needs it: every field it shows, already labelled in Russian,
 * with links resolved. The build writes one per practice to /compare/p/<id>.json; the browser only lays them
 * out, so there is no server and no second copy of the content model in client code.
 */
import type { City, Metric, Practice } from '../content/schema.ts';
import { ru } from '../../i18n/ru.ts';
import { urls } from '../urls.ts';
import { formatYears, isoDate } from '../format.ts';

/** A figure as the schema has it (the source's own wording in `source`). */
export type CompareMetric = Metric;

export interface CompareRecord {
  /** `<city>/<slug>`, as in the practice's URL and in `/compare/?p=`. */
  id: string;
  url: string;
  title: string;
  city: {
    id: string;
    name: string;
    url: string;
    region: string;
    federalDistrict: string;
    /** Absent when the city record gives no population: then no per-capita figure is shown. */
    population?: { value: number; year: number; date: string; source: string };
    /** Every population the city record gives (the current one and `populations`), oldest first: per-capita figures take the one of their year. */
    populations?: { value: number; year: number; date: string; source: string }[];
  };
  years: string;
  startYear: number;
  endYear?: number;
  status: string;
  statusYear: number;
  programme?: string;
  topics: { id: string; name: string; url: string }[];
  /** Absent where the source does not name who ran the practice. */
  operator?: string;
  partners: string[];
  metrics: CompareMetric[];
  transferability: string;
  contact: { organisation: string; department?: string; person?: string; email?: string; phone?: string; website?: string; confirmed?: string };
  source: { title: string; year: number; url: string };
  /** The practice this one repeats (adoption trail), where it repeats one. */
  adaptedFrom?: CompareTrailPractice & { changes: string };
  /** Practices of other cities that repeat this one, by year. */
  adoptedBy: CompareTrailPractice[];
}

/** A practice on the adoption trail, as the compare view names it. */
export interface CompareTrailPractice {
  id: string;
  title: string;
  url: string;
  city: string;
  /** The year the repeating practice started (for a source: its own start year). */
  year: number;
}

/** The trail around one practice, resolved by the caller (compare/from-bank.ts). */
interface RecordTrail {
  adaptedFrom?: CompareTrailPractice & { changes: string };
  adoptedBy: CompareTrailPractice[];
}

interface RecordInput {
  id: string;
  data: Practice;
  city: { id: string; data: City };
  topicName: (id: string) => string;
  submission: { id: string; title: string; year: number };
  trail?: RecordTrail;
}

/** «долгосрочная целевая программа «Открытый город» на 2013–2017 годы», as on the practice page. */
function programmeLabel(programme: NonNullable<Practice['programme']>): string {
  return `${[programme.kind, programme.name].filter(Boolean).join(' ')} на ${formatYears(programme.startYear, programme.endYear)} годы`;
}

const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export function toCompareRecord({ id, data, city, topicName, submission, trail }: RecordInput): CompareRecord {
  const population = city.data.population;
  const toYear = (p: NonNullable<City['population']>) => ({ value: p.value, year: p.date.getUTCFullYear(), date: isoDate(p.date), source: p.source });
  const populations = [...(population ? [population] : []), ...(city.data.populations ?? [])].map(toYear).sort((a, b) => a.date.localeCompare(b.date));
  return defined({
    id,
    url: urls.practice(id),
    title: data.title,
    city: defined({
      id: city.id,
      name: city.data.name.nominative,
      url: urls.city(city.id),
      region: city.data.region,
      federalDistrict: ru.federalDistrict[city.data.federalDistrict],
      population: population && toYear(population),
      populations: populations.length ? populations : undefined,
    }),
    years: formatYears(data.startYear, data.endYear),
    startYear: data.startYear,
    endYear: data.endYear,
    status: ru.status[data.status],
    statusYear: data.statusYear,
    programme: data.programme && programmeLabel(data.programme),
    topics: data.topics.map((t) => ({ id: t.id, name: topicName(t.id), url: urls.topic(t.id) })),
    operator: data.operator,
    partners: data.partners,
    metrics: data.metrics.map((m) => defined({ kind: m.kind, value: m.value, qualifier: m.qualifier, unit: m.unit, year: m.year, source: m.source, note: m.note })),
    transferability: data.transferability,
    contact: defined({ ...data.contact, confirmed: data.contact.confirmed && isoDate(data.contact.confirmed) }),
    source: { title: submission.title, year: submission.year, url: urls.submission(submission.id) },
    adaptedFrom: trail?.adaptedFrom,
    adoptedBy: trail?.adoptedBy ?? [],
  });
}
