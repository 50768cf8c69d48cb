/**
 * Builds the Pagefind index for a built site. Wrapped here so every caller (the build, tests,
 * the benchmark) handles Pagefind's errors the same way.
 *
 * What is indexed: the `data-pagefind-body` element of practice, submission, city and topic
 * pages, and nothing else. Two guards keep it so. Pages are marked in their markup (Pagefind
 * skips a page without `data-pagefind-body` once any page has it), and only these four sections
 * are handed to Pagefind at all (INDEXED_SECTIONS), so a page elsewhere that marks a body by
 * mistake does not join the results. Lists in those sections (/practices/, /cities/, the year
 * pages) carry no body and stay out; tests/search/index-scope.test.ts checks both. Practice pages
 * also feed a second, small index, the catalogue's (`pagefind/catalogue/`, `catalogueRecord`),
 * which alone holds the catalogue's sort keys.
 * Inside a body, whatever only repeats other pages (a topic's table and cards of its practices,
 * a city's cards, charts, related cards, citation, compare and subscribe controls) is marked
 * `data-pagefind-ignore`: it made a topic page of a large bank tens of kilobytes of indexed
 * text, slowed indexing, and let topic pages outrank the practices they list.
 *
 * Reuse: Pagefind cannot update an index, so an unchanged site would be re-indexed from scratch
 * on every build. `indexSite` hashes the HTML it would index (with Pagefind's version and the
 * options below); when the hash equals the last build's, it copies the index kept in the cache
 * folder instead (Astro empties the output folder on every build, so the copy lives there).
 *
 * Pagefind 1.6 strips diacritics before stemming, so «й» becomes «и» and the indexer's
 * stemmer leaves «ресурсный» as «ресурсны»; the search client stems queries itself
 * (src/lib/search/russian.ts), and tests/search/russian-queries.test.ts checks every word form.
 *
 * Search words: right after Pagefind writes the index, the bank's words for «Возможно, вы
 * искали …» are written into it (`pagefind/words/`, word-shards.ts), so a reused index brings
 * them along.
 * Indexing while Astro renders (`StreamingIndex`): on a build with no index to reuse,
 * scripts/build.ts hands each indexed page to Pagefind as soon as Astro has rendered it, with the
 * HTML the Astro process sends it (page-channel.ts), so
 * Pagefind (its own process) works while Astro is still rendering the rest; at the end only the
 * pages it missed are added and the index is written. Pagefind is handed only the page's body
 * (`indexedDocument`, indexed-pages.ts), and the catalogue's index has a Pagefind process of its
 * own (`catalogueService`): Pagefind's service parses what it is sent one message at a time.
 * A rebuild streams from the first indexed page Astro renders afresh (`finishOrReuse`: the kept
 * index still wins when the hash shows nothing changed). Pages without `data-pagefind-body` (the lists) are not handed over
 * at all: Pagefind would parse them only to drop them.
 *
 * One index, not several merged in the browser: splitting the bank into parts (each its own
 * Pagefind index, joined with `mergeIndex`) was measured and not taken, see the README
 * («Поиск»): each part loads its own index chunks for the query's words, so a first search grew
 * by half, Pagefind's sort works within one part only (the catalogue's order would break), and
 * prefix fallbacks are decided per part, which changed the results of some queries.
 *
 * Pagefind is pinned to an exact version (1.6.0, package.json); its version is part of the reuse
 * key and of every content cache key (content/library-versions.ts).
 * tests/search/russian-queries.test.ts shows whether an upgrade keeps Russian queries working.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { writeWordShards } from './word-shards.ts';
import { CATALOGUE_INDEX, catalogueKey } from './pagefind-client.ts';
import { libraryVersions } from '../content/library-versions.ts';
import { codeDigestOf } from '../code-digest.ts';
import { BODY_ATTRIBUTE, INDEXED_SECTIONS, indexedDocument, isIndexed } from './indexed-pages.ts';

/** Passed to `createIndex`; part of the reuse key, so changing them forces a fresh index. */
const INDEX_OPTIONS = { forceLanguage: 'ru' } as const;
/**
 * Bump when the way the index is built changes in a way the key does not see. An edit to this
 * module or to what it imports needs no bump: their code is in the key (`codeDigestOf`).
 */
const REUSE_FORMAT = 4;

interface IndexResult {
  pages: number;
  /** True when the index was copied from the previous build instead of built. */
  reused: boolean;
}

/** The HTML files Pagefind is given, relative to the site, sorted. */
export function indexedFiles(siteDir: string): string[] {
  const files: string[] = [];
  for (const section of INDEXED_SECTIONS) {
    const dir = join(siteDir, section);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.html')) files.push(relative(siteDir, join(entry.parentPath, entry.name)).split('\\').join('/'));
    }
  }
  return files.sort();
}

/** Files hashed between two turns of the event loop (see indexKey). */
const HASHED_AT_ONCE = 64;

/**
 * What the index is a function of: the code that builds it, Pagefind's version, the options and
 * every indexed file.
 * Whole files are hashed, not only their indexed part: finding that part needs an HTML parser,
 * which would cost more than the hash (about 0.4 s for 2 500 pages). Files are read in small
 * batches with a turn of the event loop between them, so Pagefind's replies are handled while the
 * hash runs beside it. A batch, not one file per await: at 12 600 files, an await per file took
 * 3.7 s and batches 0.6 s.
 */
async function indexKey(siteDir: string): Promise<string> {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({ format: REUSE_FORMAT, code: codeDigestOf(fileURLToPath(import.meta.url)), pagefind: pagefindVersion(), libraries: libraryVersions(), options: INDEX_OPTIONS, sections: INDEXED_SECTIONS }),
  );
  const files = indexedFiles(siteDir);
  for (let at = 0; at < files.length; at += HASHED_AT_ONCE) {
    if (at > 0) await new Promise((next) => setImmediate(next));
    for (const file of files.slice(at, at + HASHED_AT_ONCE)) {
      hash.update(`\0${file}\0`);
      hash.update(readFileSync(join(siteDir, file)));
    }
  }
  return hash.digest('hex');
}

function pagefindVersion(): string {
  const manifest = new URL('../../../node_modules/pagefind/package.json', import.meta.url);
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/**
 * Indexes `siteDir` into `siteDir/pagefind`. With `cacheDir`, reuses the previous build's index
 * when the indexed HTML is byte-for-byte the same, and keeps the new index there otherwise.
 */
export async function indexSite(siteDir: string, options: { cacheDir?: string } = {}): Promise<IndexResult> {
  const outputPath = join(siteDir, 'pagefind');
  if (!options.cacheDir) return { pages: await buildIndex(siteDir), reused: false };
  const cache = join(options.cacheDir, 'pagefind-index');
  const kept = readKept(cache);
  if (!kept || !existsSync(join(cache, 'pagefind'))) {
    // Nothing to reuse (a cold build): hash while Pagefind works instead of before it.
    const [pages, key] = await Promise.all([buildIndex(siteDir), indexKey(siteDir)]);
    keep(cache, outputPath, key, pages);
    return { pages, reused: false };
  }
  const key = await indexKey(siteDir);
  if (kept.key === key) {
    restoreKept(cache, outputPath);
    return { pages: kept.pages, reused: true };
  }
  const pages = await buildIndex(siteDir);
  keep(cache, outputPath, key, pages);
  return { pages, reused: false };
}

/** The address Pagefind gives a page: `practices/a/b/index.html` → `/practices/a/b/`. */
const urlOf = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

/** Files read and handed to Pagefind at once: enough to keep it busy, few enough to hold. */
const IN_FLIGHT = 16;

/**
 * Pages whose HTML the build holds for Pagefind at most (about 40 KB each): a bound on the build
 * process's memory should Pagefind fall far behind Astro (at 10 000 practices on this machine it
 * stayed within it). A page offered beyond this is left to `finish`, which reads it from disk
 * once Astro has written every file (a page Astro has only just rendered may not be on disk yet,
 * so it cannot be read back earlier).
 */
const MAX_HELD = 1000;

/** A page offered to the index: its file in the site, and its HTML when the caller holds it. */
export interface OfferedPage {
  file: string;
  html: string | undefined;
}

/**
 * An index fed page by page while the site is still being written (see the module comment).
 * `offer` takes a path relative to the site (`practices/a/b/index.html`, a leading slash is
 * dropped) and the page's HTML when the caller holds it (a page Astro has just rendered, from
 * page-channel.ts); without it the file is read, so it must be on disk by then (a page Astro
 * took from its cache). Pages outside INDEXED_SECTIONS are ignored, and so is a page offered
 * again. `finish` adds whatever was not offered, writes the index and, with a cache folder,
 * keeps it for the next build's reuse check.
 */
export class StreamingIndex {
  private readonly seen = new Set<string>();
  private readonly queue: OfferedPage[] = [];
  private running = 0;
  /** Pages offered with their HTML and not yet added (queued or in flight). */
  private held = 0;
  private drained: (() => void) | undefined;
  private failure: Error | undefined;

  private readonly siteDir: string;
  private readonly index: pagefind.PagefindIndex;
  private readonly catalogue: pagefind.PagefindIndex;

  private readonly maxHeld: number;

  private constructor(siteDir: string, index: pagefind.PagefindIndex, catalogue: pagefind.PagefindIndex, maxHeld: number) {
    this.siteDir = siteDir;
    this.index = index;
    this.catalogue = catalogue;
    this.maxHeld = maxHeld;
  }

  /** `maxHeld`: how many pages' HTML to hold at most (MAX_HELD; a test sets a small one). */
  static async start(siteDir: string, options: { maxHeld?: number } = {}): Promise<StreamingIndex> {
    const [main, catalogue] = await Promise.all([pagefind.createIndex({ ...INDEX_OPTIONS }), (await catalogueService()).createIndex({ ...INDEX_OPTIONS })]);
    if (!main.index || !catalogue.index) throw new Error(`Pagefind не запустился: ${[...main.errors, ...catalogue.errors].join('; ')}`);
    return new StreamingIndex(siteDir, main.index, catalogue.index, options.maxHeld ?? MAX_HELD);
  }

  offer(file: string, html?: string): void {
    const path = file.replace(/^\/+/, '');
    if (!isIndexed(path) || this.seen.has(path)) return;
    // Pagefind is that far behind: the page is read from disk at `finish` instead (MAX_HELD).
    if (html !== undefined && this.held >= this.maxHeld) return;
    this.seen.add(path);
    if (html !== undefined) this.held += 1;
    // Held as the part Pagefind reads: less to hold, and less to send it.
    this.queue.push({ file: path, html: html === undefined ? undefined : indexedDocument(html) });
    this.pump();
  }

  private pump(): void {
    while (this.running < IN_FLIGHT) {
      const page = this.queue.shift();
      if (page === undefined) return;
      this.running += 1;
      void this.add(page.file, page.html).finally(() => {
        this.running -= 1;
        if (page.html !== undefined) this.held -= 1;
        this.pump();
        if (this.running === 0 && this.queue.length === 0) this.drained?.();
      });
    }
  }

  private async add(file: string, html: string | undefined): Promise<void> {
    try {
      const content = html ?? indexedDocument(await readFile(join(this.siteDir, file), 'utf8'));
      // A list page (no body) would only be parsed by Pagefind and dropped: skip the parse.
      if (!content.includes(BODY_ATTRIBUTE)) return;
      const url = urlOf(file);
      const card = catalogueRecord(content);
      const [added, carded] = await Promise.all([
        this.index.addHTMLFile({ url, content: withoutSortKeys(content) }),
        card ? this.catalogue.addHTMLFile({ url, content: card }) : undefined,
      ]);
      const errors = [...added.errors, ...(carded?.errors ?? [])];
      if (errors.length) this.failure ??= new Error(`Pagefind: ${file}: ${errors.join('; ')}`);
    } catch (error) {
      this.failure ??= error instanceof Error ? error : new Error(String(error));
    }
  }

  private idle(): Promise<void> {
    if (this.running === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((done) => (this.drained = done));
  }

  /**
   * For a rebuild with a kept index: when the indexed HTML turns out unchanged, the pages
   * streamed so far are dropped and the kept index is copied; otherwise the streamed index is
   * finished as by `finish`. Pagefind keeps indexing while the key is hashed.
   */
  async finishOrReuse(cacheDir: string): Promise<IndexResult & { streamed: number }> {
    const cache = join(cacheDir, 'pagefind-index');
    const kept = readKept(cache);
    const key = await indexKey(this.siteDir);
    if (kept?.key === key && existsSync(join(cache, 'pagefind'))) {
      const streamed = this.seen.size;
      this.queue.length = 0; // what is still queued is not needed: only wait for pages in flight
      await this.idle();
      await closeServices();
      restoreKept(cache, join(this.siteDir, 'pagefind'));
      return { pages: kept.pages, reused: true, streamed };
    }
    return this.finish({ cacheDir, key });
  }

  /** Adds the pages not offered yet, writes `siteDir/pagefind`, and keeps it in `cacheDir`. */
  async finish(options: { cacheDir?: string; key?: string } = {}): Promise<IndexResult & { streamed: number }> {
    const streamed = this.seen.size;
    const outputPath = join(this.siteDir, 'pagefind');
    let key: string | Promise<string> | undefined;
    try {
      for (const file of indexedFiles(this.siteDir)) this.offer(file);
      // The reuse key is hashed while Pagefind works: every page is on disk by now.
      if (options.cacheDir) {
        key = options.key ?? indexKey(this.siteDir);
        // Awaited below; until then a failed read must not count as an unhandled rejection.
        if (typeof key !== 'string') key.catch(() => undefined);
      }
      await this.idle();
      if (this.failure) throw this.failure;
      // Into an empty folder: a file left from a restored index is a link into the cache.
      rmSync(outputPath, { recursive: true, force: true });
      // Each index is written by its own Pagefind process, side by side.
      const [written] = await Promise.all([this.index.writeFiles({ outputPath }), writeCatalogue(this.catalogue, join(outputPath, CATALOGUE_INDEX))]);
      if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
      writeWordShards(outputPath);
    } finally {
      await closeServices();
    }
    // Pages without data-pagefind-body are left out by Pagefind itself; count what it kept.
    const pages = await indexedPageCount(outputPath);
    if (options.cacheDir && key !== undefined) keep(join(options.cacheDir, 'pagefind-index'), outputPath, await key, pages);
    return { pages, reused: false, streamed };
  }
}

/**
 * The catalogue's index lives in a Pagefind process of its own. Pagefind's service handles one
 * message at a time, so in one process the catalogue's records (one per practice) queued with
 * the search index's pages on one core; in two, each has a core while Astro is done, and the
 * catalogue is written while the search index is. The npm package keeps one service per module
 * instance, and a module URL with a query string is a second instance (Node loads it anew).
 */
async function catalogueService(): Promise<typeof pagefind> {
  return (await import(`${import.meta.resolve('pagefind')}?service=catalogue`)) as typeof pagefind;
}

async function closeServices(): Promise<void> {
  await Promise.all([pagefind.close(), (await catalogueService()).close()]);
}

/** Is there a kept index to reuse? Then streaming is not worth it: the index may not change. */
export function hasKeptIndex(cacheDir: string): boolean {
  const cache = join(cacheDir, 'pagefind-index');
  return readKept(cache) !== undefined && existsSync(join(cache, 'pagefind'));
}

/** Pages in a written index, from its entry file. */
async function indexedPageCount(outputPath: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
}

/** The index after the build (no streaming): the same path as streaming, fed all at once. */
async function buildIndex(siteDir: string): Promise<number> {
  return (await (await StreamingIndex.start(siteDir)).finish()).pages;
}

/**
 * The catalogue's index (`pagefind/catalogue/`): one record per practice page with its filters,
 * card metadata and the catalogue's sort keys, and no text but the title. The JavaScript
 * catalogue of a bank larger than one page merges it (`mergeIndex`) and orders and counts the
 * whole bank there. The sort keys live here and not in the search index: each is the order of
 * every practice, about 2 bytes a practice in the index metadata, which every first search
 * loads (40 % of it at 2 000 practices). The records' filter keys are prefixed (`catalogueKey`):
 * only the catalogue asks for them, so no other search reaches a record.
 */

const SORT_ATTRIBUTE = /\sdata-pagefind-sort="[^"]*"/g;
const withoutSortKeys = (html: string) => html.replace(SORT_ATTRIBUTE, '');

/**
 * A practice page's catalogue record as a minimal page, so Pagefind reads its title, filters,
 * meta and sort keys exactly as from the page (SearchMeta.astro prints them as empty spans),
 * with every filter key prefixed (`catalogueKey`).
 */
function catalogueRecord(html: string): string | undefined {
  if (!html.includes('data-pagefind-filter="type:practice"')) return undefined;
  const title = /<h1[\s>][\s\S]*?<\/h1>/.exec(html)?.[0];
  if (!title) return undefined;
  const spans = [...html.matchAll(/<span data-pagefind-(filter|meta|sort)="([^"]*)">/g)].map(([, kind, value]) =>
    kind === 'filter' ? `<span data-pagefind-filter="${catalogueKey(value ?? '')}"></span>` : `<span data-pagefind-${kind}="${value}"></span>`,
  );
  return `<!doctype html><html lang="ru"><body><main data-pagefind-body>${title}${spans.join('')}</main></body></html>`;
}

/** Files of a written bundle that a merged index needs; the rest (scripts, WebAssembly, UI) go. */
const MERGED_INDEX_FILES = /^(pagefind-entry\.json|.*\.pf_meta|fragment|index|filter)$/;

async function writeCatalogue(catalogue: pagefind.PagefindIndex, outputPath: string): Promise<void> {
  const written = await catalogue.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`Pagefind (каталог): ${written.errors.join('; ')}`);
  for (const name of readdirSync(outputPath)) if (!MERGED_INDEX_FILES.test(name)) rmSync(join(outputPath, name), { recursive: true, force: true });
}

interface Kept {
  key: string;
  pages: number;
}

function readKept(cache: string): Kept | undefined {
  try {
    return JSON.parse(readFileSync(join(cache, 'key.json'), 'utf8')) as Kept;
  } catch {
    return undefined;
  }
}

/** Puts the kept index in place of the site's `pagefind/` folder. */
function restoreKept(cache: string, outputPath: string): void {
  rmSync(outputPath, { recursive: true, force: true });
  linkTree(join(cache, 'pagefind'), outputPath);
}

/** Replaces the kept index; the key is written last, so an interrupted copy is never reused. */
function keep(cache: string, outputPath: string, key: string, pages: number): void {
  rmSync(join(cache, 'key.json'), { force: true });
  const fresh = join(cache, 'pagefind.new');
  rmSync(fresh, { recursive: true, force: true });
  linkTree(outputPath, fresh);
  rmSync(join(cache, 'pagefind'), { recursive: true, force: true });
  renameSync(fresh, join(cache, 'pagefind'));
  writeFileSync(join(cache, 'key.json'), `${JSON.stringify({ key, pages } satisfies Kept)}\n`);
}

/**
 * The kept index and the site's share their files as hard links: an index is some 21 000 small
 * files at 10 000 practices, and copying them took 6–7 s of system time on this machine each time
 * (linking: 0.4 s). Nothing writes into an index's files after Pagefind has written them: the
 * index is written into an emptied folder (`finish`), and every other step replaces files or
 * deletes them. Where links cannot be made (the cache on another file system), the tree is copied.
 */
function linkTree(from: string, to: string): void {
  try {
    for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
      const target = join(to, relative(from, join(entry.parentPath, entry.name)));
      if (entry.isDirectory()) mkdirSync(target, { recursive: true });
      else {
        mkdirSync(dirname(target), { recursive: true });
        linkSync(join(entry.parentPath, entry.name), target);
      }
    }
  } catch {
    rmSync(to, { recursive: true, force: true });
    cpSync(from, to, { recursive: true });
  }
}
