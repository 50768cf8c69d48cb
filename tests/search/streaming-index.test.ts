/**
 * The index fed while Astro renders (`StreamingIndex`, src/lib/search/index-site.ts) holds the
 * HTML of at most `maxHeld` pages that wait for Pagefind; a page offered beyond that is read from
 * disk when the index is finished, so nothing is lost and the build's memory stays bounded.
 * Runs the real Pagefind on a tiny hand-written site of SYNTHETIC pages.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { StreamingIndex } from '../../src/lib/search/index-site.ts';
import { testOut } from '../helpers/paths.ts';
import { openIndex, pathOf } from './pagefind-node.ts';

const site = resolve(testOut, 'streaming-index', 'dist');
afterAll(() => rmSync(resolve(testOut, 'streaming-index'), { recursive: true, force: true }));

const WORDS = ['библиотека', 'мастерская', 'субботник', 'фестиваль', 'олимпиада'];
const fileOf = (i: number) => `practices/synthetic/p${i}/index.html`;
const page = (word: string) =>
  `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${word}</title></head><body><main><article data-pagefind-body><h1>Практика: ${word}</h1><p>Открыта ${word}.</p></article></main></body></html>`;

test('pages offered beyond the HTML it may hold are read from disk at the end, and every page is indexed', async () => {
  rmSync(site, { recursive: true, force: true });
  WORDS.forEach((word, i) => {
    mkdirSync(join(site, fileOf(i), '..'), { recursive: true });
    writeFileSync(join(site, fileOf(i)), page(word));
  });
  const streaming = await StreamingIndex.start(site, { maxHeld: 2 });
  // All at once, as Astro's pages arrive while Pagefind has not finished the first.
  WORDS.forEach((word, i) => streaming.offer(fileOf(i), page(word)));
  expect(await streaming.finish()).toEqual({ pages: WORDS.length, reused: false, streamed: 2 });
  const index = await openIndex(site);
  try {
    for (const [i, word] of WORDS.entries()) {
      const found = await index.pagefind.search(word);
      const pages = await Promise.all(found.results.map((r) => r.data()));
      expect(pages.map((p) => pathOf(p.url)), word).toEqual([`/practices/synthetic/p${i}/`]);
    }
  } finally {
    await index.close();
  }
});
