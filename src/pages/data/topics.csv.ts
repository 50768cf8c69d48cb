/** `/data/topics.csv`: one row per published record; columns are described on /data/. */
import type { APIRoute } from 'astro';
import { openData } from '../../lib/open-data/dataset';
import { requireSite } from '../../lib/open-data/site';
import { CSV_HEADERS, toCsv } from '../../lib/open-data/csv';

export const GET: APIRoute = async ({ site }) => {
  const { topics } = await openData(requireSite(site));
  return new Response(toCsv(topics.columns, topics.records), { headers: CSV_HEADERS });
};
