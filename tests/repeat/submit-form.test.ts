/**
 * The submit form takes the fields issue 16 adds (department, person, phone, the city's
 * confirmation date, the practice repeated and what changed) into a file the checker accepts,
 * and refuses a bad date or a half-filled adaptation beside its own control.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkBank } from '../../src/lib/content/checks/index.ts';
import { preparePractice } from '../../src/lib/editorial/submit-form.ts';
import { completenessOf } from '../../src/lib/content/completeness.ts';
import { practiceSchema } from '../../src/lib/content/schema.ts';
import { readKnownIds } from '../../src/lib/content/vocabulary.ts';
import { submitVocabulary } from '../helpers/submit-vocabulary.ts';
import { fixturesDir, projectRoot, testOut } from '../helpers/paths.ts';
import { present } from '../helpers/present.ts';

const content = resolve(fixturesDir, 'multi-city');
const vocabulary = submitVocabulary(content);
// SYNTHETIC: a practice of the invented city Образцовск.
const form = {
  city: 'obrazcovsk',
  title: 'Синтетический ресурсный центр Образцовска',
  summary: 'Синтетическое краткое описание для теста.',
  topics: ['resource-centres'],
  startYear: '2014',
  status: 'active',
  statusYear: '2014',
  submission: 'obrazcovsk/2014-answers',
  transferability: 'Синтетический текст о повторении.',
  'contact-organisation': 'Синтетическая администрация',
  'contact-department': 'Синтетический отдел',
  'contact-person': 'Синтетический специалист',
  'contact-phone': '+7 000 000-00-00',
  'contact-confirmed': '2026-01-10',
  'adaptedFrom-practice': 'testograd/resource-centres',
  'adaptedFrom-changes': 'Синтетическая правка: один центр вместо четырёх.',
  body: 'Синтетический абзац.',
};

describe('the submit form and issue 16 fields', () => {
  it('writes them into the file in the schema’s shape, and the checker accepts it with no error', () => {
    const result = preparePractice(form, vocabulary, '2026-01-11');
    expect(result.errors).toEqual([]);
    const file = present(result.file, 'the practice file');
    const path = present(result.path, 'the practice file’s path').replace(/^content\//, '');
    const yaml = parse(present(/^---\n([\s\S]*?)\n---/.exec(file)?.[1], 'frontmatter')) as Record<string, unknown>;
    expect(yaml.contact).toEqual({ organisation: 'Синтетическая администрация', department: 'Синтетический отдел', person: 'Синтетический специалист', phone: '+7 000 000-00-00', confirmed: '2026-01-10' });
    expect(yaml.adaptedFrom).toEqual({ practice: 'testograd/resource-centres', changes: 'Синтетическая правка: один центр вместо четырёх.' });
    const parsed = practiceSchema(readKnownIds(content)).parse(yaml);
    // No figures (the editor adds them from the source) and no programme (so budget does not
    // apply); transferability, years, status, person, phone and confirmation are there: 6 of 8.
    expect(completenessOf(parsed)).toMatchObject({ score: 75, applicable: 8, missing: ['metrics', 'programme'] });

    const bank = resolve(testOut, 'repeat-submit/content');
    rmSync(bank, { recursive: true, force: true });
    cpSync(content, bank, { recursive: true });
    mkdirSync(resolve(bank, 'practices/obrazcovsk'), { recursive: true });
    writeFileSync(resolve(bank, path), file);
    const problems = checkBank({ projectRoot, contentRoot: bank }).problems;
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.filter((p) => p.file.endsWith(path)).map((p) => p.rule)).toEqual(['completeness']);
  });

  it('refuses a confirmation date in the wrong form or the future, and an adaptation without what changed', () => {
    const bad = preparePractice({ ...form, 'contact-confirmed': '10.01.2026', 'adaptedFrom-changes': '' }, vocabulary, '2026-01-11');
    expect(bad.errors.map((e) => e.field).sort()).toEqual(['adaptedFrom-changes', 'contact-confirmed']);
    const future = preparePractice({ ...form, 'contact-confirmed': '2999-01-01' }, vocabulary, '2026-01-11');
    expect(future.errors).toEqual([{ field: 'contact-confirmed', message: 'дата не может быть в будущем' }]);
    const shape = preparePractice({ ...form, 'adaptedFrom-practice': 'Тестоград' }, vocabulary, '2026-01-11');
    expect(shape.errors.map((e) => e.field)).toEqual(['adaptedFrom-practice']);
  });
});
