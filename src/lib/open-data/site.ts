/**
 * Feeds, open data and robots.txt carry absolute addresses, so they cannot be built without
 * the site's address (astro.config.mjs `site`, from SITE_URL). One message for all of them.
 */
export function requireSite(site: URL | undefined): URL {
  if (!site) throw new Error('Нужен адрес сайта для лент RSS, открытых данных и robots.txt: задайте site в astro.config.mjs (переменная SITE_URL)');
  return site;
}
