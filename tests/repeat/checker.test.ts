/**
 * The adoption trail and completeness in the content checker, on a copy of the synthetic
 * multi-city bank: `adaptedFrom` to a missing practice, to itself, or round a loop is an error
 * naming file, line and field; an incomplete description is a warning, never an error.
 */
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { checkBank } from '../../src/lib/content/checks/index.ts';
import { schemaKeyOf } from '../../src/lib/content/checks/entry-cache.ts';
import { formatProblemWithRule } from '../../src/lib/content/problems.ts';
import { fileEditor } from '../helpers/edit-file.ts';
import { fixturesDir, projectRoot, testOut } from '../helpers/paths.ts';
import { present } from '../helpers/present.ts';

const bank = resolve(testOut, 'repeat-checker/content');
const shown = 'tests/.out/repeat-checker/content';
const primersk = 'practices/primersk/resource-centre.mdx';
const obrazcovsk = 'practices/obrazcovsk/good-deeds-contest.mdx';
const testograd = 'practices/testograd/resource-centres.mdx';

const edit = fileEditor(bank);
const lineOf = (file: string, needle: string) => readFileSync(resolve(bank, file), 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;
const problems = () => checkBank({ projectRoot, contentRoot: bank }).problems;
const errors = () => problems().filter((p) => p.severity === 'error').map(formatProblemWithRule);

beforeEach(() => {
  rmSync(bank, { recursive: true, force: true });
  cpSync(resolve(fixturesDir, 'multi-city'), bank, { recursive: true });
});

describe('adaptedFrom', () => {
  it('the fixture chain Тестоград → Примерск → Образцовск passes', () => {
    expect(errors()).toEqual([]);
  });

  it('to a missing practice is refused with file, line and field, naming the city’s practices', () => {
    edit(primersk, 'practice: testograd/resource-centres', 'practice: testograd/resource-centre');
    const line = lineOf(primersk, 'practice: testograd/resource-centre');
    expect(errors()).toEqual([
      `${shown}/${primersk}:${line}: adaptedFrom.practice: неизвестная практика «testograd/resource-centre»: нет файла practices/testograd/resource-centre.mdx; практики этого города: testograd/resource-centres, testograd/volunteer-lessons [adaptation]`,
    ]);
  });

  it('to a city with no practices says so', () => {
    edit(primersk, 'practice: testograd/resource-centres', 'practice: nowhere/resource-centres');
    expect(errors()).toEqual([expect.stringMatching(/resource-centre\.mdx:\d+: adaptedFrom\.practice: неизвестная практика «nowhere\/resource-centres».*у такого города практик в банке нет \[adaptation\]$/)]);
  });

  it('to a draft is refused: a draft has no page', () => {
    edit(primersk, 'practice: testograd/resource-centres', 'practice: testograd/_draft-practice');
    // A draft's id is not a page address; and the practice that took from Примерск is told why its source fails.
    expect(errors()).toEqual([
      expect.stringMatching(/good-deeds-contest\.mdx:\d+: adaptedFrom\.practice: практика «primersk\/resource-centre» сама не проходит проверку и не получит страницы; сначала исправьте её \[adaptation\]$/),
      expect.stringMatching(/resource-centre\.mdx:\d+: adaptedFrom\.practice: идентификатор практики — «город\/практика» латиницей.*\[schema\]$/),
    ]);
  });

  it('to itself is refused', () => {
    edit(primersk, 'practice: testograd/resource-centres', 'practice: primersk/resource-centre');
    const line = lineOf(primersk, 'practice: primersk/resource-centre');
    expect(errors()).toEqual([
      `${shown}/${primersk}:${line}: adaptedFrom.practice: практика не может быть повторением самой себя («primersk/resource-centre»); укажите практику другого города или уберите adaptedFrom [adaptation]`,
    ]);
  });

  it('round a loop is refused on every practice of the loop, once each', () => {
    // Тестоград → Примерск → Образцовск, and now Тестоград takes from Образцовск: a loop of three.
    edit(testograd, /\npublished:/, '\nadaptedFrom:\n  practice: obrazcovsk/good-deeds-contest\n  changes: Синтетическая правка, замыкающая круг.\npublished:');
    const lines = errors();
    expect(lines).toHaveLength(3);
    for (const [file, target] of [[testograd, 'obrazcovsk/good-deeds-contest'], [primersk, 'testograd/resource-centres'], [obrazcovsk, 'primersk/resource-centre']] as const) {
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${shown}/${file.replace(/[./]/g, '\\$&')}:${lineOf(file, `practice: ${target}`)}: adaptedFrom\\.practice: цепочка повторений замыкается в круг: .* \\[adaptation\\]$`)));
    }
    expect(lines[0]).toContain('→');
  });

  it('a loop of two is refused too', () => {
    edit(testograd, /\npublished:/, '\nadaptedFrom:\n  practice: primersk/resource-centre\n  changes: Синтетическая правка.\npublished:');
    const lines = errors();
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => l.includes('замыкается в круг') && l.endsWith('[adaptation]'))).toBe(true);
  });

  it('in a malformed shape is refused by the schema with its field', () => {
    edit(primersk, 'practice: testograd/resource-centres', 'practice: Тестоград');
    expect(errors().filter((l) => l.includes(primersk))).toEqual([expect.stringMatching(/resource-centre\.mdx:\d+: adaptedFrom\.practice: идентификатор практики — «город\/практика» латиницей.* \[schema\]$/)]);
    edit(primersk, /\n  changes: .*/, '');
    expect(errors().some((l) => /adaptedFrom\.changes: .*\[schema\]$/.test(l))).toBe(true);
  });
});

describe('completeness in the checker', () => {
  it('is a warning naming what is missing, never an error', () => {
    const warnings = problems().filter((p) => p.rule === 'completeness');
    expect(warnings.every((p) => p.severity === 'warning')).toBe(true);
    // Hand-counted from the fixture files (see tests/repeat/build.test.ts): two are incomplete.
    expect(warnings.map((p) => p.file).sort()).toEqual([
      'tests/fixtures/multi-city/practices/primersk/resource-centre.mdx',
      'tests/fixtures/multi-city/practices/testograd/volunteer-lessons.mdx',
    ].map((f) => f.replace('tests/fixtures/multi-city', shown)));
    expect(formatProblemWithRule(present(warnings.find((p) => p.file.endsWith(primersk)), `warning on ${primersk}`))).toMatch(/: programme: предупреждение: описание неполное для повторения, не хватает: программа, подтверждение города \(полнота 75%\) \[completeness\]$/);
  });

  it('names the same lines when a build answers from its cache of checked files', () => {
    const cacheFile = resolve(testOut, 'repeat-checker/check-cache');
    rmSync(cacheFile, { force: true });
    const cached = () => checkBank({ projectRoot, contentRoot: bank, cacheFile }).problems.map(formatProblemWithRule);
    const fresh = problems().map(formatProblemWithRule);
    expect(fresh.some((line) => line.endsWith('[completeness]'))).toBe(true);
    expect(cached()).toEqual(fresh);
    // The second run takes the files (and the lines its warnings name) from the cache.
    expect(cached()).toEqual(fresh);
    // An edit that moves the field moves the line: the kept line belongs to the old contents.
    edit(primersk, /\ntitle:/, '\n# a comment line\ntitle:');
    const moved = problems().map(formatProblemWithRule);
    expect(moved).not.toEqual(fresh);
    expect(cached()).toEqual(moved);
  });

  it('stripping a complete practice to its minimum warns and still leaves no error', () => {
    edit(testograd, /\ncontact:[\s\S]*?\npublished:/, '\ncontact:\n  organisation: Синтетическая администрация\npublished:');
    const own = problems().filter((p) => p.file.endsWith(testograd));
    expect(own.map((p) => p.severity)).toEqual(['warning']);
    expect(own[0]?.message).toContain('не хватает: контактное лицо, телефон или почта, подтверждение города');
  });
});

describe('the check a build runs (with a cache file)', () => {
  const city = 'cities/testograd.yaml';
  const file = `${shown}/${city}`;
  const key = schemaKeyOf('cities', undefined);
  /** A schema that refuses everything: a result that passes it was validated by the check, not here. */
  const refusing = z.never();

  it('hands each published file it validated to the loader once; after that the loader validates it itself', () => {
    const cacheFile = resolve(testOut, 'repeat-checker/handover-cache');
    rmSync(cacheFile, { force: true });
    const { validated } = checkBank({ projectRoot, contentRoot: bank, cacheFile });
    const source = readFileSync(resolve(bank, city), 'utf8');
    const first = validated.take(file, source, refusing, key);
    expect(first.problems).toEqual([]);
    expect(first.data).toMatchObject({ name: { nominative: 'Тестоград' } });
    expect(validated.take(file, source, refusing, key).problems).not.toEqual([]);
  });

  it('hands over nothing for other contents, and nothing at all without a cache file (npm run check)', () => {
    const cacheFile = resolve(testOut, 'repeat-checker/handover-cache');
    rmSync(cacheFile, { force: true });
    const source = readFileSync(resolve(bank, city), 'utf8');
    const { validated } = checkBank({ projectRoot, contentRoot: bank, cacheFile });
    expect(validated.take(file, `${source}\n# edited after the check\n`, refusing, key).problems).not.toEqual([]);
    expect(checkBank({ projectRoot, contentRoot: bank }).validated.take(file, source, refusing, key).problems).not.toEqual([]);
  });
});
