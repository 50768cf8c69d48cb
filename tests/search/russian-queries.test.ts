/**
 * Russian queries against real built indexes: a synthetic bank whose every practice holds exactly
 * one word form (tests/fixtures/search/), and the published site. Each morphology and «ё»/«е»
 * case of issue 3 has its own test: they are what tells whether a Pagefind upgrade is safe
 * (1.5.0 and later fail the «ресурсный центр» cases; see src/lib/search/index-site.ts).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { requireBuilt } from '../helpers/build-bank.ts';
import { publishedDist } from '../helpers/paths.ts';
import { matchingPracticeIds, searchPages } from '../../src/lib/search/pagefind-client.ts';
import { openIndex, openSearchBankIndex, pathOf, type OpenIndex } from './pagefind-node.ts';
import { present } from '../helpers/present.ts';

const practice = (id: string) => `/practices/${id}/`;

describe('synthetic bank: one word form per practice', () => {
  let index: OpenIndex;
  beforeAll(async () => {
    index = await openSearchBankIndex();
  });
  afterAll(() => index?.close());

  /** Every page a query finds, best first, optionally narrowed by filters. */
  async function found(query: string, selected: Record<string, string[]> = {}): Promise<string[]> {
    const { hits } = await searchPages(index.search, query, selected, { limit: 100 });
    return hits.map((h) => pathOf(h.url));
  }
  const practicesFound = (query: string, selected: Record<string, string[]> = {}) => found(query, { ...selected, type: ['practice'] });

  describe('morphology: a query in one form finds the other forms', () => {
    test('«ресурсный центр» finds «ресурсных центров» and «ресурсным центрам»', async () => {
      expect((await practicesFound('ресурсный центр')).sort()).toEqual([practice('leksinsk/support'), practice('morfograd/network')]);
    });
    test('«ресурсные центры» finds both as well', async () => {
      expect((await practicesFound('ресурсные центры')).sort()).toEqual([practice('leksinsk/support'), practice('morfograd/network')]);
    });
    test('«ресурсный» alone (a word with «й», which Pagefind 1.5+ no longer stems) finds both', async () => {
      expect((await practicesFound('ресурсный')).sort()).toEqual([practice('leksinsk/support'), practice('morfograd/network')]);
    });
    test('«детские дома» finds «детских домов»', async () => {
      expect(await found('детские дома')).toEqual([practice('morfograd/orphans')]);
    });
  });

  describe('«ё» and «е» are the same letter', () => {
    // «добровольцев» (leksinsk/volunteers-b) comes through the synonym group волонтёр / доброволец.
    test('«волонтёры» finds «волонтеров»', async () => {
      expect((await found('волонтёры')).sort()).toEqual([practice('leksinsk/volunteers-b'), practice('morfograd/helpers')]);
    });
    test('«волонтеры» finds «волонтеров»', async () => {
      expect((await found('волонтеры')).sort()).toEqual([practice('leksinsk/volunteers-b'), practice('morfograd/helpers')]);
    });
    test('«молодёжь» finds «Молодежь»', async () => {
      expect(await found('молодёжь')).toEqual([practice('leksinsk/generation')]);
    });
    test('«объединённые» finds «объединенных»', async () => {
      expect(await found('объединённые')).toEqual([practice('leksinsk/unions')]);
    });
  });

  describe('multi-word queries', () => {
    test('both words on one page: found', async () => {
      expect(await found('волонтёры парков')).toEqual([practice('morfograd/helpers')]);
    });
    test('each word on a different page: the pages with one of them, marked as partial', async () => {
      const page = await searchPages(index.search, 'волонтёры молодёжь', {}, { limit: 100 });
      expect(page.partial).toBe(true);
      expect(page.hits.map((h) => pathOf(h.url)).sort()).toEqual([practice('leksinsk/generation'), practice('leksinsk/volunteers-b'), practice('morfograd/helpers')]);
    });
    test('extra spaces and capitals change nothing', async () => {
      expect(await found('  Детские   ДОМА ')).toEqual([practice('morfograd/orphans')]);
    });
  });

  describe('filters', () => {
    test('without a type filter the submission that says «ресурсного центра» is found too', async () => {
      expect(await found('ресурсный центр')).toContain('/submissions/morfograd/2014-answers/');
    });
    test('type: submission', async () => {
      expect(await found('ресурсный центр', { type: ['submission'] })).toEqual(['/submissions/morfograd/2014-answers/']);
    });
    test('city', async () => {
      expect(await practicesFound('ресурсный центр', { city: ['morfograd'] })).toEqual([practice('morfograd/network')]);
    });
    test('federal district', async () => {
      expect(await practicesFound('ресурсный центр', { district: ['far-eastern'] })).toEqual([practice('leksinsk/support')]);
    });
    test('topic', async () => {
      expect(await practicesFound('ресурсный центр', { topic: ['alfa'] })).toEqual([practice('morfograd/network')]);
    });
    test('year (start)', async () => {
      expect(await practicesFound('ресурсный центр', { year: ['2015'] })).toEqual([practice('leksinsk/support')]);
    });
    test('status', async () => {
      expect(await practicesFound('ресурсный центр', { status: ['completed'] })).toEqual([practice('leksinsk/support')]);
    });
    test('values of one filter are alternatives', async () => {
      expect((await practicesFound('ресурсный центр', { city: ['morfograd', 'leksinsk'] })).length).toBe(2);
    });
    test('filters alone, without words, list every page that has them', async () => {
      expect((await found('', { topic: ['gamma'], type: ['practice'] })).sort()).toEqual([practice('morfograd/helpers'), practice('morfograd/orphans')]);
    });
    test('counts per value come back for the facets asked', async () => {
      const { counts } = await searchPages(index.search, 'ресурсный центр', { type: ['practice'] }, { countKeys: ['city', 'year'] });
      expect(counts.city).toMatchObject({ morfograd: 1, leksinsk: 1 });
      expect(counts.year).toMatchObject({ '2014': 1, '2015': 1, '2016': 0 });
    });
  });

  test('a query that matches nothing finds nothing', async () => {
    expect(await found('экзопланета')).toEqual([]);
  });

  test('an empty query finds nothing rather than everything', async () => {
    expect(await found('   ')).toEqual([]);
  });

  test('the catalogue learns matching practice ids without loading results', async () => {
    expect([...(await matchingPracticeIds(index.search, 'ресурсные центры'))].sort()).toEqual(['leksinsk/support', 'morfograd/network']);
    expect(await matchingPracticeIds(index.search, 'экзопланета')).toEqual(new Set());
  });

  test('a result carries city, year and summary, and a highlighted excerpt', async () => {
    const { hits } = await searchPages(index.search, 'детские дома');
    expect(hits[0]).toMatchObject({
      title: 'Шефство над интернатами Морфограда',
      type: 'practice',
      city: 'Морфоград',
      year: 'с 2016',
      summary: 'Синтетическая практика для тестов поиска — Шефство над интернатами Морфограда.',
    });
    expect(hits[0]?.excerpt).toContain('<mark>детских</mark> <mark>домов.</mark>');
  });
});

describe('the published bank', () => {
  let index: OpenIndex;
  beforeAll(async () => {
    index = await openIndex(requireBuilt(publishedDist));
  });
  afterAll(() => index?.close());

  const firstPractice = async (query: string) => {
    const { hits } = await searchPages(index.search, query, { type: ['practice'] });
    return hits.map((h) => pathOf(h.url));
  };

  test('«ресурсный центр» finds the Irkutsk resource-centres practice first', async () => {
    expect((await firstPractice('ресурсный центр'))[0]).toBe(practice('irkutsk/resource-centres'));
  });
  test('«Молодежь 3D» finds the marathon first, also among all kinds of page', async () => {
    expect((await firstPractice('Молодежь 3D'))[0]).toBe(practice('irkutsk/youth-3d-marathon'));
    const { hits } = await searchPages(index.search, 'Молодежь 3D');
    expect(pathOf(present(hits[0], 'a first hit').url)).toBe(practice('irkutsk/youth-3d-marathon'));
  });
  test('«молодёжь 3d», with «ё» and a small letter, finds the marathon too', async () => {
    expect((await firstPractice('молодёжь 3d'))[0]).toBe(practice('irkutsk/youth-3d-marathon'));
  });
  test('«детские дома» finds the marathon («13 детских домов»)', async () => {
    expect(await firstPractice('детские дома')).toContain(practice('irkutsk/youth-3d-marathon'));
  });
  test('«волонтеры» finds the practices that speak of volunteers', async () => {
    const found = await firstPractice('волонтеры');
    expect(found).toContain(practice('irkutsk/learning-city'));
    expect(found).toContain(practice('irkutsk/youth-3d-marathon'));
  });
  test('the city filter narrows to Irkutsk; an unknown city gives nothing', async () => {
    expect((await searchPages(index.search, 'конкурс', { type: ['practice'], city: ['irkutsk'] })).hits.length).toBeGreaterThan(0);
    expect((await searchPages(index.search, 'конкурс', { type: ['practice'], city: ['nowhere'] })).hits).toEqual([]);
  });
  test('a query that matches nothing finds nothing', async () => {
    expect((await searchPages(index.search, 'экзопланета')).hits).toEqual([]);
  });
});
