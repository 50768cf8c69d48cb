/**
 * The JavaScript catalogue of a bank larger than one page: the static page holds only its own
 * cards, so the facets, their counts and the order are asked of the catalogue's Pagefind index
 * (one record per practice with its filters, sort keys and card metadata; merged into the search
 * index by `mergeCatalogue`), which covers the whole bank. Its records' filter keys are prefixed
 * (`catalogueKey`), so only these searches reach them and the search index loads no filter data. Nothing here grows with the bank on the reader's side beyond what
 * Pagefind itself loads (its filter chunks); only the shown cards' fragments are fetched, a
 * batch at a time (REMOTE_BATCH).
 *
 * Semantics are the same as the in-page catalogue (catalogue.ts): values of one facet are
 * alternatives, facets combine with «and», and a facet's counts are what each value would give
 * with the other facets and the query as they are. Pagefind counts values «in addition to» the
 * current filters, so each facet with a selection is counted by its own search without it.
 */
import { CATALOGUE_FACETS, DEFAULT_SORT, type CatalogueFacet, type CatalogueSort, type CatalogueState } from './catalogue.ts';
import { catalogueKey, toFilters, type FilterCounts, type FilterQuery, type PagefindApi, type PagefindResponse, type PagefindResult } from './pagefind-client.ts';
import { PRACTICE_ID_FILTER } from './record.ts';

/** Cards loaded per batch («Показать ещё» loads the next): one fragment request each. */
export const REMOTE_BATCH = 12;

/** Pagefind sort of each catalogue order (keys written by SearchMeta.astro, see record.ts; indexed in the catalogue's index only). */
const CATALOGUE_SORT_KEYS: Record<CatalogueSort, Record<string, 'asc' | 'desc'>> = {
  added: { published: 'desc' },
  year: { year: 'desc' },
  city: { city: 'asc' },
};

type SortingSearch = (term: string | null, options: { filters: FilterQuery; sort?: Record<string, 'asc' | 'desc'> }) => Promise<PagefindResponse>;

interface RemoteView {
  /** The matching practices, in the chosen order; load their cards with `data()`. */
  results: PagefindResult[];
  counts: Record<CatalogueFacet, Map<string, number>>;
}

function selectedWithout(state: CatalogueState, matched: ReadonlySet<string> | null, except?: CatalogueFacet): Record<string, readonly string[]> {
  const selected: Record<string, readonly string[]> = { [catalogueKey('type')]: ['practice'] };
  if (matched) selected[catalogueKey(PRACTICE_ID_FILTER)] = [...matched];
  for (const facet of CATALOGUE_FACETS) if (facet !== except && state.selected[facet].length) selected[catalogueKey(facet)] = state.selected[facet];
  return selected;
}

/**
 * The view of the whole bank for a catalogue state: ordered matches and facet counts. The text
 * query is answered before (`matched`: the practices the site's query layer found for it, or
 * null for no query), so that stems, synonyms and partial matches work here as on /search/.
 */
/** `pagefind` must have the catalogue's index merged (`mergeCatalogue`). */
export async function remoteView(pagefind: PagefindApi, state: CatalogueState, matched: ReadonlySet<string> | null = null): Promise<RemoteView> {
  const search = pagefind.search.bind(pagefind) as unknown as SortingSearch;
  const counts = {} as RemoteView['counts'];
  // An empty filter value means «no filter» to Pagefind, so a query that found nothing stops here.
  if (matched && matched.size === 0) {
    for (const facet of CATALOGUE_FACETS) counts[facet] = new Map();
    return { results: [], counts };
  }
  const q = null;
  const sort = CATALOGUE_SORT_KEYS[state.sort ?? DEFAULT_SORT];
  const main = await search(q, { filters: toFilters(selectedWithout(state, matched), CATALOGUE_FACETS.map(catalogueKey)), sort });
  for (const facet of CATALOGUE_FACETS) {
    let source: FilterCounts = main.filters;
    // With nothing chosen in this facet, Pagefind's «in addition» counts are already the answer.
    if (state.selected[facet].length) source = (await search(q, { filters: toFilters(selectedWithout(state, matched, facet), [catalogueKey(facet)]) })).filters;
    counts[facet] = new Map(Object.entries(source[catalogueKey(facet)] ?? {}).filter(([, n]) => n > 0));
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
    id: d.filters[catalogueKey(PRACTICE_ID_FILTER)]?.[0] ?? d.url,
    url: d.url,
    title: d.meta.title ?? d.url,
    city: d.filters[catalogueKey('city')]?.[0] ?? '',
    cityName: d.meta.city ?? '',
    years: d.meta.year ?? '',
    summary: d.meta.summary ?? '',
    topics: d.filters[catalogueKey('topic')] ?? [],
  }));
}
