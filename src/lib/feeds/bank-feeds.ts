/**
 * Feeds of the bank: which practices go into the site, topic and city feeds, and how a channel
 * is titled. The endpoints in src/pages call these and return the response.
 *
 * A feed carries the FEED_SIZE newest practices (by `published`), not the whole bank: a feed
 * reader polls it, so it must not grow with the bank (≈ 0.6 KB an item, ≈ 30 KB a feed). The
 * whole history stays reachable: every practice is in the paginated catalogue, topic and city
 * pages and in the open data (/data/practices.csv, .json).
 */
import { loadBank, type Bank, type PracticeEntry } from '../bank';
import { urls } from '../urls';
import { ru } from '../../i18n/ru';
import { feedUrls } from './feed-urls.ts';
import { requireSite } from '../open-data/site.ts';
import { FEED_SIZE, newestFirst, practiceFeed, RSS_HEADERS, type FeedPractice } from './practice-feed.ts';

function toFeedPractice(practice: PracticeEntry, bank: Bank, site: URL): FeedPractice {
  const city = bank.city(practice.data.city.id);
  return {
    id: practice.id,
    title: practice.data.title,
    summary: practice.data.summary,
    published: practice.data.published,
    url: new URL(urls.practice(practice.id), site).href,
    city: { name: city.data.name.nominative, url: new URL(urls.city(city.id), site).href },
    topics: practice.data.topics.map((t) => ({ name: bank.topic(t.id).data.name })),
  };
}

async function respond(site: URL | undefined, pagePath: string, feedPath: string, title: string, description: string, pick: (p: PracticeEntry) => boolean) {
  const base = requireSite(site);
  const bank = await loadBank();
  const xml = await practiceFeed(
    { title, description, pageUrl: new URL(pagePath, base).href, feedUrl: new URL(feedPath, base).href, site: base },
    bank.practices
      .filter(pick)
      .map((p) => toFeedPractice(p, bank, base))
      .sort(newestFirst)
      .slice(0, FEED_SIZE),
  );
  return new Response(xml, { headers: RSS_HEADERS });
}

export function siteFeed(site: URL | undefined): Promise<Response> {
  return respond(site, urls.home(), feedUrls.site(), ru.openData.feed.siteTitle, ru.openData.feed.siteDescription, () => true);
}

export async function topicFeed(site: URL | undefined, topicId: string): Promise<Response> {
  const topic = (await loadBank()).topic(topicId);
  const f = ru.openData.feed;
  return respond(site, urls.topic(topicId), feedUrls.topic(topicId), f.topicTitle(topic.data.name), f.topicDescription(topic.data.name), (p) =>
    p.data.topics.some((t) => t.id === topicId),
  );
}

export async function cityFeed(site: URL | undefined, cityId: string): Promise<Response> {
  const city = (await loadBank()).city(cityId);
  const f = ru.openData.feed;
  return respond(site, urls.city(cityId), feedUrls.city(cityId), f.cityTitle(city.data.name.nominative), f.cityDescription(city.data.name.genitive), (p) =>
    p.data.city.id === cityId,
  );
}
