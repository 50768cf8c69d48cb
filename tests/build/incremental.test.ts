/**
 * Incremental rebuilds (experimental.incrementalBuild + cacheKeys from src/lib/page-keys.ts, and
 * the per-file check cache in src/lib/content/checks/entry-cache.ts): after one practice's title
 * changes, a rebuild that keeps the cache folder shows the new title on every page that shows
 * it, while a page that does not show it is reused as it was. Built on a SYNTHETIC bank.
 */
import { globSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticBank } from '../../scripts/lib/synthetic-bank.ts';
import { buildBank } from '../helpers/build-bank.ts';
import { testOut } from '../helpers/paths.ts';
import { openIndex, pathOf } from '../search/pagefind-node.ts';

const content = resolve(testOut, 'incremental', 'content');
const NEW_TITLE = 'Переименованная синтетическая практика';
/** A word no other page has, added to the edited practice's text: search must find it after. */
const NEW_WORD = 'квазиперепланировка';
/** Pages of the paginated lists (catalogue, topics, cities, years). */
const listPages = (dist: string) =>
  [
    ...globSync('practices/index.html', { cwd: dist }),
    ...globSync('practices/page/*/index.html', { cwd: dist }),
    ...globSync('practices/year/**/index.html', { cwd: dist }),
    ...globSync('topics/*/index.html', { cwd: dist }),
    ...globSync('topics/*/page/*/index.html', { cwd: dist }),
    ...globSync('cities/*/index.html', { cwd: dist }),
    ...globSync('cities/*/page/*/index.html', { cwd: dist }),
  ].sort();

const practicePages = (dist: string) => globSync('practices/sintetgrad-*/*/index.html', { cwd: dist }).sort();
const read = (dist: string, file: string) => readFileSync(resolve(dist, file), 'utf8');
/** Whether a page shows a title: its text is typeset (no-break spaces, <abbr>), the title's words are what count. */
const shows = (html: string, title: string) => html.replace(/<[^>]*>/g, '').replaceAll('\u00A0', ' ').includes(title);

let first = '';
let second = '';
let secondOutput = '';
let changedPage = '';
let oldTitle = '';
let city = '';
let topics: string[] = [];
/** Practice pages (other than the changed one) that showed the old title: its related practices. */
let showing: string[] = [];
/** Practice pages that did not show it, with their bytes before the change. */
const unrelated = new Map<string, string>();
/** List pages that showed the old title, and those that did not (with their bytes). */
const listsShowing: string[] = [];
const listsUnrelated = new Map<string, string>();

beforeAll(() => {
  const bank = writeSyntheticBank(content, 60);
  const built = buildBank('incremental', content);
  expect(built.status, built.output).toBe(0);
  // Copy what the first build made before the second build replaces the folder.
  first = built.dist;
  const relativeFile = bank.practiceFiles[0] ?? '';
  const file = resolve(content, relativeFile);
  const source = readFileSync(file, 'utf8');
  oldTitle = /^title: "(.+)"$/m.exec(source)?.[1] ?? '';
  city = /^city: (\S+)$/m.exec(source)?.[1] ?? '';
  topics = (/^topics: \[(.+)\]$/m.exec(source)?.[1] ?? '').split(', ');
  expect(oldTitle && city && topics.length).toBeTruthy();
  const id = relativeFile.replaceAll('\\', '/').replace(/^practices\//, '').replace(/\.mdx$/, '');
  changedPage = `practices/${id}/index.html`;
  for (const page of practicePages(first)) {
    if (page === changedPage) continue;
    const html = read(first, page);
    if (shows(html, oldTitle)) showing.push(page);
    else unrelated.set(page, html);
  }
  for (const page of listPages(first)) {
    const html = read(first, page);
    if (shows(html, oldTitle)) listsShowing.push(page);
    else listsUnrelated.set(page, html);
  }
  writeFileSync(file, `${source.replace(`title: "${oldTitle}"`, `title: "${NEW_TITLE}"`)}\nРедактор добавил слово ${NEW_WORD}.\n`);
  const rebuilt = buildBank('incremental', content, { keepCache: true });
  expect(rebuilt.status, rebuilt.output).toBe(0);
  second = rebuilt.dist;
  secondOutput = rebuilt.output;
}, 240_000);

describe('rebuild after one practice changed', () => {
  it('reuses pages from the cache rather than rendering the whole bank again', () => {
    expect(secondOutput).toMatch(/\((cached|restored)\)/);
    expect(unrelated.size).toBeGreaterThan(10);
  });

  it('shows the new title on the practice page and on every page that showed the old one', () => {
    expect(showing.length).toBeGreaterThan(0);
    // The catalogue, its city and each of its topics list it on exactly one page each.
    expect(listsShowing.filter((p) => p.startsWith('practices/') && !p.startsWith('practices/year/'))).toHaveLength(1);
    expect(listsShowing.filter((p) => p.startsWith(`cities/${city}/`))).toHaveLength(1);
    for (const t of topics) expect(listsShowing.filter((p) => p.startsWith(`topics/${t}/`)), t).toHaveLength(1);
    for (const page of [changedPage, ...showing, ...listsShowing]) {
      const html = read(second, page);
      expect(shows(html, NEW_TITLE), page).toBe(true);
      expect(shows(html, oldTitle), page).toBe(false);
    }
  });

  it('restores the list pages that do not show the practice instead of rendering them', () => {
    expect(listsUnrelated.size).toBeGreaterThan(listsShowing.length);
    for (const [page, before] of listsUnrelated) expect(read(second, page) === before, page).toBe(true);
    const restoredLists = secondOutput.split('\n').filter((l) => /\/(topics|cities)\/[^ ]+index\.html \((restored|cached)\)/.test(l));
    expect(restoredLists.length).toBeGreaterThan(0);
  });

  it('re-indexes: search finds the edited text and the new title on the edited practice', async () => {
    expect(secondOutput).toMatch(/pagefind: \d+ страниц проиндексировано/);
    // The rebuild handed pages to Pagefind while Astro was still building, not only after it.
    expect(secondOutput).toMatch(/[1-9]\d* страниц — во время сборки/);
    const index = await openIndex(second);
    try {
      const found = await index.pagefind.search(NEW_WORD);
      const pages = await Promise.all(found.results.map((r) => r.data()));
      expect(pages.map((p) => pathOf(p.url))).toEqual([`/${changedPage.replace(/index\.html$/, '')}`]);
      expect(pages[0]?.meta.title).toBe(NEW_TITLE);
    } finally {
      await index.close();
    }
  });

  it('leaves pages that do not show the practice byte-identical', () => {
    for (const [page, before] of unrelated) {
      const after = read(second, page);
      expect(shows(after, NEW_TITLE), page).toBe(false);
      expect(after === before, page).toBe(true);
    }
  });
});
