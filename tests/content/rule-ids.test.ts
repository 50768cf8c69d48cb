/**
 * Rule ids travel as data: the schema's custom checks carry `params: { rule }` and the
 * validator reads that, never the Russian wording. Rewording a message cannot move an error to
 * another rule.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'astro/zod';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { practiceSchema, submissionSchema } from '../../src/lib/content/schema.ts';
import { readKnownIds } from '../../src/lib/content/vocabulary.ts';
import { validateEntry } from '../../src/lib/content/validate.ts';
import { projectRoot } from '../helpers/paths.ts';

const known = readKnownIds(resolve(projectRoot, 'content'));
const frontmatterOf = (file: string) => structuredClone(parseFrontmatter(readFileSync(resolve(projectRoot, file), 'utf8')).data) as Record<string, unknown>;
const practice = frontmatterOf('content/practices/irkutsk/learning-city.mdx');
const submission = frontmatterOf('content/submissions/irkutsk/2013-public-engagement.mdx');

/** Problems of a YAML document checked by `schema`, as `field → rule`. */
function rulesOf(data: unknown, schema: z.ZodType): Map<string, string | undefined> {
  const { problems } = validateEntry('entry.yaml', stringify(data), schema);
  return new Map(problems.map((p) => [p.field, p.rule]));
}

describe('rule ids of schema errors', () => {
  it('reports every unknown reference of a practice with rule «reference»', () => {
    const rules = rulesOf({ ...practice, city: 'no-such-city', submission: 'no-such/submission', topics: ['no-such-topic'] }, practiceSchema(known));
    expect(Object.fromEntries(rules)).toEqual({ city: 'reference', submission: 'reference', 'topics[0]': 'reference' });
  });

  it('reports every unknown reference of a submission with rule «reference»', () => {
    const rules = rulesOf({ ...submission, city: 'no-such-city', questionnaire: 'no-such-questionnaire' }, submissionSchema(known));
    expect(Object.fromEntries(rules)).toEqual({ city: 'reference', questionnaire: 'reference' });
  });

  it('reports a date and a start year in the future with rule «future»', () => {
    const rules = rulesOf({ ...practice, published: new Date(Date.now() + 400 * 86_400_000), startYear: new Date().getFullYear() + 1 }, practiceSchema(known));
    expect(rules.get('published')).toBe('future');
    expect(rules.get('startYear')).toBe('future');
  });

  it('takes the rule from the issue, whatever its message says', () => {
    const schema = z.strictObject({
      reworded: z.string().refine(() => false, { error: 'совсем другие слова', params: { rule: 'reference' } }),
      // Worded like a reference error, but carrying no rule: a plain schema error.
      lookalike: z.string().refine(() => false, { error: 'неизвестный город «x»; в будущем' }),
    });
    expect(Object.fromEntries(rulesOf({ reworded: 'a', lookalike: 'b' }, schema))).toEqual({ reworded: 'reference', lookalike: 'schema' });
  });
});
