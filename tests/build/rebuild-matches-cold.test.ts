/**
 * A rebuild that keeps the cache gives the very site a cold build of the same content gives:
 * every page a rebuild restores instead of rendering must be byte-identical to the page a build
 * with no cache renders. Each step below makes a batch of edits to a copy of the multi-city
 * fixture, rebuilds with the cache of the step before, then builds the same content cold, and
 * compares the two sites file by file. A page key that misses something its page shows (before
 * this test: a city page's adoption trail, which shows the start year of another city's practice)
 * leaves that page stale, and the two sites differ there.
 *
 * Batches, so that nine kinds of edit cost four builds: edits to entries first, which re-render
 * a few pages each, then edits to the vocabulary (a topic's name, a city's district), which every
 * list page prints and which would re-render what the first batch tests. Within a batch no edit
 * may re-render, for its own reasons, a page that another edit alone must reach.
 * The search index is compared by what it finds (rebuilds.test.ts), not by its files: Pagefind
 * writes the same index in another order.
 */
import { globSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInto, type BuildResult } from '../helpers/build-bank.ts';
import { testOut } from '../helpers/paths.ts';
import { sharedBankCopy, type BankCopy } from '../helpers/shared-bank.ts';

interface Edit {
  /** What is edited, for the failure message. */
  kind: string;
  file: string;
  /** A new file, made from this one of the bank (then edited as below). */
  copyOf?: string;
  replace: [from: RegExp, to: string][];
}

const STEPS: { name: string; edits: Edit[] }[] = [
  {
    name: 'entries',
    // All of one city, Примерск: the other cities' pages then have no reason to re-render but
    // the trail, which shows the year of Примерск's practice (taken from Тестоград, repeated by
    // Образцовск).
    edits: [
      { kind: 'start year of a practice on other cities’ trails', file: 'practices/primersk/resource-centre.mdx', replace: [[/^startYear: 2013$/m, 'startYear: 2012']] },
      { kind: 'a figure of a practice', file: 'practices/primersk/resource-centre.mdx', replace: [[/^(\s+)value: 120$/m, '$1value: 125']] },
      { kind: 'topics of a practice', file: 'practices/primersk/resource-centre.mdx', replace: [[/^topics: \[resource-centres\]$/m, 'topics: [resource-centres, charity]']] },
      // Without `adaptedFrom`: a new practice on a trail would re-render both trail cities anyway.
      {
        kind: 'a practice added',
        file: 'practices/primersk/second-centre.mdx',
        copyOf: 'practices/primersk/resource-centre.mdx',
        replace: [[/^title: .*$/m, 'title: Второй ресурсный центр Примерска'], [/^adaptedFrom:\n(?: {2}.*\n)+/m, '']],
      },
      { kind: 'title of a submission', file: 'submissions/primersk/2013-answers.mdx', replace: [[/^title: .*$/m, 'title: Ответы Примерска на анкету за 2013 год']] },
    ],
  },
  {
    name: 'vocabulary',
    edits: [
      { kind: 'name of a topic', file: 'topics/charity.yaml', replace: [[/^name: .*$/m, 'name: Благотворительные акции']] },
      { kind: 'population of a city', file: 'cities/primersk.yaml', replace: [[/^(\s+value: )200000$/m, '$1210000']] },
      { kind: 'federal district of a city', file: 'cities/primersk.yaml', replace: [[/^federalDistrict: far-eastern$/m, 'federalDistrict: siberian']] },
      { kind: 'a question of the questionnaire', file: 'questionnaires/asdg-public-engagement.yaml', replace: [[/^(\s+text: )Какую помощь .*$/m, '$1Чем может помочь АСДГ']] },
    ],
  },
];

const work = resolve(testOut, 'rebuild-matches-cold');
let bank: BankCopy;

function build(dist: string, cache: string): BuildResult {
  const built = buildInto(bank.content, dist, cache, { keepOutDir: true });
  expect(built.status, built.output.slice(-3000)).toBe(0);
  return built;
}

function applyEdit(edit: Edit): void {
  const path = resolve(bank.content, edit.file);
  let source = readFileSync(edit.copyOf ? resolve(bank.content, edit.copyOf) : path, 'utf8');
  for (const [from, to] of edit.replace) {
    expect(source, `${edit.copyOf ?? edit.file}: нет ${String(from)} (${edit.kind}); поправьте правку в этом тесте`).toMatch(from);
    source = source.replace(from, to);
  }
  writeFileSync(path, source);
}

/** Files of a built site, outside the search index, by path. */
const siteFiles = (dist: string) => globSync('**/*', { cwd: dist, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => resolve(entry.parentPath, entry.name).slice(dist.length + 1).replaceAll('\\', '/'))
  .filter((file) => !file.startsWith('pagefind/'))
  .sort();

/** Paths that only one site has, or that differ in bytes. */
function differences(rebuilt: string, cold: string): string[] {
  const ours = siteFiles(rebuilt);
  const theirs = siteFiles(cold);
  const both = ours.filter((file) => theirs.includes(file));
  return [
    ...ours.filter((file) => !theirs.includes(file)).map((file) => `только в повторной сборке: ${file}`),
    ...theirs.filter((file) => !ours.includes(file)).map((file) => `только в холодной сборке: ${file}`),
    ...both.filter((file) => !readFileSync(resolve(rebuilt, file)).equals(readFileSync(resolve(cold, file)))).map((file) => `отличается: ${file}`),
  ];
}

const results = new Map<string, { rebuilt: BuildResult; differences: string[] }>();

beforeAll(() => {
  bank = sharedBankCopy('multi-city', 'rebuild-matches-cold');
  for (const step of STEPS) {
    for (const edit of step.edits) applyEdit(edit);
    const rebuilt = build(bank.dist, bank.cache);
    const cold = resolve(work, `cold-${step.name}`);
    rmSync(cold, { recursive: true, force: true });
    build(resolve(cold, 'dist'), resolve(cold, 'cache'));
    results.set(step.name, { rebuilt, differences: differences(bank.dist, resolve(cold, 'dist')) });
  }
}, 240_000);

describe('a rebuild with the cache, against a cold build of the same content', () => {
  for (const step of STEPS) {
    it(`after edits to ${step.name} (${step.edits.map((e) => e.kind).join('; ')}): reuses pages, and every file is the cold build’s`, () => {
      const result = results.get(step.name);
      expect(result).toBeDefined();
      // Reused pages are what the comparison is about: a rebuild that rendered all would prove nothing.
      expect(result?.rebuilt.output).toMatch(/index\.html \((restored|cached)\)/);
      expect(result?.differences).toEqual([]);
    });
  }
});
