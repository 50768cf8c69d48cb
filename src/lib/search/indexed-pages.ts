/**
 * Which pages the search index is given, in a module of its own: the build's index
 * (index-site.ts, which loads Pagefind) and the middleware that hands it each page Astro renders
 * (page-channel.ts, inside the Astro process) both ask, and the middleware must not load Pagefind.
 */

/** URL sections whose pages may enter the index. */
export const INDEXED_SECTIONS = ['practices', 'submissions', 'cities', 'topics'] as const;

/** Marks the indexed part of a page; Pagefind skips a page without it (index-site.ts). */
export const BODY_ATTRIBUTE = 'data-pagefind-body';

/** Is this file of the site (`practices/a/b/index.html`) one the index is given? */
export const isIndexed = (file: string) => file.endsWith('.html') && (INDEXED_SECTIONS as readonly string[]).includes(file.split('/')[0] ?? '');
