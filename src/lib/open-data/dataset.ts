/**
 * The open data of the bank: every published practice, city and topic as records, and the
 * columns their CSV files have. Pages for /data/ call `openData()` and stay thin.
 */
import { loadBank } from '../bank';
import { urls } from '../urls';
import { ru } from '../../i18n/ru';
import { flatten, type Column } from './columns.ts';
import { recordSchemas, type JsonSchema } from './json-schema.ts';
import { toRecord, type DataRecord } from './records.ts';
import { derivedFields } from './derived.ts';
import { trailOf } from '../adoption/from-bank.ts';

interface Dataset {
  file: string;
  schema: JsonSchema;
  records: DataRecord[];
  columns: Column[];
}

interface OpenData {
  practices: Dataset;
  cities: Dataset;
  topics: Dataset;
}

/** «Контакты по практике: Сайт». */
const nest = (parent: string, child: string) => `${parent}: ${child}`;

export async function openData(site: URL): Promise<OpenData> {
  const bank = await loadBank();
  const schemas = recordSchemas();
  const absolute = (path: string) => new URL(path, site).href;

  const trail = trailOf(bank);
  const practices = bank.practices.map((p) => ({
    ...toRecord(p.id, absolute(urls.practice(p.id)), p.data),
    ...derivedFields(p.data, trail.adoptersOf(p.id).map((l) => l.adopter.id)),
  }));
  const cities = bank.cities.map((c) => toRecord(c.id, absolute(urls.city(c.id)), c.data));
  const topics = bank.topics.map((t) => toRecord(t.id, absolute(urls.topic(t.id)), t.data));

  return {
    practices: {
      file: 'practices.csv',
      schema: schemas.practice,
      records: practices,
      columns: flatten(schemas.practice, {
        records: practices,
        nest,
        spread: {
          metrics: {
            by: 'kind',
            prefix: 'metric',
            label: (kind) => ru.openData.codebook.metricLabel(ru.metricKind[kind as keyof typeof ru.metricKind] ?? kind),
            nth: ru.openData.codebook.metricNth,
          },
        },
      }),
    },
    cities: { file: 'cities.csv', schema: schemas.city, records: cities, columns: flatten(schemas.city, { records: cities, nest }) },
    topics: { file: 'topics.csv', schema: schemas.topic, records: topics, columns: flatten(schemas.topic, { records: topics, nest }) },
  };
}

/** Russian labels of closed values, by the property that holds them, for the codebook. */
export const valueLabels: Record<string, Record<string, string>> = {
  status: ru.status,
  qualifier: { ...ru.qualifier, exact: ru.openData.codebook.exact },
  federalDistrict: ru.federalDistrict,
  missing: ru.repeat.completeness.short,
};
