/**
 * The catalogue's filtering, facet counts and sorting, as plain functions over card data so they
 * are tested without a browser. The client script reads the cards from the page and calls these.
 *
 * Within a facet, values are alternatives (topic = НКО or Молодёжь); across facets, all must hold
 * (НКО and Иркутск). A facet's counts say how many practices each value would give with the
 * other facets and the text query as they are, so a reader sees where a click leads.
 */
import type { ViewState } from './url-state.ts';

export const CATALOGUE_FACETS = ['topic', 'city', 'district', 'year', 'status', 'complete'] as const;
export type CatalogueFacet = (typeof CATALOGUE_FACETS)[number];

export const CATALOGUE_SORTS = ['added', 'year', 'city'] as const;
export type CatalogueSort = (typeof CATALOGUE_SORTS)[number];
export const DEFAULT_SORT: CatalogueSort = 'added';

export type CatalogueState = ViewState<CatalogueFacet, CatalogueSort>;

/** What a practice card carries (its data-* attributes, see PracticeCard.astro). */
export interface CatalogueItem {
  id: string;
  title: string;
  city: string;
  cityName: string;
  district: string;
  topics: readonly string[];
  /** Start year, as text: it is a facet value. */
  year: string;
  status: string;
  /** Date added to the bank, ISO `YYYY-MM-DD`. */
  published: string;
  /** `yes` when the description has everything completeness.ts asks for (absent: not complete). */
  complete?: string;
}

export function valuesOf(item: CatalogueItem, facet: CatalogueFacet): readonly string[] {
  switch (facet) {
    case 'topic':
      return item.topics;
    case 'city':
      return [item.city];
    case 'district':
      return [item.district];
    case 'year':
      return [item.year];
    case 'status':
      return [item.status];
    case 'complete':
      // One checkbox, «только полные описания»: an incomplete practice has no value to match.
      return item.complete === 'yes' ? ['yes'] : [];
  }
}

/**
 * Does the item pass the query and every selected facet, leaving out `except`?
 * `matched` is the set of practice ids the text query found; null when there is no query.
 */
function passes(item: CatalogueItem, state: CatalogueState, matched: ReadonlySet<string> | null, except?: CatalogueFacet): boolean {
  if (matched && !matched.has(item.id)) return false;
  for (const facet of CATALOGUE_FACETS) {
    if (facet === except) continue;
    const wanted = state.selected[facet];
    if (wanted.length && !valuesOf(item, facet).some((v) => wanted.includes(v))) return false;
  }
  return true;
}

type FacetCounts = Record<CatalogueFacet, Map<string, number>>;

export function countFacets(items: readonly CatalogueItem[], state: CatalogueState, matched: ReadonlySet<string> | null): FacetCounts {
  const counts = {} as FacetCounts;
  for (const facet of CATALOGUE_FACETS) {
    const map = new Map<string, number>();
    for (const item of items) {
      if (!passes(item, state, matched, facet)) continue;
      for (const value of new Set(valuesOf(item, facet))) map.set(value, (map.get(value) ?? 0) + 1);
    }
    counts[facet] = map;
  }
  return counts;
}

const collator = new Intl.Collator('ru');

/** Newest first for dates and years; city A→Я; ties fall back to the title, so order is stable. */
export function sortItems(items: readonly CatalogueItem[], sort: CatalogueSort): CatalogueItem[] {
  const byTitle = (a: CatalogueItem, b: CatalogueItem) => collator.compare(a.title, b.title);
  const compare: Record<CatalogueSort, (a: CatalogueItem, b: CatalogueItem) => number> = {
    added: (a, b) => b.published.localeCompare(a.published) || byTitle(a, b),
    year: (a, b) => Number(b.year) - Number(a.year) || byTitle(a, b),
    city: (a, b) => collator.compare(a.cityName, b.cityName) || byTitle(a, b),
  };
  return [...items].sort(compare[sort]);
}

/** The cards to show, in order, and the counts to print beside each facet value. */
export function viewOf(items: readonly CatalogueItem[], state: CatalogueState, matched: ReadonlySet<string> | null) {
  const shown = sortItems(
    items.filter((item) => passes(item, state, matched)),
    state.sort ?? DEFAULT_SORT,
  );
  return { shown, counts: countFacets(items, state, matched) };
}
