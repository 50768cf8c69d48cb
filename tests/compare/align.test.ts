/**
 * Metric alignment and per-capita arithmetic, on the synthetic multi-city fixture bank read
 * through the real schemas.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignMetrics } from '../../src/lib/compare/align.ts';
import { measureOf, unitsComparable } from '../../src/lib/compare/units.ts';
import { perCapita, populationFor, POPULATION_YEAR_BOUND, roundKeepingQualifier } from '../../src/lib/compare/per-capita.ts';
import { buildComparison as buildWith, formatPerCapita as formatWith } from '../../src/lib/compare/table.ts';
import { compareTableStrings } from '../../src/lib/compare/page-strings.ts';
import type { CompareRecord } from '../../src/lib/compare/record.ts';
import { fixturesDir } from '../helpers/paths.ts';
import { compareRecords } from './bank-records.ts';

const records = compareRecords(resolve(fixturesDir, 'multi-city'));
// The words the compare page ships in its data-strings attribute.
const strings = compareTableStrings();
const buildComparison = (chosen: CompareRecord[]) => buildWith(chosen, strings);
const formatPerCapita = (pc: Parameters<typeof formatWith>[0]) => formatWith(pc, strings);
const get = (id: string): CompareRecord => {
  const r = records.get(id);
  if (!r) throw new Error(`fixture practice ${id} missing`);
  return r;
};
const testogradCentres = get('testograd/resource-centres');
const primerskCentre = get('primersk/resource-centre');
const testogradLessons = get('testograd/volunteer-lessons');
const obrazcovskContest = get('obrazcovsk/good-deeds-contest');

describe('units', () => {
  it('reads the scale of money and never calls a count money', () => {
    expect(measureOf('тыс. руб.')).toEqual({ dimension: 'money', scale: 1e3 });
    expect(measureOf('млн руб.')).toEqual({ dimension: 'money', scale: 1e6 });
    expect(measureOf('тысяч рублей')).toEqual({ dimension: 'money', scale: 1e3 });
    expect(measureOf('рублей')).toEqual({ dimension: 'money', scale: 1 });
    expect(measureOf('ресурсных центра')).toEqual({ dimension: 'count', scale: 1 });
    expect(measureOf('СО НКО').dimension).toBe('count');
  });

  it('lets counts of one kind stand together but refuses money at different scales', () => {
    expect(unitsComparable(['человек', 'участников'])).toBe(true);
    expect(unitsComparable(['тыс. руб.', 'тыс.  руб.'])).toBe(true);
    expect(unitsComparable(['тыс. руб.', 'млн руб.'])).toBe(false);
    expect(unitsComparable(['тыс. руб.', 'человек'])).toBe(false);
    expect(unitsComparable(['кв. м', 'помещений'])).toBe(false);
  });
});

describe('alignMetrics', () => {
  const rows = alignMetrics([testogradCentres, primerskCentre, testogradLessons]);
  const byKind = new Map(rows.map((r) => [r.kind, r]));

  it('puts one kind on one row, in vocabulary order, with a cell per practice', () => {
    expect(rows.map((r) => r.kind)).toEqual(['events', 'organisations', 'budget', 'centres']);
    for (const r of rows) expect(r.cells).toHaveLength(3);
    const organisations = byKind.get('organisations');
    expect(organisations?.comparable).toBe(true);
    expect(organisations?.cells.map((c) => c.map((m) => m.value))).toEqual([[40], [120], []]);
  });

  it('keeps qualifiers and units of each figure', () => {
    const [, primersk] = byKind.get('organisations')?.cells ?? [];
    expect(primersk?.[0]).toMatchObject({ value: 120, qualifier: 'about', unit: 'объединённых организаций' });
    expect(byKind.get('events')?.cells[2]?.[0]).toMatchObject({ value: 300, qualifier: 'more-than' });
  });

  it('refuses to mix «тыс. руб.» and «млн руб.» on the budget row, converting nothing', () => {
    const budget = byKind.get('budget');
    expect(budget?.comparable).toBe(false);
    expect(budget?.units).toEqual(['тыс. руб.', 'млн руб.']);
    expect(budget?.cells.map((c) => c.map((m) => `${m.value} ${m.unit}`))).toEqual([['2500 тыс. руб.'], ['1.2 млн руб.'], []]);
  });

  it('leaves out kinds no practice has', () => {
    expect(byKind.has('winners')).toBe(false);
  });
});

describe('per-capita figures', () => {
  it('divides counts of people and events by the population, per 1 000 residents', () => {
    // 300 events / 500 000 residents × 1 000 = 0.6
    expect(perCapita({ kind: 'events', value: 300, qualifier: 'more-than', unit: 'мероприятий' }, { value: 500_000, year: 2021 })).toEqual({
      value: 0.6,
      qualifier: 'more-than',
      decimals: 2,
      populationYear: 2021,
    });
    // 500 participants in a city of 500 000 is exactly 1 per 1 000: stays exact.
    expect(perCapita({ kind: 'participants', value: 500, qualifier: 'exact', unit: 'человек' }, { value: 500_000, year: 2021 })).toMatchObject({ value: 1, qualifier: 'exact' });
  });

  it('rounds so that «более» and «до» stay true, and marks a rounded exact figure as approximate', () => {
    // 15 000 / 617 515 × 1 000 = 24.2909…: «более 24,2», never «более 24,3».
    expect(roundKeepingQualifier((15000 / 617515) * 1000, 'more-than')).toEqual({ value: 24.2, qualifier: 'more-than', decimals: 1 });
    expect(roundKeepingQualifier(0.3811, 'up-to')).toEqual({ value: 0.39, qualifier: 'up-to', decimals: 2 });
    // 237 / 617 515 × 1 000 = 0.38379…
    expect(roundKeepingQualifier((237 / 617515) * 1000, 'exact')).toEqual({ value: 0.38, qualifier: 'about', decimals: 2 });
    expect(roundKeepingQualifier(0.0583, 'exact')).toEqual({ value: 0.058, qualifier: 'about', decimals: 3 });
  });

  it('is never given where the population is unknown', () => {
    expect(obrazcovskContest.city.population).toBeUndefined();
    expect(perCapita({ kind: 'participants', value: 25, qualifier: 'exact', unit: 'человек' }, obrazcovskContest.city.population)).toBeUndefined();
  });

  it('is never given for money, nor for kinds that do not grow with a city', () => {
    const population = { value: 500_000, year: 2021 };
    expect(perCapita({ kind: 'budget', value: 2500, qualifier: 'exact', unit: 'тыс. руб.' }, population)).toBeUndefined();
    expect(perCapita({ kind: 'prize-fund', value: 500, qualifier: 'exact', unit: 'тыс. руб.' }, population)).toBeUndefined();
    expect(perCapita({ kind: 'organisations', value: 40, qualifier: 'exact', unit: 'СО НКО' }, population)).toBeUndefined();
    // A people kind measured in money is still money.
    expect(perCapita({ kind: 'participants', value: 5, qualifier: 'exact', unit: 'тыс. руб.' }, population)).toBeUndefined();
  });

  it('reads in Russian with the population year', () => {
    expect(formatPerCapita({ value: 24.2, qualifier: 'more-than', decimals: 1, populationYear: 2021 })).toBe('более 24,2 на 1 000 жителей (население на 2021 год)');
    expect(formatPerCapita({ value: 0.38, qualifier: 'about', decimals: 2, populationYear: 2021 })).toBe('≈ 0,38 на 1 000 жителей (население на 2021 год)');
  });
});

describe('the population of the figure\'s own year', () => {
  const texts = (records: CompareRecord[], key: string) =>
    buildComparison(records).groups.flatMap((g) => g.rows).find((r) => r.key === key)?.cells.map((c) => c.map((l) => l.text.replace(/[\u00a0\u202f]/g, ' ')).join(' | '));

  it('reads both populations of the fixture city Тестоград through the schema, oldest first', () => {
    expect(testogradLessons.city.populations?.map((p) => [p.year, p.value])).toEqual([[2013, 480_000], [2021, 500_000]]);
  });

  it('picks the exact year, else the nearest within the bound, else none', () => {
    const two = [{ value: 480_000, year: 2013 }, { value: 500_000, year: 2021 }];
    expect(POPULATION_YEAR_BOUND).toBe(1);
    expect(populationFor(2013, two)?.year).toBe(2013);
    expect(populationFor(2021, two)?.year).toBe(2021);
    expect(populationFor(2014, two)?.year).toBe(2013);
    expect(populationFor(2020, two)?.year).toBe(2021);
    expect(populationFor(2017, two)).toBeUndefined();
    expect(populationFor(2015, two)).toBeUndefined();
    // Equally near on both sides: the earlier one.
    expect(populationFor(2014, [{ value: 1, year: 2015 }, { value: 2, year: 2013 }])?.year).toBe(2013);
    expect(populationFor(2013, undefined)).toBeUndefined();
  });

  it('divides a 2013 figure of Тестоград by its 2013 population, never by the 2021 one', () => {
    // 300 events / 480 000 × 1 000 = 0.625 → «более 0,62»; the 2021 population would give 0,6.
    expect(texts([testogradLessons], 'metric:events')?.[0]).toContain('более 0,62 на 1 000 жителей (население на 2013 год)');
  });

  it('gives no per-capita figure where the only population is years away from the figure (Примерск: 2021 only, figures of 2013)', () => {
    expect(primerskCentre.city.populations?.map((p) => p.year)).toEqual([2021]);
    const cells = buildComparison([primerskCentre]).groups.flatMap((g) => g.rows).filter((r) => r.key.startsWith('metric:')).flatMap((r) => r.cells.flat());
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.map((l) => l.text).join(' ')).not.toContain('жителей');
  });
});

describe('buildComparison', () => {
  const table = buildComparison([testogradCentres, primerskCentre, obrazcovskContest]);
  const rowOf = (key: string) => table.groups.flatMap((g) => g.rows).find((r) => r.key === key);
  // Lines are typeset (no-break spaces); compare them with plain spaces.
  const texts = (key: string) => rowOf(key)?.cells.map((c) => c.map((l) => l.text.replace(/[\u00a0\u202f]/g, ' ')));

  it('has a column per practice and the fields of the view as rows', () => {
    expect(table.columns.map((c) => c.id)).toEqual(['testograd/resource-centres', 'primersk/resource-centre', 'obrazcovsk/good-deeds-contest']);
    expect(table.groups.map((g) => g.key)).toEqual(['place', 'practice', 'metrics', 'money', 'transfer']);
    for (const key of ['city', 'population', 'district', 'years', 'status', 'topics', 'operator', 'transferability', 'contact', 'source']) {
      expect(rowOf(key), key).toBeDefined();
    }
  });

  it('shows «—» (an empty cell) where a practice has no figure of the kind', () => {
    expect(rowOf('metric:winners')?.cells.map((c) => c.length > 0)).toEqual([false, false, true]);
    expect(texts('metric:organisations')?.[1]?.[0]).toBe('около 120 объединённых организаций (2013)');
  });

  it('marks the budget row as not comparable and keeps each unit', () => {
    const budget = rowOf('metric:budget');
    expect(budget?.warning).toContain('тыс. руб., млн руб.');
    expect(texts('metric:budget')?.map((c) => c[0])).toEqual(['2500 тыс. руб. (2013)', '1,2 млн руб. (2013)', undefined]);
    expect(table.groups.find((g) => g.key === 'money')?.rows.map((r) => r.key)).toEqual(['metric:prize-fund', 'metric:budget']);
  });

  it('gives no population and no per-capita line for Образцовск', () => {
    expect(rowOf('population')?.cells[2]).toEqual([]);
    const all = table.groups.flatMap((g) => g.rows).flatMap((r) => r.cells[2] ?? []);
    expect(all.some((l) => l.text.includes('на 1 000 жителей'))).toBe(false);
  });

  it('adds a per-capita line where the population is known and the kind is a count of people or events', () => {
    const lessons = buildComparison([testogradLessons, obrazcovskContest]);
    const events = lessons.groups.flatMap((g) => g.rows).find((r) => r.key === 'metric:events');
    expect(events?.cells[0]?.map((l) => l.text.replace(/[\u00a0\u202f]/g, ' '))).toContain('более 0,62 на 1 000 жителей (население на 2013 год)');
  });

  it('flags rows where every practice says the same', () => {
    expect(rowOf('district')?.same).toBe(false);
    expect(rowOf('operator')?.same).toBe(true);
    expect(rowOf('transferability')?.same).toBe(true);
  });
});
