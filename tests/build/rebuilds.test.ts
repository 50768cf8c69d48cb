/**
 * Rebuilds that keep the cache and the output folder: one SYNTHETIC bank through a chain of
 * builds, each stage changing one thing since the build before it:
 *
 *   1. cold build;
 *   2. nothing changed: every practice page and the index are reused;
 *   (then a sentence added to the last practice, into the kept folder;)
 *   3. one practice's title and text changed, built into an emptied folder as CI does
 *      (experimental.incrementalBuild + cacheKeys from src/lib/page-keys.ts, and the per-file
 *      check cache): every page that shows it changes, every other page comes back from the
 *      cache byte-identical, search finds the new text;
 *   4. one practice removed (src/lib/site/kept-out-dir.ts): its pages and data go, nothing else;
 *   5. satteri and Pagefind "upgraded": every practice page is rendered afresh, the site is
 *      re-indexed.
 *
 * The first three builds are the benchmark's (`npm run bench -- --practices 50`, run once per run
 * by shared-bank.ts and checked by tests/quality/bench-smoke.test.ts): this file reads their logs
 * and goes on from the bank they leave, the only file that writes there. One chain rather than a
 * bank per concern: a cold build is the costly part, and each stage starts from exactly the state
 * a real editor's rebuild does. Library upgrades are staged with CACHE_KEY_PACKAGES_DIR (copies of
 * the packages' package.json with versions bumped, see src/lib/content/library-versions.ts); the
 * installed packages are not touched. The stages run in order (one beforeAll per block, in file
 * order); a stage that fails stops the later ones.
 */
import { globSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KEYED_LIBRARIES, libraryVersions } from '../../src/lib/content/library-versions.ts';
import { buildInto } from '../helpers/build-bank.ts';
import { projectRoot, testOut } from '../helpers/paths.ts';
import { SHARED_BENCH_PRACTICES, SHARED_BENCH_TIMEOUT_MS, sharedBench } from '../helpers/shared-bank.ts';
import { openIndex, pathOf } from '../search/pagefind-node.ts';

/** The bench's bank (set in the first beforeAll): content/, dist/, cache/, logs/. */
let content = '';
let dist = '';
let cache = '';
let logs = '';
const staged = resolve(testOut, 'rebuilds', 'packages');
const PRACTICES = SHARED_BENCH_PRACTICES;
const NEW_TITLE = 'Переименованная синтетическая практика';
/** A word no other page has, added to the edited practice's text: search must find it after. */
const NEW_WORD = 'квазиперепланировка';

/** Copies of the keyed libraries' manifests, with the versions of `bumped` raised, in `folder`. */
function stageIn(folder: string, bumped: readonly string[]): Record<string, string> {
  rmSync(folder, { recursive: true, force: true });
  for (const name of KEYED_LIBRARIES) {
    mkdirSync(resolve(folder, name), { recursive: true });
    const manifest = JSON.parse(readFileSync(resolve(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
    if (bumped.includes(name)) manifest.version = `${manifest.version}-upgraded`;
    writeFileSync(resolve(folder, name, 'package.json'), JSON.stringify(manifest));
  }
  return { CACHE_KEY_PACKAGES_DIR: folder };
}

/**
 * Builds with the cache of the stage before into the same folder, kept as the last build left it
 * (an editor's machine) or emptied first (`fresh`: a CI job that restores only the cache).
 */
function rebuild(bumped: readonly string[] = [], fresh = false): string {
  const built = buildInto(content, dist, cache, { env: stageIn(staged, bumped), keepOutDir: !fresh });
  expect(built.status, built.output).toBe(0);
  return built.output;
}

const files = () => globSync('**/*', { cwd: dist, withFileTypes: true }).filter((e) => e.isFile()).map((e) => resolve(e.parentPath, e.name).slice(dist.length + 1)).sort();
const read = (file: string) => readFileSync(resolve(dist, file), 'utf8');
const idOf = (relativeFile: string) => relativeFile.replaceAll('\\', '/').replace(/^practices\//, '').replace(/\.mdx$/, '');
/** Practice page lines of a build's log, and those the build reused instead of rendering. */
const practiceLines = (output: string) => output.split('\n').filter((l) => /\/practices\/sintetgrad-[^ ]+index\.html/.test(l));
const reusedPractices = (output: string) => practiceLines(output).filter((l) => /\((restored|cached)\)/.test(l)).length;
/** Pages of the paginated lists (catalogue, topics, cities, years). */
const listPages = () =>
  [
    ...globSync('practices/index.html', { cwd: dist }),
    ...globSync('practices/page/*/index.html', { cwd: dist }),
    ...globSync('practices/year/**/index.html', { cwd: dist }),
    ...globSync('topics/*/index.html', { cwd: dist }),
    ...globSync('topics/*/page/*/index.html', { cwd: dist }),
    ...globSync('cities/*/index.html', { cwd: dist }),
    ...globSync('cities/*/page/*/index.html', { cwd: dist }),
  ].sort();
const practicePages = () => globSync('practices/sintetgrad-*/*/index.html', { cwd: dist }).sort();
/** Whether a page shows a title: its text is typeset (no-break spaces, <abbr>), the title's words are what count. */
const shows = (html: string, title: string) => html.replace(/<[^>]*>/g, '').replaceAll('\u00A0', ' ').includes(title);

/** Practice files of the bank, relative to content/, in the order the generator wrote them. */
let practiceFiles: string[] = [];

beforeAll(() => {
  const bench = sharedBench();
  expect(bench.status, bench.output.slice(-3000)).toBe(0);
  [content, dist, cache, logs] = ['content', 'dist', 'cache', 'logs'].map((folder) => resolve(bench.work, folder)) as [string, string, string, string];
  // practice-00001 … practice-00050: the number is the generator's order.
  practiceFiles = globSync('practices/*/*.mdx', { cwd: content }).sort((a, b) => (basename(a) < basename(b) ? -1 : 1));
  expect(practiceFiles).toHaveLength(PRACTICES);
}, SHARED_BENCH_TIMEOUT_MS);

describe('library versions in cache keys', () => {
  it('names each library with its installed version', () => {
    const versions = libraryVersions();
    for (const name of KEYED_LIBRARIES) {
      const { version } = JSON.parse(readFileSync(resolve(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
      expect(versions).toContain(`${name}@${version}`);
    }
  });

  it('change when any one library alone is upgraded', () => {
    const installed = libraryVersions();
    for (const name of KEYED_LIBRARIES) {
      process.env.CACHE_KEY_PACKAGES_DIR = stageIn(resolve(testOut, 'rebuilds', `versions-${name}`), [name]).CACHE_KEY_PACKAGES_DIR;
      try {
        const upgraded = libraryVersions();
        expect(upgraded, name).not.toBe(installed);
        expect(upgraded.split(' ').filter((v) => !installed.split(' ').includes(v)), name).toEqual([expect.stringMatching(new RegExp(`^${name}@.+-upgraded$`))]);
      } finally {
        delete process.env.CACHE_KEY_PACKAGES_DIR;
      }
    }
    expect(libraryVersions()).toBe(installed);
  });
});

describe('1. cold build (the bench’s first)', () => {
  it('renders every practice page, reusing none', () => {
    const output = readFileSync(resolve(logs, 'cold.log'), 'utf8');
    expect(practiceLines(output)).toHaveLength(PRACTICES);
    expect(reusedPractices(output)).toBe(0);
  });
});

describe('2. rebuild with nothing changed (the bench’s second)', () => {
  let output = '';
  beforeAll(() => {
    output = readFileSync(resolve(logs, 'unchanged.log'), 'utf8');
  });

  it('reuses every practice page and the index', () => {
    expect(practiceLines(output)).toHaveLength(PRACTICES);
    expect(reusedPractices(output)).toBe(PRACTICES);
    expect(output).toMatch(/pagefind: индекс не изменился/);
  });
});

describe('3. rebuild after one practice changed, into an empty folder', () => {
  let output = '';
  let changedPage = '';
  let oldTitle = '';
  let city = '';
  let topics: string[] = [];
  /** Practice pages (other than the changed one) that showed the old title: its related practices. */
  const showing: string[] = [];
  /** Practice pages that did not show it, with their bytes before the change. */
  const unrelated = new Map<string, string>();
  /** List pages that showed the old title, and those that did not (with their bytes). */
  const listsShowing: string[] = [];
  const listsUnrelated = new Map<string, string>();

  beforeAll(() => {
    const relativeFile = practiceFiles[0] ?? '';
    const file = resolve(content, relativeFile);
    const source = readFileSync(file, 'utf8');
    oldTitle = /^title: "(.+)"$/m.exec(source)?.[1] ?? '';
    city = /^city: (\S+)$/m.exec(source)?.[1] ?? '';
    topics = (/^topics: \[(.+)\]$/m.exec(source)?.[1] ?? '').split(', ');
    expect(oldTitle && city && topics.length).toBeTruthy();
    changedPage = `practices/${idOf(relativeFile)}/index.html`;
    for (const page of practicePages()) {
      if (page === changedPage) continue;
      const html = read(page);
      if (shows(html, oldTitle)) showing.push(page);
      else unrelated.set(page, html);
    }
    for (const page of listPages()) {
      const html = read(page);
      if (shows(html, oldTitle)) listsShowing.push(page);
      else listsUnrelated.set(page, html);
    }
    writeFileSync(file, `${source.replace(`title: "${oldTitle}"`, `title: "${NEW_TITLE}"`)}\nРедактор добавил слово ${NEW_WORD}.\n`);
    // Into an emptied folder: unchanged pages must come back from the cache, byte for byte.
    output = rebuild([], true);
  }, 240_000);

  it('reuses pages rather than rendering the whole bank again', () => {
    expect(unrelated.size).toBeGreaterThan(10);
    expect(reusedPractices(output)).toBeGreaterThan(10);
    expect(reusedPractices(output)).toBeLessThan(PRACTICES);
  });

  it('shows the new title on the practice page and on every page that showed the old one', () => {
    expect(showing.length).toBeGreaterThan(0);
    // The catalogue, its city and each of its topics list it on exactly one page each.
    expect(listsShowing.filter((p) => p.startsWith('practices/') && !p.startsWith('practices/year/'))).toHaveLength(1);
    expect(listsShowing.filter((p) => p.startsWith(`cities/${city}/`))).toHaveLength(1);
    for (const t of topics) expect(listsShowing.filter((p) => p.startsWith(`topics/${t}/`)), t).toHaveLength(1);
    for (const page of [changedPage, ...showing, ...listsShowing]) {
      const html = read(page);
      expect(shows(html, NEW_TITLE), page).toBe(true);
      expect(shows(html, oldTitle), page).toBe(false);
    }
  });

  it('reuses the list pages that do not show the practice instead of rendering them', () => {
    expect(listsUnrelated.size).toBeGreaterThan(listsShowing.length);
    for (const [page, before] of listsUnrelated) expect(read(page) === before, page).toBe(true);
    const reusedLists = output.split('\n').filter((l) => /\/(topics|cities)\/[^ ]+index\.html \((restored|cached)\)/.test(l));
    expect(reusedLists.length).toBeGreaterThan(0);
  });

  it('re-indexes: search finds the edited text and the new title on the edited practice', async () => {
    expect(output).toMatch(/pagefind: \d+ страниц проиндексировано/);
    // The rebuild handed pages to Pagefind while Astro was still building, not only after it.
    expect(output).toMatch(/[1-9]\d* страниц — во время сборки/);
    const index = await openIndex(dist);
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
      const after = read(page);
      expect(shows(after, NEW_TITLE), page).toBe(false);
      expect(after === before, page).toBe(true);
    }
  });
});

describe('4. rebuild after one practice was removed, into the last build’s folder', () => {
  let before: string[] = [];
  let after: string[] = [];
  let removedId = '';
  let output = '';
  beforeAll(() => {
    before = files();
    const removed = practiceFiles.at(-1) ?? '';
    removedId = idOf(removed);
    rmSync(resolve(content, removed));
    output = rebuild();
    after = files();
  }, 240_000);

  it('keeps unchanged pages in place rather than copying them back', () => {
    expect(output).toMatch(/\(cached\)/);
  });

  it('removes the pages and data of the removed practice, and nothing else', () => {
    expect(before).toContain(`practices/${removedId}/index.html`);
    expect(after).not.toContain(`practices/${removedId}/index.html`);
    expect(after).not.toContain(`compare/p/${removedId}.json`);
    const gone = before.filter((f) => !after.includes(f));
    expect(gone.filter((f) => !f.includes(removedId) && !f.startsWith('pagefind/'))).toEqual([]);
    expect(after.filter((f) => !f.startsWith('pagefind/')).length).toBeGreaterThan(50);
  });
});

describe('5. rebuild after satteri and Pagefind were upgraded', () => {
  let output = '';
  let before = new Map<string, string>();
  beforeAll(() => {
    before = new Map(practicePages().map((page) => [page, read(page)]));
    output = rebuild(['satteri', 'pagefind']);
  }, 240_000);

  it('renders every practice page afresh, to the same bytes', () => {
    expect(practiceLines(output)).toHaveLength(PRACTICES - 1);
    expect(reusedPractices(output)).toBe(0);
    expect(before.size).toBe(PRACTICES - 1);
    for (const [page, html] of before) expect(read(page) === html, page).toBe(true);
  });

  it('re-indexes the site although no page changed', () => {
    expect(output).toMatch(/pagefind: \d+ страниц проиндексировано/);
    expect(output).not.toMatch(/pagefind: индекс не изменился/);
  });
});
