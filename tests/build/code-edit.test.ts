/**
 * An edit to the code that turns content into pages, with no version constant bumped, shows on
 * the next build that keeps the cache: the loader keeps an entry, and Astro a page, for as long
 * as the entry's digest is unchanged, and that digest carries the content code
 * (src/lib/code-digest.ts). Before it did, an edited renderer kept serving the old HTML
 * (this file's second test failed). The warnings are checked the same way: a message reworded
 * in src/i18n/ru.ts, outside src/lib/content/, must not come back in its cached wording. So is
 * the kept search index, whose reuse key carries the code that builds it (index-site.ts and what
 * it imports): before, an edit there, with the pages unchanged, reused the old index. And so is
 * every page after an edit to the middleware, which typesets every page but is outside their
 * module graphs (its digest is defined in astro.config.mjs for every page key): before, the
 * edited middleware reached only the pages without a key.
 *
 * The edits are made in a copy of the project (src/, scripts/, public/, the config files;
 * node_modules linked), never in the project itself, which other test files build meanwhile.
 * The bank is the published one, content/: small, and its warnings are known to exist.
 */
import { cpSync, globSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { moduleGraph } from '../../src/lib/code-digest.ts';
import { buildInto, type BuildResult } from '../helpers/build-bank.ts';
import { projectRoot, testOut } from '../helpers/paths.ts';

const work = resolve(testOut, 'code-edit');
const project = resolve(work, 'project');
const dist = resolve(work, 'dist');
const cache = resolve(work, 'cache');
const content = resolve(projectRoot, 'content');

/**
 * A module of the index's builder that only scripts/build.ts imports: no page, and not the
 * middleware (checked below). An edit to a search module the middleware imports, such as
 * indexed-pages.ts, renders every page afresh.
 */
const INDEX_ONLY = 'src/lib/search/index-site.ts';
/** What the edited renderer adds to every paragraph of a content body. */
const MARK = 'data-edited-renderer';
/** What the edited middleware writes at the end of every page. */
const MIDDLEWARE_MARK = 'edited-middleware';
/** The completeness warning's wording in ru.ts, and what the edit makes of it. */
const WARNING = 'описание неполное для повторения';
const REWORDED = 'описанию недостаёт сведений для повторения';

function build(): BuildResult {
  const built = buildInto(content, dist, cache, { projectDir: project, keepOutDir: true });
  expect(built.status, built.output.slice(-3000)).toBe(0);
  return built;
}

/** Replaces `anchor` in a file of the copy, failing if the code no longer has it. */
function editCopy(file: string, anchor: string, replacement: string): void {
  const path = resolve(project, file);
  const source = readFileSync(path, 'utf8');
  expect(source, `${file} больше не содержит «${anchor}»: поправьте правку в этом тесте`).toContain(anchor);
  writeFileSync(path, source.replace(anchor, replacement));
}

/** The bank's practices, `city/slug`, from its files (a name starting with `_` is a draft). */
const practiceIds = globSync('practices/*/*.mdx', { cwd: content })
  .filter((file) => !basename(file).startsWith('_'))
  .map((file) => file.replaceAll('\\', '/').slice('practices/'.length, -'.mdx'.length));
/** Practice page lines of a build's log, and those the build reused instead of rendering. */
const practiceLines = (output: string) => output.split('\n').filter((l) => practiceIds.some((id) => l.includes(`/practices/${id}/index.html`)));
const reused = (lines: string[]) => lines.filter((l) => /\((restored|cached)\)/.test(l));
const warnings = (output: string) => output.split('\n').filter((l) => l.includes('[completeness]'));
const practicePage = (id: string) => readFileSync(resolve(dist, 'practices', id, 'index.html'), 'utf8');

let cold: BuildResult;
let reindexed: BuildResult;
let edited: BuildResult;
let middlewareEdited: BuildResult;

beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(project, { recursive: true });
  for (const entry of ['src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    cpSync(resolve(projectRoot, entry), resolve(project, entry), { recursive: true });
  }
  symlinkSync(resolve(projectRoot, 'node_modules'), resolve(project, 'node_modules'), 'dir');
  cold = build();
  // The code of the index alone: a comment is enough, since a key cannot tell what an edit changes.
  editCopy(INDEX_ONLY, '\nexport ', '\n// An edit to the indexing code.\nexport ');
  reindexed = build();
  editCopy('src/lib/content/safe-mdx.ts', "import { toHtml } from 'hast-util-to-html';", [
    "import { toHtml as writeHtml } from 'hast-util-to-html';",
    `const toHtml: typeof writeHtml = (...args) => writeHtml(...args).replaceAll('<p>', '<p ${MARK}>');`,
  ].join('\n'));
  editCopy('src/i18n/ru.ts', WARNING, REWORDED);
  edited = build();
  editCopy('src/middleware.ts', 'typesetPage(await response.text())', `typesetPage(await response.text()).replace('</body>', '<!--${MIDDLEWARE_MARK}--></body>')`);
  middlewareEdited = build();
}, 240_000);

describe('a build after code was edited, with the cache of the build before', () => {
  it('after an edit to the indexing code only: reuses every practice page, and builds the search index afresh', () => {
    expect(practiceIds.length).toBeGreaterThan(0);
    expect(moduleGraph(resolve(projectRoot, 'src/middleware.ts')).files).not.toContain(resolve(projectRoot, INDEX_ONLY));
    const lines = practiceLines(reindexed.output);
    expect(lines).toHaveLength(practiceIds.length);
    // So the copy reuses its pages, and a fresh render below is the renderer edit's doing.
    expect(reused(lines)).toEqual(lines);
    expect(reindexed.output).toMatch(/pagefind: \d+ страниц проиндексировано/);
    expect(reindexed.output).not.toMatch(/pagefind: индекс не изменился/);
  });

  it('after an edit to the renderer: renders every practice page afresh with it', () => {
    const lines = practiceLines(edited.output);
    expect(lines).toHaveLength(practiceIds.length);
    expect(reused(lines)).toEqual([]);
    for (const id of practiceIds) expect(practicePage(id), id).toContain(`<p ${MARK}>`);
  });

  it('after a message of a check was reworded: reports the warnings in the new wording, not the cached one', () => {
    const before = warnings(cold.output);
    expect(before.length).toBeGreaterThan(0);
    const after = warnings(edited.output);
    expect(after).toHaveLength(before.length);
    for (const line of after) {
      expect(line).toContain(REWORDED);
      expect(line).not.toContain(WARNING);
    }
  });

  it('after an edit to the middleware, outside every page’s module graph: renders every page afresh with it', () => {
    expect(reused(middlewareEdited.output.split('\n'))).toEqual([]);
    const pages = globSync('**/*.html', { cwd: dist }).filter((page) => !page.startsWith('admin/'));
    expect(pages.length).toBeGreaterThan(practiceIds.length);
    for (const page of pages) expect(readFileSync(resolve(dist, page), 'utf8'), page).toContain(`<!--${MIDDLEWARE_MARK}-->`);
  });
});
