/**
 * The content model refuses each kind of bad entry with a message that names the field, and
 * accepts the real bank. Fixtures are real files passed through the real schema.
 */
import { readFileSync, globSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { citySchema, practiceSchema, submissionSchema, topicSchema } from '../../src/lib/content/schema.ts';
import { readKnownIds } from '../../src/lib/content/vocabulary.ts';
import { validateEntry } from '../../src/lib/content/validate.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { projectRoot } from '../helpers/paths.ts';
import { present } from '../helpers/present.ts';

const root = resolve(projectRoot, 'content');
const known = readKnownIds(root);
/** How a message lists the known ids: the first twelve in order, then «…» if there are more. */
const listed = (ids: ReadonlySet<string>) => {
  const sorted = [...ids].sort();
  return `${sorted.slice(0, 12).join(', ')}${sorted.length > 12 ? ', …' : ''}`;
};
const practiceFile = 'content/practices/irkutsk/learning-city.mdx';
const practiceSource = readFileSync(resolve(projectRoot, practiceFile), 'utf8');
const validPractice = () => structuredClone(parseFrontmatter(practiceSource).data) as Record<string, unknown>;

/** Error messages for a practice's data, as `field: message`. */
function practiceErrors(data: unknown): string[] {
  const result = practiceSchema(known).safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('the published bank', () => {
  it('passes the schema, file by file', () => {
    const files = globSync('content/**/[^_]*.{mdx,yaml}', { cwd: projectRoot });
    expect(files.length).toBeGreaterThan(15);
    const schemaFor = (file: string) =>
      file.includes('/practices/') ? practiceSchema(known)
      : file.includes('/submissions/') ? submissionSchema(known)
      : file.includes('/cities/') ? citySchema
      : file.includes('/topics/') ? topicSchema
      : undefined;
    const problems = files.flatMap((file) => {
      const schema = schemaFor(file);
      return schema ? validateEntry(file, readFileSync(resolve(projectRoot, file), 'utf8'), schema).problems.map(formatProblem) : [];
    });
    expect(problems).toEqual([]);
  });
});

describe('practice schema', () => {
  it('accepts a valid practice and resolves its references', () => {
    const result = practiceSchema(known).parse(validPractice());
    expect(result.city).toEqual({ collection: 'cities', id: 'irkutsk' });
    expect(result.topics[0]).toEqual({ collection: 'topics', id: 'learning-city' });
    expect(result.metrics[0]?.qualifier).toBe('exact');
  });

  it('names a missing field', () => {
    const data = validPractice();
    delete data.transferability;
    expect(practiceErrors(data)).toEqual([expect.stringMatching(/^transferability: /)]);
  });

  it('refuses an unknown city and lists the known ones', () => {
    expect(practiceErrors({ ...validPractice(), city: 'no-such-city' })).toEqual([
      `city: неизвестный город «no-such-city»; допустимые: ${listed(known.cities)}`,
    ]);
  });

  it('refuses a topic that differs only in case, naming the position', () => {
    const errors = practiceErrors({ ...validPractice(), topics: ['nko', 'НКО'] });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^topics\.1: неизвестная тема «НКО»; допустимые: .*nko/);
  });

  it('refuses a summary over 300 characters, saying how long it is', () => {
    expect(practiceErrors({ ...validPractice(), summary: 'а'.repeat(301) })).toEqual([
      'summary: краткое описание — не длиннее 300 знаков (сейчас 301)',
    ]);
  });

  it('refuses a metric without a kind', () => {
    const data = validPractice();
    const metrics = data.metrics as Record<string, unknown>[];
    delete present(metrics[1], 'a second metric').kind;
    expect(practiceErrors(data)).toEqual([expect.stringMatching(/^metrics\.1\.kind: ожидается вид показателя: participants, /)]);
  });

  it('refuses an end year before the start year', () => {
    expect(practiceErrors({ ...validPractice(), endYear: 2010 })).toEqual(['endYear: год окончания (2010) раньше года начала (2013)']);
  });

  it('refuses more than five topics and none', () => {
    expect(practiceErrors({ ...validPractice(), topics: ['nko', 'tos', 'youth', 'charity', 'children', 'volunteering'] })).toEqual(['topics: не больше пяти тем']);
    expect(practiceErrors({ ...validPractice(), topics: [] })).toEqual(['topics: укажите хотя бы одну тему']);
  });

  it('refuses a publication date in the future', () => {
    expect(practiceErrors({ ...validPractice(), published: '2999-01-01' })).toEqual(['published: дата не может быть в будущем']);
  });

  it('refuses a field it does not know, so a typo is never silently dropped', () => {
    const errors = practiceErrors({ ...validPractice(), summmary: 'опечатка' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('summmary');
  });

  it('refuses a completed practice without an end year', () => {
    expect(practiceErrors({ ...validPractice(), status: 'completed' })).toEqual(['endYear: у завершённой практики должен быть год окончания']);
  });
});

describe('validateEntry', () => {
  it('reports a schema error at the line of the field', () => {
    const source = practiceSource.replace('topics: [learning-city, volunteering, public-engagement]', 'topics: [learning-city, нко]');
    const { problems } = validateEntry(practiceFile, source, practiceSchema(known));
    const line = source.split('\n').findIndex((l) => l.startsWith('topics:')) + 1;
    expect(problems.map(formatProblem)).toEqual([
      `${practiceFile}:${line}: topics[1]: неизвестная тема «нко»; допустимые: ${listed(known.topics)}`,
    ]);
  });

  it('reports broken YAML with its line and does not guess the data', () => {
    const source = practiceSource.replace('startYear: 2013', 'startYear: [2013');
    const { problems, data } = validateEntry(practiceFile, source, practiceSchema(known));
    expect(data).toBeUndefined();
    expect(problems[0]?.field).toBe('frontmatter');
    expect(problems[0]?.message).toMatch(/^ошибка YAML/);
  });
});

describe('city schema', () => {
  const city = () => parseFrontmatter(`---\n${readFileSync(resolve(root, 'cities/irkutsk.yaml'), 'utf8')}\n---\n`).data;

  it('keeps the population with its date and source', () => {
    const parsed = citySchema.parse(city());
    expect(parsed.population?.value).toBe(617515);
    expect(parsed.population?.source).toMatch(/Росстат/);
  });

  it('refuses an unknown federal district', () => {
    const result = citySchema.safeParse({ ...city(), federalDistrict: 'Сибирский' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['federalDistrict']);
    expect(result.error?.issues[0]?.message).toMatch(/siberian, far-eastern, ural/);
  });
});

describe('validateEntry messages', () => {
  it('says a field is missing only when it is absent, and names the expected type otherwise', () => {
    const wrongType = validateEntry(practiceFile, practiceSource.replace('startYear: 2013', 'startYear: 20x3'), practiceSchema(known));
    expect(wrongType.problems.map((p) => `${p.field}: ${p.message}`)).toEqual(['startYear: ожидается год числом, например 2013']);
    const absent = validateEntry(practiceFile, practiceSource.replace('startYear: 2013\n', ''), practiceSchema(known));
    expect(absent.problems.map((p) => `${p.field}: ${p.message}`)).toEqual(['startYear: обязательное поле не заполнено (ожидается год числом, например 2013)']);
  });
});
