/** `/data/practices.csv`: one row per published record; columns are described on /data/. */
import type { APIRoute } from 'astro';
import { openData } from '../../lib/open-data/dataset';
import { requireSite } from '../../lib/open-data/site';
import { CSV_HEADERS } from '../../lib/open-data/csv';
import { dataFileBody } from '../../lib/open-data/file-bodies';

export const GET: APIRoute = async ({ site }) => {
  return new Response(dataFileBody(await openData(requireSite(site)), 'practices.csv'), { headers: CSV_HEADERS });
};
