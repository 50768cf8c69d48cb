/**
 * Reads the page lines of `astro build`'s output, so the build can hand each written page to
 * Pagefind while Astro goes on (scripts/build.ts).
 *
 * Astro prints a rendered page in two parts: its path BEFORE rendering (`  ├─ /a/index.html`,
 * with no newline) and its render time once the file is written (` (+3ms)` and the newline); a
 * page taken from the cache gets ` (restored)` or ` (cached)` instead of the time
 * (astro/dist/core/build/generate.js). Anything else Astro's process prints to stdout between
 * the two parts (a component's `console.log`, V8's `--trace-gc`) ends the line early, and a
 * page offered from such a line may not be on disk yet: Pagefind would read a missing or
 * half-written file. So a page counts as written only when its line ends with one of those
 * endings; a page whose line was broken is picked up when the index is finished, with every
 * other page not offered during the build.
 */

/** A page written (or kept) by this build, as its line reports it. */
interface WrittenPage {
  /** Path from the site's root, as Astro prints it: `/practices/a/b/index.html`. */
  page: string;
  /** Taken from Astro's cache (`restored` / `cached`) rather than rendered. */
  reused: boolean;
}

const ESCAPES = /\x1b\[[0-9;]*m/g;
/** The path part of a page line: `12:00:00   ├─ /practices/a/b/index.html`. */
const PAGE_PATH = /[├└]─ (\/\S+?\.html)(?=\s|$)/;
/** A rendered page's ending: its render time, `(+3ms)`, `(+1.20s)`, `(+1m 3s)`. */
const RENDERED = /\(\+\d[^()]*\)\s*$/;
/** A cached page's ending. */
const REUSED = /\((cached|restored)\)\s*$/;
/** Astro's summary line: `12:00:00 [build] 27 page(s) built in 4.1s`. */
const PAGES_BUILT = /(\d+) page\(s\) built/;

/** The page a line of Astro's output reports as written, or undefined (not a page line, or broken). */
export function writtenPage(line: string): WrittenPage | undefined {
  const plain = line.replace(ESCAPES, '');
  const page = PAGE_PATH.exec(plain)?.[1];
  if (!page) return undefined;
  if (REUSED.test(plain)) return { page, reused: true };
  // A page whose route answered with an empty body gets `(file not created, …)` after its time.
  if (RENDERED.test(plain)) return { page, reused: false };
  return undefined;
}

/** The page count of Astro's summary line, or undefined for any other line. */
export function pagesBuilt(line: string): number | undefined {
  const count = PAGES_BUILT.exec(line.replace(ESCAPES, ''))?.[1];
  return count === undefined ? undefined : Number(count);
}
