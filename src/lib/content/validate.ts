import type { z } from 'astro/zod';
import { parseFrontmatter, parseYaml, type ParsedFrontmatter } from './frontmatter.ts';
import { fieldPath, isMissingField, type ContentProblem } from './problems.ts';
import { renderSafeMdx, type RenderedMdx, type RenderOptions } from './safe-mdx.ts';

export interface ValidatedEntry<T> {
  data: T | undefined;
  rendered: RenderedMdx | undefined;
  problems: ContentProblem[];
  /** Line of a frontmatter field, for checks made after the schema. */
  lineOf(path: readonly PropertyKey[]): number;
}

/**
 * The rule id a schema issue belongs to (grouped for CONTRIBUTING.md). The schema sets it as
 * data, `params: { rule }` on its custom checks, so rewording a message cannot change the rule.
 */
function ruleOfIssue(issue: z.core.$ZodIssue): string {
  const rule = issue.code === 'custom' ? issue.params?.rule : undefined;
  return typeof rule === 'string' ? rule : 'schema';
}

/**
 * Checks one content file end to end: YAML, schema and, for MDX, the body. Shared by the build's loader and
 * `npm run check`, so both report the same problems with the same words.
 */
export function validateEntry<S extends z.ZodType>(file: string, source: string, schema: S, options: RenderOptions = {}): ValidatedEntry<z.output<S>> {
  const isMdx = file.endsWith('.mdx');
  const fm = isMdx ? parseFrontmatter(source) : parseYaml(source);
  const body = isMdx ? (fm as ParsedFrontmatter) : undefined;
  const problems: ContentProblem[] = fm.errors.map((e) => ({ file, line: e.line, field: 'frontmatter', message: e.message, severity: 'error', rule: 'yaml' }));
  let data: z.output<S> | undefined;
  if (!fm.errors.length) {
    const result = schema.safeParse(fm.data);
    if (result.success) {
      data = result.data;
    } else {
      for (const issue of result.error.issues) {
        const missing = isMissingField(issue, fm.data);
        const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
        if (unknownKeys.length) {
          for (const key of unknownKeys) {
            problems.push({ file, line: fm.lineOf([...issue.path, key]), field: fieldPath([...issue.path, key]), message: 'неизвестное поле; проверьте написание', severity: 'error', rule: 'schema' });
          }
          continue;
        }
        problems.push({
          file,
          line: fm.lineOf(issue.path),
          field: fieldPath(issue.path),
          message: missing ? `обязательное поле не заполнено (${issue.message})` : issue.message,
          severity: 'error',
          rule: ruleOfIssue(issue),
        });
      }
    }
  }
  // Only the body is rendered: what the frontmatter parser took as metadata can never reach
  // the page (a fence it accepts, such as `---` with a trailing tab, is not one the MDX parser
  // knows). Blank lines in place of the frontmatter keep the file's line numbers.
  const rendered = body ? renderSafeMdx(`${'\n'.repeat(body.bodyLine - 1)}${body.body}`, options) : undefined;
  for (const v of rendered?.violations ?? []) {
    problems.push({ file, line: v.line, field: `mdx/${v.rule}`, message: v.message, severity: 'error', rule: `mdx/${v.rule}` });
  }
  return { data, rendered, problems, lineOf: fm.lineOf };
}
