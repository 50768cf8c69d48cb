/**
 * The corpus of bad submissions (tests/fixtures/bad/): every mistake and every attack is
 * refused by the checker and by the build, each with its file, line and rule; no code in any
 * of them runs; a good file beside them is published once they are gone.
 *
 * Hostile files the bank accepts (tests/fixtures/bad/inert/: markup in attribute values, formula
 * prefixes, task lists, odd fences, a BOM) are published with the payload inert: checked in the
 * built HTML, in practices.csv read back by csv-parse and in Chromium. Links, special and
 * oversized files are made here (git would not keep them as they are).
 *
 * The property that ties checker and build: for every file of the corpus, the checker's verdict
 * (named in an error, or not) equals the build's (named in an error, or published). Two banks,
 * two builds: one of every refused file, one of every accepted one.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, globSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBank, type BuildResult } from '../helpers/build-bank.ts';
import { fixturesDir, projectRoot, testOut } from '../helpers/paths.ts';
import { readPage, textOf } from '../helpers/html.ts';
import { parse } from 'csv-parse/sync';
import { parseHTML } from 'linkedom';
import { launchBrowser, openPage } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/server.ts';
import { MAX_FILE_BYTES } from '../../src/lib/content/content-files.ts';
import { present } from '../helpers/present.ts';
import { childEnv } from '../helpers/child-env.ts';

const corpus = resolve(fixturesDir, 'bad');
const expected = JSON.parse(readFileSync(resolve(corpus, 'expected.json'), 'utf8')) as Record<string, { rule: string; line: number }>;
const marker = join(tmpdir(), `asdg-pwned-${randomUUID()}`);
const work = resolve(testOut, 'editorial-corpus');
const inertCorpus = resolve(corpus, 'inert');
/** A file with no mistake (tests/fixtures/bad/good/), put beside the bad and the inert ones. */
const GOOD_FILE = 'practices/testograd/good-practice.mdx';
const inertFiles = globSync('**/*.{mdx,yaml}', { cwd: inertCorpus }).sort();
/** Outside every bank: what a link in a pull request could point at on the build machine. */
const outside = resolve(work, 'outside');

/**
 * Cases made by the test: symbolic links (to a file in the bank's format elsewhere, to a system
 * file, to a folder, to nothing) and a file over the size limit.
 */
const generated: Record<string, { rule: string; line: number; make(target: string): void }> = {
  'practices/testograd/symlink-outside.mdx': { rule: 'symlink', line: 1, make: (t) => symlinkSync(resolve(outside, GOOD_FILE), t) },
  'practices/testograd/symlink-system.mdx': { rule: 'symlink', line: 1, make: (t) => symlinkSync('/etc/hostname', t) },
  'practices/linked-folder': { rule: 'symlink', line: 1, make: (t) => symlinkSync(resolve(outside, 'practices/testograd'), t) },
  'submissions/testograd/2013-dangling.mdx': { rule: 'symlink', line: 1, make: (t) => symlinkSync(resolve(outside, 'nothing-here.mdx'), t) },
  'cities/symlink-city.yaml': { rule: 'symlink', line: 1, make: (t) => symlinkSync(resolve(fixturesDir, 'multi-city/cities/testograd.yaml'), t) },
  'practices/testograd/limit-file-size.mdx': {
    rule: 'file-size',
    line: 1,
    make: (t) => writeFileSync(t, `${readFileSync(resolve(corpus, 'good', GOOD_FILE), 'utf8')}\n${'Синтетический абзац. '.repeat(Math.ceil(MAX_FILE_BYTES / 30))}\n`),
  },
};
const parseHtml = (html: string) => parseHTML(html).document;
const expectationOf = (file: string) => expected[file] ?? generated[file];

/** A copy of the synthetic bank plus the given corpus files, with the marker path filled in. */
function bank(name: string, files: string[], extra: string[] = []): string {
  const root = resolve(work, name);
  rmSync(root, { recursive: true, force: true });
  cpSync(resolve(fixturesDir, 'multi-city'), root, { recursive: true });
  for (const file of files) {
    const target = resolve(root, file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, readFileSync(resolve(corpus, file), 'utf8').replaceAll('__MARKER__', marker));
  }
  for (const file of extra) cpSync(resolve(corpus, 'good', file), resolve(root, file));
  return root;
}

function makeGenerated(root: string) {
  rmSync(outside, { recursive: true, force: true });
  mkdirSync(resolve(outside, 'practices/testograd'), { recursive: true });
  cpSync(resolve(corpus, 'good', GOOD_FILE), resolve(outside, GOOD_FILE));
  for (const [file, { make }] of Object.entries(generated)) {
    mkdirSync(dirname(resolve(root, file)), { recursive: true });
    make(resolve(root, file));
  }
}

function inertBank(): string {
  const root = resolve(work, 'inert');
  rmSync(root, { recursive: true, force: true });
  cpSync(resolve(fixturesDir, 'multi-city'), root, { recursive: true });
  cpSync(inertCorpus, root, { recursive: true });
  // The good file goes into this bank too: it has no refused file, so its build is the build a
  // good file gets once the bad ones are gone (one build for both).
  cpSync(resolve(corpus, 'good', GOOD_FILE), resolve(root, GOOD_FILE));
  return root;
}

function check(contentDir: string) {
  const run = spawnSync(process.execPath, ['scripts/check.ts'], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: childEnv({ CONTENT_DIR: contentDir, NO_COLOR: '1' }),
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

/** The line that reports a file's expected problem: `file:line: field: message` naming the rule. */
function reportLine(output: string, root: string, file: string): string | undefined {
  const { rule, line } = present(expectationOf(file), `expectation of ${file}`);
  const name = `${root.slice(projectRoot.length + 1)}/${file}`;
  return output.split('\n').find((l) => l.includes(`${name}:${line}: `) && (l.includes(`${rule}:`) || l.endsWith(`[${rule}]`)));
}

const badFiles = [...Object.keys(expected), ...Object.keys(generated)];
let badRoot = '';
let badCheck: { status: number | null; output: string };
let badBuild: BuildResult;
let inertRoot = '';
let inertCheck: { status: number | null; output: string };
let inertBuild: BuildResult;

beforeAll(() => {
  rmSync(marker, { force: true });
  badRoot = bank('bad', Object.keys(expected), [GOOD_FILE]);
  makeGenerated(badRoot);
  badCheck = check(badRoot);
  badBuild = buildBank('editorial-corpus-bad', badRoot);
  inertRoot = inertBank();
  inertCheck = check(inertRoot);
  inertBuild = buildBank('editorial-corpus-inert', inertRoot);
});

afterAll(() => rmSync(marker, { force: true }));

describe('the corpus', () => {
  it('has one file per mistake and per attack, every file with its expectation', () => {
    const onDisk = globSync('{cities,practices,submissions}/**/*', { cwd: corpus }).filter((f) => /\.(mdx|md|yaml)$/.test(f));
    expect(onDisk.sort()).toEqual(Object.keys(expected).sort());
    expect(badFiles.filter((f) => f.includes('attack-')).length).toBeGreaterThanOrEqual(30);
  });
});

describe('npm run check on the corpus', () => {
  it('exits non-zero', () => {
    expect(badCheck.status).toBe(1);
  });

  it.each(badFiles)('reports %s with its line and rule', (file) => {
    expect(reportLine(badCheck.output, badRoot, file), badCheck.output).toBeDefined();
  });

  it('says nothing against the good file beside them', () => {
    // Only the completeness warning (no contact person, phone or confirmation): never an error.
    expect(badCheck.output.split('\n').filter((l) => l.includes('good-practice.mdx') && !/предупреждение: .*\[completeness\]$/.test(l.trim()))).toEqual([]);
  });

  it('prints no stack trace and no English from a parser, and hits every limit within seconds', () => {
    expect(badCheck.output).not.toMatch(/\n\s+at |RangeError|Maximum call stack|TypeError|ReferenceError|Excessive alias/);
    expect(badCheck.output).not.toMatch(/YAML: [A-Za-z]/);
    // A symlinked folder is refused, never listed: the names inside it do not appear.
    expect(badCheck.output).not.toContain('linked-folder/');
    expect(badCheck.output).not.toContain(readFileSync('/etc/hostname', 'utf8').trim() || '\0');
  });
});

describe('the hostile files the bank accepts (tests/fixtures/bad/inert/)', () => {
  const page = (path: string) => readPage(inertBuild.dist, path);
  const pages = () => globSync('**/*.html', { cwd: inertBuild.dist }).map((f) => readFileSync(resolve(inertBuild.dist, f), 'utf8'));

  it('pass npm run check and are published by the build', () => {
    expect(inertCheck.status, inertCheck.output).toBe(0);
    expect(inertBuild.status, inertBuild.output.slice(-4000)).toBe(0);
    for (const file of inertFiles) {
      const id = file.replace(/\.mdx$/, '');
      expect(existsSync(resolve(inertBuild.dist, id, 'index.html')), file).toBe(true);
    }
  });

  it('put no element of their payload on any page: no <meta http-equiv>, no injected heading or image', () => {
    expect(inertFiles.filter((f) => f.includes('hostile-')).length).toBeGreaterThanOrEqual(5);
    for (const html of pages()) {
      const parsed = parseHtml(html);
      // The site's own policy is the one http-equiv a page may have.
      const equivs = [...parsed.querySelectorAll('meta[http-equiv]')].map((m) => (m.getAttribute('http-equiv') ?? '').toLowerCase());
      expect(equivs).toEqual(['content-security-policy']);
      expect(parsed.querySelectorAll('[id^="pwned"]').length).toBe(0);
      expect([...parsed.querySelectorAll('img')].filter((img) => /evil/.test(img.getAttribute('src') ?? '')).length).toBe(0);
      // The catalogue's own filters are inputs; a content file's text never holds one.
      expect(parsed.querySelectorAll('.prose input, .answer__text input').length).toBe(0);
    }
  });

  it('show the payload as text where a reader would see it, and file every answer under its question', () => {
    const questionnaire = page('/questionnaires/asdg-public-engagement/').document;
    const hostile = inertFiles.filter((f) => f.includes('hostile-')).map((f) => f.replace(/^submissions\//, '').replace(/\.mdx$/, ''));
    for (const id of hostile) {
      expect(questionnaire.querySelectorAll(`section[data-question="achievements"] article[data-submission="${id}"]`).length, id).toBe(1);
      expect(questionnaire.querySelectorAll(`section[data-question="asdg-help"] article[data-submission="${id}"]`).length, id).toBe(1);
    }
    expect(questionnaire.querySelector('article[data-submission="testograd/2013-hostile-abbr"] abbr')?.getAttribute('title')).toContain('<meta http-equiv="refresh"');
    expect(textOf(questionnaire.querySelector('article[data-submission="testograd/2013-hostile-components"]'))).toContain('<h2 id="pwned-callout">');
  });

  it('render a task list as text, and a fence with trailing blanks or a BOM like any other file', () => {
    const tasks = page('/practices/testograd/inert-task-list/').document;
    expect(textOf(tasks.querySelector('main'))).toContain('☐ не сделано');
    expect(textOf(tasks.querySelector('main'))).toContain('☑ сделано');
    for (const [path, title] of [
      ['/practices/testograd/inert-fence-tab/', 'Синтетическая практика: табуляция после закрывающей черты'],
      ['/practices/testograd/inert-fence-spaces/', 'Синтетическая практика: пробелы после черт'],
      ['/practices/testograd/inert-bom/', 'Синтетическая практика: файл с меткой порядка байтов'],
    ] as const) {
      const main = page(path).document.querySelector('main');
      expect(textOf(main?.querySelector('h1') ?? null)).toBe(title);
      // The frontmatter never reaches the page as text or as a heading.
      expect(textOf(main)).not.toMatch(/statusYear|transferability:/);
      expect(main?.querySelectorAll('hr').length).toBe(0);
    }
  });

  it('write practices.csv whose cells, read back by csv-parse, start with no formula character', () => {
    const rows = parse(readFileSync(resolve(inertBuild.dist, 'data/practices.csv'), 'utf8'), { bom: true, columns: true, relax_column_count: false }) as Record<string, string>[];
    const numeric = new Set(Object.keys(rows[0] ?? {}).filter((c) => /(_value|_year|Year|^lat$|^lon$)$/.test(c) || /^metric_.*_(value|year)$/.test(c)));
    for (const row of rows) {
      for (const [column, cell] of Object.entries(row)) {
        if (numeric.has(column) && /^-?\d+(\.\d+)?$/.test(cell)) continue;
        expect(cell, `${row.id}: ${column}`).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
    const formulas = rows.find((r) => r.id === 'testograd/inert-formulas');
    expect(formulas?.title).toBe(`'=HYPERLINK("https://evil.example/","Синтетическая формула")`);
    expect(formulas?.summary).toBe(`'+Синтетическая практика, описание с плюса`);
    expect(formulas?.operator).toBe(`'@SUM(1+1)*cmd|' /C calc'!A0`);
    expect(formulas?.contact_organisation).toBe(`'-Синтетическая администрация`);
    expect(formulas?.partners?.split(' | ')[0]).toBe(`'=1+1`);
    for (const file of ['cities.csv', 'topics.csv']) {
      for (const row of parse(readFileSync(resolve(inertBuild.dist, 'data', file), 'utf8'), { bom: true, columns: true }) as Record<string, string>[]) {
        for (const [column, cell] of Object.entries(row)) if (!/^(lat|lon|population_value)$/.test(column)) expect(cell, `${file}: ${column}`).not.toMatch(/^[=+@\t\r]/);
      }
    }
  });

  it('in Chromium: no redirect, no request off the site, no injected element', async () => {
    const server = await serveStatic(inertBuild.dist);
    const browser = await launchBrowser();
    try {
      const paths = ['/questionnaires/asdg-public-engagement/', ...inertFiles.filter((f) => f.includes('hostile-')).map((f) => `/${f.replace(/\.mdx$/, '')}/`)];
      for (const path of paths) {
        const watched = await openPage(browser);
        const navigations: string[] = [];
        watched.page.on('framenavigated', (frame) => { if (frame === watched.page.mainFrame()) navigations.push(frame.url()); });
        await watched.page.goto(`${server.url}${path}`, { waitUntil: 'load' });
        // A refresh with content=0 fires at once; wait well past it.
        await watched.page.waitForTimeout(1200);
        expect(watched.page.url(), path).toBe(`${server.url}${path}`);
        expect(navigations, path).toEqual([`${server.url}${path}`]);
        expect(watched.foreignRequests, path).toEqual([]);
        expect(await watched.page.locator('meta[http-equiv="refresh"], [id^="pwned"]').count(), path).toBe(0);
        await watched.context.close();
      }
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

describe('the checker and the build agree on every file of the corpus', () => {
  /** The files a run named in an error line. */
  const refusedIn = (output: string, root: string) => {
    const prefix = `${root.slice(projectRoot.length + 1)}/`;
    const named = new Set<string>();
    for (const line of output.split('\n')) {
      const at = line.indexOf(prefix);
      if (at === -1 || line.includes('предупреждение:')) continue;
      const rest = line.slice(at + prefix.length);
      named.add(rest.slice(0, rest.search(/:\d+: /)));
    }
    return named;
  };

  it('refused by one means refused by the other; accepted by the checker means published by the build', () => {
    const checkRefused = refusedIn(badCheck.output, badRoot);
    const buildRefused = refusedIn(badBuild.output, badRoot);
    const verdicts = badFiles.map((file) => [file, checkRefused.has(file), buildRefused.has(file)] as const);
    expect(verdicts.filter(([, byCheck, byBuild]) => byCheck !== byBuild)).toEqual([]);
    expect(verdicts.every(([, byCheck]) => byCheck)).toBe(true);
    const acceptedByCheck = inertFiles.filter((f) => !refusedIn(inertCheck.output, inertRoot).has(f));
    const publishedByBuild = inertFiles.filter((f) => existsSync(resolve(inertBuild.dist, f.replace(/\.mdx$/, ''), 'index.html')));
    expect(publishedByBuild).toEqual(acceptedByCheck);
    expect(acceptedByCheck).toEqual(inertFiles);
    expect(readdirSync(inertBuild.dist).length).toBeGreaterThan(0);
  });
});

describe('the build of the corpus', () => {
  it('fails and publishes nothing', () => {
    expect(badBuild.status).not.toBe(0);
    expect(existsSync(resolve(badBuild.dist, 'index.html'))).toBe(false);
  });

  it.each(badFiles)('refuses %s with the same line as the checker', (file) => {
    expect(reportLine(badBuild.output, badRoot, file), badBuild.output.slice(-4000)).toBeDefined();
    // Same words in both: the build prints the checker's line.
    expect(badBuild.output).toContain(reportLine(badCheck.output, badRoot, file));
  });
});

describe('no code in the corpus ever runs', () => {
  it('the marker file was never written, by the checker or by the build', () => {
    const attacks = Object.keys(expected).filter((f) => readFileSync(resolve(corpus, f), 'utf8').includes('__MARKER__'));
    expect(attacks.length).toBeGreaterThanOrEqual(10);
    expect(readFileSync(resolve(badRoot, present(attacks[0], 'an attack file')), 'utf8')).toContain(marker);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('a good file beside them', () => {
  it('is published once the bad files are gone (beside the inert ones), and warnings do not fail the build', () => {
    const result = inertBuild;
    expect(result.status, result.output).toBe(0);
    const page = readPage(result.dist, '/practices/testograd/good-practice/').document;
    expect(textOf(page.querySelector('h1'))).toBe('Синтетическая правильная практика');
    expect(textOf(page.querySelector('main'))).toContain('Показать фигурную скобку можно так: { и }.');
    // The synthetic bank has a metric whose wording is not in its source: a warning, printed.
    expect(result.output).toMatch(/resource-centre\.mdx:\d+: metrics\[1\]\.source: предупреждение: .*\[metric-source\]/);
    expect(existsSync(marker)).toBe(false);
  });
});
