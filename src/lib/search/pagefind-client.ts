/**
 * The site's own small layer over Pagefind's JS API (`/pagefind/pagefind.js`). Pagefind's default
 * UI is not used: it ships its own script and stylesheet and asks for more than a first search
 * needs. This module runs in the browser (search page, catalogue) and in Node (the tests import
 * the built `pagefind.js` and call the same functions), so what the tests query is what a reader
 * gets.
 *
 * What a first search fetches, and nothing more: pagefind.js, pagefind-entry.json, the language's
 * meta file and WebAssembly, the index chunks for the query's words, and one fragment per shown
 * result (PAGE_SIZE). Filter chunks are fetched only for facets the view asks counts for: the
 * search page asks only once the reader opens its filters or arrives with a filter set.
 */
import { PRACTICE_ID_FILTER } from './record.ts';
import { normaliseQuery } from './url-state.ts';

export type FilterCounts = Record<string, Record<string, number>>;
/** `{ any: [] }` restricts nothing but makes Pagefind load that filter and count its values. */
export type FilterQuery = Record<string, { any: string[] }>;

export interface PagefindResultData {
  url: string;
  excerpt: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

/** The part of Pagefind 1.4's JS API the site uses. */
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: { filters?: FilterQuery }): Promise<PagefindResponse>;
}

/**
 * Results per page of the search view. Each costs one fragment request, the largest part of a
 * first search on a big bank (about 8 KB each at 5 000 practices of ~500 words); five is also
 * what Pagefind's own UI loads first and what `npm run bench` weighs.
 */
export const PAGE_SIZE = 5;
/** Words in a result's excerpt. */
export const EXCERPT_WORDS = 26;

export async function configure(pagefind: PagefindApi, options: Record<string, unknown> = {}): Promise<PagefindApi> {
  await pagefind.options({ excerptLength: EXCERPT_WORDS, ...options });
  return pagefind;
}

let loading: Promise<PagefindApi> | undefined;

/**
 * Loads Pagefind once, on first use (a reader who never searches downloads none of it).
 * A failed load is forgotten, so the next attempt tries again.
 */
export function loadPagefind(bundleUrl: string): Promise<PagefindApi> {
  loading ??= (import(/* @vite-ignore */ bundleUrl) as Promise<PagefindApi>).then((pagefind) => configure(pagefind)).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/**
 * Selected facet values as Pagefind filters; every key in `countKeys` is included (empty when
 * nothing is selected) so that the response counts its values.
 */
export function toFilters(selected: Partial<Record<string, readonly string[]>>, countKeys: readonly string[] = []): FilterQuery {
  const filters: FilterQuery = {};
  for (const key of countKeys) filters[key] = { any: [] };
  for (const [key, values] of Object.entries(selected)) {
    if (values?.length) filters[key] = { any: [...values] };
  }
  return filters;
}

/** One result as the views show it. */
export interface SearchHit {
  url: string;
  title: string;
  /** Pagefind's excerpt: page text, HTML-escaped, with <mark> around the matched words. */
  excerpt: string;
  type?: string;
  city?: string;
  year?: string;
  summary?: string;
}

export function toHit(data: PagefindResultData): SearchHit {
  return {
    url: data.url,
    title: data.meta.title ?? data.url,
    excerpt: data.excerpt,
    type: data.filters.type?.[0],
    city: data.meta.city,
    year: data.meta.year,
    summary: data.meta.summary,
  };
}

export interface SearchPage {
  /** Results in Pagefind's order (best first). */
  results: PagefindResult[];
  /** The first `limit` of them, loaded. */
  hits: SearchHit[];
  counts: FilterCounts;
}

/**
 * A query with filters, and the data of its first `limit` results: exactly what the search view
 * does on a first search. An empty query with no filters finds nothing.
 */
export async function searchPages(
  pagefind: PagefindApi,
  query: string,
  selected: Partial<Record<string, readonly string[]>> = {},
  options: { countKeys?: readonly string[]; limit?: number } = {},
): Promise<SearchPage> {
  const q = normaliseQuery(query);
  const filters = toFilters(selected, options.countKeys);
  const filtered = Object.values(filters).some((f) => f.any.length);
  if (!q && !filtered) return { results: [], hits: [], counts: {} };
  const response = await pagefind.search(q || null, { filters });
  const hits = await loadHits(response.results, 0, options.limit ?? PAGE_SIZE);
  return { results: response.results, hits, counts: response.filters };
}

export async function loadHits(results: readonly PagefindResult[], from: number, count: number): Promise<SearchHit[]> {
  const data = await Promise.all(results.slice(from, from + count).map((r) => r.data()));
  return data.map(toHit);
}

/** What the benchmark should call to weigh a first search: the search view's first request. */
export const firstSearch = (pagefind: PagefindApi, query: string) => searchPages(pagefind, query);

/**
 * The ids of the practices a text query finds, read from the counts of the per-practice filter
 * rather than from result fragments: one filter chunk instead of one request per match.
 */
export async function matchingPracticeIds(pagefind: PagefindApi, query: string): Promise<Set<string>> {
  const q = normaliseQuery(query);
  if (!q) return new Set();
  const response = await pagefind.search(q, { filters: toFilters({ type: ['practice'] }, [PRACTICE_ID_FILTER]) });
  const counts = response.filters[PRACTICE_ID_FILTER] ?? {};
  return new Set(Object.entries(counts).filter(([, n]) => n > 0).map(([id]) => id));
}
