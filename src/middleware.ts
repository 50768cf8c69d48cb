/**
 * Every built HTML page passes through the site's typography once (`src/lib/typography.ts`):
 * no-break spaces in interface strings as in content, and `<abbr title>` on the first use of each
 * glossary abbreviation on the page. Feeds, data files and other endpoints are left as they are,
 * and so is the editors' admin (/admin/): a third-party application whose page and strings are
 * not the site's text.
 */
import { defineMiddleware } from 'astro:middleware';
import { typesetPage } from './lib/typography.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const path = context.url.pathname.startsWith(base) ? context.url.pathname.slice(base.length - 1) : context.url.pathname;
  if (path.startsWith('/admin/')) return response;
  if (!(response.headers.get('content-type') ?? '').includes('text/html')) return response;
  const html = await response.text();
  return new Response(typesetPage(html), { status: response.status, statusText: response.statusText, headers: response.headers });
});
