/** `/topics/<id>/rss.xml`: the practices of one topic, newest in the bank first. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadBank } from '../../../lib/bank';
import { topicFeed } from '../../../lib/feeds/bank-feeds';

export const getStaticPaths = (async () => (await loadBank()).topics.map((topic) => ({ params: { id: topic.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ site, params }) => topicFeed(site, String(params.id));
