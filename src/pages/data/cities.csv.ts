/** `/data/cities.csv`: one row per published record; columns are described on /data/. */
import type { APIRoute } from 'astro';
import { requireSite } from '../../lib/open-data/site';
import { CSV_HEADERS } from '../../lib/open-data/csv';
import { dataFileBody } from '../../lib/open-data/files';

export const GET: APIRoute = async ({ site }) => new Response(await dataFileBody('cities.csv', requireSite(site)), { headers: CSV_HEADERS });
