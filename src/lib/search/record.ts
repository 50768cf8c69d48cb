/**
 * What a page tells the search index about itself: the filters it can be narrowed by and the
 * metadata a result shows. One function shapes it for every kind of page, so the practice,
 * submission, city and topic pages cannot drift apart (SearchMeta.astro only prints it).
 *
 * Filter values are ids (`irkutsk`, `resource-centres`, `siberian`), never labels: ids are
 * stable in URLs (`?topic=nko`) and carry no commas or colons, which Pagefind's attribute
 * syntax would split on. Labels come from the page that shows the filters.
 */
import type { FederalDistrict, PracticeStatus } from '../content/vocabulary-values.ts';

/** The kinds of page in the index; `type` is a filter («practice / submission» in the issue). */
export const PAGE_TYPES = ['practice', 'submission', 'city', 'topic'] as const;

/** Filter keys in the order the search page shows them. `practice` is internal (see below). */
export const FACETS = ['type', 'topic', 'city', 'district', 'year', 'status'] as const;
export type Facet = (typeof FACETS)[number];

/**
 * Every practice page also carries its own id as the filter `practice`. The catalogue asks
 * Pagefind for the counts of this filter, which name the practices a query matches without
 * fetching one result fragment per match (a query that matches 2 000 practices would otherwise
 * cost 2 000 requests). Only the catalogue loads this filter; the search page never does.
 */
export const PRACTICE_ID_FILTER = 'practice';

export type SearchInput =
  | {
      type: 'practice';
      id: string;
      cityId: string;
      cityName: string;
      district: FederalDistrict;
      topicIds: readonly string[];
      startYear: number;
      /** The years as the site prints them («с 2013», «2012–2014»). */
      years: string;
      status: PracticeStatus;
      summary: string;
      /** Date added to the bank, ISO `YYYY-MM-DD`: the catalogue's default order. */
      published?: string;
      /** Complete for repeating (src/lib/content/completeness.ts): the catalogue's «только полные описания». */
      complete?: boolean;
    }
  | { type: 'submission'; id: string; cityId: string; cityName: string; district: FederalDistrict; year: number; summary: string }
  | { type: 'city'; id: string; district: FederalDistrict; cityName: string; summary: string }
  | { type: 'topic'; id: string; summary: string };

interface SearchRecord {
  /** `[key, value]` pairs; a key may repeat (a practice has several topics). */
  filters: [string, string][];
  /** Shown in a result: `city`, `year`, `summary`. Keys are unique. */
  meta: [string, string][];
  /**
   * Pagefind sort keys of a practice (`data-pagefind-sort`): the JavaScript catalogue of a bank
   * larger than one page orders the whole bank through the catalogue's index (CATALOGUE_SORT_KEYS);
   * the search index leaves them out (index-site.ts).
   */
  sort: [string, string][];
}

/** One line, no surrounding space: Pagefind keeps meta verbatim and a result shows it so. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

export function searchRecord(input: SearchInput): SearchRecord {
  const filters: [string, string][] = [['type', input.type]];
  const meta: [string, string][] = [];
  const sort: [string, string][] = [];
  switch (input.type) {
    case 'practice':
      if (input.published) sort.push(['published', input.published]);
      sort.push(['year', String(input.startYear)], ['city', input.cityName]);
      filters.push([PRACTICE_ID_FILTER, input.id]);
      for (const topic of input.topicIds) filters.push(['topic', topic]);
      filters.push(['city', input.cityId], ['district', input.district], ['year', String(input.startYear)], ['status', input.status]);
      if (input.complete) filters.push(['complete', 'yes']);
      meta.push(['city', input.cityName], ['year', input.years]);
      break;
    case 'submission':
      filters.push(['city', input.cityId], ['district', input.district], ['year', String(input.year)]);
      meta.push(['city', input.cityName], ['year', String(input.year)]);
      break;
    case 'city':
      filters.push(['city', input.id], ['district', input.district]);
      meta.push(['city', input.cityName]);
      break;
    case 'topic':
      filters.push(['topic', input.id]);
      break;
  }
  meta.push(['summary', oneLine(input.summary)]);
  return { filters, meta, sort };
}
