/**
 * Builds the Pagefind index for a built site. Wrapped here so every caller (the build, tests,
 * the benchmark) handles Pagefind's errors the same way.
 *
 * What is indexed: the `data-pagefind-body` element of practice, submission, city and topic
 * pages, and nothing else. Two guards keep it so. Pages are marked in their markup (Pagefind
 * skips a page without `data-pagefind-body` once any page has it), and only these four sections
 * are handed to Pagefind at all (INDEXED_SECTIONS), so a page elsewhere that marks a body by
 * mistake does not join the results. Lists in those sections (/practices/, /cities/, the year
 * pages) carry no body and stay out; tests/search/index-scope.test.ts checks both.
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
 * Pagefind is pinned to 1.4.0 (package.json): from 1.5.0 it strips diacritics before stemming,
 * so «й» becomes «и» and Russian words such as «ресурсный» stop being stemmed; «ресурсный
 * центр» then misses «ресурсных центров». tests/search/russian-queries.test.ts shows whether an
 * upgrade is safe.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import { libraryVersions } from '../content/library-versions.ts';

/** URL sections whose pages may enter the index. */
export const INDEXED_SECTIONS = ['practices', 'submissions', 'cities', 'topics'] as const;

/** Passed to `createIndex`; part of the reuse key, so changing them forces a fresh index. */
const INDEX_OPTIONS = { forceLanguage: 'ru' } as const;
/** Bump when the way the index is built changes in a way the key does not see. */
const REUSE_FORMAT = 1;

export interface IndexResult {
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

/**
 * What the index is a function of: Pagefind's version, the options and every indexed file.
 * Whole files are hashed, not only their indexed part: finding that part needs an HTML parser,
 * which would cost more than the hash (about 0.4 s for 2 500 pages). Files are read one by one
 * with awaits between them, so the hash can run while Pagefind indexes in its own process.
 */
export async function indexKey(siteDir: string): Promise<string> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ format: REUSE_FORMAT, pagefind: pagefindVersion(), libraries: libraryVersions(), options: INDEX_OPTIONS, sections: INDEXED_SECTIONS }));
  for (const file of indexedFiles(siteDir)) {
    hash.update(`\0${file}\0`);
    hash.update(await readFile(join(siteDir, file)));
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
  if (!options.cacheDir) return { pages: await buildIndex(siteDir, outputPath), reused: false };
  const cache = join(options.cacheDir, 'pagefind-index');
  const kept = readKept(cache);
  if (!kept || !existsSync(join(cache, 'pagefind'))) {
    // Nothing to reuse (a cold build): hash while Pagefind works instead of before it.
    const [pages, key] = await Promise.all([buildIndex(siteDir, outputPath), indexKey(siteDir)]);
    keep(cache, outputPath, key, pages);
    return { pages, reused: false };
  }
  const key = await indexKey(siteDir);
  if (kept.key === key) {
    rmSync(outputPath, { recursive: true, force: true });
    cpSync(join(cache, 'pagefind'), outputPath, { recursive: true });
    return { pages: kept.pages, reused: true };
  }
  const pages = await buildIndex(siteDir, outputPath);
  keep(cache, outputPath, key, pages);
  return { pages, reused: false };
}

async function buildIndex(siteDir: string, outputPath: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ ...INDEX_OPTIONS });
  if (!index) throw new Error(`Pagefind не запустился: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: siteDir, glob: `{${INDEXED_SECTIONS.join(',')}}/**/*.html` });
    if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
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

/** Replaces the kept index; the key is written last, so an interrupted copy is never reused. */
function keep(cache: string, outputPath: string, key: string, pages: number): void {
  rmSync(join(cache, 'key.json'), { force: true });
  const fresh = join(cache, 'pagefind.new');
  rmSync(fresh, { recursive: true, force: true });
  cpSync(outputPath, fresh, { recursive: true });
  rmSync(join(cache, 'pagefind'), { recursive: true, force: true });
  renameSync(fresh, join(cache, 'pagefind'));
  writeFileSync(join(cache, 'key.json'), `${JSON.stringify({ key, pages } satisfies Kept)}\n`);
}
