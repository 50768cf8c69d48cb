/**
 * Scaffolding (`npm run new`): a practice and a city, by flags and by answering questions, give
 * files the checker accepts; a practice is a draft whose placeholders the checker refuses once
 * the file is published unfilled.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkBank } from '../../src/lib/content/checks/index.ts';
import { parseFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { projectRoot, testOut } from '../helpers/paths.ts';
import { childEnv } from '../helpers/child-env.ts';

const bank = resolve(testOut, 'editorial-scaffold/content');

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['scripts/new.ts', ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    input: input ?? '',
    env: childEnv({ CONTENT_DIR: bank }),
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const problems = () => checkBank({ projectRoot, contentRoot: bank }).problems;
const errors = () => problems().filter((p) => p.severity === 'error');

beforeEach(() => {
  rmSync(bank, { recursive: true, force: true });
  cpSync(resolve(projectRoot, 'content'), bank, { recursive: true });
});

describe('a practice by flags', () => {
  const args = ['practice', '--city', 'irkutsk', '--title', 'Ресурсные центры в шаговой доступности', '--topics', 'nko,tos', '--start', '2013', '--submission', 'irkutsk/2013-public-engagement'];

  it('is written as a draft in the city folder and passes the checker', () => {
    const result = run(args);
    expect(result.status, result.output).toBe(0);
    const file = resolve(bank, 'practices/irkutsk/_resursnye-tsentry-v-shagovoy-dostupnosti.mdx');
    expect(existsSync(file)).toBe(true);
    const data = parseFrontmatter(readFileSync(file, 'utf8')).data;
    expect(data).toMatchObject({ city: 'irkutsk', topics: ['nko', 'tos'], startYear: 2013, statusYear: 2013, status: 'unknown', metrics: [] });
    expect(errors()).toEqual([]);
    // What only the editor can write is marked, and listed as warnings while it is a draft.
    expect(problems().filter((p) => p.rule === 'placeholder').map((p) => p.field)).toEqual(['summary', 'transferability', 'organisation', '(текст)']);
  });

  it('cannot be published with its placeholders', () => {
    expect(run(args).status).toBe(0);
    const dir = resolve(bank, 'practices/irkutsk');
    renameSync(resolve(dir, '_resursnye-tsentry-v-shagovoy-dostupnosti.mdx'), resolve(dir, 'resursnye-tsentry-v-shagovoy-dostupnosti.mdx'));
    expect(errors().map((p) => p.rule)).toEqual(['placeholder', 'placeholder', 'placeholder', 'placeholder']);
  });

  it('refuses a submission of another city and an unknown topic, naming what is allowed', () => {
    const wrongTopic = run(['practice', '--city', 'irkutsk', '--title', 'x', '--topics', 'нко', '--start', '2013', '--submission', 'irkutsk/2013-public-engagement']);
    expect(wrongTopic.status).toBe(1);
    expect(wrongTopic.output).toMatch(/--topics: неизвестные темы: нко; допустимые: .*nko/);
    const wrongSubmission = run(['practice', '--city', 'irkutsk', '--title', 'x', '--topics', 'nko', '--start', '2013', '--submission', 'irkutsk/2099-nope']);
    expect(wrongSubmission.status).toBe(1);
    expect(wrongSubmission.output).toContain('нет опубликованного материала «irkutsk/2099-nope»');
  });
});

describe('a practice by answering questions', () => {
  it('asks again after a wrong answer and writes a draft the checker accepts', () => {
    const answers = ['нет-такого', 'irkutsk', 'Проверочная практика', 'nko,tos', '2013', '', '', 'active', '', ''].join('\n');
    const result = run(['practice'], `${answers}\n`);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('нет города «нет-такого»; допустимые: irkutsk');
    const data = parseFrontmatter(readFileSync(resolve(bank, 'practices/irkutsk/_proverochnaya-praktika.mdx'), 'utf8')).data;
    expect(data).toMatchObject({ title: 'Проверочная практика', status: 'active', submission: 'irkutsk/2013-public-engagement' });
    expect(errors()).toEqual([]);
  });
});

describe('a city', () => {
  it('by flags gets a record the checker accepts', () => {
    const result = run(['city', '--slug', 'tomsk', '--nominative', 'Томск', '--genitive', 'Томска', '--locative', 'в Томске', '--region', 'Томская область', '--district', 'siberian', '--lat', '56.48', '--lon', '84.95']);
    expect(result.status, result.output).toBe(0);
    const yaml = readFileSync(resolve(bank, 'cities/tomsk.yaml'), 'utf8');
    expect(yaml).toContain('locative: в Томске');
    expect(yaml).not.toContain('population');
    expect(errors()).toEqual([]);
  });

  it('by answering questions, then a practice may name it', () => {
    const answers = ['tomsk', 'Томск', 'Томска', 'Томске', 'в Томске', 'Томская область', 'siberian', '56.48', '84.95', '', '', ''].join('\n');
    const result = run(['city'], `${answers}\n`);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('начните с «в» или «во»');
    expect(errors()).toEqual([]);
    // A submission of the new city (test-only text), then a practice that names the city.
    mkdirSync(resolve(bank, 'submissions/tomsk'), { recursive: true });
    writeFileSync(
      resolve(bank, 'submissions/tomsk/2013-public-engagement.mdx'),
      '---\ntitle: Проверочный материал\ncity: tomsk\nyear: 2013\nquestionnaire: asdg-public-engagement\npublished: 2026-01-01\n---\n\nПроверочный текст.\n',
    );
    const practice = run(['practice', '--city', 'tomsk', '--title', 'Проверочная практика', '--topics', 'nko', '--start', '2013', '--submission', 'tomsk/2013-public-engagement']);
    expect(practice.status, practice.output).toBe(0);
    const data = parseFrontmatter(readFileSync(resolve(bank, 'practices/tomsk/_proverochnaya-praktika.mdx'), 'utf8')).data;
    expect(data).toMatchObject({ city: 'tomsk', submission: 'tomsk/2013-public-engagement' });
    expect(errors()).toEqual([]);
  });

  it('refuses an unknown federal district', () => {
    const result = run(['city', '--slug', 'tomsk', '--nominative', 'Томск', '--genitive', 'Томска', '--locative', 'в Томске', '--region', 'Томская область', '--district', 'Сибирский', '--lat', '56.48', '--lon', '84.95']);
    expect(result.status).toBe(1);
    expect(result.output).toContain('--district: допустимые: siberian, far-eastern, ural');
  });
});
