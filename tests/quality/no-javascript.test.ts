/**
 * A practice page needs no JavaScript: with scripts off, a reader gets the whole practice (title,
 * facts, figures, description, source). Scripts on it may only
 * add to it (the «Сравнить» button).
 */
import { describe, expect, it } from 'vitest';
import { openPage, siteInBrowser } from '../helpers/browser.ts';
import { publishedDist } from '../helpers/paths.ts';

const site = siteInBrowser(publishedDist);

describe('a practice page without JavaScript', () => {
  it('shows the whole practice', async () => {
    const { page, context, consoleErrors, foreignRequests } = await openPage(site.browser, { javaScript: false });
    try {
      await page.goto(`${site.server.url}/practices/irkutsk/resource-centres/`);
      // Typeset with no-break spaces; the words are what is checked.
      expect((await page.locator('h1').innerText()).replace(/\u00a0/g, ' ')).toBe('Ресурсные центры для СО НКО в шаговой доступности');
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
