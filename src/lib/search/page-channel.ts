/**
 * Each page Astro renders, handed from the Astro process to the build's search index
 * (scripts/build.ts) as the very HTML Astro then writes, over the IPC channel the build opens
 * when it starts Astro. Pagefind can index the page at once, without waiting for the file, and
 * Astro is free to render several pages at a time (`build.concurrency`), whose lines in its log
 * no longer tell which page was written when.
 *
 * Only pages the index is given are sent (indexed-pages.ts); a build started any other way
 * (`astro build`, `astro dev`) has no channel, and nothing is sent.
 */
import { BODY_ATTRIBUTE, isIndexed } from './indexed-pages.ts';

/** Set by scripts/build.ts in the Astro process's environment when it listens on the channel. */
export const PAGE_CHANNEL_ENV = 'ASDG_PAGE_CHANNEL';

/** One rendered page: its file in the output folder and its HTML. */
interface RenderedPage {
  file: string;
  html: string;
}

/** The file a page's address is written to (`build.format: 'directory'`): `/a/b/` → `a/b/index.html`. */
export const fileOfPage = (pathname: string) => `${pathname.replace(/^\/+/, '')}${pathname.endsWith('/') ? 'index.html' : ''}`;

/** Sends a rendered page (its address without the base path) to the build's index, if it listens. */
export function sendRenderedPage(pathname: string, html: string): void {
  if (process.env[PAGE_CHANNEL_ENV] !== '1' || typeof process.send !== 'function') return;
  const file = fileOfPage(pathname);
  if (!isIndexed(file) || !html.includes(BODY_ATTRIBUTE)) return;
  const page: RenderedPage = { file, html };
  process.send(page);
}

export function isRenderedPage(message: unknown): message is RenderedPage {
  return typeof message === 'object' && message !== null && typeof (message as RenderedPage).file === 'string' && typeof (message as RenderedPage).html === 'string';
}
