/**
 * `cacheKey`s of list pages (see page-keys.ts for the rule): a page of a list is rendered again
 * only when something it shows changed. That is its own page of entries (with each practice's
 * city and topics, whose names the cards print), the vocabulary the page prints around them
 * (every topic and city: browse links, facet labels; bounded by the vocabulary, not the bank),
 * its place in the list (number, count, total) and the whole-list summaries it shows (counts per
 * facet value, per city, per year), passed as `shown`. An edit to one practice's text so
 * re-renders the one page of each list that holds it, not the thousands of list pages of a
 * large bank; an edit that moves it or changes a count re-renders what the count is on.
 */
import type { Bank, PracticeEntry } from '../bank.ts';
import { cityTrailPractices } from '../adoption/from-bank.ts';
import { cacheKeyOf } from '../page-keys.ts';
import type { ListPage } from './pager.ts';

type Keyed = { id: string; digest?: string | number; data?: unknown };

const isPractice = (entry: Keyed): entry is PracticeEntry =>
  typeof entry.data === 'object' && entry.data !== null && 'topics' in entry.data && 'city' in entry.data && 'startYear' in entry.data;

export function listPageKey(bank: Bank, page: ListPage<Keyed>, shown: unknown = null): string {
  const items = page.items.flatMap((item) =>
    // A practice's card shows its city and topics; the topic table also its source submission.
    isPractice(item) ? [item, bank.city(item.data.city.id), ...item.data.topics.map((t) => bank.topic(t.id)), bank.submission(item.data.submission.id)] : [item],
  );
  return cacheKeyOf([
    { id: 'list', data: { number: page.number, count: page.count, total: page.total, href: page.href, shown } },
    ...items,
    ...bank.topics,
    ...bank.cities,
  ]);
}

/** How many practices each value has: topics, cities, districts (via cities), years, statuses. */
/** Id and digest of entries a page lists in full (a city's submissions): part of `shown`. */
export const digestsOf = (entries: readonly Keyed[]) => entries.map((e) => `${e.id}@${e.digest ?? ''}`);

export function practiceCounts(practices: readonly PracticeEntry[]) {
  const count = (keys: (p: PracticeEntry) => (string | number)[]) => {
    const map: Record<string, number> = {};
    for (const p of practices) for (const k of keys(p)) map[k] = (map[k] ?? 0) + 1;
    return map;
  };
  return {
    topics: count((p) => p.data.topics.map((t) => t.id)),
    cities: count((p) => [p.data.city.id]),
    years: count((p) => [p.data.startYear]),
    statuses: count((p) => [p.data.status]),
  };
}

/** What a city page shows of the whole city: counts by topic and year, and its submissions. */
export function cityShown(bank: Bank, cityId: string) {
  const counts = practiceCounts(bank.practicesOfCity(cityId));
  return { topics: counts.topics, years: counts.years, submissions: digestsOf(bank.submissionsOfCity(cityId)) };
}

/**
 * What a city's first page shows besides (CityTrail.astro): the adoption trail, with practices of
 * other cities (their titles and start years), which no other part of its key covers.
 */
export function cityFirstPageShown(bank: Bank, cityId: string) {
  return { ...cityShown(bank, cityId), trail: digestsOf(cityTrailPractices(bank, cityId)) };
}
