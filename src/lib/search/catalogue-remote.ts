/**
 * The JavaScript catalogue of a bank larger than one page: the static page holds only its own
 * cards, so the query, the facets, their counts and the order are asked of the Pagefind index,
 * which covers the whole bank. Nothing here grows with the bank on the reader's side beyond what
 * Pagefind itself loads (its filter chunks); only the shown cards' fragments are fetched, a
 * batch at a time (REMOTE_BATCH).
 *
 * Semantics are the same as the in-page catalogue (catalogue.ts): values of one facet are
 * alternatives, facets combine with «and», and a facet's counts are what each value would give
 * with the other facets and the query as they are. Pagefind counts values «in addition to» the
 * current filters, so each facet with a selection is counted by its own search without it.
 */
import { CATALOGUE_FACETS, DEFAULT_SORT, type CatalogueFacet, type CatalogueSort, type CatalogueState } from './catalogue.ts';
import { toFilters, type FilterCounts, type FilterQuery, type PagefindApi, type PagefindResponse, type PagefindResult } from './pagefind-client.ts';
import { normaliseQuery } from './url-state.ts';

/** Cards loaded per batch («Показать ещё» loads the next): one fragment request each. */
export const REMOTE_BATCH = 12;

/** Pagefind sort of each catalogue order (keys written by SearchMeta.astro, see record.ts). */
export const CATALOGUE_SORT_KEYS: Record<CatalogueSort, Record<string, 'asc' | 'desc'>> = {
  added: { published: 'desc' },
  year: { year: 'desc' },
  city: { city: 'asc' },
};

type SortingSearch = (term: string | null, options: { filters: FilterQuery; sort?: Record<string, 'asc' | 'desc'> }) => Promise<PagefindResponse>;

export interface RemoteView {
  /** The matching practices, in the chosen order; load their cards with `data()`. */
  results: PagefindResult[];
  counts: Record<CatalogueFacet, Map<string, number>>;
}

function selectedWithout(state: CatalogueState, except?: CatalogueFacet): Record<string, readonly string[]> {
  const selected: Record<string, readonly string[]> = { type: ['practice'] };
  for (const facet of CATALOGUE_FACETS) if (facet !== except && state.selected[facet].length) selected[facet] = state.selected[facet];
  return selected;
}

/** The view of the whole bank for a catalogue state: ordered matches and facet counts. */
export async function remoteView(pagefind: PagefindApi, state: CatalogueState): Promise<RemoteView> {
  const search = pagefind.search.bind(pagefind) as unknown as SortingSearch;
  const q = normaliseQuery(state.q) || null;
  const sort = CATALOGUE_SORT_KEYS[state.sort ?? DEFAULT_SORT];
  const main = await search(q, { filters: toFilters(selectedWithout(state), CATALOGUE_FACETS), sort });
  const counts = {} as RemoteView['counts'];
  for (const facet of CATALOGUE_FACETS) {
    let source: FilterCounts = main.filters;
    // With nothing chosen in this facet, Pagefind's «in addition» counts are already the answer.
    if (state.selected[facet].length) source = (await search(q, { filters: toFilters(selectedWithout(state, facet), [facet]) })).filters;
    counts[facet] = new Map(Object.entries(source[facet] ?? {}).filter(([, n]) => n > 0));
  }
  return { results: main.results, counts };
}

/** What a card needs from a result's fragment. */
export interface RemoteCard {
  id: string;
  url: string;
  title: string;
  city: string;
  cityName: string;
  years: string;
  summary: string;
  topics: string[];
}

export async function loadCards(results: readonly PagefindResult[], from: number, count = REMOTE_BATCH): Promise<RemoteCard[]> {
  const data = await Promise.all(results.slice(from, from + count).map((r) => r.data()));
  return data.map((d) => ({
    id: d.filters.practice?.[0] ?? d.url,
    url: d.url,
    title: d.meta.title ?? d.url,
    city: d.filters.city?.[0] ?? '',
    cityName: d.meta.city ?? '',
    years: d.meta.year ?? '',
    summary: d.meta.summary ?? '',
    topics: d.filters.topic ?? [],
  }));
}
