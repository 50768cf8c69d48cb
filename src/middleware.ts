/**
 * Every built HTML page passes through the site's typography once (`src/lib/typography.ts`):
 * no-break spaces in interface strings as in content, and `<abbr title>` on the first use of each
 * glossary abbreviation on the page. Feeds, data files and other endpoints are left as they are.
 */
import { defineMiddleware } from 'astro:middleware';
import { typesetPage } from './lib/typography.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!(response.headers.get('content-type') ?? '').includes('text/html')) return response;
  const html = await response.text();
  return new Response(typesetPage(html), { status: response.status, statusText: response.statusText, headers: response.headers });
});
