/** `/data/practices.json`: every published practice with all its fields; see /data/schema.json. */
import type { APIRoute } from 'astro';
import { openData } from '../../lib/open-data/dataset';
import { requireSite } from '../../lib/open-data/site';

export const GET: APIRoute = async ({ site }) => {
  const { practices } = await openData(requireSite(site));
  return new Response(`${JSON.stringify(practices.records, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
