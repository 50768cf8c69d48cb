/**
 * What the published index holds: the main content of practice, submission, city and topic
 * pages, with their filters and metadata, and nothing of the site's chrome or its list pages.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { requireBuilt } from '../helpers/build-bank.ts';
import { readPage, textOf } from '../helpers/html.ts';
import { projectRoot, publishedDist } from '../helpers/paths.ts';
import { readBank } from '../helpers/content-bank.ts';
import { ru } from '../../src/i18n/ru.ts';
import type { PagefindResultData } from '../../src/lib/search/pagefind-client.ts';
import { openIndex, pathOf, type OpenIndex } from './pagefind-node.ts';

const dist = requireBuilt(publishedDist);

/** Every built page as its URL path. */
const builtPages = readdirSync(dist, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name === 'index.html')
  .map((e) => `/${relative(dist, e.parentPath).split('\\').join('/')}/`.replace(/^\/\/$/, '/'));

const TYPE_OF_SECTION: Record<string, string> = { practices: 'practice', submissions: 'submission', cities: 'city', topics: 'topic' };
const kindOf = (path: string) => TYPE_OF_SECTION[/^\/(practices|submissions|cities|topics)\/./.exec(path)?.[1] ?? ''];
// Lists under /practices/ (by year, complete descriptions) are not entries.
const isEntryPage = (path: string) => kindOf(path) !== undefined && !path.startsWith('/practices/year/') && !path.startsWith('/practices/complete/');

describe('the published index', () => {
  let index: OpenIndex;
  let pages: PagefindResultData[];
  beforeAll(async () => {
    index = await openIndex(dist);
    // A search with no words and no filters lists every page in the index.
    const all = await index.pagefind.search(null);
    pages = await Promise.all(all.results.map((r) => r.data()));
  });
  afterAll(() => index?.close());

  test('holds exactly the practice, submission, city and topic pages', () => {
    const expected = builtPages.filter(isEntryPage).sort();
    expect(expected.length).toBeGreaterThan(10);
    expect(pages.map((p) => pathOf(p.url)).sort()).toEqual(expected);
  });

  test('leaves out home, lists, year pages, search, about', () => {
    const indexed = new Set(pages.map((p) => pathOf(p.url)));
    for (const path of ['/', '/practices/', '/practices/year/2013/', '/cities/', '/topics/', '/submissions/', '/search/', '/about/']) {
      expect(builtPages, `${path} should be built`).toContain(path);
      expect(indexed.has(path), path).toBe(false);
    }
  });

  test('indexes no navigation, header search, skip link, footer or card lists', () => {
    for (const page of pages) {
      const where = pathOf(page.url);
      expect(page.content, where).not.toContain(ru.skipLink);
      expect(page.content, where).not.toContain(ru.footer.text);
      expect(page.content, where).not.toContain(ru.nav.label);
      expect(page.content, where).not.toContain(ru.search.label);
      expect(page.content, where).not.toContain(ru.practice.related);
    }
    // A topic page lists its practices as cards; a card's summary is the practice's text, not
    // the topic's, and would let the topic outrank the practice.
    const topic = pages.find((p) => pathOf(p.url) === '/topics/resource-centres/');
    expect(topic?.content).toBeDefined();
    expect(topic?.content).not.toContain('С 2012 года Иркутск создаёт ресурсные центры');
    // Nor the topic's comparison table or the city's cards and lists: on a large bank they made
    // each topic page tens of kilobytes of indexed text, the first results of a search.
    const city = pages.find((p) => pathOf(p.url) === '/cities/irkutsk/');
    const practiceTitle = 'Ресурсные центры для СО НКО в шаговой доступности';
    for (const [path, built] of [['/topics/resource-centres/', topic], ['/cities/irkutsk/', city]] as const) {
      // The page's text is typeset (no-break spaces, <abbr>): its words are what is compared.
      expect(textOf(readPage(dist, path).document.body), `${path} shows the practice`).toContain(practiceTitle);
      expect(built?.content, path).toBeDefined();
      expect(built?.content.replaceAll('\u00A0', ' '), path).not.toContain(practiceTitle);
      expect(built?.content, path).not.toContain(ru.compare.topicTable.heading);
    }
    expect(topic?.content).toContain('Помещения и услуги, которые город предоставляет НКО');
    expect(city?.content).toContain('Иркутская область');
  });

  test('every practice result carries its city, years, summary and filters', () => {
    const practice = pages.find((p) => pathOf(p.url) === '/practices/irkutsk/resource-centres/');
    // Titles and summaries are typeset (no-break spaces); compare their words.
    const meta = Object.fromEntries(Object.entries(practice?.meta ?? {}).map(([k, v]) => [k, String(v).replace(/[\u00a0\u202f]/g, ' ')]));
    expect(meta).toMatchObject({ title: 'Ресурсные центры для СО НКО в шаговой доступности', city: 'Иркутск', year: 'с 2012' });
    expect(meta.summary).toMatch(/^С 2012 года Иркутск создаёт ресурсные центры/);
    expect(practice?.filters).toMatchObject({
      type: ['practice'],
      city: ['irkutsk'],
      district: ['siberian'],
      year: ['2012'],
      status: ['active'],
      practice: ['irkutsk/resource-centres'],
    });
    expect([...(practice?.filters.topic ?? [])].sort()).toEqual(['nko', 'public-engagement', 'resource-centres']);
  });

  test('submission, city and topic pages carry their type and filters', () => {
    const byPath = (path: string) => pages.find((p) => pathOf(p.url) === path);
    expect(byPath('/submissions/irkutsk/2013-public-engagement/')?.filters).toMatchObject({ type: ['submission'], city: ['irkutsk'], year: ['2013'] });
    expect(byPath('/cities/irkutsk/')?.filters).toMatchObject({ type: ['city'], city: ['irkutsk'], district: ['siberian'] });
    expect(byPath('/topics/nko/')?.filters).toMatchObject({ type: ['topic'], topic: ['nko'] });
  });
});

describe('markup', () => {
  test('search filters and metadata come from one component, inside the indexed body, once per page', () => {
    for (const path of builtPages.filter(isEntryPage)) {
      const { document } = readPage(dist, path);
      const blocks = document.querySelectorAll('[data-search-meta]');
      expect(blocks.length, path).toBe(1);
      expect(blocks[0]?.closest('[data-pagefind-body]'), path).not.toBeNull();
      expect(blocks[0]?.hasAttribute('hidden'), path).toBe(true);
      expect(blocks[0]?.querySelector(`[data-pagefind-filter="type:${kindOf(path)}"]`), path).not.toBeNull();
    }
  });

  test('only entry pages mark a body for the index', () => {
    const marked = builtPages.filter((path) => readPage(dist, path).document.querySelector('[data-pagefind-body]')).filter((p) => kindOf(p));
    expect(marked.sort()).toEqual(builtPages.filter(isEntryPage).sort());
  });

  test('the index does not use Pagefind’s default UI', () => {
    for (const path of builtPages) {
      const { html } = readPage(dist, path);
      expect(html, path).not.toMatch(/pagefind-(modular-)?ui\.(js|css)/);
    }
  });
});

test('year pages exist for every start year of the content files, are linked from the catalogue, and list that year’s practices', () => {
  const bank = readBank(resolve(projectRoot, 'content'));
  const years = [...new Set(bank.practices.map((p) => p.data.startYear))].sort();
  expect(years.length).toBeGreaterThan(1);
  const { document } = readPage(dist, '/practices/');
  const yearLinks = [...document.querySelectorAll('a[href^="/practices/year/"]')].map((a) => a.getAttribute('href'));
  for (const href of yearLinks) expect(builtPages, String(href)).toContain(href);
  for (const year of years) {
    expect(yearLinks).toContain(`/practices/year/${year}/`);
    const page = readPage(dist, `/practices/year/${year}/`).document;
    const cards = [...page.querySelectorAll('[data-practice]')].map((c) => c.getAttribute('data-practice')).sort();
    expect(cards, String(year)).toEqual(bank.practices.filter((p) => p.data.startYear === year).map((p) => p.id).sort());
  }
});
