/**
 * How the build feeds the search index while Astro renders (scripts/build.ts): each page Astro
 * renders comes over the IPC channel with its HTML (src/lib/search/page-channel.ts), each page it
 * takes from its cache is named in its log (scripts/lib/astro-log.ts). Checked on a real cold
 * build of the fixture multi-city bank: every indexed page arrives while Astro renders, and the
 * index holds each page as its written file does. Then the channel on its own, and the log lines
 * a real build prints: cached pages (also behind other pages' paths, as Astro renders several
 * pages at a time), rendered pages, colours.
 */
import { cpSync, globSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { pagesBuilt, reusedPage } from '../../scripts/lib/astro-log.ts';
import { indexSite } from '../../src/lib/search/index-site.ts';
import { BODY_ATTRIBUTE, isIndexed } from '../../src/lib/search/indexed-pages.ts';
import { fileOfPage, isRenderedPage, PAGE_CHANNEL_ENV, sendRenderedPage } from '../../src/lib/search/page-channel.ts';
import { projectRoot, testOut } from '../helpers/paths.ts';
import { sharedBank } from '../helpers/shared-bank.ts';
import { openIndex, pathOf } from '../search/pagefind-node.ts';

/** Every page of an index with what a search shows of it, by address. */
async function indexedPages(dist: string): Promise<Record<string, unknown>> {
  const index = await openIndex(dist);
  try {
    const all = await index.pagefind.search(null);
    const pages = await Promise.all(all.results.map((r) => r.data()));
    return Object.fromEntries(pages.map((p) => [pathOf(p.url), { content: p.content, meta: p.meta, filters: p.filters }]));
  } finally {
    await index.close();
  }
}

describe('a real cold build (fixture multi-city)', () => {
  const copy = resolve(testOut, 'astro-log', 'from-files');
  afterAll(() => rmSync(resolve(testOut, 'astro-log'), { recursive: true, force: true }));

  it('hands the index every page it holds while Astro renders, none read back after', () => {
    const { dist, report } = sharedBank('multi-city');
    const withBody = globSync('**/*.html', { cwd: dist }).filter((file) => isIndexed(file) && readFileSync(resolve(dist, file), 'utf8').includes(BODY_ATTRIBUTE));
    expect(withBody.length).toBeGreaterThan(10);
    expect(report).toMatchObject({ indexedPages: withBody.length, streamedPages: withBody.length, indexReused: false });
  });

  it('indexes each page as its written file holds it', async () => {
    const { dist } = sharedBank('multi-city');
    rmSync(copy, { recursive: true, force: true });
    mkdirSync(copy, { recursive: true });
    cpSync(dist, copy, { recursive: true, filter: (source) => !source.startsWith(resolve(dist, 'pagefind')) });
    // The same site indexed after the build, from its files on disk.
    await indexSite(copy);
    const streamed = await indexedPages(dist);
    expect(Object.keys(streamed).length).toBeGreaterThan(10);
    expect(streamed).toEqual(await indexedPages(copy));
  });

  it('names no page as reused in its log, and its summary line counts the pages', () => {
    const { output, dist } = sharedBank('multi-city');
    const lines = output.split('\n');
    expect(lines.flatMap((line) => reusedPage(line) ?? [])).toEqual([]);
    const written = globSync('**/*.html', { cwd: dist, exclude: ['pagefind/**'] });
    // Astro's summary counts pages, not endpoints that write HTML (src/pages/admin/index.html.ts).
    const htmlEndpoints = globSync('src/pages/**/*.html.ts', { cwd: projectRoot }).length;
    expect(lines.flatMap((line) => pagesBuilt(line) ?? [])).toEqual([written.length - htmlEndpoints]);
  });
});

describe('the page channel', () => {
  const body = `<html><body><main ${BODY_ATTRIBUTE}><h1>Практика</h1></main></body></html>`;
  /** What `sendRenderedPage` sends for these pages, with the channel open. */
  function sent(pages: [pathname: string, html: string][]): unknown[] {
    const messages: unknown[] = [];
    const send = process.send;
    vi.stubEnv(PAGE_CHANNEL_ENV, '1');
    // Swapped and restored with no await between: nothing else of the worker can send meanwhile.
    process.send = ((message: unknown) => messages.push(message) > 0) as typeof process.send;
    try {
      for (const [pathname, html] of pages) sendRenderedPage(pathname, html);
    } finally {
      process.send = send;
      vi.unstubAllEnvs();
    }
    return messages;
  }

  it('sends an indexed page with a body, as its file and HTML', () => {
    const messages = sent([['/practices/irkutsk/a/', body]]);
    expect(messages).toEqual([{ file: 'practices/irkutsk/a/index.html', html: body }]);
    expect(messages.every(isRenderedPage)).toBe(true);
  });

  it('sends no page outside the indexed sections, and none without a body', () => {
    expect(sent([['/about/', body], ['/practices/', '<html><body><main><h1>Все практики</h1></main></body></html>']])).toEqual([]);
  });

  it('sends nothing when no build listens', () => {
    const messages: unknown[] = [];
    const send = process.send;
    process.send = ((message: unknown) => messages.push(message) > 0) as typeof process.send;
    try {
      sendRenderedPage('/practices/irkutsk/a/', body);
    } finally {
      process.send = send;
    }
    expect(messages).toEqual([]);
  });

  it('names the file Astro writes for an address', () => {
    expect(fileOfPage('/practices/irkutsk/a/')).toBe('practices/irkutsk/a/index.html');
    expect(fileOfPage('/topics/nko/page/2/')).toBe('topics/nko/page/2/index.html');
  });
});

describe('page lines', () => {
  it('a page from the cache: restored or cached', () => {
    expect(reusedPage('12:00:00   ├─ /cities/c/index.html (restored)')).toBe('/cities/c/index.html');
    expect(reusedPage('12:00:00   └─ /cities/c/index.html (cached)')).toBe('/cities/c/index.html');
  });

  it('a cached page printed after the paths of pages still rendering is the last path on the line', () => {
    expect(reusedPage('12:00:00   ├─ /practices/a/index.html  ├─ /practices/b/index.html  ├─ /cities/c/index.html (cached)')).toBe('/cities/c/index.html');
  });

  it('a rendered page is not named (its HTML comes over the channel), whatever path stands before its time', () => {
    expect(reusedPage('12:00:00   ├─ /practices/a/b/index.html (+3ms) ')).toBeUndefined();
    expect(reusedPage('12:00:00   ├─ /practices/a/index.html  ├─ /practices/b/index.html (+1.20s)')).toBeUndefined();
    expect(reusedPage('12:00:00   ├─ /practices/a/b/index.html')).toBeUndefined();
  });

  it('colours between the marker, the path and the ending do not hide the page', () => {
    expect(reusedPage('\x1b[2m12:00:00\x1b[22m   \x1b[32m├─\x1b[39m \x1b[2m/cities/c/index.html\x1b[22m \x1b[32m(cached)\x1b[39m')).toBe('/cities/c/index.html');
  });

  it('other lines: no page, no count', () => {
    expect(reusedPage('12:00:00 [build] ✓ Completed in 4.1s.')).toBeUndefined();
    expect(pagesBuilt('12:00:00 [build] ✓ Completed in 4.1s.')).toBeUndefined();
    expect(pagesBuilt('12:00:00 [build] 27 page(s) built in 4.1s')).toBe(27);
  });
});
