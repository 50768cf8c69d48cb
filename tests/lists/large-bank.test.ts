/**
 * A bank of several hundred practices (scripts/lib/synthetic-bank.ts, invented cities), built
 * once with small pages (LIST_PAGE_SIZE=20, ANSWERS_PAGE_SIZE=25): every list is paginated and
 * every practice is reachable from page 1 by `next` links with no JavaScript; feeds carry the
 * newest FEED_SIZE and nothing published is lost; the compare view loads only what it shows; the
 * JavaScript catalogue works over the whole bank although the page holds only its own cards.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildBank } from '../helpers/build-bank.ts';
import { readPage } from '../helpers/html.ts';
import { testOut } from '../helpers/paths.ts';
import { axeViolations, launchBrowser, openPage, type WatchedPage } from '../helpers/browser.ts';
import { serveStatic, type StaticServer } from '../helpers/server.ts';
import { readFeeds } from '../feeds/feed-reader.ts';
import { writeSyntheticBank } from '../../scripts/lib/synthetic-bank.ts';
import { FEED_SIZE } from '../../src/lib/feeds/practice-feed.ts';
import { REMOTE_BATCH } from '../../src/lib/search/catalogue-remote.ts';
import { formatBytes } from '../../src/lib/format.ts';
import { present } from '../helpers/present.ts';

const PRACTICES = 300;
const PAGE = 20;
const ANSWERS = 25;
/** Remote catalogue views load Pagefind and fragments: on a busy shared machine this takes seconds. */
const REMOTE_WAIT = 15_000;

interface OpenPractice {
  id: string;
  title: string;
  city: string;
  topics: string[];
  startYear: number;
  submission: string;
  published: string;
}

let dist = '';
let bank: OpenPractice[] = [];
let submissions: string[] = [];

beforeAll(() => {
  const content = resolve(testOut, 'large-bank-content');
  writeSyntheticBank(content, PRACTICES);
  const result = buildBank('large-bank', content, { env: { LIST_PAGE_SIZE: String(PAGE), ANSWERS_PAGE_SIZE: String(ANSWERS) } });
  if (result.status !== 0) throw new Error(result.output);
  dist = result.dist;
  // The open data is the whole bank: what every other view is checked against.
  bank = JSON.parse(readFileSync(resolve(dist, 'data/practices.json'), 'utf8')) as OpenPractice[];
  submissions = readdirSync(resolve(content, 'submissions'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx') && !(f.split('/').pop() ?? f).startsWith('_'))
    .map((f) => f.replace(/\.mdx$/, ''))
    .sort();
}, 240_000);

/** Follows `next` from page 1 and returns every page visited, checking the links both ways. */
function walk(first: string, itemSelector: string, attribute: string) {
  const pages: { path: string; items: string[] }[] = [];
  let previous: string | undefined;
  for (let path: string | undefined = first; path; ) {
    if (pages.length > 1000) throw new Error(`${first}: more than 1000 pages`);
    const { document } = readPage(dist, path);
    const items = [...document.querySelectorAll(itemSelector)].map((n) => n.getAttribute(attribute) ?? '');
    pages.push({ path, items });
    const headNext = document.querySelector('head link[rel="next"]')?.getAttribute('href') ?? undefined;
    const headPrev = document.querySelector('head link[rel="prev"]')?.getAttribute('href') ?? undefined;
    const navNext = document.querySelector('nav[data-pager] a[rel="next"]')?.getAttribute('href') ?? undefined;
    expect(navNext, `${path}: visible next = head next`).toBe(headNext);
    expect(headPrev, `${path}: prev`).toBe(previous);
    if (pages.length > 1) expect(document.querySelector('nav[data-pager] [aria-current="page"]')?.textContent, path).toBe(String(pages.length));
    previous = path;
    path = headNext;
  }
  return pages;
}

const pagesFor = (n: number, size = PAGE) => Math.max(1, Math.ceil(n / size));
const newest = (a: OpenPractice, b: OpenPractice) => b.published.localeCompare(a.published) || a.title.localeCompare(b.title, 'ru');

describe('pagination without JavaScript', () => {
  it('reaches every practice from page 1 of the catalogue, newest first, one page of cards at a time', () => {
    const pages = walk('/practices/', '[data-catalogue-list] > article[data-practice]', 'data-practice');
    expect(pages).toHaveLength(pagesFor(PRACTICES));
    expect(pages.every((p) => p.items.length <= PAGE)).toBe(true);
    expect(pages.slice(0, -1).every((p) => p.items.length === PAGE)).toBe(true);
    const seen = pages.flatMap((p) => p.items);
    expect(seen).toHaveLength(PRACTICES);
    expect(new Set(seen)).toEqual(new Set(bank.map((p) => p.id)));
    const published = new Map(bank.map((p) => [p.id, p.published]));
    const dates = seen.map((id) => published.get(id) ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    expect(pages[1]?.path).toBe('/practices/page/2/');
  });

  it('reaches every practice of each topic, city and start year from its page 1', () => {
    const lists = [
      ...new Set(bank.flatMap((p) => p.topics)).values().map((t) => ({ first: `/topics/${t}/`, ids: bank.filter((p) => p.topics.includes(t)).map((p) => p.id) })),
      ...new Set(bank.map((p) => p.city)).values().map((c) => ({ first: `/cities/${c}/`, ids: bank.filter((p) => p.city === c).map((p) => p.id) })),
      ...new Set(bank.map((p) => p.startYear)).values().map((y) => ({ first: `/practices/year/${y}/`, ids: bank.filter((p) => p.startYear === y).map((p) => p.id) })),
    ];
    let multiPage = 0;
    for (const { first, ids } of lists) {
      const pages = walk(first, 'article.card[data-practice]', 'data-practice');
      expect(pages, first).toHaveLength(pagesFor(ids.length));
      if (pages.length > 1) multiPage++;
      expect(pages.flatMap((p) => p.items).sort(), first).toEqual([...ids].sort());
    }
    expect(multiPage).toBeGreaterThan(0);
  });

  it('pages a questionnaire\'s answers by submission, every submission once', () => {
    const pages = walk('/questionnaires/synthetic-questionnaire/', 'section[data-question="achievements"] article.answer', 'data-submission');
    expect(pages).toHaveLength(pagesFor(submissions.length, ANSWERS));
    expect(pages.flatMap((p) => p.items).sort()).toEqual(submissions);
  });

  it('makes no page that would not exist: one past the last page is absent', () => {
    expect(existsSync(resolve(dist, `practices/page/${pagesFor(PRACTICES)}/index.html`))).toBe(true);
    expect(existsSync(resolve(dist, `practices/page/${pagesFor(PRACTICES) + 1}/index.html`))).toBe(false);
    expect(existsSync(resolve(dist, 'practices/page/1/index.html'))).toBe(false);
  });
});

describe('feeds of a large bank', () => {
  it('feedparser reads every feed; each holds the newest FEED_SIZE practices of its scope', () => {
    const scopes = [
      { path: '/rss.xml', ids: bank },
      ...new Set(bank.flatMap((p) => p.topics)).values().map((t) => ({ path: `/topics/${t}/rss.xml`, ids: bank.filter((p) => p.topics.includes(t)) })),
      ...new Set(bank.map((p) => p.city)).values().map((c) => ({ path: `/cities/${c}/rss.xml`, ids: bank.filter((p) => p.city === c) })),
    ];
    const feeds = readFeeds(scopes.map((s) => resolve(dist, `.${s.path}`)));
    scopes.forEach((scope, i) => {
      const feed = present(feeds[i], `feed ${i}`);
      expect({ path: scope.path, bozo: feed.bozo }).toEqual({ path: scope.path, bozo: 0 });
      const expected = [...scope.ids].sort(newest).slice(0, FEED_SIZE).map((p) => `/practices/${p.id}/`);
      expect(feed.entries.map((e) => new URL(e.link).pathname), scope.path).toEqual(expected);
    });
    expect(feeds[0]?.entries).toHaveLength(FEED_SIZE);
  });

  it('/data/ shows the size of each download, as the file on disk has it', () => {
    const { document } = readPage(dist, '/data/');
    for (const name of ['practices.csv', 'practices.json', 'cities.csv', 'topics.csv']) {
      const shown = document.querySelector(`[data-data-size="${name}"]`)?.textContent?.replace(/\u00a0/g, ' ');
      expect(shown, name).toContain(formatBytes(statSync(resolve(dist, 'data', name)).size).replace(/\u00a0/g, ' '));
    }
    expect(document.querySelector('[data-feed-size-note]')?.textContent).toContain(String(FEED_SIZE));
  });

  it('loses nothing: every practice is in the open data and has its page', () => {
    expect(bank).toHaveLength(PRACTICES);
    for (const p of bank) expect(existsSync(resolve(dist, `practices/${p.id}/index.html`)), p.id).toBe(true);
  });
});

describe('in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  const opened: WatchedPage[] = [];
  beforeAll(async () => {
    server = await serveStatic(dist);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  async function open(path: string) {
    const watched = await openPage(browser);
    opened.push(watched);
    const requests: { path: string; bytes: number }[] = [];
    watched.page.on('requestfinished', async (r) => {
      const path = new URL(r.url()).pathname;
      // After a test its page closes while late responses may still finish: both steps may reject.
      const body = await r.response().then((response) => response?.body()).catch(() => undefined);
      requests.push({ path, bytes: body?.length ?? 0 });
    });
    await watched.page.goto(`${server.url}${path}`);
    return { ...watched, requests };
  }

  it('comparing 3 practices loads only their 3 records', async () => {
    const chosen = [0, 150, 299].map((i) => present(bank[i], `practice ${i}`).id);
    const w = await open(`/compare/?p=${chosen.join(',')}`);
    await w.page.waitForSelector('thead th[data-practice]');
    await w.page.waitForLoadState('networkidle');
    const columns = await w.page.locator('thead th[data-practice]').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-practice')));
    expect(columns).toEqual(chosen);
    const data = w.requests.filter((r) => r.path.endsWith('.json'));
    expect(data.map((r) => r.path).sort()).toEqual(chosen.map((id) => `/compare/p/${id}.json`).sort());
    const bytes = data.reduce((sum, r) => sum + r.bytes, 0);
    const onDisk = chosen.reduce((sum, id) => sum + statSync(resolve(dist, `compare/p/${id}.json`)).size, 0);
    expect(bytes).toBe(onDisk);
    // Bounded by what is shown: a small fraction of what all the bank's records weigh.
    const all = readdirSync(resolve(dist, 'compare/p'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
    expect(all).toHaveLength(PRACTICES);
    expect(w.consoleErrors).toEqual([]);
  });

  it('the JavaScript catalogue filters the whole bank, not just the page\'s cards', async () => {
    const topic = 'synthetic-topic-01';
    const withTopic = bank.filter((p) => p.topics.includes(topic)).sort(newest);
    expect(withTopic.length).toBeGreaterThan(REMOTE_BATCH);
    const w = await open('/practices/');
    const { page } = w;
    await page.waitForSelector('form[data-catalogue-form]:not([hidden])');
    const box = page.locator(`input[name="topic"][value="${topic}"]`);
    await expect.poll(() => box.locator('xpath=..').locator('[data-facet-count]').textContent(), { timeout: REMOTE_WAIT }).toBe(`(${withTopic.length})`);
    await box.check();
    const visible = () => page.locator('[data-catalogue-list] > [data-practice]:visible').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-practice')));
    await expect.poll(() => page.locator('[data-catalogue-status]').textContent(), { timeout: REMOTE_WAIT }).toBe(`Показано практик: ${withTopic.length} из ${PRACTICES}`);
    await expect.poll(visible, { timeout: REMOTE_WAIT }).toEqual(withTopic.slice(0, REMOTE_BATCH).map((p) => p.id));
    expect(await page.locator('[data-catalogue-pager]').isVisible()).toBe(false);
    await page.locator('[data-catalogue-more]').click();
    await expect.poll(() => visible().then((v) => v.length), { timeout: REMOTE_WAIT }).toBe(Math.min(withTopic.length, 2 * REMOTE_BATCH));
    // Cards drawn by the script are as accessible as the static ones.
    expect(await axeViolations(page)).toEqual([]);
    // A city's count is what adding it would give with the topic chosen.
    const city = present(withTopic[0], 'a practice of the topic').city;
    const both = withTopic.filter((p) => p.city === city);
    expect(await page.locator(`input[name="city"][value="${city}"]`).locator('xpath=..').locator('[data-facet-count]').textContent()).toBe(`(${both.length})`);
    await page.locator(`input[name="city"][value="${city}"]`).check();
    await expect.poll(visible, { timeout: REMOTE_WAIT }).toEqual(both.map((p) => p.id).slice(0, REMOTE_BATCH));
    // Back to the default view: the static page and its pager.
    await page.goBack();
    await page.goBack();
    await expect.poll(() => page.locator('[data-catalogue-pager]').isVisible(), { timeout: REMOTE_WAIT }).toBe(true);
    expect((await visible()).length).toBe(PAGE);
    expect(await axeViolations(page)).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
  });

  it('sorts the whole bank by city, A to Я', async () => {
    const w = await open('/practices/?sort=city');
    const { page } = w;
    const first = () => page.locator('[data-catalogue-list] > [data-practice]:visible').first().getAttribute('data-practice');
    await expect.poll(first, { timeout: REMOTE_WAIT }).toMatch(/^sintetgrad-01\//);
    expect(w.consoleErrors).toEqual([]);
  });
});
