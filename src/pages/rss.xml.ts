/** `/rss.xml`: the newest published practices (FEED_SIZE), newest in the bank first. */
import type { APIRoute } from 'astro';
import { siteFeed } from '../lib/feeds/bank-feeds';

export const GET: APIRoute = ({ site }) => siteFeed(site);
