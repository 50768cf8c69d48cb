/**
 * The content checker (`npm run check`, `checkBank`): the published bank passes; each
 * cross-file rule fires on a small change to a copy of it, with the file, line and rule.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkBank, RULES } from '../../src/lib/content/checks/index.ts';
import { findFigures, normaliseForSearch, numbersIn, valueMatchesWording } from '../../src/lib/content/checks/figures.ts';
import { formatProblemWithRule } from '../../src/lib/content/problems.ts';
import { fileEditor } from '../helpers/edit-file.ts';
import { parseFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { lineWith } from '../helpers/content-bank.ts';
import { projectRoot, testOut } from '../helpers/paths.ts';
import { childEnv } from '../helpers/child-env.ts';

const bank = resolve(testOut, 'editorial-checker/content');
const practice = 'practices/irkutsk/learning-city.mdx';
const edit = fileEditor(bank);
// Completeness warnings (every Irkutsk practice lacks a contact person: the report names none) are
// tested in tests/repeat/; the rules here are about everything else.
const notCompleteness = (p: { rule?: string }) => p.rule !== 'completeness';
const report = () => checkBank({ projectRoot, contentRoot: bank }).problems.filter(notCompleteness).map(formatProblemWithRule);
const shown = `tests/.out/editorial-checker/content`;
/** The line of the copy's `file` that holds `text`: where the checker must point. */
const at = (file: string, text: string) => lineWith(readFileSync(resolve(bank, file), 'utf8'), text);

beforeEach(() => {
  rmSync(bank, { recursive: true, force: true });
  cpSync(resolve(projectRoot, 'content'), bank, { recursive: true });
});

describe('the published bank', () => {
  it('passes with no errors and no warnings but completeness', () => {
    const { problems } = checkBank({ projectRoot, contentRoot: resolve(projectRoot, 'content') });
    expect(problems.filter(notCompleteness).map(formatProblemWithRule)).toEqual([]);
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('npm run check exits 0 on it and 1 on a broken copy, printing every problem', () => {
    const ok = spawnSync(process.execPath, ['scripts/check.ts'], { cwd: projectRoot, encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    edit(practice, 'topics: [learning-city, volunteering, public-engagement]', 'topics: [learning-city, нко]');
    edit('practices/irkutsk/greening-week.mdx', 'status: active', 'status: идёт');
    const bad = spawnSync(process.execPath, ['scripts/check.ts'], { cwd: projectRoot, encoding: 'utf8', env: childEnv({ CONTENT_DIR: bank }) });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(new RegExp(`${shown}/practices/irkutsk/learning-city\\.mdx:${at(practice, 'topics: [learning-city, нко]')}: topics\\[1\\]: неизвестная тема «нко»; допустимые: charity, children, .*\\[reference\\]`));
    expect(bad.stderr).toMatch(new RegExp(`${shown}/practices/irkutsk/greening-week\\.mdx:${at('practices/irkutsk/greening-week.mdx', 'status: идёт')}: status: ожидается статус: active, completed, planned, unknown \\[schema\\]`));
    expect(bad.stdout).toContain('ошибок 2');
  });
});

describe('links inside content', () => {
  it('to pages the bank will have pass; to missing ones fail with the nearest pages', () => {
    edit(practice, /\n$/, '\n\nСм. [практику](/practices/irkutsk/greening-week/#top), [город](/cities/irkutsk/), [тему](../../../topics/nko/), [сравнение](/compare/), [RSS](/cities/irkutsk/rss.xml) и [внешний сайт](https://admirk.ru).\n');
    expect(report()).toEqual([]);
    edit(practice, '[практику](/practices/irkutsk/greening-week/#top)', '[практику](/practices/irkutsk/nope/)');
    edit(practice, '[город](/cities/irkutsk/)', '[город](/cities/irkutsk)');
    edit(practice, '[тему](../../../topics/nko/)', '[тему](../nko/)');
    const lines = report();
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/learning-city\.mdx:\d+: \(текст\): ссылка «\/practices\/irkutsk\/nope\/» ведёт на страницу \/practices\/irkutsk\/nope\/, которой на сайте не будет; страницы в разделе \/practices\/irkutsk\/: .*greening-week.* \[broken-link\]$/);
    expect(lines[1]).toContain('напишите /cities/irkutsk/');
    expect(lines[2]).toContain('ведёт на страницу /practices/irkutsk/nko/');
  });

  it('to a draft fail: a draft has no page', () => {
    cpSync(resolve(bank, 'practices/irkutsk/greening-week.mdx'), resolve(bank, 'practices/irkutsk/_draft.mdx'));
    edit(practice, /\n$/, '\n\n[Черновик](/practices/irkutsk/_draft/)\n');
    expect(report()).toEqual([expect.stringMatching(/\[broken-link\]$/)]);
  });
});

describe('references and drafts', () => {
  it('a draft practice may use a draft submission; a published one may not', () => {
    cpSync(resolve(bank, 'submissions/irkutsk/2013-public-engagement.mdx'), resolve(bank, 'submissions/irkutsk/_2014-public-engagement.mdx'));
    edit('submissions/irkutsk/_2014-public-engagement.mdx', 'year: 2013', 'year: 2014');
    cpSync(resolve(bank, practice), resolve(bank, 'practices/irkutsk/_next-year.mdx'));
    edit('practices/irkutsk/_next-year.mdx', 'submission: irkutsk/2013-public-engagement', 'submission: irkutsk/_2014-public-engagement');
    expect(report()).toEqual([]);
    edit(practice, 'submission: irkutsk/2013-public-engagement', 'submission: irkutsk/_2014-public-engagement');
    const line = at(practice, 'submission: irkutsk/_2014-public-engagement');
    expect(report()).toEqual([expect.stringMatching(new RegExp(`learning-city\\.mdx:${line}: submission: неизвестный материал города «irkutsk/_2014-public-engagement»; допустимые: (?:[^ ,]+, )*irkutsk/2013-public-engagement(?:, [^ ,]+)* \\[reference\\]$`))]);
  });

  it('two files for one address are both named', () => {
    cpSync(resolve(bank, practice), resolve(bank, 'practices/irkutsk/Learning-City.mdx'));
    const lines = report();
    expect(lines.filter((l) => l.endsWith('[duplicate-slug]'))).toHaveLength(2);
    expect(lines).toContainEqual(expect.stringMatching(/Learning-City\.mdx:1: \(путь\): имя «Learning-City» .* \[slug\]$/));
  });

  it('a submission named without its year is refused', () => {
    cpSync(resolve(bank, 'submissions/irkutsk/2013-public-engagement.mdx'), resolve(bank, 'submissions/irkutsk/Отчёт.mdx'));
    expect(report()).toEqual([expect.stringMatching(/Отчёт\.mdx:1: \(путь\): .*\[slug\]$/)]);
  });
});

describe('figures against the submission text', () => {
  it('warns, naming the figure, when a wording is not in the source or the value is not in the wording', () => {
    edit(practice, 'source: более 15 тысяч человек', 'source: более 16 тысяч человек');
    edit(practice, '    value: 657', '    value: 675');
    const { problems } = checkBank({ projectRoot, contentRoot: bank });
    // Which metric each edit hit, and on which line, read from the edited file itself.
    const metrics = parseFrontmatter(readFileSync(resolve(bank, practice), 'utf8')).data.metrics as { kind: string; source: string }[];
    const events = metrics.findIndex((m) => m.kind === 'events');
    const participants = metrics.findIndex((m) => m.source === 'более 16 тысяч человек');
    const text = readFileSync(resolve(bank, practice), 'utf8');
    const sourceLine = lineWith(text, 'source: более 16 тысяч человек');
    // The value line of the same list item: the nearest `value:` above its source.
    const valueLine = text.split('\n').slice(0, sourceLine).findLastIndex((l) => /^\s+value: /.test(l)) + 1;
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(problems.filter(notCompleteness).map(formatProblemWithRule)).toEqual([
      expect.stringMatching(new RegExp(`learning-city\\.mdx:${at(practice, '    value: 675')}: metrics\\[${events}\\]\\.value: предупреждение: показатель events = 675 мероприятий: числа 675 нет в формулировке «за год проведено 657 мероприятий»; .*\\[metric-value\\]$`)),
      expect.stringMatching(new RegExp(`learning-city\\.mdx:${valueLine}: metrics\\[${participants}\\]\\.value: .*\\[metric-value\\]$`)),
      expect.stringMatching(new RegExp(`learning-city\\.mdx:${sourceLine}: metrics\\[${participants}\\]\\.source: предупреждение: показатель participants = 15000 человек: формулировка «более 16 тысяч человек» не найдена в тексте материала irkutsk/2013-public-engagement; .*\\[metric-source\\]$`)),
    ]);
  });

  it('ignores ё/е, dashes and spaces when looking for a wording', () => {
    expect(normaliseForSearch('«Иркутск — обучающийся  город», ещё')).toBe(normaliseForSearch('"иркутск-обучающийся город", еще'));
    expect(normaliseForSearch('2013 – 2017')).toBe('2013-2017');
  });

  it('reads Russian numbers with their multipliers', () => {
    expect(numbersIn('более 15 тысяч человек, 1000 тыс. руб., 1 200 000 рублей, 2,5 млн').map((n) => n.scaled)).toEqual([15000, 1_000_000, 1_200_000, 2_500_000]);
    expect(valueMatchesWording(1000, 'призовой фонд 1000 тысяч рублей')).toBe(true);
    expect(valueMatchesWording(3, 'трех ресурсных центров')).toBe(true);
    expect(valueMatchesWording(4, 'трех ресурсных центров')).toBe(false);
    expect(findFigures('В 2013 году программа на 2013-2017 годы; «Молодежь 3D» привлекла 128 волонтеров.').map((f) => f.phrase)).toEqual(['«Молодежь 3D» привлекла 128 волонтеров']);
  });
});

describe('dates', () => {
  it('refuses a year in the future', () => {
    edit(practice, 'statusYear: 2013', 'statusYear: 2099');
    expect(report()).toEqual([expect.stringMatching(new RegExp(`learning-city\\.mdx:${at(practice, 'statusYear: 2099')}: statusYear: год состояния \\(2099\\) в будущем; .*\\[future\\]$`))]);
  });
});

describe('the editors guide', () => {
  it('explains every rule of the checker', () => {
    const guide = readFileSync(resolve(projectRoot, 'CONTRIBUTING.md'), 'utf8');
    for (const rule of Object.keys(RULES)) expect(guide, rule).toContain(`\`${rule}\``);
  });
});
