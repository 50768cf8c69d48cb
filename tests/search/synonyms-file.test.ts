/**
 * content/synonyms.yaml goes through the content checker like every other file: the published
 * file passes; a broken one is refused with the file, line, field and what was expected.
 */
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { checkBank } from '../../src/lib/content/checks/index.ts';
import { formatProblemWithRule } from '../../src/lib/content/problems.ts';
import { loadSynonyms } from '../../src/lib/search/synonyms-file.ts';
import { projectRoot, testOut } from '../helpers/paths.ts';

const bank = resolve(testOut, 'synonyms-check/content');
const shown = 'tests/.out/synonyms-check/content/synonyms.yaml';
// Completeness warnings on the practices (tests/repeat/) are not what this file is about.
const report = () => checkBank({ projectRoot, contentRoot: bank }).problems.filter((p) => p.rule !== 'completeness').map(formatProblemWithRule);

beforeEach(() => {
  rmSync(bank, { recursive: true, force: true });
  cpSync(resolve(projectRoot, 'content'), bank, { recursive: true });
});

describe('content/synonyms.yaml', () => {
  test('the published file passes and holds the glossary\'s pairs', () => {
    expect(report()).toEqual([]);
    const terms = loadSynonyms(resolve(projectRoot, 'content')).map((group) => group.map((t) => t.words.join(' ')));
    const pairs: [string, string][] = [['тос', 'территориальное общественное самоуправление'], ['нко', 'некоммерческая организация'], ['мку', 'муниципальное казенное учреждение'], ['волонтер', 'доброволец'], ['обучающийся город', 'learning city']];
    for (const [a, b] of pairs) {
      expect(terms.some((g) => g.includes(a) && g.includes(b)), `${a} ↔ ${b}`).toBe(true);
    }
  });
  test('a group with one term is refused, naming the line and field', () => {
    writeFileSync(resolve(bank, 'synonyms.yaml'), 'groups:\n  - terms: [ТОС]\n');
    expect(report()).toEqual([`${shown}:2: groups[0].terms: в группе нужно хотя бы два слова или выражения [schema]`]);
  });
  test('a term in two groups is refused', () => {
    writeFileSync(resolve(bank, 'synonyms.yaml'), 'groups:\n  - terms: [НКО, некоммерческая организация]\n  - terms: [нко, общественная организация]\n');
    expect(report()).toEqual([`${shown}:3: groups[1].terms[0]: «нко» уже есть в группе 1; слово может стоять только в одной группе — объедините группы [schema]`]);
  });
  test('an unknown field and broken YAML are refused', () => {
    writeFileSync(resolve(bank, 'synonyms.yaml'), 'groups:\n  - terms: [ТОС, территориальное общественное самоуправление]\n    wrods: [x]\n');
    expect(report()).toEqual([`${shown}:3: groups[0].wrods: неизвестное поле; проверьте написание [schema]`]);
    writeFileSync(resolve(bank, 'synonyms.yaml'), 'groups: [\n');
    expect(report()[0]).toMatch(new RegExp(`^${shown.replaceAll('.', '\\.')}:\\d+: frontmatter: .* \\[yaml\\]$`));
  });
});
