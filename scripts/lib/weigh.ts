/**
 * What a reader downloads: the size of a built site, of one page with its stylesheets, and of
 * the files the first search fetches. Sizes "gzip" are what a server with gzip would send; the
 * test server sends files uncompressed, so each file is gzipped here with zlib.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { launchBrowser, openPage } from './browser.ts';
import { serveStatic } from './static-server.ts';
import { PAGE_SIZE, PAGEFIND_OPTIONS } from '../../src/lib/search/pagefind-client.ts';

const gzipBytes = (data: Uint8Array | string) => gzipSync(data, { level: 9 }).byteLength;

export function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    files += 1;
  }
  return { bytes, files };
}

interface PageWeight {
  htmlGzip: number;
  cssGzip: number;
  /** Scripts the page loads or holds; a practice page must need none. */
  scripts: number;
}

/** A built page with the stylesheets it links, gzipped as a server would send them. */
export function pageWeight(dist: string, urlPath: string): PageWeight {
  const html = readFileSync(resolve(dist, `.${urlPath}`, 'index.html'), 'utf8');
  const { document } = parseHTML(html);
  let cssGzip = 0;
  for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
    const href = link.getAttribute('href') ?? '';
    cssGzip += gzipBytes(readFileSync(resolve(dist, `.${new URL(href, 'http://x').pathname}`)));
  }
  // Inline <style> elements are inside the HTML and so counted there.
  return { htmlGzip: gzipBytes(html), cssGzip, scripts: document.querySelectorAll('script').length };
}

interface SearchWeight {
  files: number;
  /** Each file fetched with its gzip size, largest first. */
  perFile: { path: string; gzip: number }[];
  rawBytes: number;
  gzipBytes: number;
  results: number;
}

/**
 * Opens `pagePath` of the built site in Chromium, loads Pagefind's JS API as a search page
 * would, runs one search and loads the first page of results (PAGE_SIZE), and weighs every /pagefind/ file
 * the browser fetched.
 */
export async function firstSearchWeight(dist: string, pagePath: string, query: string): Promise<SearchWeight> {
  const server = await serveStatic(dist);
  const browser = await launchBrowser();
  try {
    const { page, foreignRequests } = await openPage(browser);
    const fetched = new Set<string>();
    page.on('requestfinished', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/pagefind/')) fetched.add(url.pathname);
    });
    await page.goto(`${server.url}${pagePath}`);
    const results = await page.evaluate(
      async ({ q, options, pageSize }) => {
        // Through a variable, so neither TypeScript nor a bundler tries to resolve it.
        const api = '/pagefind/pagefind.js';
        const pagefind = await import(api);
        // The options the site's search client sets (no Web Worker, its ranking), from the one place they are written.
        await pagefind.options(options);
        const search = await pagefind.search(q);
        const first = await Promise.all(search.results.slice(0, pageSize).map((r: { data(): Promise<unknown> }) => r.data()));
        return first.length;
      },
      { q: query, options: PAGEFIND_OPTIONS, pageSize: PAGE_SIZE },
    );
    if (foreignRequests.length) throw new Error(`запросы за пределы сайта: ${foreignRequests.join(', ')}`);
    let rawBytes = 0;
    let gzip = 0;
    const perFile: SearchWeight['perFile'] = [];
    for (const path of fetched) {
      const body = readFileSync(resolve(dist, `.${path}`));
      rawBytes += body.byteLength;
      const zipped = gzipBytes(body);
      gzip += zipped;
      perFile.push({ path, gzip: zipped });
    }
    perFile.sort((a, b) => b.gzip - a.gzip);
    return { files: fetched.size, perFile, rawBytes, gzipBytes: gzip, results };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The largest HTML page of a built site, by raw size (and its gzip size). */
export function largestHtml(dist: string): { path: string; bytes: number; gzip: number; pages: number } {
  let best = { path: '', bytes: 0 };
  let pages = 0;
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    pages += 1;
    const file = join(entry.parentPath, entry.name);
    const bytes = statSync(file).size;
    if (bytes > best.bytes) best = { path: file, bytes };
  }
  const path = `/${best.path.slice(resolve(dist).length + 1).replace(/index\.html$/, '')}`;
  return { path, bytes: best.bytes, gzip: best.path ? gzipBytes(readFileSync(best.path)) : 0, pages };
}

/**
 * What the compare view loads for `ids` (gzip): the per-practice records it fetches, and
 * separately the page itself with its stylesheets and scripts, which do not depend on the bank.
 */
export function compareWeight(dist: string, ids: readonly string[]): { dataGzip: number; dataRaw: number; pageGzip: number } {
  let dataGzip = 0;
  let dataRaw = 0;
  for (const id of ids) {
    const body = readFileSync(resolve(dist, `compare/p/${id}.json`));
    dataRaw += body.byteLength;
    dataGzip += gzipBytes(body);
  }
  const html = readFileSync(resolve(dist, 'compare/index.html'), 'utf8');
  const { document } = parseHTML(html);
  let pageGzip = gzipBytes(html);
  for (const node of document.querySelectorAll('link[rel="stylesheet"], script[src]')) {
    const href = node.getAttribute('href') ?? node.getAttribute('src') ?? '';
    pageGzip += gzipBytes(readFileSync(resolve(dist, `.${new URL(href, 'http://x').pathname}`)));
  }
  return { dataGzip, dataRaw, pageGzip };
}

/** The site feed and the largest of all feeds (raw bytes: a feed reader polls them as is). */
export function feedSizes(dist: string): { site: number; largest: number; largestPath: string; feeds: number } {
  let largest = 0;
  let largestPath = '';
  let feeds = 0;
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== 'rss.xml') continue;
    feeds += 1;
    const file = join(entry.parentPath, entry.name);
    const bytes = statSync(file).size;
    if (bytes > largest) {
      largest = bytes;
      largestPath = `/${file.slice(resolve(dist).length + 1)}`;
    }
  }
  return { site: statSync(resolve(dist, 'rss.xml')).size, largest, largestPath, feeds };
}
