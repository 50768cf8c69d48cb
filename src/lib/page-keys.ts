/**
 * `cacheKey`s for Astro's incremental build (`experimental.incrementalBuild`): a page whose key
 * and template code are unchanged since the last build is copied from the cache instead of being
 * rendered again. So a key must change whenever anything the page SHOWS changes: the entry
 * itself, and every other entry whose fields appear on it (city, topics, source submission,
 * related practices with their cities and topics). Entry digests cover all of an entry's fields
 * and its body (see `content/loader.ts`), a superset of what is shown, so a key never misses a
 * change; build-level inputs (site address, templates, strings) are covered by Astro itself
 * (config hash and the page's module graph hash), and the middleware that typesets every page by
 * its code's digest in every key.
 */
import { createHash } from 'node:crypto';

/**
 * The digest of the middleware's code (astro.config.mjs defines it for the build). Unit tests
 * import this module without the build's config, and get no digest.
 */
declare const __ASDG_PAGE_PIPELINE__: string | undefined;
const PAGE_PIPELINE = typeof __ASDG_PAGE_PIPELINE__ === 'string' ? __ASDG_PAGE_PIPELINE__ : 'none';

interface Keyed {
  id: string;
  digest?: string | number;
}

/** One entry's part of a key: its id and digest (or, without a digest, its data). */
function part(entry: Keyed & { data?: unknown }): string {
  return `${entry.id}@${entry.digest ?? JSON.stringify(entry.data)}`;
}

export function cacheKeyOf(entries: readonly (Keyed & { data?: unknown })[]): string {
  const hash = createHash('sha256');
  // The middleware (typography, the index's page channel) is not in a page's module graph.
  hash.update(`pipeline@${PAGE_PIPELINE}\n`);
  for (const entry of entries) hash.update(`${part(entry)}\n`);
  return hash.digest('base64url');
}

interface PracticeLike extends Keyed {
  data: { city: { id: string }; topics: { id: string }[]; submission: { id: string } };
}

interface BankLike<P extends PracticeLike> {
  city(id: string): Keyed;
  topic(id: string): Keyed;
  submission(id: string): Keyed;
  related(practice: P): P[];
}

/** Everything a practice page shows comes from these entries (see practices/[...id].astro). */
export function practicePageKey<P extends PracticeLike>(practice: P, bank: BankLike<P>, alsoShown: readonly P[] = []): string {
  const shown = (p: P) => [p, bank.city(p.data.city.id), ...p.data.topics.map((t) => bank.topic(t.id))];
  return cacheKeyOf([
    ...shown(practice),
    bank.submission(practice.data.submission.id),
    // The related list itself (which practices, in which order) and what each card shows.
    ...bank.related(practice).flatMap(shown),
    // Practices of the adoption trail (where it was taken from, who repeated it) and their cities.
    ...alsoShown.flatMap(shown),
  ]);
}
