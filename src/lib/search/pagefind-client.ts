/**
 * The site's own small layer over Pagefind's JS API (`/pagefind/pagefind.js`). Pagefind's default
 * UI is not used: it ships its own script and stylesheet and asks for more than a first search
 * needs. This module runs in the browser (search page, catalogue) and in Node (the tests import
 * the built `pagefind.js` and call the same functions), so what the tests query is what a reader
 * gets.
 *
 * Every query goes through `planQuery` (query.ts) before Pagefind sees it: Russian stems made
 * here (Pagefind 1.5+ no longer stems «й» words), fleeting vowels, the bank's synonyms, phrases
 * in quotes left exact, stop words and single letters dropped. A plan whose every slot has one
 * alternative is one Pagefind search; otherwise each alternative is searched and the results
 * merged here: pages that have every slot first, and when none has, the pages that have most
 * of them (`partial`). A slot that finds nothing may get a correction from the bank's own words
 * (suggest.ts).
 *
 * What a first search fetches, and nothing more: pagefind.js, pagefind-entry.json, the language's
 * meta file and WebAssembly, synonyms.json, the index chunks for the query's words, and one
 * fragment per shown result (PAGE_SIZE). Filter chunks are fetched only for facets the view asks
 * counts for: the search page asks only once the reader opens its filters or arrives with a
 * filter set. Word shards for a suggestion are fetched only when a word finds nothing.
 */
import { PRACTICE_ID_FILTER } from './record.ts';
import { normaliseQuery } from './url-state.ts';
import { planQuery, type QueryPlan, type Slot } from './query.ts';
import { candidateShards, correct, WORDS_DIR, type Shard } from './suggest.ts';
import type { SynonymIndex } from './synonyms.ts';
import { pagefindForm } from './russian.ts';

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

/** The part of Pagefind 1.6's JS API the site uses. */
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(indexPath: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: { filters?: FilterQuery }): Promise<PagefindResponse>;
}

/**
 * Results per page of the search view. Each costs one fragment request, the largest part of a
 * first search on a big bank (about 8 KB each at 5 000 practices of ~500 words); five is also
 * what Pagefind's own UI loads first and what `npm run bench` weighs.
 */
export const PAGE_SIZE = 5;
/** Words in a result's excerpt. */
const EXCERPT_WORDS = 26;

/**
 * Pagefind's options for this site. `noWorker`: Pagefind 1.5+ runs searches in a Web Worker by
 * default, which costs another 12 KB script on a first search for no gain at the bank's query
 * sizes. `metaWeights`: a practice whose title or summary holds the query's words stands above
 * pages that only mention them (Pagefind adds a boost for words found in these metadata fields).
 */
export const PAGEFIND_OPTIONS = {
  excerptLength: EXCERPT_WORDS,
  noWorker: true,
  ranking: { metaWeights: { title: 6, summary: 3 } },
} as const;

export async function configure(pagefind: PagefindApi, options: Record<string, unknown> = {}): Promise<PagefindApi> {
  await pagefind.options({ ...PAGEFIND_OPTIONS, ...options });
  return pagefind;
}

/** The catalogue's own index, under the search index's folder (index-site.ts, CATALOGUE_DIR). */
export const CATALOGUE_INDEX = 'catalogue/';
/**
 * A filter key as the catalogue's records carry it: every one prefixed (`catalogue-topic`), so
 * no search of the search index matches a catalogue record (text queries filter on `type`) and a
 * catalogue search makes the search index load none of its own filter data.
 */
export const catalogueKey = (key: string) => `catalogue-${key}`;

const withCatalogue = new WeakMap<PagefindApi, Promise<PagefindApi>>();

/**
 * Pagefind with the catalogue's index merged in, once per Pagefind instance: its records carry
 * the catalogue's sort keys and card metadata, and only searches filtered on `catalogueKey`
 * filters reach them. `indexFolder` is the search index's folder URL (ending in `/`). A failed merge is
 * forgotten, so the next attempt tries again.
 */
export function mergeCatalogue(pagefind: PagefindApi, indexFolder: string): Promise<PagefindApi> {
  let merging = withCatalogue.get(pagefind);
  if (!merging) {
    const { noWorker: _, ...options } = PAGEFIND_OPTIONS;
    merging = pagefind.mergeIndex(new URL(CATALOGUE_INDEX, indexFolder).href, options).then(
      () => pagefind,
      (error: unknown) => {
        withCatalogue.delete(pagefind);
        throw error;
      },
    );
    withCatalogue.set(pagefind, merging);
  }
  return merging;
}

/** Pagefind with what the site's query layer needs around it. */
export interface Search {
  pagefind: PagefindApi;
  synonyms: SynonymIndex;
  /** A JSON file of the index folder (`words/index.json`); rejects when it cannot be read. */
  fetchJson(path: string): Promise<unknown>;
  /** Cache of fetched word shards, per search. */
  shards?: Map<string, Promise<unknown>>;
}

let loading: Promise<Search> | undefined;

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  return response.json();
}

/**
 * Loads Pagefind and the synonyms once, on first use (a reader who never searches downloads
 * none of it). A failed load is forgotten, so the next attempt tries again.
 */
export function loadSearch(bundleUrl: string, synonymsUrl: string): Promise<Search> {
  const indexFolder = new URL('./', new URL(bundleUrl, location.href)).href;
  loading ??= Promise.all([
    (import(/* @vite-ignore */ bundleUrl) as Promise<PagefindApi>).then((pagefind) => configure(pagefind)),
    getJson(synonymsUrl) as Promise<SynonymIndex>,
  ])
    .then(([pagefind, synonyms]): Search => ({ pagefind, synonyms, fetchJson: (path) => getJson(new URL(path, indexFolder).href) }))
    .catch((error: unknown) => {
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

function toHit(data: PagefindResultData): SearchHit {
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

interface SearchPage {
  /** Results best first. */
  results: PagefindResult[];
  /** The first `limit` of them, loaded. */
  hits: SearchHit[];
  counts: FilterCounts;
  /** No page holds every word: these are the pages that hold most of them. */
  partial: boolean;
  /** A query built from the bank's own words, when a word of this one found nothing. */
  suggestion?: string;
}

interface Ranked {
  results: PagefindResult[];
  counts: FilterCounts;
  partial: boolean;
  /** Slots that found no page at all. */
  empty: Slot[];
}

/** Fewest slots a page must hold to be shown when none holds all: a majority, at least one. */
const partialThreshold = (slots: number) => Math.max(1, Math.ceil(slots / 2));

/**
 * One after another: Pagefind searches share one WebAssembly index whose chunks load while a
 * search waits, and searches run side by side were seen to return each other's results.
 */
async function inTurn<T, R>(items: readonly T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await run(item));
  return out;
}

/**
 * Whether every word of a Pagefind query really stands on the pages it found. When no indexed
 * word begins with a query term, Pagefind 1.6 falls back to indexed words that the term begins
 * with: «гжель» then matches every «г.» (город, год) in the bank, a fleeting-vowel alternative
 * such as «городсек» matches «город». Pagefind uses the fallback only for a term with no real
 * match at all, so the best result tells: its matched words are read from its fragment (which
 * the view loads anyway) and each term must begin, or stand inside, one of them.
 */
async function matchedForReal(query: string, response: PagefindResponse): Promise<boolean> {
  const top = response.results[0];
  if (!top || query.startsWith('"')) return Boolean(top);
  const data = (await top.data()) as PagefindResultData & { locations?: number[] };
  const words = data.content.split(/\s+/);
  const matched = (data.locations ?? []).map((l) => pagefindForm(words[l] ?? ''));
  // A match in the title or summary only: read the words there.
  if (!matched.length) matched.push(...`${data.meta.title ?? ''} ${data.meta.summary ?? ''}`.split(/\s+/).map(pagefindForm));
  return query.split(' ').map(pagefindForm).every((term) => !term || matched.some((w) => w.includes(term)));
}

async function searchForReal(pagefind: PagefindApi, query: string, filters: FilterQuery): Promise<PagefindResponse | undefined> {
  const response = await pagefind.search(query, { filters });
  return (await matchedForReal(query, response)) ? response : undefined;
}

/** Runs a plan through Pagefind: one search when it can, merged searches when it must. */
async function runPlan(pagefind: PagefindApi, plan: QueryPlan, filters: FilterQuery): Promise<Ranked> {
  const { slots } = plan;
  const phrase = slots.some((s) => s.alternatives[0]?.startsWith('"'));
  if (slots.every((s) => s.alternatives.length === 1) && (slots.length === 1 || !phrase)) {
    const response = await searchForReal(pagefind, slots.map((s) => s.alternatives[0]).join(' '), filters);
    if (response) return { results: response.results, counts: response.filters, partial: false, empty: [] };
    if (slots.length === 1) return { results: [], counts: {}, partial: false, empty: slots };
  }
  const perSlot = await inTurn(
    slots,
    async (slot) => {
      const rawResponses = await inTurn(slot.alternatives, (a) => searchForReal(pagefind, a, filters));
      const responses = rawResponses.filter((r) => r !== undefined);
      const best = new Map<string, PagefindResult>();
      for (const response of responses) for (const r of response.results) if ((best.get(r.id)?.score ?? -1) < r.score) best.set(r.id, r);
      const productive = slot.alternatives.filter((_, i) => rawResponses[i]?.results.length);
      const widest = responses.reduce<PagefindResponse | undefined>((a, b) => (!a || b.results.length > a.results.length ? b : a), undefined);
      return { slot, best, counts: widest?.filters ?? {}, productive };
    },
  );
  // Each slot found through one alternative only (the others were fleeting-vowel guesses that
  // found nothing): one search of those gives Pagefind's own ranking and an excerpt with every
  // word marked.
  if (slots.length > 1 && perSlot.every((p) => p.productive.length === 1) && !perSlot.some((p) => p.productive[0]?.startsWith('"'))) {
    const response = await pagefind.search(perSlot.map((p) => p.productive[0]).join(' '), { filters });
    if (response.results.length) return { results: response.results, counts: response.filters, partial: false, empty: [] };
  }
  const pages = new Map<string, { held: number; score: number; top: PagefindResult }>();
  for (const { best } of perSlot) {
    for (const [id, r] of best) {
      const page = pages.get(id);
      if (!page) pages.set(id, { held: 1, score: r.score, top: r });
      else {
        page.held += 1;
        page.score += r.score;
        if (r.score > page.top.score) page.top = r;
      }
    }
  }
  const all = [...pages.values()];
  const full = all.filter((p) => p.held === slots.length);
  const partial = full.length === 0 && slots.length > 1;
  const shown = partial ? all.filter((p) => p.held >= partialThreshold(slots.length)) : full;
  shown.sort((a, b) => b.held - a.held || b.score - a.score);
  const results = shown.map((p): PagefindResult => ({ id: p.top.id, score: p.score, data: () => p.top.data() }));
  // Facet counts of a merged query are those of its widest search: Pagefind counts per search.
  const counts = perSlot.reduce((a, b) => (b.best.size > a.best.size ? b : a)).counts;
  return { results, counts, partial: partial && results.length > 0, empty: perSlot.filter((p) => p.best.size === 0).map((p) => p.slot) };
}

async function shard(search: Search, key: string): Promise<unknown> {
  search.shards ??= new Map();
  let found = search.shards.get(key);
  if (!found) {
    found = search.fetchJson(`${WORDS_DIR}/${key}.json`).catch(() => []);
    search.shards.set(key, found);
  }
  return found;
}

/**
 * «Возможно, вы искали …»: the query with each plain word that found nothing replaced by the
 * bank's word one letter away, or undefined when no such word exists. Fetches the list of word
 * shards and at most six small shards per word.
 */
async function suggestFor(search: Search, plan: QueryPlan, empty: readonly Slot[]): Promise<string | undefined> {
  const wanted = empty.filter((s) => s.correctable);
  if (!wanted.length) return undefined;
  const existing = new Set((await shard(search, 'index')) as string[]);
  let changed = false;
  const fixes = new Map<Slot, string>();
  for (const slot of wanted) {
    const keys = candidateShards(slot.text).filter((k) => existing.has(k));
    const shards = (await Promise.all(keys.map((k) => shard(search, k)))) as Shard[];
    const fixed = correct(slot.text, shards.flat());
    if (fixed) {
      fixes.set(slot, fixed);
      changed = true;
    }
  }
  return changed ? plan.slots.map((s) => fixes.get(s) ?? s.text).join(' ') : undefined;
}

/**
 * A query with filters, and the data of its first `limit` results: exactly what the search view
 * does on a first search. An empty query with no filters finds nothing.
 */
export async function searchPages(
  search: Search,
  query: string,
  selected: Partial<Record<string, readonly string[]>> = {},
  options: { countKeys?: readonly string[]; limit?: number } = {},
): Promise<SearchPage> {
  const q = normaliseQuery(query);
  const filters = toFilters(selected, options.countKeys);
  const filtered = Object.values(filters).some((f) => f.any.length);
  const plan = planQuery(q, search.synonyms);
  if (!plan.slots.length) {
    if (!filtered) return { results: [], hits: [], counts: {}, partial: false };
    const response = await search.pagefind.search(null, { filters });
    const hits = await loadHits(response.results, 0, options.limit ?? PAGE_SIZE);
    return { results: response.results, hits, counts: response.filters, partial: false };
  }
  const ranked = await runPlan(search.pagefind, plan, filters);
  const [hits, suggestion] = await Promise.all([
    loadHits(ranked.results, 0, options.limit ?? PAGE_SIZE),
    ranked.empty.length ? suggestFor(search, plan, ranked.empty).catch(() => undefined) : undefined,
  ]);
  return { results: ranked.results, hits, counts: ranked.counts, partial: ranked.partial, ...(suggestion ? { suggestion } : {}) };
}

export async function loadHits(results: readonly PagefindResult[], from: number, count: number): Promise<SearchHit[]> {
  const data = await Promise.all(results.slice(from, from + count).map((r) => r.data()));
  return data.map(toHit);
}

/**
 * The ids of the practices a text query finds, read from the counts of the per-practice filter
 * rather than from result fragments: one filter chunk instead of one request per match. The
 * same plan as the search page: stems, synonyms, and the practices that hold most of the words
 * when none holds all (`partial`).
 */
export async function matchingPractices(search: Search, query: string): Promise<{ ids: Set<string>; partial: boolean }> {
  const plan = planQuery(normaliseQuery(query), search.synonyms);
  if (!plan.slots.length) return { ids: new Set(), partial: false };
  const filters = toFilters({ type: ['practice'] }, [PRACTICE_ID_FILTER]);
  const idsOf = (counts: FilterCounts) => Object.entries(counts[PRACTICE_ID_FILTER] ?? {}).filter(([, n]) => n > 0).map(([id]) => id);
  const perSlot = await inTurn(plan.slots, async (slot) => {
    const responses = await inTurn(slot.alternatives, (a) => searchForReal(search.pagefind, a, filters));
    return new Set(responses.flatMap((r) => (r ? idsOf(r.filters) : [])));
  });
  const held = new Map<string, number>();
  for (const ids of perSlot) for (const id of ids) held.set(id, (held.get(id) ?? 0) + 1);
  const full = [...held].filter(([, n]) => n === perSlot.length).map(([id]) => id);
  if (full.length || perSlot.length === 1) return { ids: new Set(full), partial: false };
  const ids = [...held].filter(([, n]) => n >= partialThreshold(perSlot.length)).map(([id]) => id);
  return { ids: new Set(ids), partial: ids.length > 0 };
}

export async function matchingPracticeIds(search: Search, query: string): Promise<Set<string>> {
  return (await matchingPractices(search, query)).ids;
}
