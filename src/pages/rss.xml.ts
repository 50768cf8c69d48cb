/** `/rss.xml`: every published practice, newest in the bank first. */
import type { APIRoute } from 'astro';
import { siteFeed } from '../lib/feeds/bank-feeds';

export const GET: APIRoute = ({ site }) => siteFeed(site);
