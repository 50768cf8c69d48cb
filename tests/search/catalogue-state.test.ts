/** The catalogue's filtering, counts, sorting and URL state, without a browser. */
import { describe, expect, test } from 'vitest';
import { CATALOGUE_FACETS, CATALOGUE_SORTS, DEFAULT_SORT, countFacets, sortItems, viewOf, type CatalogueItem, type CatalogueState } from '../../src/lib/search/catalogue.ts';
import { readState, writeState } from '../../src/lib/search/url-state.ts';
import { toFilters } from '../../src/lib/search/pagefind-client.ts';
import { countOf } from '../../src/lib/format-count.ts';
import { fill } from '../../src/lib/search/template.ts';
import { searchRecord } from '../../src/lib/search/record.ts';

// SYNTHETIC items: the shape a practice card gives the script.
const item = (id: string, over: Partial<CatalogueItem>): CatalogueItem => ({
  id,
  title: id,
  city: 'a',
  cityName: 'Альфа',
  district: 'siberian',
  topics: ['nko'],
  year: '2013',
  status: 'active',
  published: '2026-01-01',
  ...over,
});
const items = [
  item('one', { title: 'Первая', topics: ['nko', 'youth'], year: '2012', published: '2026-01-03' }),
  item('two', { title: 'Вторая', city: 'b', cityName: 'Бета', district: 'far-eastern', topics: ['youth'], published: '2026-01-02' }),
  item('three', { title: 'Третья', city: 'c', cityName: 'Ангарск', topics: ['tos'], year: '2014', status: 'completed', published: '2026-01-01' }),
];
const state = (query: string): CatalogueState => readState(new URLSearchParams(query), CATALOGUE_FACETS, CATALOGUE_SORTS);
const ids = (list: CatalogueItem[]) => list.map((i) => i.id);

describe('URL state', () => {
  test('reads repeated facets, folds spaces in the query, ignores unknown keys and sorts', () => {
    const s = state('q=%20ресурсный%20%20центр%20&topic=nko&topic=youth&topic=nko&city=&sort=bogus&foo=1');
    expect(s.q).toBe('ресурсный центр');
    expect(s.selected.topic).toEqual(['nko', 'youth']);
    expect(s.selected.city).toEqual([]);
    expect(s.sort).toBeUndefined();
  });
  test('writes what it reads, leaving out the default sort', () => {
    expect(writeState(state('topic=nko&q=дети&sort=city&year=2013'), CATALOGUE_FACETS, DEFAULT_SORT)).toBe('?q=%D0%B4%D0%B5%D1%82%D0%B8&topic=nko&year=2013&sort=city');
    expect(writeState(state('sort=added'), CATALOGUE_FACETS, DEFAULT_SORT)).toBe('');
  });
});

describe('filtering and counts', () => {
  test('values within a facet are alternatives; facets combine', () => {
    expect(ids(viewOf(items, state('topic=nko&topic=tos'), null).shown)).toEqual(['one', 'three']);
    expect(ids(viewOf(items, state('topic=youth&district=far-eastern'), null).shown)).toEqual(['two']);
  });
  test('the text query narrows to the practices Pagefind matched', () => {
    expect(ids(viewOf(items, state('q=x'), new Set(['two', 'three'])).shown)).toEqual(['two', 'three']);
  });
  test('a facet counts with the other facets applied but not itself', () => {
    const counts = countFacets(items, state('topic=youth'), null);
    expect(Object.fromEntries(counts.topic)).toEqual({ nko: 1, youth: 2, tos: 1 });
    expect(Object.fromEntries(counts.city)).toEqual({ a: 1, b: 1 });
    expect(Object.fromEntries(counts.year)).toEqual({ '2012': 1, '2013': 1 });
  });
});

describe('sorting', () => {
  test('by date added, newest first; by start year, latest first; by city name, А to Я', () => {
    expect(ids(sortItems(items, 'added'))).toEqual(['one', 'two', 'three']);
    expect(ids(sortItems(items, 'year'))).toEqual(['three', 'two', 'one']);
    expect(ids(sortItems(items, 'city'))).toEqual(['one', 'three', 'two']);
  });
});

describe('helpers', () => {
  test('filters for Pagefind: selected values, and empty ones for the counts asked', () => {
    expect(toFilters({ topic: ['nko'], city: [] }, ['year'])).toEqual({ year: { any: [] }, topic: { any: ['nko'] } });
  });
  test('Russian plurals and templates', () => {
    expect(countOf(1, ['результат', 'результата', 'результатов'])).toBe('1 результат');
    expect(countOf(3, ['результат', 'результата', 'результатов'])).toBe('3 результата');
    expect(countOf(11, ['результат', 'результата', 'результатов'])).toBe('11 результатов');
    expect(countOf(12000, ['результат', 'результата', 'результатов'])).toBe('12\u202F000 результатов');
    expect(fill('Найдено: {count}', { count: '2 результата' })).toBe('Найдено: 2 результата');
  });
  test('a practice record: ids as filter values, a one-line summary, the years as printed', () => {
    const record = searchRecord({
      type: 'practice',
      id: 'x/y',
      cityId: 'x',
      cityName: 'Икс',
      district: 'ural',
      topicIds: ['nko', 'tos'],
      startYear: 2013,
      years: '2013–2014',
      status: 'completed',
      summary: 'Строка,\n  с запятой: и двоеточием',
    });
    expect(record.filters).toEqual([
      ['type', 'practice'],
      ['practice', 'x/y'],
      ['topic', 'nko'],
      ['topic', 'tos'],
      ['city', 'x'],
      ['district', 'ural'],
      ['year', '2013'],
      ['status', 'completed'],
    ]);
    expect(record.meta).toEqual([
      ['city', 'Икс'],
      ['year', '2013–2014'],
      ['summary', 'Строка, с запятой: и двоеточием'],
    ]);
  });
});
