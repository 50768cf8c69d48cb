/**
 * Search and the catalogue in headless Chromium on the published site served on 127.0.0.1:
 * typing a query, filters narrowing the list, the URL keeping the state across reloads and the
 * back button, the catalogue without JavaScript, and what a first search fetches.
 */
import { describe } from 'vitest';
import type { Page } from 'playwright-core';
import { siteInBrowser, siteTest } from '../helpers/browser.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { projectRoot, publishedDist } from '../helpers/paths.ts';
import { practicesMentioning, readBank } from '../helpers/content-bank.ts';
import { PAGE_SIZE } from '../../src/lib/search/pagefind-client.ts';
import { planQuery } from '../../src/lib/search/query.ts';
import type { SynonymIndex } from '../../src/lib/search/synonyms.ts';
import { present } from '../helpers/present.ts';

// What the catalogue must show is read from the content files, so adding a practice changes
// the expectations rather than breaking them.
const content = resolve(projectRoot, 'content');
const bank = readBank(content);
const PRACTICES = bank.practices.map((p) => p.id).sort();
const cityName = (id: string) => bank.cities.find((c) => c.id === id)?.data.name.nominative ?? id;
/** Ids of published practices that pass `keep`, sorted. */
const practicesWhere = (keep: (p: (typeof bank.practices)[number]) => boolean) => bank.practices.filter(keep).map((p) => p.id).sort();
const hasTopic = (topic: string) => (p: (typeof bank.practices)[number]) => p.data.topics.some((t) => t.id === topic);
const collator = new Intl.Collator('ru');
/** Ids in the order a sort promises: `first` decides, ties fall back to the title (A to Я). */
const orderedBy = (first: (a: (typeof bank.practices)[number], b: (typeof bank.practices)[number]) => number) =>
  [...bank.practices].sort((a, b) => first(a, b) || collator.compare(a.data.title, b.data.title)).map((p) => p.id);

const site = siteInBrowser(publishedDist);
// Each test opens a page of its own: nothing requested outside 127.0.0.1, nothing logged as an
// error. One test at a time: side by side, both files took longer (alone 12.3 s and 14.0 s
// instead of 7.4 s and 12.6 s), as every test makes Chromium run Pagefind rather than wait.
const test = siteTest(site);

const visibleCards = (page: Page) =>
  page.locator('[data-catalogue-list] > [data-practice]:visible').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-practice')));
const resultLinks = (page: Page) => page.locator('[data-search-list] .result__title a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
const searchStatus = (page: Page) => page.locator('[data-search-status]').textContent();

describe('search page', () => {
  test('typing a query finds the right practice first, with type, city, year and a marked excerpt', async ({ tab, expect }) => {
    const page = await tab.open('/search/');
    await page.locator('#search-q').fill('Молодежь 3D');
    await page.keyboard.press('Enter');
    await expect.poll(() => searchStatus(page)).toMatch(/^Найдено: \d+ результат/);
    expect((await resultLinks(page))[0]).toBe('/practices/irkutsk/youth-3d-marathon/');
    const first = page.locator('[data-search-list] .result').first();
    expect(await first.locator('.result__meta').textContent()).toBe('Практика · Иркутск · с 2013');
    expect(await first.locator('.result__excerpt mark').count()).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe('Молодежь 3D');
    expect(await page.locator('[data-search-status]').getAttribute('role')).toBe('status');
  });

  test('the header field sends any page to the results, by keyboard alone', async ({ tab, expect }) => {
    const page = await tab.open('/');
    await page.locator('#site-search-q').focus();
    await page.keyboard.type('ресурсный центр');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/search/');
    await expect.poll(() => searchStatus(page)).toMatch(/^Найдено/);
    expect(await resultLinks(page)).toContain('/practices/irkutsk/resource-centres/');
    expect(await page.locator('#search-q').inputValue()).toBe('ресурсный центр');
  });

  test('a type filter narrows the results; a reload keeps query and filter', async ({ tab, expect }) => {
    const page = await tab.open('/search/?q=ресурсный+центр');
    await expect.poll(() => searchStatus(page)).toMatch(/^Найдено/);
    const all = await resultLinks(page);
    expect(all.some((p) => !p.startsWith('/practices/'))).toBe(true);
    await page.locator('[data-search-filters] > summary').click();
    await page.locator('input[name="type"][value="practice"]').check();
    // The practices that say both words (the query layer finds any form of each).
    const practices = practicesMentioning(content, /ресурсн/i, /центр/i).map((id) => `/practices/${id}/`);
    expect(practices.length).toBeGreaterThan(0);
    await expect.poll(() => resultLinks(page).then((links) => links.sort())).toEqual(practices);
    expect(new URL(page.url()).search).toBe(`?q=${encodeURIComponent('ресурсный центр').replace(/%20/g, '+')}&type=practice`);
    await page.reload();
    await expect.poll(() => resultLinks(page).then((links) => links.sort())).toEqual(practices);
    expect(await page.locator('input[name="type"][value="practice"]').isChecked()).toBe(true);
    expect(await page.locator('[data-search-filters]').getAttribute('open')).not.toBeNull();
  });

  test('more results by keyboard: the button appends the next page and focus moves to it', async ({ tab, expect }) => {
    const page = await tab.open('/search/?q=Иркутск');
    await expect.poll(() => searchStatus(page)).toMatch(/^Найдено/);
    const total = Number(/\d+/.exec((await searchStatus(page)) ?? '')?.[0]);
    expect(total).toBeGreaterThan(PAGE_SIZE);
    expect((await resultLinks(page)).length).toBe(PAGE_SIZE);
    await page.locator('[data-search-more]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => resultLinks(page).then((l) => l.length)).toBe(Math.min(total, 2 * PAGE_SIZE));
    const focused = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.pathname);
    expect(focused).toBe((await resultLinks(page))[PAGE_SIZE]);
  });

  test('a query that matches nothing says so in Russian', async ({ tab, expect }) => {
    const page = await tab.open('/search/?q=экзопланета');
    await expect.poll(() => searchStatus(page)).toBe('По запросу «экзопланета» ничего не найдено. Проверьте написание, попробуйте другое слово или уберите часть фильтров.');
    expect(await page.locator('[data-search-list] li').count()).toBe(0);
  });

  test('when the index cannot be loaded the reader is told so, in Russian', async ({ tab, expect }) => {
    const page = await tab.open(`/search/?q=${encodeURIComponent('ресурсный центр')}`, { beforeLoad: (watched) => watched.context.route('**/pagefind/**', (route) => route.abort()) });
    await expect.poll(() => searchStatus(page)).toBe('Поиск не загрузился. Проверьте соединение и обновите страницу; все практики есть и в каталоге.');
    // The browser itself reports the blocked request; the page adds no error of its own.
    tab.watched.consoleErrors.splice(0, Infinity, ...tab.watched.consoleErrors.filter((e) => !/Failed to (load resource|fetch dynamically imported module)/.test(e)));
  });

  test('a first search fetches only what Pagefind needs: no default UI, no filter data, at most one page of fragments', async ({ tab, expect }) => {
    const page = await tab.open('/search/');
    const fetched: string[] = [];
    page.on('requestfinished', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/pagefind/')) fetched.push(path);
    });
    expect(fetched).toEqual([]); // nothing before the reader interacts
    await page.locator('#search-q').fill('волонтёры');
    await page.keyboard.press('Enter');
    await expect.poll(() => searchStatus(page)).toMatch(/^Найдено/);
    await page.waitForLoadState('networkidle');
    expect(fetched.filter((p) => /pagefind-(modular-)?ui|pagefind-highlight/.test(p))).toEqual([]);
    expect(fetched.filter((p) => p.includes('/filter/'))).toEqual([]);
    // One page of fragments, plus at most one per further alternative the query layer searched
    // («волонтёры» is also «доброволец» and fleeting-vowel forms): the best result of each
    // alternative is read to tell a real match from Pagefind's fallback to shorter words.
    const synonyms = JSON.parse(readFileSync(resolve(publishedDist, 'search/synonyms.json'), 'utf8')) as SynonymIndex;
    const alternatives = planQuery('волонтёры', synonyms).slots.reduce((n, s) => n + s.alternatives.length, 0);
    expect(fetched.filter((p) => p.includes('/fragment/')).length).toBeLessThanOrEqual(PAGE_SIZE + alternatives - 1);
    expect(fetched.filter((p) => p.includes('/words/'))).toEqual([]); // suggestions only when a word finds nothing
    expect(fetched).toContain('/pagefind/pagefind.js');
  });
});

describe('catalogue', () => {
  test('lists every practice with JavaScript turned off, with static pages per topic, city and year', async ({ tab, expect }) => {
    const page = await tab.open('/practices/', { javaScript: false });
    expect((await visibleCards(page)).sort()).toEqual(PRACTICES);
    expect(await page.locator('form[data-catalogue-form]').isVisible()).toBe(false);
    const hrefs = [
      ...new Set(bank.practices.flatMap((p) => [...p.data.topics.map((t) => `/topics/${t.id}/`), `/cities/${p.data.city.id}/`, `/practices/year/${p.data.startYear}/`])),
    ];
    for (const href of hrefs) {
      expect(await page.locator(`.catalogue-browse a[href="${href}"]`).count(), href).toBe(1);
    }
  });

  test('a topic filter narrows the list instantly, with counts; reload and Back keep the state', async ({ tab, expect }) => {
    const page = await tab.open('/practices/');
    const pagefindRequests: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/pagefind/')) pagefindRequests.push(r.url());
    });
    const all = PRACTICES.length;
    const withTopic = practicesWhere(hasTopic('public-engagement'));
    // The chosen topic, city and year: those of a practice that has the topic.
    const picked = present(bank.practices.find((p) => withTopic.includes(p.id)), 'a practice of the topic');
    const [city, year] = [picked.data.city.id, String(picked.data.startYear)];
    const narrowed = practicesWhere((p) => hasTopic('public-engagement')(p) && p.data.city.id === city && String(p.data.startYear) === year);
    expect(withTopic.length).toBeLessThan(all);
    await expect.poll(() => page.locator('[data-catalogue-status]').textContent()).toBe(`Показано практик: ${all} из ${all}`);
    const topic = page.locator('input[name="topic"][value="public-engagement"]');
    expect(await topic.locator('xpath=..').locator('[data-facet-count]').textContent()).toBe(`(${withTopic.length})`);
    await topic.check();
    await expect.poll(() => visibleCards(page).then((c) => c.sort())).toEqual(withTopic);
    expect(new URL(page.url()).search).toBe('?topic=public-engagement');
    // With one topic chosen, another topic's count is what adding it would give (either topic).
    const other = bank.practices.flatMap((p) => p.data.topics.map((t) => t.id)).find((t) => t !== 'public-engagement');
    if (!other) throw new Error('the bank needs a second topic for this test');
    expect(await page.locator(`input[name="topic"][value="${other}"]`).locator('xpath=..').locator('[data-facet-count]').textContent()).toBe(
      `(${practicesWhere(hasTopic(other)).length})`,
    );
    await page.locator(`input[name="city"][value="${city}"]`).check();
    await page.locator(`input[name="year"][value="${year}"]`).check();
    await expect.poll(() => visibleCards(page).then((c) => c.sort())).toEqual(narrowed);
    expect(pagefindRequests).toEqual([]); // facets never load the search index

    await page.reload();
    await expect.poll(() => visibleCards(page).then((c) => c.sort())).toEqual(narrowed);
    expect(await page.locator(`input[name="year"][value="${year}"]`).isChecked()).toBe(true);

    await page.goBack(); // undo the year
    await expect.poll(() => visibleCards(page).then((c) => c.sort())).toEqual(practicesWhere((p) => hasTopic('public-engagement')(p) && p.data.city.id === city));
    expect(await page.locator(`input[name="year"][value="${year}"]`).isChecked()).toBe(false);
    await page.goBack(); // undo the city
    await page.goBack(); // undo the topic
    await expect.poll(() => visibleCards(page).then((c) => c.length)).toBe(all);
    expect(new URL(page.url()).search).toBe('');
  });

  test('a text query goes through Pagefind and narrows the list, in any word form', async ({ tab, expect }) => {
    const page = await tab.open('/practices/');
    await page.locator('#catalogue-q').fill('волонтёры');
    // Any form of «волонтёр», or of its synonym «доброволец» (content/synonyms.yaml).
    const volunteers = practicesMentioning(content, /волонт[её]р|добровол/i);
    expect(volunteers.length).toBeGreaterThan(0);
    await expect.poll(() => visibleCards(page).then((c) => c.sort())).toEqual(volunteers);
    expect(new URL(page.url()).searchParams.get('q')).toBe('волонтёры');
    await page.locator('#catalogue-q').fill('ресурсных центров');
    await expect.poll(() => visibleCards(page).then((c) => c.sort())).toEqual(practicesMentioning(content, /ресурсн/i, /центр/i));
    await page.locator('#catalogue-q').fill('экзопланета');
    await expect.poll(() => page.locator('[data-catalogue-empty]').isVisible()).toBe(true);
  });

  test('sorting by year puts the latest start first; by city, A to Я; ties by title; the URL keeps the sort', async ({ tab, expect }) => {
    const page = await tab.open('/practices/?sort=year');
    await expect.poll(() => visibleCards(page)).toEqual(orderedBy((a, b) => b.data.startYear - a.data.startYear));
    expect(await page.locator('#catalogue-sort').inputValue()).toBe('year');
    await page.locator('#catalogue-sort').selectOption('city');
    await expect.poll(() => new URL(page.url()).search).toBe('?sort=city');
    await expect.poll(() => visibleCards(page)).toEqual(orderedBy((a, b) => collator.compare(cityName(a.data.city.id), cityName(b.data.city.id))));
    await page.reload();
    await expect.poll(() => visibleCards(page)).toEqual(orderedBy((a, b) => collator.compare(cityName(a.data.city.id), cityName(b.data.city.id))));
    await page.locator('#catalogue-sort').selectOption('added');
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await expect.poll(() => visibleCards(page)).toEqual(orderedBy((a, b) => b.data.published.getTime() - a.data.published.getTime()));
  });
});
