/**
 * The CSV layout on records that went through the real content schema: metrics spread by kind,
 * a second figure of the same kind in its own numbered columns, lists and nested objects
 * flattened, and RFC 4180 quoting as csv-parse reads it back.
 */
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { practiceSchema } from '../../src/lib/content/schema.ts';
import { readKnownIds } from '../../src/lib/content/vocabulary.ts';
import { flatten, listValueProblems, rowsOf } from '../../src/lib/open-data/columns.ts';
import { toCsv } from '../../src/lib/open-data/csv.ts';
import { recordSchemas } from '../../src/lib/open-data/json-schema.ts';
import { toRecord } from '../../src/lib/open-data/records.ts';
import { fixturesDir } from '../helpers/paths.ts';

const known = readKnownIds(resolve(fixturesDir, 'multi-city'));
const nest = (parent: string, child: string) => `${parent}: ${child}`;
const spread = { metrics: { by: 'kind', prefix: 'metric', label: (kind: string) => kind, nth: (d: string, n: number) => `${d} #${n}` } };

/** SYNTHETIC: a practice of the fixture city with two figures of one kind. */
const practice = practiceSchema(known).parse({
  title: 'Синтетическая практика, «с кавычками», запятыми',
  city: 'testograd',
  submission: 'testograd/2013-answers',
  summary: 'Синтетическая практика для проверки столбцов.\nВторая строка.',
  topics: ['resource-centres', 'nko'],
  startYear: 2013,
  status: 'active',
  statusYear: 2013,
  programme: { name: 'Синтетическая программа', startYear: 2013, endYear: 2017 },
  operator: 'Синтетическая администрация',
  partners: ['Партнёр один', 'Партнёр два'],
  metrics: [
    { kind: 'organisations', value: 15, unit: 'СО НКО', year: 2013, source: '15 СО НКО' },
    { kind: 'centres', value: 3, unit: 'центра', year: 2013, source: 'три центра' },
    { kind: 'organisations', value: 120, qualifier: 'about', unit: 'организаций', year: 2013, source: 'около 120 организаций', note: 'все партнёры' },
  ],
  transferability: 'Синтетический текст.',
  contact: { organisation: 'Синтетическая администрация', email: 'test@example.org' },
  published: '2026-02-01',
});

describe('practices.csv columns', () => {
  const record = toRecord('testograd/synthetic', 'https://bank.example.org/practices/testograd/synthetic/', practice);
  const columns = flatten(recordSchemas().practice, { records: [record], nest, spread });
  const names = columns.map((c) => c.name);
  const [row = []] = rowsOf(columns, [record]);
  const cell = (name: string) => row[names.indexOf(name)];

  it('spreads metrics by kind; a second figure of a kind gets numbered columns', () => {
    expect(cell('metric_organisations_value')).toBe('15');
    expect(cell('metric_organisations_qualifier')).toBe('exact');
    expect(cell('metric_organisations_2_value')).toBe('120');
    expect(cell('metric_organisations_2_qualifier')).toBe('about');
    expect(cell('metric_organisations_2_note')).toBe('все партнёры');
    expect(cell('metric_centres_value')).toBe('3');
    expect(names).not.toContain('metric_centres_2_value');
    // Kinds nobody reports still have their block, so the layout does not depend on the data.
    expect(cell('metric_prize_fund_value')).toBe('');
    expect(names.indexOf('metric_organisations_2_value')).toBeGreaterThan(names.indexOf('metric_organisations_note'));
  });

  it('numbered columns are described as such', () => {
    const second = columns.find((c) => c.name === 'metric_organisations_2_value');
    expect(second?.description).toMatch(/#2$/);
    expect(second?.required).toBe(false);
  });

  it('flattens nested objects and joins lists', () => {
    expect(cell('programme_name')).toBe('Синтетическая программа');
    expect(cell('contact_email')).toBe('test@example.org');
    expect(cell('topics')).toBe('resource-centres | nko');
    expect(cell('partners')).toBe('Партнёр один | Партнёр два');
    expect(cell('endYear')).toBe('');
    expect(names.slice(0, 3)).toEqual(['id', 'url', 'title']);
    expect(names).not.toContain('metrics');
  });

  it('every column carries a description from the schema', () => {
    for (const column of columns) expect(column.description.replace(/[:—\s]/g, ''), column.name).not.toBe('');
    expect(columns.find((c) => c.name === 'contact_website')?.description).toBe('Контакты по практике: Сайт');
  });

  it('writes CSV that csv-parse reads back intact: quotes, commas, line breaks, Cyrillic', () => {
    const csv = toCsv(columns, [record]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [back] = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(back?.title).toBe(practice.title);
    expect(back?.summary).toBe(practice.summary);
    expect(back?.metric_organisations_2_source).toBe('около 120 организаций');
  });

  it('names a list value containing the separator, the question the checker asks, rather than splitting it silently', () => {
    const odd = toRecord('testograd/odd', 'https://bank.example.org/', { ...practice, partners: ['Партнёр', 'А | Б'] });
    expect(listValueProblems(odd)).toEqual([{ path: ['partners', 1], message: expect.stringMatching(/знак «\|» разделяет элементы списка/) }]);
    expect(listValueProblems(record)).toEqual([]);
    // Unreachable once the checker passed the bank; never a silent split.
    expect(() => rowsOf(columns, [odd])).toThrow(/разделяет элементы списка/);
  });
});
