import { readPage } from '../helpers/html.ts';

/** The site's absolute address as a built site states it: the canonical link of its home page. */
export function siteOf(dist: string): URL {
  const href = readPage(dist, '/').document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  if (!href || !/^https?:\/\//.test(href)) throw new Error(`у главной страницы ${dist} нет абсолютного canonical`);
  return new URL(href);
}
