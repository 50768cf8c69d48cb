/**
 * One problem found in a content file, in the form editors read everywhere (build, checker, CI):
 * `content/practices/irkutsk/x.mdx:7: topics[1]: неизвестная тема «нко»; допустимые: …`
 */
export interface ContentProblem {
  /** Path relative to the project root. */
  file: string;
  line: number;
  /** The field (`topics[1]`), or the rule for body problems (`mdx/expression`). */
  field: string;
  message: string;
  severity: 'error' | 'warning';
  /** The checker's rule that found it (`schema`, `reference`, `mdx/expression`, …), listed in CONTRIBUTING.md. */
  rule?: string;
}

export function formatProblem(p: ContentProblem): string {
  const prefix = p.severity === 'warning' ? 'предупреждение: ' : '';
  return `${p.file}:${p.line}: ${p.field}: ${prefix}${p.message}`;
}

/** The same line with the rule's id at the end, as the checker and the build print it: `… [reference]`. */
export function formatProblemWithRule(p: ContentProblem): string {
  return p.rule && !p.field.startsWith('mdx/') ? `${formatProblem(p)} [${p.rule}]` : formatProblem(p);
}

/** `['topics', 1, 'id']` → `topics[1].id`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '') || '(весь файл)';
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined), data);
}

/** A schema issue about a field left out: Zod 4 keeps no input in its issues, so the value is looked up. */
export function isMissingField(issue: { code: string; path: readonly PropertyKey[] }, data: unknown): boolean {
  return issue.code === 'invalid_type' && valueAt(data, issue.path) === undefined;
}

export class ContentError extends Error {
  readonly problems: ContentProblem[];
  // No parameter property: scripts run this file with Node's type stripping, which refuses them.
  constructor(problems: ContentProblem[]) {
    super(`Материалы содержат ошибки (${problems.length}):\n${problems.map(formatProblemWithRule).join('\n')}`);
    this.problems = problems;
    this.name = 'ContentError';
  }
}
