/**
 * Reads `astro build`'s output for what the build's search index needs from it (scripts/build.ts):
 * the pages Astro took from its cache instead of rendering, and its page count.
 *
 * Pages Astro renders are handed to the index by the Astro process itself, with their HTML
 * (src/lib/search/page-channel.ts), and not read from here: Astro prints a rendered page in two
 * parts, its path BEFORE rendering (`  ├─ /a/index.html`, with no newline) and its render time
 * once the file is written (` (+3ms)` and the newline), and it renders several pages at a time
 * (`build.concurrency`), so the path before a render time may be another page's, one not written
 * yet (so it was, once, and the build failed with ENOENT).
 *
 * A page taken from the cache is printed in one go: its path and ` (restored)` or ` (cached)`
 * with no await between them (astro/dist/core/build/generate.js), so nothing can come between
 * the two, and its file is in place by then. Other pages' paths may stand before it on the same
 * line; the cached page is the last path on the line.
 */

const ESCAPES = /\x1b\[[0-9;]*m/g;
/** The path part of a page line: `12:00:00   ├─ /practices/a/b/index.html`. */
const PAGE_PATH = /[├└]─ (\/\S+?\.html)(?=\s|$)/g;
/** A cached page's ending. */
const REUSED = /\((cached|restored)\)\s*$/;
/** Astro's summary line: `12:00:00 [build] 27 page(s) built in 4.1s`. */
const PAGES_BUILT = /(\d+) page\(s\) built/;

/**
 * The page (its path from the site's root, as Astro prints it: `/practices/a/b/index.html`) a
 * line of Astro's output reports as taken from the cache, or undefined for any other line.
 */
export function reusedPage(line: string): string | undefined {
  const plain = line.replace(ESCAPES, '');
  if (!REUSED.test(plain)) return undefined;
  return [...plain.matchAll(PAGE_PATH)].at(-1)?.[1];
}

/** The page count of Astro's summary line, or undefined for any other line. */
export function pagesBuilt(line: string): number | undefined {
  const count = PAGES_BUILT.exec(line.replace(ESCAPES, ''))?.[1];
  return count === undefined ? undefined : Number(count);
}
