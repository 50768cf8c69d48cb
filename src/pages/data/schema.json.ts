/** `/data/schema.json`: JSON Schema of practices.json, generated from the content model. */
import type { APIRoute } from 'astro';
import { requireSite } from '../../lib/open-data/site';
import { dataFileBody } from '../../lib/open-data/files';

export const GET: APIRoute = async ({ site }) =>
  new Response(await dataFileBody('schema.json', requireSite(site)), { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
