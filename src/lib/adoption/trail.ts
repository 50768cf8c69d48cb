/**
 * The adoption trail: which practice was adapted from which. Built once per build from the
 * practices' `adaptedFrom` fields (checked by checks/adaptation.ts, so every source exists and
 * the trail has no loops) and read by the practice, city and compare pages, the open data and
 * the map layer. Pure: it takes the practices, not the Astro collection, so it is unit-tested.
 */

export interface TrailPractice {
  /** `city/slug`. */
  id: string;
  cityId: string;
  title: string;
  /** The year the practice started: the year a city repeated another's practice. */
  startYear: number;
  adaptedFrom?: { practice: string; changes: string } | undefined;
}

interface TrailLink<P extends TrailPractice = TrailPractice> {
  /** The practice that was repeated. */
  source: P;
  /** The practice that repeats it. */
  adopter: P;
  changes: string;
}

export interface AdoptionTrail<P extends TrailPractice = TrailPractice> {
  /** Every link, ordered by the adopter's start year, then id. */
  links: TrailLink<P>[];
  /** Where a practice was taken from, if anywhere. */
  sourceOf(id: string): TrailLink<P> | undefined;
  /** Who repeated a practice: its adopters by year. */
  adoptersOf(id: string): TrailLink<P>[];
  /** Links that touch a city, as source or adopter. */
  linksOfCity(cityId: string): { took: TrailLink<P>[]; gave: TrailLink<P>[] };
}

export function adoptionTrail<P extends TrailPractice>(practices: readonly P[]): AdoptionTrail<P> {
  const byId = new Map(practices.map((p) => [p.id, p]));
  const links: TrailLink<P>[] = [];
  for (const adopter of practices) {
    const from = adopter.adaptedFrom;
    const source = from ? byId.get(from.practice) : undefined;
    // The checker refuses a missing source before a build; a partial bank in a unit test skips it.
    if (from && source && source !== adopter) links.push({ source, adopter, changes: from.changes });
  }
  links.sort((a, b) => a.adopter.startYear - b.adopter.startYear || a.adopter.id.localeCompare(b.adopter.id));
  const bySource = new Map<string, TrailLink<P>[]>();
  const byAdopter = new Map<string, TrailLink<P>>();
  const tookBy = new Map<string, TrailLink<P>[]>();
  const gaveBy = new Map<string, TrailLink<P>[]>();
  const push = <K>(map: Map<K, TrailLink<P>[]>, key: K, link: TrailLink<P>) => {
    const list = map.get(key);
    if (list) list.push(link);
    else map.set(key, [link]);
  };
  for (const link of links) {
    push(bySource, link.source.id, link);
    byAdopter.set(link.adopter.id, link);
    push(tookBy, link.adopter.cityId, link);
    push(gaveBy, link.source.cityId, link);
  }
  return {
    links,
    sourceOf: (id) => byAdopter.get(id),
    adoptersOf: (id) => bySource.get(id) ?? [],
    linksOfCity: (cityId) => ({ took: tookBy.get(cityId) ?? [], gave: gaveBy.get(cityId) ?? [] }),
  };
}

/** A link between two cities on the map: every practice one city took from another. */
export interface CityLink {
  from: string;
  to: string;
  /** How many practices `to` repeated from `from`. */
  count: number;
}

/**
 * One map link per pair of cities and direction: the map's size grows with the cities, never with
 * the practices (a pair that exchanged twenty practices is one thicker line, not twenty).
 */
export function cityLinks(links: readonly TrailLink[]): CityLink[] {
  const counts = new Map<string, CityLink>();
  for (const link of links) {
    if (link.source.cityId === link.adopter.cityId) continue; // a city repeating itself is no exchange
    const key = `${link.source.cityId}\u0000${link.adopter.cityId}`;
    const known = counts.get(key);
    if (known) known.count++;
    else counts.set(key, { from: link.source.cityId, to: link.adopter.cityId, count: 1 });
  }
  return [...counts.values()].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}
