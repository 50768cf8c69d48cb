/**
 * Every built HTML page passes through the site's typography once (`src/lib/typography.ts`):
 * no-break spaces in interface strings as in content, and `<abbr title>` on the first use of each
 * glossary abbreviation on the page. Feeds, data files and other endpoints are left as they are,
 * and so is the editors' admin (/admin/): a third-party application whose page and strings are
 * not the site's text. The typeset page is also what the build's search index is handed
 * (`sendRenderedPage`, src/lib/search/page-channel.ts).
 */
import { defineMiddleware } from 'astro:middleware';
import { typesetPage } from './lib/typography.ts';
import { sendRenderedPage } from './lib/search/page-channel.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const path = context.url.pathname.startsWith(base) ? context.url.pathname.slice(base.length - 1) : context.url.pathname;
  if (path.startsWith('/admin/')) return response;
  if (!(response.headers.get('content-type') ?? '').includes('text/html')) return response;
  const html = typesetPage(await response.text());
  // The build's search index takes the page from here (page-channel.ts).
  sendRenderedPage(path, html);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
