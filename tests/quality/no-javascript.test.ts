/**
 * A practice page needs no JavaScript: with scripts off, a reader gets the whole practice (title,
 * facts, figures, description, source). Scripts on it may only
 * add to it (the «Сравнить» button).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from '../helpers/browser.ts';
import { requireBuilt } from '../helpers/build-bank.ts';
import { publishedDist } from '../helpers/paths.ts';
import { serveStatic, type StaticServer } from '../helpers/server.ts';

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  requireBuilt(publishedDist);
  server = await serveStatic(publishedDist);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a practice page without JavaScript', () => {
  it('shows the whole practice', async () => {
    const { page, context, consoleErrors, foreignRequests } = await openPage(browser, { javaScript: false });
    try {
      await page.goto(`${server.url}/practices/irkutsk/resource-centres/`);
      await expect(page.locator('h1').innerText()).resolves.toBe('Ресурсные центры для СО НКО в шаговой доступности');
      for (const heading of ['#facts-heading', '#metrics-heading', '#description-heading', '#source-heading']) {
        expect(await page.locator(heading).isVisible(), heading).toBe(true);
      }
      // A figure from the metrics table and a sentence from the description are on screen.
      expect(await page.locator('main').innerText()).toContain('15');
      expect(await page.locator('main').innerText()).toContain('шаговой доступности');
      // axe itself needs JavaScript; the same page passes it in accessibility.test.ts.
      expect(consoleErrors).toEqual([]);
      expect(foreignRequests).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
