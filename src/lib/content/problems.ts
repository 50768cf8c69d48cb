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
}

export function formatProblem(p: ContentProblem): string {
  const prefix = p.severity === 'warning' ? 'предупреждение: ' : '';
  return `${p.file}:${p.line}: ${p.field}: ${prefix}${p.message}`;
}

/** `['topics', 1, 'id']` → `topics[1].id`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '') || '(весь файл)';
}

export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(`Материалы содержат ошибки (${problems.length}):\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ContentError';
  }
}
