/**
 * Cross-file checks of the adoption trail and the completeness warning. `adaptedFrom.practice`
 * is a reference to another practice: it must exist as a published page, must not be the
 * practice itself, and following the trail back must never come round to where it started.
 * Completeness (../completeness.ts) is reported as a warning only: a city may send what it has.
 */
import { completenessOf, completenessItem, type CompletenessInput } from '../completeness.ts';
import { ru } from '../../../i18n/ru.ts';
import type { RuleId } from './rules.ts';

interface AdaptationEntry {
  /** `city/slug`. */
  id: string;
  file: string;
  draft: boolean;
  /** Parsed data, or undefined when the file did not pass its own checks. */
  data: Record<string, unknown> | undefined;
  lineOf(path: readonly PropertyKey[]): number;
}

type Add = (file: string, line: number, field: string, rule: RuleId, message: string, severity?: 'error' | 'warning') => void;

const sourceOf = (data: Record<string, unknown> | undefined) => (data?.adaptedFrom as { practice?: string } | undefined)?.practice;

/**
 * `practices` are every practice file read; `pages` the ids that get a page (published and valid).
 * A draft may point to a published practice; nothing may point to a draft, which has no page.
 */
export function checkAdaptations(practices: readonly AdaptationEntry[], pages: ReadonlySet<string>, add: Add): void {
  const byId = new Map(practices.filter((p) => !p.draft).map((p) => [p.id, p]));
  const field = 'adaptedFrom.practice';
  for (const entry of practices) {
    const target = sourceOf(entry.data);
    if (target === undefined) continue;
    const line = entry.lineOf(['adaptedFrom', 'practice']);
    const own = entry.id.replace(/(^|\/)_/, '$1');
    if (target === own) {
      add(entry.file, line, field, 'adaptation', `практика не может быть повторением самой себя («${target}»); укажите практику другого города или уберите adaptedFrom`);
    } else if (!byId.has(target)) {
      const sameCity = [...byId.keys()].filter((id) => id.split('/')[0] === target.split('/')[0]).sort();
      const hint = sameCity.length ? `; практики этого города: ${sameCity.slice(0, 8).join(', ')}${sameCity.length > 8 ? ', …' : ''}` : '; у такого города практик в банке нет';
      add(entry.file, line, field, 'adaptation', `неизвестная практика «${target}»: нет файла practices/${target}.mdx${hint}`);
    } else if (!pages.has(target)) {
      add(entry.file, line, field, 'adaptation', `практика «${target}» сама не проходит проверку и не получит страницы; сначала исправьте её`);
    }
  }
  // Each practice names at most one source, so the trail from any practice is a single path:
  // walk it and report each loop once, on every practice in it.
  const state = new Map<string, 'walking' | 'done'>();
  for (const start of byId.keys()) {
    const path: string[] = [];
    let id: string | undefined = start;
    while (id !== undefined && byId.has(id) && !state.has(id)) {
      state.set(id, 'walking');
      path.push(id);
      const next = sourceOf(byId.get(id)?.data);
      id = next === id ? undefined : next; // a self-reference is reported above
    }
    if (id !== undefined && state.get(id) === 'walking') {
      const loop = path.slice(path.indexOf(id));
      const shown = [...loop, id].join(' → ');
      for (const entry of loop.flatMap((member) => byId.get(member) ?? [])) {
        add(entry.file, entry.lineOf(['adaptedFrom', 'practice']), field, 'adaptation', `цепочка повторений замыкается в круг: ${shown}; у цепочки должно быть начало — практика, которую никто не повторял до неё`);
      }
    }
    for (const visited of path) state.set(visited, 'done');
  }
}

/** The field a practice's completeness warning points at (the first thing missing), if it has one. */
export function completenessField(data: unknown): string | undefined {
  const result = completenessOf(data as CompletenessInput);
  const [firstMissing] = result.missing;
  return result.complete || firstMissing === undefined ? undefined : completenessItem(firstMissing).field;
}

/** One warning per published practice whose description lacks something a city needs to repeat it. */
export function checkCompleteness(practices: readonly AdaptationEntry[], add: Add): void {
  for (const entry of practices) {
    if (entry.draft || !entry.data) continue;
    const result = completenessOf(entry.data as unknown as CompletenessInput);
    const [firstMissing] = result.missing;
    if (result.complete || firstMissing === undefined) continue;
    const field = completenessItem(firstMissing).field;
    const missing = result.missing.map((id) => ru.repeat.completeness.short[id]).join(', ');
    add(entry.file, entry.lineOf(field.split('.')), field, 'completeness', `${ru.repeat.completeness.warning(missing)} (полнота ${result.score}%)`, 'warning');
  }
}
