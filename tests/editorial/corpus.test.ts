/**
 * The corpus of bad submissions (tests/fixtures/bad/): every mistake and every attack is
 * refused by the checker and by the build, each with its file, line and rule; no code in any
 * of them runs; a good file beside them is published once they are gone.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, globSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBank, type BuildResult } from '../helpers/build-bank.ts';
import { fixturesDir, projectRoot, testOut } from '../helpers/paths.ts';
import { readPage, textOf } from '../helpers/html.ts';

const corpus = resolve(fixturesDir, 'bad');
const expected = JSON.parse(readFileSync(resolve(corpus, 'expected.json'), 'utf8')) as Record<string, { rule: string; line: number }>;
const marker = join(tmpdir(), `asdg-pwned-${randomUUID()}`);
const work = resolve(testOut, 'editorial-corpus');

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

function check(contentDir: string) {
  const run = spawnSync(process.execPath, ['scripts/check.ts'], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: contentDir, NO_COLOR: '1' },
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

/** The line that reports a file's expected problem: `file:line: field: message` naming the rule. */
function reportLine(output: string, root: string, file: string): string | undefined {
  const { rule, line } = expected[file]!;
  const name = `${root.slice(projectRoot.length + 1)}/${file}`;
  return output.split('\n').find((l) => l.includes(`${name}:${line}: `) && (l.includes(`${rule}:`) || l.endsWith(`[${rule}]`)));
}

const badFiles = Object.keys(expected);
let badRoot = '';
let badCheck: { status: number | null; output: string };
let badBuild: BuildResult;

beforeAll(() => {
  rmSync(marker, { force: true });
  badRoot = bank('bad', badFiles, ['practices/testograd/good-practice.mdx']);
  badCheck = check(badRoot);
  badBuild = buildBank('editorial-corpus-bad', badRoot);
});

afterAll(() => rmSync(marker, { force: true }));

describe('the corpus', () => {
  it('has one file per mistake and per attack, every file with its expectation', () => {
    const onDisk = globSync('{cities,practices,submissions}/**/*', { cwd: corpus }).filter((f) => /\.(mdx|md|yaml)$/.test(f));
    expect(onDisk.sort()).toEqual([...badFiles].sort());
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
    const attacks = badFiles.filter((f) => readFileSync(resolve(corpus, f), 'utf8').includes('__MARKER__'));
    expect(attacks.length).toBeGreaterThanOrEqual(10);
    expect(readFileSync(resolve(badRoot, attacks[0]!), 'utf8')).toContain(marker);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('a good file beside them', () => {
  it('is published once the bad files are gone, and warnings do not fail the build', () => {
    const root = bank('good', [], ['practices/testograd/good-practice.mdx']);
    const result = buildBank('editorial-corpus-good', root);
    expect(result.status, result.output).toBe(0);
    const page = readPage(result.dist, '/practices/testograd/good-practice/').document;
    expect(textOf(page.querySelector('h1'))).toBe('Синтетическая правильная практика');
    expect(textOf(page.querySelector('main'))).toContain('Показать фигурную скобку можно так: { и }.');
    // The synthetic bank has a metric whose wording is not in its source: a warning, printed.
    expect(result.output).toMatch(/resource-centre\.mdx:\d+: metrics\[1\]\.source: предупреждение: .*\[metric-source\]/);
    expect(existsSync(marker)).toBe(false);
  });
});
