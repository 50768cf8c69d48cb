/**
 * Issue 16 in headless Chromium, on the synthetic multi-city bank: the catalogue's «только полные
 * описания» checkbox keeps exactly the complete descriptions; a printed collection, turned into a
 * PDF by Chromium's own print (`page.pdf`, A4, print CSS), has one section per practice, each
 * starting on a page of its own with nothing of the previous one on it, and passes axe.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { sharedBank } from '../helpers/shared-bank.ts';
import { axeViolations, loadOnce, openPage, siteInBrowser, tabPool } from '../helpers/browser.ts';
import { present } from '../helpers/present.ts';

const result = sharedBank('multi-city');
if (result.status !== 0) throw new Error(result.output);
const site = siteInBrowser(result.dist);

/** Hand-counted in tests/repeat/build.test.ts. */
const COMPLETE = ['obrazcovsk/good-deeds-contest', 'testograd/resource-centres'];

/** The text of every page of a PDF, in reading order. */
async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' '));
  }
  await pdf.destroy();
  return pages;
}

describe('the catalogue filter «только полные описания»', () => {
  it('with JavaScript keeps exactly the complete descriptions, and the URL says so', async () => {
    const watched = await openPage(site.browser);
    try {
      await watched.page.goto(`${site.server.url}/practices/`);
      const box = watched.page.locator('input[name="complete"][value="yes"]');
      await box.waitFor({ state: 'visible' });
      await box.check();
      await watched.page.waitForFunction(() => location.search.includes('complete=yes'));
      const visible = await watched.page.$$eval('[data-catalogue-list] [data-practice]', (cards) => cards.filter((c) => !(c as HTMLElement).hidden).map((c) => c.getAttribute('data-practice')));
      expect(visible.sort()).toEqual(COMPLETE);
      expect(await watched.page.locator('[data-catalogue-status]').textContent()).toContain('2');
      // And the address opens the same view.
      await watched.page.goto(`${site.server.url}/practices/?complete=yes`);
      await watched.page.waitForFunction(() => [...document.querySelectorAll('[data-catalogue-list] [data-practice]')].some((c) => (c as HTMLElement).hidden));
      const again = await watched.page.$$eval('[data-catalogue-list] [data-practice]', (cards) => cards.filter((c) => !(c as HTMLElement).hidden).map((c) => c.getAttribute('data-practice')));
      expect(again.sort()).toEqual(COMPLETE);
      expect(watched.consoleErrors).toEqual([]);
    } finally {
      await watched.context.close();
    }
  });

  it('without JavaScript the catalogue links to a page with exactly the complete descriptions', async () => {
    const watched = await openPage(site.browser, { javaScript: false });
    try {
      await watched.page.goto(`${site.server.url}/practices/`);
      await watched.page.getByRole('link', { name: /^Только полные описания/ }).click();
      await watched.page.waitForURL(/\/practices\/complete\/$/);
      const listed = await watched.page.$$eval('[data-complete-list] [data-practice]', (cards) => cards.filter((c) => (c as HTMLElement).offsetParent !== null).map((c) => c.getAttribute('data-practice')));
      expect(listed.sort()).toEqual(COMPLETE);
    } finally {
      await watched.context.close();
    }
  });
});

describe('a printed collection', () => {
  const path = '/collections/year/2013/';

  it('prints to A4 with one section per practice, each starting on its own page', async () => {
    const watched = await openPage(site.browser);
    try {
      await watched.page.goto(`${site.server.url}${path}`);
      const sections = await watched.page.$$eval('[data-collection-practice]', (list) => list.map((s) => ({ id: s.getAttribute('data-collection-practice') ?? '', title: `${s.querySelector('.eyebrow')?.textContent?.trim()} ${s.querySelector('h2')?.textContent?.trim()}`, last: s.querySelector('.collection__url a')?.textContent?.trim() ?? '' })));
      expect(sections.map((s) => s.id).sort()).toEqual(['primersk/resource-centre', 'testograd/resource-centres', 'testograd/volunteer-lessons']);
      await watched.page.emulateMedia({ media: 'print' });
      const pdf = await watched.page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: false });
      const pages = await pdfPages(new Uint8Array(pdf));
      const address = watched.page.url();
      const header = 'Банк практик АСДГ · Сборник практик';
      pages.forEach((text, i) => {
        // Like every printed page of the site (tests/quality/print.test.ts): its address and the date.
        expect(text.replace(/\s/g, ''), `страница ${i + 1}: адрес`).toContain(address);
        expect(text, `страница ${i + 1}: дата`).toMatch(/Напечатано \d{1,2} [а-я]+ \d{4} г\./);
        // No blank page: with the margin boxes (header, date, address, number) taken away, text is left.
        expect(text, `страница ${i + 1}: колонтитул`).toContain(header);
        expect(text, `страница ${i + 1}: номер`).toContain(`${i + 1} / ${pages.length}`);
        const body = text.replace(header, '').replace(/Напечатано \d{1,2} [а-я]+ \d{4} г\./, '').replace(`${i + 1} / ${pages.length}`, '').replace(/\s/g, '').replace(address, '');
        expect(body, `страница ${i + 1} пуста: ${text}`).not.toBe('');
      });
      // Page 1: the cover with the contents, which names every practice; no practice starts there.
      expect(pages[0]).toContain('Сборник практик: материалы городов за 2013 год');
      expect(pages[0]).toContain('Содержание');
      const starts = sections.map((s) => pages.findIndex((text, i) => i > 0 && text.includes(s.title)));
      expect(starts.every((n) => n > 0), JSON.stringify(starts)).toBe(true);
      expect(new Set(starts).size).toBe(sections.length);
      expect([...starts].sort((a, b) => a - b)).toEqual(starts);
      sections.forEach((s, i) => {
        const start = present(starts[i], `start of section ${i + 1}`);
        const end = starts[i + 1] ?? pages.length;
        const own = pages.slice(start, end).join(' ');
        // The section is whole between its first page and the next section's: its last line is there...
        expect(own, s.id).toContain(s.last);
        // ...and its first page carries nothing of another practice.
        for (const other of sections) if (other !== s) expect(pages[start], `${s.id} page ${start + 1}`).not.toContain(other.last);
      });
      // Running header and page numbers from the @page rules.
      expect(pages.slice(1).every((text) => text.includes('Банк практик АСДГ · Сборник практик')), pages.join('\n---\n')).toBe(true);
      expect(pages.at(-1)).toContain(`${pages.length} / ${pages.length}`);
    } finally {
      await watched.context.close();
    }
  });

  it('passes axe on screen and in print', async () => {
    const watched = await openPage(site.browser);
    try {
      await watched.page.goto(`${site.server.url}${path}`);
      expect(await axeViolations(watched.page)).toEqual([]);
      await watched.page.emulateMedia({ media: 'print' });
      expect(await axeViolations(watched.page)).toEqual([]);
      expect(watched.consoleErrors).toEqual([]);
      expect(watched.foreignRequests).toEqual([]);
    } finally {
      await watched.context.close();
    }
  });
});

describe.concurrent('pages with the trail, the map layer and the request letter', () => {
  // One load per page, checked in both schemes by switching prefers-color-scheme: the schemes
  // differ only in CSS, and in colours only, so the dark test runs axe's colour rules
  // (tests/helpers/README.md, «One page load, two colour schemes»). The pages are checked side
  // by side; the two schemes of one page, which share its load, one after the other.
  const tabs = tabPool(site, { colorScheme: 'light' });
  for (const path of ['/cities/', '/cities/primersk/', '/practices/primersk/resource-centre/', '/practices/obrazcovsk/good-deeds-contest/', '/practices/complete/', '/collections/']) {
    describe(path, { concurrent: false }, () => {
      const load = loadOnce(tabs, async (watched) => ({ response: await watched.page.goto(`${site.server.url}${path}`) }));
      for (const colorScheme of ['light', 'dark'] as const) {
        it(`passes axe in the ${colorScheme} scheme (${colorScheme === 'dark' ? 'the colour rules' : 'every rule'})`, async ({ expect }) => {
          const { watched } = await load();
          await watched.page.emulateMedia({ colorScheme });
          expect(await axeViolations(watched.page, { rules: colorScheme === 'dark' ? 'colour' : 'all' })).toEqual([]);
          expect(watched.consoleErrors).toEqual([]);
          expect(watched.foreignRequests).toEqual([]);
        });
      }
    });
  }
});
