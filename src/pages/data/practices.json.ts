/** `/data/practices.json`: every published practice with all its fields; see /data/schema.json. */
import type { APIRoute } from 'astro';
import { openData } from '../../lib/open-data/dataset';
import { requireSite } from '../../lib/open-data/site';
import { dataFileBody } from '../../lib/open-data/file-bodies';

export const GET: APIRoute = async ({ site }) => {
  return new Response(dataFileBody(await openData(requireSite(site)), 'practices.json'), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
