/**
 * Pull-request annotations: the problem matcher the CI registers (.github/problem-matchers/),
 * applied with its own regular expressions to what `npm run check` prints for the bad-file
 * corpus, gives exactly one annotation per problem, on its file and line, with its message.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBank } from '../../src/lib/content/checks/index.ts';
import { formatProblemWithRule } from '../../src/lib/content/problems.ts';
import { fixturesDir, projectRoot, testOut } from '../helpers/paths.ts';
import { present } from '../helpers/present.ts';
import { childEnv } from '../helpers/child-env.ts';

interface Matcher {
  owner: string;
  severity: 'error' | 'warning';
  pattern: { regexp: string; file: number; line: number; message: number }[];
}
const { problemMatcher } = JSON.parse(readFileSync(resolve(projectRoot, '.github/problem-matchers/asdg-check.json'), 'utf8')) as { problemMatcher: Matcher[] };

interface Annotation {
  severity: string;
  file: string;
  line: number;
  message: string;
}

/** What the Actions runner does with a line: the first matcher whose pattern matches it wins. */
function annotate(output: string): Annotation[] {
  const out: Annotation[] = [];
  for (const line of output.split('\n')) {
    for (const matcher of problemMatcher) {
      const pattern = present(matcher.pattern[0], `problem matcher ${matcher.owner}: pattern`);
      const match = new RegExp(pattern.regexp).exec(line);
      if (!match) continue;
      out.push({ severity: matcher.severity, file: match[pattern.file] ?? '', line: Number(match[pattern.line]), message: match[pattern.message] ?? '' });
      break;
    }
  }
  return out;
}

const corpus = resolve(fixturesDir, 'bad');
const expected = JSON.parse(readFileSync(resolve(corpus, 'expected.json'), 'utf8')) as Record<string, { rule: string; line: number }>;

describe('the problem matcher over the checker’s output for the bad-file corpus', () => {
  const root = resolve(testOut, 'problem-matcher/content');
  rmSync(root, { recursive: true, force: true });
  cpSync(resolve(fixturesDir, 'multi-city'), root, { recursive: true });
  for (const file of Object.keys(expected)) {
    mkdirSync(dirname(resolve(root, file)), { recursive: true });
    // The attack files name a marker path; any path does here, nothing is executed.
    writeFileSync(resolve(root, file), readFileSync(resolve(corpus, file), 'utf8').replaceAll('__MARKER__', '/nonexistent/asdg-marker'));
  }
  const run = spawnSync(process.execPath, ['scripts/check.ts'], { cwd: projectRoot, encoding: 'utf8', env: childEnv({ CONTENT_DIR: root, NO_COLOR: '1' }) });
  const output = `${run.stdout}\n${run.stderr}`;
  const problems = checkBank({ projectRoot, contentRoot: root }).problems;

  it('gives one annotation per problem, with its file, line, message and severity', () => {
    expect(run.status).toBe(1);
    expect(problems.length).toBeGreaterThanOrEqual(Object.keys(expected).length);
    const wanted = problems.map((p) => ({ severity: p.severity, file: p.file, line: p.line, message: formatProblemWithRule(p).slice(`${p.file}:${p.line}: `.length) }));
    const sort = (list: Annotation[]) => [...list].sort((a, b) => `${a.file}:${a.line}:${a.message}`.localeCompare(`${b.file}:${b.line}:${b.message}`));
    expect(sort(annotate(output))).toEqual(sort(wanted));
  });

  it('puts an annotation on every bad file of the corpus, at the expected line', () => {
    const annotations = annotate(output);
    for (const [file, { line, rule }] of Object.entries(expected)) {
      const name = `${root.slice(projectRoot.length + 1)}/${file}`;
      expect(annotations.some((a) => a.file === name && a.line === line && (a.message.endsWith(`[${rule}]`) || a.message.startsWith(`${rule}:`))), `${file}:${line} [${rule}]`).toBe(true);
    }
  });

  it('does not take the summary line for a problem', () => {
    const summary = /^Проверка .*: файлов \d+, ошибок \d+/;
    const summaryLines = output.split('\n').filter((line) => summary.test(line));
    expect(summaryLines).toHaveLength(1);
    // The summary line itself gives nothing; a problem's own wording may say «файлов» (mdx/too-many-tags does).
    expect(annotate(summaryLines[0] ?? '')).toEqual([]);
    expect(annotate(output).some((a) => /файлов \d+, ошибок \d+/.test(a.message) || summary.test(`${a.file}:${a.line}: ${a.message}`))).toBe(false);
  });
});
