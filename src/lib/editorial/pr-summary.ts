/**
 * The summary a pull request's CI job writes (scripts/pr-summary.ts → $GITHUB_STEP_SUMMARY):
 * every practice the pull request adds or changes, with its figures as the reviewer must check
 * them against the city's material (value, qualifier, unit, year and the source's wording).
 */
import { parseFrontmatter } from '../content/frontmatter.ts';

export interface ChangedFile {
  /** `A` added, `M` modified, `R` renamed (a draft published), `D` deleted. */
  status: 'A' | 'M' | 'R' | 'D';
  /** Path in the repository: `content/practices/irkutsk/greening-week.mdx`. */
  path: string;
  /** The file's text after the change; absent for a deleted file. */
  text?: string;
}

const QUALIFIER: Record<string, string> = { exact: '', 'more-than': 'более ', about: 'около ', 'up-to': 'до ' };
const STATUS: Record<ChangedFile['status'], string> = { A: 'добавлена', M: 'изменена', R: 'переименована', D: 'удалена' };

/** Markdown table cells: no line breaks, no unescaped pipes. */
const cell = (value: unknown) => String(value ?? '').replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');

export function practiceSummary(files: readonly ChangedFile[]): string {
  const practices = files.filter((f) => /^(?:.*\/)?practices\/[^/]+\/[^/]+\.mdx$/.test(f.path));
  const lines = ['## Практики в этом запросе на изменение', ''];
  if (!practices.length) return [...lines, 'Практики не добавлены и не изменены.', ''].join('\n');
  for (const file of practices) {
    const draft = /\/_[^/]+$/.test(file.path);
    if (file.status === 'D' || file.text === undefined) {
      lines.push(`### \`${file.path}\` — ${STATUS.D}`, '');
      continue;
    }
    const { data, errors } = parseFrontmatter(file.text);
    const title = typeof data.title === 'string' ? data.title : file.path;
    lines.push(`### ${cell(title)} — ${STATUS[file.status]}${draft ? ' (черновик, не публикуется)' : ''}`, '', `\`${file.path}\``, '');
    if (errors.length) {
      lines.push('Метаданные не разбираются: см. ошибки проверки выше.', '');
      continue;
    }
    const metrics = Array.isArray(data.metrics) ? (data.metrics as Record<string, unknown>[]) : [];
    if (!metrics.length) {
      lines.push('Показателей нет.', '');
      continue;
    }
    lines.push('| вид | значение | единица | год | формулировка источника |', '| --- | ---: | --- | --- | --- |');
    for (const m of metrics) {
      lines.push(`| ${cell(m.kind)} | ${cell(`${QUALIFIER[String(m.qualifier ?? 'exact')] ?? ''}${m.value}`)} | ${cell(m.unit)} | ${cell(m.year)} | «${cell(m.source)}» |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
