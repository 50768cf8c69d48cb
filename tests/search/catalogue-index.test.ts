/**
 * The catalogue's own Pagefind index (`pagefind/catalogue/`, index-site.ts): one record per
 * practice with its filters, sort keys and card metadata, merged into the search index only by
 * the JavaScript catalogue. Opened in Node through the built `pagefind.js` and the site's own
 * catalogue code (catalogue-remote.ts), on the shared multi-city fixture bank.
 */
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sharedBank } from '../helpers/shared-bank.ts';
import { fixturesDir } from '../helpers/paths.ts';
import { readBank } from '../helpers/content-bank.ts';
import { CATALOGUE_INDEX, matchingPractices, mergeCatalogue, type PagefindApi } from '../../src/lib/search/pagefind-client.ts';
import { loadCards, remoteView } from '../../src/lib/search/catalogue-remote.ts';
import { CATALOGUE_FACETS, DEFAULT_SORT, type CatalogueSort, type CatalogueState } from '../../src/lib/search/catalogue.ts';
import { openIndex, pathOf, type OpenIndex } from './pagefind-node.ts';
import { present } from '../helpers/present.ts';

const bank = readBank(resolve(fixturesDir, 'multi-city'));
const collator = new Intl.Collator('ru');
let dist = '';
let index: OpenIndex;
let catalogue: PagefindApi;

beforeAll(async () => {
  dist = sharedBank('multi-city').dist;
  index = await openIndex(dist);
  catalogue = await mergeCatalogue(index.pagefind, `${index.server.url}/pagefind/`);
});
afterAll(() => index?.close());

const state = (sort: CatalogueSort = DEFAULT_SORT): CatalogueState => ({
  q: '',
  selected: Object.fromEntries(CATALOGUE_FACETS.map((f) => [f, []])) as unknown as CatalogueState['selected'],
  sort,
});
const allCards = async (view: Awaited<ReturnType<typeof remoteView>>) => loadCards(view.results, 0, view.results.length);

describe('the catalogue index', () => {
  test('is a merged index only: entry, metadata and chunks, no second copy of the scripts', () => {
    const folder = resolve(dist, 'pagefind', CATALOGUE_INDEX);
    const files = readdirSync(folder);
    expect(files).toContain('pagefind-entry.json');
    expect(files.some((f) => f.endsWith('.pf_meta'))).toBe(true);
    expect(files.filter((f) => /\.(js|css)$|^wasm\./.test(f))).toEqual([]);
    expect(existsSync(resolve(dist, 'pagefind/pagefind.js'))).toBe(true);
  });

  test('orders the whole bank by city, A to Я, and by start year, latest first', async () => {
    const byCity = await allCards(await remoteView(catalogue, state('city')));
    expect(byCity).toHaveLength(bank.practices.length);
    const names = byCity.map((c) => c.cityName);
    expect(names).toEqual([...names].sort((a, b) => collator.compare(a, b)));
    const byYear = await allCards(await remoteView(catalogue, state('year')));
    const startOf = new Map(bank.practices.map((p) => [p.id, p.data.startYear]));
    const years = byYear.map((c) => startOf.get(c.id));
    expect(years).toEqual([...years].sort((a, b) => (b ?? 0) - (a ?? 0)));
  });

  test('cards carry what the page shows: title, city, years, summary, topics', async () => {
    const cards = await allCards(await remoteView(catalogue, state()));
    expect(cards.map((c) => c.id).sort()).toEqual(bank.practices.map((p) => p.id).sort());
    for (const card of cards) {
      const practice = present(bank.practices.find((p) => p.id === card.id), `practice ${card.id}`);
      expect(pathOf(card.url)).toBe(`/practices/${card.id}/`);
      expect(card.title).toBe(practice.data.title);
      expect(card.topics.sort()).toEqual(practice.data.topics.map((t) => t.id).sort());
    }
  });

  test('the catalogue\'s text queries (filtered to practices) never reach a catalogue record and find what they found before', async () => {
    const word = present(present(bank.practices[0], 'a practice').data.title.split(/\s+/)[0], 'a first word');
    const found = await catalogue.search(word, { filters: { type: { any: ['practice'] } } });
    expect(found.results.length).toBeGreaterThan(0);
    const pages = await Promise.all(found.results.map((r) => r.data()));
    // Every hit is a full page of the search index (with its text), not a title-only record.
    for (const page of pages) expect(page.content.length, page.url).toBeGreaterThan(present(page.meta.title, `the title of ${page.url}`).length + 50);
    const alone = await openIndex(dist);
    try {
      for (const q of [word, 'ресурсный центр', 'гжель']) expect(await matchingPractices(index.search, q), q).toEqual(await matchingPractices(alone.search, q));
    } finally {
      await alone.close();
    }
  });
});
