/** `/data/practices.json`: every published practice with all its fields; see /data/schema.json. */
import type { APIRoute } from 'astro';
import { requireSite } from '../../lib/open-data/site';
import { dataFileBody } from '../../lib/open-data/files';

export const GET: APIRoute = async ({ site }) =>
  new Response(await dataFileBody('practices.json', requireSite(site)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
