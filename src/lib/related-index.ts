/**
 * Related practices for every page of a large bank, fast. `relatedPractices()` (related.ts) is
 * the definition: it scores and sorts the whole bank, which is right for one page and O(N²) for
 * a build (at 5 000 practices it took a third of the page-rendering time). This index gives
 * the same answer from a topic → practices index and a top-k scan, and is tested against
 * `relatedPractices()` itself.
 */
import type { RelatableItem } from './related.ts';

/** The order of related.ts: more shared topics, then the same city, then newest, then id. */
function better(a: { shared: number; item: RelatableItem }, b: { shared: number; item: RelatableItem }, cityId: string): boolean {
  if (a.shared !== b.shared) return a.shared > b.shared;
  const aOther = a.item.cityId !== cityId;
  const bOther = b.item.cityId !== cityId;
  if (aOther !== bOther) return !aOther;
  const time = a.item.published.getTime() - b.item.published.getTime();
  if (time !== 0) return time > 0;
  return a.item.id.localeCompare(b.item.id) < 0;
}

export function relatedIndex<T extends RelatableItem>(all: readonly T[]): (current: RelatableItem, limit?: number) => T[] {
  const byTopic = new Map<string, T[]>();
  for (const item of all) {
    // Each occurrence counts, as in related.ts (which counts an item's topics with filter()).
    for (const topic of item.topicIds) {
      let list = byTopic.get(topic);
      if (!list) byTopic.set(topic, (list = []));
      list.push(item);
    }
  }
  return (current, limit = 4) => {
    const shared = new Map<T, number>();
    for (const topic of new Set(current.topicIds)) {
      for (const item of byTopic.get(topic) ?? []) {
        if (item.id !== current.id) shared.set(item, (shared.get(item) ?? 0) + 1);
      }
    }
    // Keep the best `limit` in order: one pass, a tiny insertion into a short array.
    const top: { shared: number; item: T }[] = [];
    for (const [item, count] of shared) {
      const candidate = { shared: count, item };
      const beats = (i: number) => {
        const other = top[i];
        return other !== undefined && better(candidate, other, current.cityId);
      };
      if (top.length === limit && !beats(top.length - 1)) continue;
      let at = top.length;
      while (at > 0 && beats(at - 1)) at--;
      top.splice(at, 0, candidate);
      if (top.length > limit) top.pop();
    }
    return top.map((t) => t.item);
  };
}
