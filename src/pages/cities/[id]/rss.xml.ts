/** `/cities/<id>/rss.xml`: the practices of one city, newest in the bank first. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadBank } from '../../../lib/bank';
import { cityFeed } from '../../../lib/feeds/bank-feeds';

export const getStaticPaths = (async () => (await loadBank()).cities.map((city) => ({ params: { id: city.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ site, params }) => cityFeed(site, String(params.id));
