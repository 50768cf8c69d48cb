/**
 * The compare view in headless Chromium, on the synthetic multi-city bank: pick two practices from
 * the catalogue, compare them, share the link, remove one; and the topic table's sort buttons.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { sharedBank } from '../helpers/shared-bank.ts';
import { axeViolations, launchBrowser, openPage, type WatchedPage } from '../helpers/browser.ts';
import { serveStatic, type StaticServer } from '../helpers/server.ts';

/** Cell text with no-break spaces as plain ones: the view is typeset, the words are what is checked. */
const nb = (text: string | null) => (text ?? '').replace(/\u00a0/g, ' ');
import { STORAGE_KEY } from '../../src/lib/compare/selection.ts';

let server: StaticServer;
let browser: Browser;
const pages: WatchedPage[] = [];

beforeAll(async () => {
  server = await serveStatic(sharedBank('multi-city').dist);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, options: Parameters<typeof openPage>[1] = {}): Promise<WatchedPage> {
  const watched = await openPage(browser, options);
  pages.push(watched);
  await watched.page.goto(`${server.url}${path}`);
  return watched;
}

const A = 'testograd/resource-centres';
const B = 'primersk/resource-centre';

describe('comparing practices', () => {
  let sharedUrl = '';

  it('picks two practices from the catalogue and shows them side by side with metrics aligned', async () => {
    const w = await open('/practices/');
    const { page } = w;
    const button = (id: string) => page.locator(`article[data-practice="${id}"] button[data-compare-toggle]`);
    // A screen reader hears each button with its practice, and hears what a press did.
    const titleOf = async (id: string) => nb(await page.locator(`article[data-practice="${id}"] [data-card-title]`).textContent()).trim();
    const status = page.locator('[data-compare-tray] [role="status"]');
    // Every card gets its button from the script, for its own practice, not yet pressed.
    await expect.poll(() => page.locator('article[data-practice] button[data-compare-toggle]:visible').count()).toBe(await page.locator('article[data-practice]').count());
    const toggles = await page.locator('article[data-practice]').evaluateAll((cards) => cards.map((c) => [c.getAttribute('data-practice'), c.querySelector('button')?.getAttribute('data-compare-toggle'), c.querySelector('button')?.getAttribute('aria-pressed'), c.querySelector('button')?.textContent]));
    for (const [id, toggle, pressed, text] of toggles) expect([toggle, pressed, text]).toEqual([id, 'false', 'Сравнить']);
    await expect.poll(async () => nb(await button(A).getAttribute('aria-label'))).toBe(`Сравнить: ${await titleOf(A)}`);
    await button(A).click();
    await expect.poll(() => button(A).getAttribute('aria-pressed')).toBe('true');
    expect(nb(await status.textContent())).toBe(`Практика «${await titleOf(A)}» добавлена к сравнению`);
    await button(A).click();
    await expect.poll(() => button(A).getAttribute('aria-pressed')).toBe('false');
    expect(nb(await status.textContent())).toBe(`Практика «${await titleOf(A)}» убрана из сравнения`);
    await button(A).click();
    await expect.poll(() => button(A).getAttribute('aria-pressed')).toBe('true');
    await button(B).click();
    await expect.poll(() => button(B).getAttribute('aria-pressed')).toBe('true');
    const tray = page.locator('[data-compare-tray] a');
    await expect.poll(() => tray.textContent()).toBe('Сравнение (2)');

    await tray.click();
    await page.waitForSelector('table[data-compare-table] tr[data-row="metric:organisations"]');
    expect(new URL(page.url()).search).toBe(`?p=${A},${B}`);
    const columns = await page.locator('thead th[data-practice]').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-practice')));
    expect(columns).toEqual([A, B]);

    const cell = (row: string, id: string) => page.locator(`tr[data-row="${row}"] td[data-practice="${id}"]`);
    expect((await cell('metric:organisations', A).locator('.cl--figure').textContent())?.replace(/\u00a0/g, ' ')).toBe('40 СО НКО (2013)');
    expect(nb(await cell('metric:organisations', B).locator('.cl--figure').textContent())).toBe('около 120 объединённых организаций (2013)');
    expect(await cell('metric:centres', B).textContent()).toBe('—');
    // Budgets in «тыс. руб.» and «млн руб.» share a row only to be marked not comparable.
    expect(nb(await page.locator('tr[data-row="metric:budget"] [data-not-comparable]').textContent())).toContain('тыс. руб., млн руб.');
    expect(nb(await cell('metric:budget', B).locator('.cl--figure').textContent())).toBe('1,2 млн руб. (2013)');
    expect(await cell('population', A).textContent()).toContain('500\u202F000');
    sharedUrl = page.url();

    expect(w.consoleErrors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('opens the shared link in a fresh browser with the same columns', async () => {
    const w = await open(new URL(sharedUrl).pathname + new URL(sharedUrl).search);
    await w.page.waitForSelector('thead th[data-practice]');
    const columns = await w.page.locator('thead th[data-practice]').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-practice')));
    expect(columns).toEqual([A, B]);
    // The link becomes the reader's choice, so the cards show it too.
    expect(JSON.parse((await w.page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)) ?? '[]')).toEqual([A, B]);

    await w.page.reload();
    await w.page.waitForSelector('thead th[data-practice]');
    expect(await w.page.locator('thead th[data-practice]').count()).toBe(2);

    // Rows where both say the same can be hidden.
    const operator = w.page.locator('tr[data-row="operator"]');
    expect(await operator.isVisible()).toBe(true);
    await w.page.getByLabel('Скрыть строки, где все практики совпадают').check();
    expect(await operator.isVisible()).toBe(false);
    expect(await w.page.locator('tr[data-row="district"]').isVisible()).toBe(true);

    // Remove one: the column, the link and the stored choice follow.
    await w.page.locator(`button[data-remove="${A}"]`).click();
    await expect.poll(() => w.page.locator('thead th[data-practice]').count()).toBe(1);
    expect(await w.page.locator('thead th[data-practice]').getAttribute('data-practice')).toBe(B);
    expect(new URL(w.page.url()).search).toBe(`?p=${B}`);
    expect(JSON.parse((await w.page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)) ?? '[]')).toEqual([B]);
    expect(await w.page.locator('[data-compare-status]').textContent()).toContain('Добавьте ещё');
    // Focus is not lost: it lands on the remaining remove button.
    expect(await w.page.evaluate(() => document.activeElement?.getAttribute('data-remove'))).toBe(B);

    // And one can be added back from the page itself.
    await w.page.getByLabel('Город практики').selectOption('testograd');
    await expect.poll(() => w.page.locator(`[data-compare-add-select] option[value="${A}"]`).count()).toBe(1);
    await w.page.getByLabel('Добавить практику').selectOption(A);
    await w.page.getByRole('button', { name: 'Добавить', exact: true }).click();
    await expect.poll(() => w.page.locator('thead th[data-practice]').count()).toBe(2);

    expect(w.consoleErrors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
  });

  it('never shows a per-capita figure for Образцовск, whose population is unknown', async () => {
    const w = await open('/compare/?p=testograd/volunteer-lessons,obrazcovsk/good-deeds-contest');
    await w.page.waitForSelector('tr[data-row="metric:events"]');
    // 300 events in 2013 / 480 000 residents on 1 January 2013 (not the 2021 figure) × 1 000.
    const cell = (await w.page.locator('tr[data-row="metric:events"] td[data-practice="testograd/volunteer-lessons"]').textContent()) ?? '';
    expect(cell.replace(/[\s\u00a0\u202f]+/g, ' ')).toContain('более 0,62 на 1 000 жителей (население на 2013 год)');
    const obrazcovsk = await w.page.locator('td[data-practice="obrazcovsk/good-deeds-contest"]').allTextContents();
    expect(obrazcovsk.join(' ')).not.toContain('на 1 000 жителей');
    expect(w.consoleErrors).toEqual([]);
  });

  it('tells a reader without JavaScript that comparison needs it, and where the catalogue is', async () => {
    const w = await open('/compare/', { javaScript: false });
    const note = w.page.locator('[data-compare-noscript]');
    expect(await note.isVisible()).toBe(true);
    expect(await note.locator('a').getAttribute('href')).toBe('/practices/');
    expect(await w.page.locator('button[data-compare-toggle]').count()).toBe(0);
    const catalogue = await open('/practices/', { javaScript: false });
    expect(await catalogue.page.locator('button[data-compare-toggle]').first().isVisible()).toBe(false);
  });

  it('toggles from a practice page and keeps the choice across pages', async () => {
    const w = await open(`/practices/${B}/`);
    const button = w.page.locator(`article.practice button[data-compare-toggle="${B}"]`);
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    await button.click();
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    await w.page.goto(`${server.url}/practices/`);
    expect(await w.page.locator(`article[data-practice="${B}"] button[data-compare-toggle]`).getAttribute('aria-pressed')).toBe('true');
    await w.page.goto(`${server.url}/compare/`);
    await w.page.waitForSelector('thead th[data-practice]');
    expect(new URL(w.page.url()).search).toBe(`?p=${B}`);
    expect(w.consoleErrors).toEqual([]);
  });
});

// The table and each page of the map and charts open pages of their own: checked side by side.
describe.concurrent('the topic table, the map and the charts', () => {
  it('sorts by a metric with buttons in the headers and says so with aria-sort', async ({ expect }) => {
    const w = await open('/topics/resource-centres/');
    const { page } = w;
    const order = () => page.locator('table[data-topic-table] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-practice')));
    expect(await order()).toEqual([B, A]);
    const header = page.locator('th[data-column="metric:organisations"]');
    await header.getByRole('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    expect(await order()).toEqual([A, B]);
    await header.getByRole('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    expect(await order()).toEqual([B, A]);
    expect(await page.locator('th[data-column="city"]').getAttribute('aria-sort')).toBeNull();
    // A text column sorts by what its cells show: Примерск before Тестоград, and back.
    const city = page.locator('th[data-column="city"]');
    await city.getByRole('button').click();
    expect(await city.getAttribute('aria-sort')).toBe('ascending');
    expect(await order()).toEqual([B, A]);
    await city.getByRole('button').click();
    expect(await city.getAttribute('aria-sort')).toBe('descending');
    expect(await order()).toEqual([A, B]);
    // Budgets in different units get no button.
    expect(await page.locator('th[data-column="metric:budget"] button').count()).toBe(0);
    expect(w.consoleErrors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it.for(['/', '/cities/', '/cities/testograd/', '/questionnaires/asdg-public-engagement/'])('%s, with the map or charts, passes axe in the dark scheme too', async (path, { expect }) => {
    const w = await open(path, { colorScheme: 'dark' });
    expect(await axeViolations(w.page), path).toEqual([]);
    expect(w.consoleErrors, path).toEqual([]);
    expect(w.foreignRequests, path).toEqual([]);
  });
});
