/**
 * The part of a page the search index is given (`indexedDocument`, src/lib/search/indexed-pages.ts):
 * the `data-pagefind-body` element alone, or the whole page whenever something outside that
 * element would count for Pagefind. The cut must not change the index: on the published site and
 * a fixture bank, an index fed whole pages and one fed the cut pages are compared file by file.
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import * as pagefind from 'pagefind';
import { indexedFiles } from '../../src/lib/search/index-site.ts';
import { BODY_ATTRIBUTE, indexedDocument } from '../../src/lib/search/indexed-pages.ts';
import { publishedDist, testOut } from '../helpers/paths.ts';
import { requireBuilt } from '../helpers/build-bank.ts';
import { sharedBank } from '../helpers/shared-bank.ts';

const out = resolve(testOut, 'indexed-document');
afterAll(() => rmSync(out, { recursive: true, force: true }));

const HEAD = '<head><meta charset="utf-8"><title>Страница</title></head>';
const page = (body: string, { before = '<header><a href="/">Банк</a></header>', after = '<footer>Подвал</footer>' } = {}) =>
  `<!doctype html><html lang="ru">${HEAD}<body>${before}<main>${body}</main>${after}</body></html>`;
const ARTICLE = `<article class="practice" ${BODY_ATTRIBUTE}><h1>Практика</h1><p>Текст практики.</p></article>`;

describe('the cut', () => {
  test('keeps the body element whole, in a document of its own with the page’s <html> tag', () => {
    expect(indexedDocument(page(ARTICLE))).toBe(`<!doctype html><html lang="ru"><body>${ARTICLE}</body></html>`);
  });

  test('leaves out what Pagefind would not read: an ignored element beside the body', () => {
    const html = page(ARTICLE, { after: '<aside data-pagefind-ignore><h2>Похожие практики</h2><img src="/x.png" alt=""></aside>' });
    expect(indexedDocument(page(ARTICLE, { after: '<aside data-pagefind-ignore><h2>Похожие</h2></aside>' }))).toBe(`<!doctype html><html lang="ru"><body>${ARTICLE}</body></html>`);
    // An image after the title is the page's image, even in an ignored element.
    expect(indexedDocument(html)).toBe(html);
  });

  test('finds the end of the body past nested elements of its name, scripts and quoted «<», «>»', () => {
    const bodies = [
      `<article ${BODY_ATTRIBUTE}><h1>А</h1><article><p>вложенная</p></article><p>после</p></article>`,
      `<article ${BODY_ATTRIBUTE}><h1>А</h1><script>document.write("</article>")</script><p>после</p></article>`,
      `<article ${BODY_ATTRIBUTE}><h1>А</h1><p title="</article> > <article">после</p><p>ещё</p></article>`,
      `<div ${BODY_ATTRIBUTE}><h1>А</h1><!-- </div> --><div><br/><img-like-tag/></div><p>после</p></div>`,
    ];
    for (const body of bodies) expect(indexedDocument(page(body)), body).toBe(`<!doctype html><html lang="ru"><body>${body}</body></html>`);
  });

  test('gives the page whole when anything outside the body would count for Pagefind', () => {
    const whole = [
      page('<article><h1>Без тела</h1></article>'),
      page(`${ARTICLE}<article ${BODY_ATTRIBUTE}><h1>Второе</h1></article>`),
      page(ARTICLE, { before: '<span data-pagefind-filter="city:irkutsk"></span>' }),
      page(ARTICLE, { after: '<span data-pagefind-meta="year:2013"></span>' }),
      page(ARTICLE, { after: '<aside data-pagefind-ignore><span data-pagefind-sort="year:2013"></span></aside>' }),
      `<!doctype html><html lang="ru">${HEAD}<body><main data-pagefind-ignore="all">${ARTICLE}</main></body></html>`,
      page(ARTICLE, { before: '<h1>Заголовок до тела</h1>' }),
      page(`<article ${BODY_ATTRIBUTE}><p>Тело без заголовка</p></article>`),
      page(ARTICLE, { after: '<img src="/a.png" alt="картинка">' }),
      page(`<p>Атрибут ${BODY_ATTRIBUTE} в тексте</p>${ARTICLE}`),
      page(`<article ${BODY_ATTRIBUTE}><h1>Не закрыто</h1>`),
    ];
    for (const html of whole) expect(indexedDocument(html), html).toBe(html);
  });
});

/** Files of a written index, relative to it, with their bytes. */
function files(dir: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) found.set(join(entry.parentPath, entry.name).slice(dir.length + 1), readFileSync(join(entry.parentPath, entry.name)));
  }
  return found;
}

/** Indexes the pages one at a time, in order, so that page numbers do not depend on timing. */
async function writeIndex(pages: { url: string; html: string }[], outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ru' });
  if (!index) throw new Error(errors.join('; '));
  for (const { url, html } of pages) {
    const added = await index.addHTMLFile({ url, content: html });
    expect(added.errors, url).toEqual([]);
  }
  expect((await index.writeFiles({ outputPath })).errors).toEqual([]);
}

/** The published site (Irkutsk: its components, figures, glossary) and the multi-city fixture bank. */
const SITES: [string, () => string][] = [
  ['the published site', () => requireBuilt(publishedDist)],
  ['the fixture bank multi-city', () => sharedBank('multi-city').dist],
];

describe.each(SITES)('the index of %s', (name, distOf) => {
  test('is the same, file by file, fed whole pages or their cut', async () => {
    const dist = distOf();
    const bank = name.replaceAll(' ', '-');
    const pages = indexedFiles(dist)
      .map((file) => ({ url: `/${file.replace(/index\.html$/, '')}`, html: readFileSync(join(dist, file), 'utf8') }))
      .filter((p) => p.html.includes(BODY_ATTRIBUTE));
    const cut = pages.map((p) => ({ ...p, html: indexedDocument(p.html) }));
    // The comparison means something only if pages were cut: every indexed page of the site is.
    expect(pages.length).toBeGreaterThan(10);
    expect(cut.filter((p, i) => p.html.length < (pages[i]?.html.length ?? 0)).length).toBe(pages.length);
    try {
      await writeIndex(pages, join(out, bank, 'whole'));
      await writeIndex(cut, join(out, bank, 'cut'));
    } finally {
      await pagefind.close();
    }
    const [whole, fromCut] = [files(join(out, bank, 'whole')), files(join(out, bank, 'cut'))];
    expect([...fromCut.keys()].sort()).toEqual([...whole.keys()].sort());
    for (const [name, bytes] of whole) expect(fromCut.get(name)?.equals(bytes), name).toBe(true);
  });
});
