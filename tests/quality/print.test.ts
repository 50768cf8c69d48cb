/**
 * Paper: a practice and a comparison printed to PDF by Chromium (`page.pdf`, A4). Each printed
 * page carries the page's address and the date in its running header, the related practices are
 * left out, and table rows and cards are never cut at a page edge. The PDF's text is read back
 * with pdf.js.
 */
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { openPage, siteInBrowser } from '../helpers/browser.ts';
import { publishedDist } from '../helpers/paths.ts';
import { formatDate } from '../../src/lib/format.ts';
import { ru } from '../../src/i18n/ru.ts';

const site = siteInBrowser(publishedDist);
const fold = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

async function pagesOf(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(fold(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : '')).join('')));
  }
  return pages;
}

async function printed(path: string, ready?: string) {
  const w = await openPage(site.browser);
  try {
    await w.page.goto(`${site.server.url}${path}`);
    await w.page.waitForLoadState('networkidle');
    if (ready) await w.page.locator(ready).waitFor({ state: 'visible', timeout: 15_000 });
    const address = w.page.url();
    await w.page.emulateMedia({ media: 'print' });
    const rowsAvoidBreaks = await w.page.evaluate(() =>
      [...document.querySelectorAll('main tr, main .card')].every((el) => getComputedStyle(el).breakInside === 'avoid'),
    );
    const pdf = await w.page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: false });
    return { address, rowsAvoidBreaks, pages: await pagesOf(pdf) };
  } finally {
    await w.context.close();
  }
}

const today = fold(ru.print.date(formatDate(new Date())));

describe('a printed practice', () => {
  it('has the address and the date on every page, no related practices, no row cut', async () => {
    const { address, rowsAvoidBreaks, pages } = await printed('/practices/irkutsk/learning-city/');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const [i, text] of pages.entries()) {
      expect(text.replace(/\s/g, ''), `страница ${i + 1}: адрес`).toContain(address);
      expect(text, `страница ${i + 1}: дата`).toContain(today);
      expect(text, `страница ${i + 1}: номер`).toContain(`${i + 1} / ${pages.length}`);
    }
    expect(pages.join(' ')).not.toContain(ru.practice.related);
    expect(pages.join(' ')).toContain('Иркутск — обучающийся город');
    expect(rowsAvoidBreaks).toBe(true);
  });
});

describe('a printed comparison', () => {
  it('has its own address (with the chosen practices) and the date on every page', async () => {
    const { address, rowsAvoidBreaks, pages } = await printed('/compare/?p=irkutsk/resource-centres,irkutsk/learning-city,irkutsk/greening-week', '[data-compare-wrap]');
    expect(address).toContain('?p=');
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const [i, text] of pages.entries()) {
      expect(text.replace(/\s/g, ''), `страница ${i + 1}: адрес`).toContain(address);
      expect(text, `страница ${i + 1}: дата`).toContain(today);
    }
    expect(pages.join(' ')).toContain('Неделя озеленения');
    expect(rowsAvoidBreaks).toBe(true);
  });
});
