/** `/robots.txt`: everything may be crawled; the sitemap's absolute address comes from `site`. */
import type { APIRoute } from 'astro';
import { urls } from '../lib/urls';
import { requireSite } from '../lib/open-data/site';

export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL(`${urls.home()}sitemap-index.xml`, requireSite(site)).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
