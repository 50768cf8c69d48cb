/**
 * ONE page of every kind the site has: the browser gates (accessibility in both colour schemes,
 * no foreign requests, no console errors) run over this list. It is the one place to update when
 * a kind of page is added. Every entry must exist in the built site: a page that 404s fails the
 * gates, it is never skipped.
 *
 * `ready` brings a page into the state a reader sees it in (filters opened, results shown)
 * before it is checked, so the gate also covers what scripts put on the page.
 */
import type { Page } from 'playwright-core';

interface PageKind {
  kind: string;
  /** Path with query, on the built site. */
  path: string;
  /** The HTTP status the static server must answer with. */
  status: 200 | 404;
  ready?: (page: Page) => Promise<void>;
}

/** Opens every disclosure in <main>: `<details>` and buttons that say they are collapsed. */
async function openEverything(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('main details')) details.setAttribute('open', '');
  });
  for (const button of await page.locator('main button[aria-expanded="false"]').all()) {
    if (await button.isVisible()) await button.click();
  }
}

/** Waits until the search page has asked Pagefind for result fragments and shown them. */
async function searchResultsShown(page: Page): Promise<void> {
  // The shown results, not resource timing: Pagefind 1.6 fetches fragments in a Web Worker,
  // whose requests are not in the page's performance entries.
  await page.waitForFunction(() => document.querySelectorAll('[data-search-list] .result').length > 0, undefined, {
    timeout: 15_000,
  });
  await page.waitForLoadState('networkidle');
}

export const PAGE_KINDS: PageKind[] = [
  { kind: 'главная', path: '/', status: 200 },
  { kind: 'каталог с открытыми фильтрами', path: '/practices/', status: 200, ready: openEverything },
  { kind: 'практика', path: '/practices/irkutsk/resource-centres/', status: 200 },
  { kind: 'город', path: '/cities/irkutsk/', status: 200 },
  { kind: 'список городов', path: '/cities/', status: 200 },
  { kind: 'тема', path: '/topics/resource-centres/', status: 200 },
  { kind: 'список тем', path: '/topics/', status: 200 },
  { kind: 'материал города', path: '/submissions/irkutsk/2013-public-engagement/', status: 200 },
  { kind: 'список материалов', path: '/submissions/', status: 200 },
  { kind: 'анкета', path: '/questionnaires/asdg-public-engagement/', status: 200 },
  { kind: 'о банке', path: '/about/', status: 200 },
  {
    kind: 'сравнение',
    path: '/compare/?p=irkutsk/resource-centres,irkutsk/learning-city',
    status: 200,
    ready: async (page) => {
      await page.locator('[data-compare-wrap]').waitFor({ state: 'visible', timeout: 15_000 });
    },
  },
  { kind: 'результаты поиска', path: `/search/?q=${encodeURIComponent('ресурсный центр')}`, status: 200, ready: searchResultsShown },
  { kind: 'открытые данные', path: '/data/', status: 200 },
  { kind: 'подписка на ленты', path: '/feeds/', status: 200 },
  { kind: 'предложить практику', path: '/submit/', status: 200 },
  { kind: 'страница 404', path: '/no-such-page/', status: 404 },
  { kind: 'полные описания', path: '/practices/complete/', status: 200 },
  { kind: 'сборники для печати', path: '/collections/', status: 200 },
  { kind: 'сборник по теме', path: '/collections/topic/resource-centres/', status: 200 },
  { kind: 'сборник по году', path: '/collections/year/2013/', status: 200 },
];
