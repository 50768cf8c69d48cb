/**
 * «Как сослаться» on practice pages: the reference is in the HTML (selectable and complete
 * without JavaScript, with «ДД.ММ.ГГГГ» to fill in), and in a real browser the script fills in
 * today's date and copies the text from the keyboard, under the site's CSP, with no request
 * leaving the site. Topic and city «Подписаться» blocks and the /data/ codebook are checked with
 * axe too.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireBuilt } from '../helpers/build-bank.ts';
import { axeViolations, openPage, siteInBrowser, tabPool } from '../helpers/browser.ts';
import { readPage, textOf } from '../helpers/html.ts';
import { projectRoot, publishedDist } from '../helpers/paths.ts';
import { readSourceBank } from './content-files.ts';
import { siteOf } from './site-of.ts';

const bank = readSourceBank(resolve(projectRoot, 'content'));
const [practice] = bank.published;
if (!practice) throw new Error('в content/ нет опубликованных практик');

describe('citation in the built HTML', () => {
  it('names the city, title, year of publication, absolute address and the date to fill in', () => {
    const dist = requireBuilt(publishedDist);
    const site = siteOf(dist);
    for (const p of bank.published) {
      const { document } = readPage(dist, `/practices/${p.id}/`);
      const text = textOf(document.querySelector('[data-citation-text]'));
      const city = bank.cities.get(p.city)?.name.nominative ?? '';
      const url = new URL(`/practices/${p.id}/`, site).href;
      expect(text).toBe(`${city}. ${p.title} // Банк практик АСДГ. — ${p.published.slice(0, 4)}. — URL: ${url} (дата обращения: ДД.ММ.ГГГГ).`);
      expect(document.querySelector('[data-copy]')?.hasAttribute('hidden')).toBe(true);
    }
  });
});

// The tests open pages of their own and run side by side.
describe.concurrent('in a browser', () => {
  const site = siteInBrowser(publishedDist);
  // Each axe check of the blocks moves one tab between its pages and schemes; the two
  // citation checks open their own (one grants the clipboard, one runs without JavaScript).
  const tabs = tabPool(site);
  const path = `/practices/${practice.id}/`;

  it('with JavaScript: fills in today’s date and copies the reference from the keyboard', async ({ expect }) => {
    const watched = await openPage(site.browser);
    await watched.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url });
    const { page } = watched;
    await page.goto(`${site.server.url}${path}`);
    const accessed = page.locator('[data-accessed]');
    await expect.poll(() => accessed.textContent()).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    const today = await page.evaluate(() => new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date()));
    expect(await accessed.textContent()).toBe(today);

    const button = page.locator('[data-copy]');
    expect(await button.isVisible()).toBe(true);
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-copy-status]').textContent()).toBe('Ссылка скопирована');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const shown = (await page.locator('[data-citation-text]').textContent())?.replace(/\s+/g, ' ').trim();
    expect(copied).toBe(shown);
    expect(copied).toContain(`(дата обращения: ${today}).`);

    expect(await axeViolations(page, { within: '.citation' })).toEqual([]);
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
    await watched.context.close();
  });

  it('without JavaScript: the reference is there to select, with the date to fill in, and no dead button', async ({ expect }) => {
    const watched = await openPage(site.browser, { javaScript: false });
    const { page } = watched;
    await page.goto(`${site.server.url}${path}`);
    expect(await page.locator('[data-accessed]').textContent()).toBe('ДД.ММ.ГГГГ');
    expect(await page.locator('[data-copy]').isVisible()).toBe(false);
    const userSelect = await page.locator('[data-citation-text]').evaluate((el) => getComputedStyle(el).userSelect);
    expect(userSelect).not.toBe('none');
    await watched.context.close();
  });

  it('«Подписаться» on a topic and a city page is accessible in light and dark schemes', async ({ expect }) => {
    const topic = bank.published[0]?.topics[0] ?? '';
    await tabs.use(async ({ page, consoleErrors }) => {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        for (const pagePath of [`/topics/${topic}/`, `/cities/${practice.city}/`]) {
          await page.goto(`${site.server.url}${pagePath}`);
          expect(await page.locator('.subscribe a').isVisible(), pagePath).toBe(true);
          expect(await axeViolations(page, { within: '.subscribe' }), `${pagePath} ${colorScheme}`).toEqual([]);
          expect(consoleErrors, pagePath).toEqual([]);
        }
      }
    });
  });

  it('the codebook page /data/ is accessible in light and dark schemes', async ({ expect }) => {
    await tabs.use(async ({ page, consoleErrors, foreignRequests }) => {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await page.goto(`${site.server.url}/data/`);
        expect(await axeViolations(page, { within: 'main' }), colorScheme).toEqual([]);
        expect(consoleErrors).toEqual([]);
        expect(foreignRequests).toEqual([]);
      }
    });
  });
});
