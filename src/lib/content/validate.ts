import type { z } from 'astro/zod';
import { parseFrontmatter, parseYaml } from './frontmatter.ts';
import { fieldPath, type ContentProblem } from './problems.ts';
import { renderSafeMdx, type RenderedMdx } from './safe-mdx.ts';

export interface ValidatedEntry<T> {
  data: T | undefined;
  rendered: RenderedMdx | undefined;
  problems: ContentProblem[];
  /** Line of a frontmatter field, for checks made after the schema. */
  lineOf(path: readonly PropertyKey[]): number;
}

/**
 * Checks one content file end to end: YAML, schema and, for MDX, the body. Shared by the build's loader and
 * `npm run check`, so both report the same problems with the same words.
 */
export function validateEntry<S extends z.ZodType>(file: string, source: string, schema: S): ValidatedEntry<z.output<S>> {
  const isMdx = file.endsWith('.mdx');
  const fm = isMdx ? parseFrontmatter(source) : parseYaml(source);
  const problems: ContentProblem[] = fm.errors.map((e) => ({ file, line: e.line, field: 'frontmatter', message: e.message, severity: 'error' }));
  let data: z.output<S> | undefined;
  if (!fm.errors.length) {
    const result = schema.safeParse(fm.data);
    if (result.success) {
      data = result.data;
    } else {
      for (const issue of result.error.issues) {
        const missing = issue.code === 'invalid_type' && issue.input === undefined;
        const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
        if (unknownKeys.length) {
          for (const key of unknownKeys) {
            problems.push({ file, line: fm.lineOf([...issue.path, key]), field: fieldPath([...issue.path, key]), message: 'неизвестное поле; проверьте написание', severity: 'error' });
          }
          continue;
        }
        problems.push({
          file,
          line: fm.lineOf(issue.path),
          field: fieldPath(issue.path),
          message: missing ? `обязательное поле не заполнено (${issue.message})` : issue.message,
          severity: 'error',
        });
      }
    }
  }
  const rendered = isMdx ? renderSafeMdx(source) : undefined;
  for (const v of rendered?.violations ?? []) {
    problems.push({ file, line: v.line, field: `mdx/${v.rule}`, message: v.message, severity: 'error' });
  }
  return { data, rendered, problems, lineOf: fm.lineOf };
}
