/**
 * Related practices: those sharing the most topics, then the same city, then the newest. A
 * reader who finished one practice should see the closest others across cities first.
 */
export interface RelatableItem {
  id: string;
  cityId: string;
  topicIds: readonly string[];
  published: Date;
}

export function relatedPractices<T extends RelatableItem>(current: RelatableItem, all: readonly T[], limit = 4): T[] {
  const topics = new Set(current.topicIds);
  return all
    .filter((p) => p.id !== current.id)
    .map((p) => ({ p, shared: p.topicIds.filter((t) => topics.has(t)).length }))
    .filter(({ shared }) => shared > 0)
    .sort(
      (a, b) =>
        b.shared - a.shared ||
        Number(a.p.cityId !== current.cityId) - Number(b.p.cityId !== current.cityId) ||
        b.p.published.getTime() - a.p.published.getTime() ||
        a.p.id.localeCompare(b.p.id),
    )
    .slice(0, limit)
    .map(({ p }) => p);
}
