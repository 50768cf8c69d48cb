/**
 * The build reuses the last Pagefind index when the indexed HTML has not changed, and indexes
 * afresh when it has. Runs the real Pagefind on a tiny hand-written site (two SYNTHETIC pages),
 * then opens the result through the site's own search layer. The last test streams pages the way
 * a rebuild does (`StreamingIndex.finishOrReuse`).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { testOut } from '../helpers/paths.ts';
import { indexedFiles, indexSite, StreamingIndex } from '../../src/lib/search/index-site.ts';
import { openIndex, pathOf } from './pagefind-node.ts';

const root = resolve(testOut, 'index-reuse');
const cache = join(root, 'cache');
const site = join(root, 'dist');

const page = (title: string, text: string) =>
  `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${title}</title></head><body><main><article data-pagefind-body><h1>${title}</h1><p>${text}</p></article></main></body></html>`;

/** Writes a site the way Astro does: the output folder starts empty on every build. */
function writeSite(practiceText: string): void {
  rmSync(site, { recursive: true, force: true });
  for (const [path, html] of [
    ['practices/synthetic/a/index.html', page('Синтетическая практика', practiceText)],
    ['topics/synthetic/index.html', page('Синтетическая тема', 'Описание темы.')],
    ['about/index.html', page('О проекте', 'Не индексируется.')],
  ] as const) {
    mkdirSync(join(site, path, '..'), { recursive: true });
    writeFileSync(join(site, path), html);
  }
}

const listing = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();

beforeAll(() => rmSync(root, { recursive: true, force: true }));
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('only the four indexed sections are hashed', () => {
  writeSite('Ресурсный центр открыт.');
  expect(indexedFiles(site)).toEqual(['practices/synthetic/a/index.html', 'topics/synthetic/index.html']);
});

test('an unchanged site reuses the index, a changed one is indexed again', async () => {
  writeSite('Ресурсный центр открыт.');
  expect(await indexSite(site, { cacheDir: cache })).toEqual({ pages: 2, reused: false });
  const first = join(root, 'first');
  cpSync(join(site, 'pagefind'), first, { recursive: true });

  writeSite('Ресурсный центр открыт.');
  expect(existsSync(join(site, 'pagefind'))).toBe(false);
  expect(await indexSite(site, { cacheDir: cache })).toEqual({ pages: 2, reused: true });
  const files = listing(join(site, 'pagefind'));
  expect(files).toEqual(listing(first));
  for (const file of files.filter((f) => f.includes('.'))) expect(readFileSync(join(site, 'pagefind', file)), file).toEqual(readFileSync(join(first, file)));

  writeSite('Ресурсный центр закрыт, открыта библиотека.');
  expect(await indexSite(site, { cacheDir: cache })).toEqual({ pages: 2, reused: false });
  const index = await openIndex(site);
  try {
    const found = await index.pagefind.search('библиотека');
    const hits = await Promise.all(found.results.map((r) => r.data()));
    expect(hits.map((h) => pathOf(h.url))).toEqual(['/practices/synthetic/a/']);
  } finally {
    await index.close();
  }
});

test('without a cache folder the index is always built', async () => {
  writeSite('Ресурсный центр открыт.');
  expect(await indexSite(site)).toEqual({ pages: 2, reused: false });
});

test('a rebuild that streamed pages still reuses the kept index when nothing changed, and uses the streamed one when something did', async () => {
  writeSite('Ресурсный центр открыт.');
  await indexSite(site, { cacheDir: cache });
  const kept = listing(join(site, 'pagefind'));

  writeSite('Ресурсный центр открыт.');
  const unchanged = await StreamingIndex.start(site);
  for (const file of indexedFiles(site)) unchanged.offer(file);
  expect(await unchanged.finishOrReuse(cache)).toMatchObject({ pages: 2, reused: true });
  expect(listing(join(site, 'pagefind'))).toEqual(kept);

  writeSite('Ресурсный центр закрыт, открыта мастерская.');
  const changed = await StreamingIndex.start(site);
  changed.offer('practices/synthetic/a/index.html');
  expect(await changed.finishOrReuse(cache)).toMatchObject({ pages: 2, reused: false, streamed: 1 });
  const index = await openIndex(site);
  try {
    const found = await index.pagefind.search('мастерская');
    const hits = await Promise.all(found.results.map((r) => r.data()));
    expect(hits.map((h) => pathOf(h.url))).toEqual(['/practices/synthetic/a/']);
  } finally {
    await index.close();
  }
  // The streamed index is now the kept one: the same site again is reused.
  writeSite('Ресурсный центр закрыт, открыта мастерская.');
  expect(await indexSite(site, { cacheDir: cache })).toEqual({ pages: 2, reused: true });
});

test('a new index written where a reused one was leaves the kept index as it was', async () => {
  writeSite('Ресурсный центр открыт.');
  await indexSite(site, { cacheDir: cache });
  // Reused: the site's index is now the kept one's files (linked, not copied).
  expect(await indexSite(site, { cacheDir: cache })).toEqual({ pages: 2, reused: true });
  const keptDir = join(cache, 'pagefind-index', 'pagefind');
  const kept = new Map(listing(keptDir).filter((f) => f.includes('.')).map((f) => [f, readFileSync(join(keptDir, f))]));
  expect(kept.has('pagefind-entry.json')).toBe(true);

  // A page changes while the site still holds the reused index; without a cache folder the new
  // index does not replace the kept one, so whatever happens to it shows.
  writeFileSync(join(site, 'practices/synthetic/a/index.html'), page('Синтетическая практика', 'Открыта библиотека.'));
  const fresh = await StreamingIndex.start(site);
  expect(await fresh.finish()).toMatchObject({ pages: 2, reused: false });
  expect(readFileSync(join(site, 'pagefind', 'pagefind-entry.json'))).not.toEqual(kept.get('pagefind-entry.json'));
  for (const [file, bytes] of kept) expect(readFileSync(join(keptDir, file)), file).toEqual(bytes);
});
