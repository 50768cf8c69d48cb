/**
 * RSS 2.0 feeds of practices, written by @astrojs/rss. This module decides what an item says;
 * the endpoints under src/pages only pick the practices and the channel's title.
 */
import { getRssString, type RSSFeedItem } from '@astrojs/rss';
import { urls } from '../urls.ts';

/** What a feed item needs to know about a practice, independent of Astro's collections. */
export interface FeedPractice {
  id: string;
  title: string;
  summary: string;
  /** Date the practice was published in the bank: items are ordered and dated by it. */
  published: Date;
  /** Absolute address of the practice's page. */
  url: string;
  city: { name: string; url: string };
  topics: { name: string }[];
}

interface FeedChannel {
  title: string;
  description: string;
  /** Absolute address of the page the feed follows (home, topic or city page). */
  pageUrl: string;
  /** Absolute address of the feed itself (atom:link rel="self"). */
  feedUrl: string;
  /** Absolute address of the site: the authority of item guids and the prefix of category domains. */
  site: URL;
}

/**
 * The year the bank began minting item ids. Part of every guid (RFC 4151 tag URIs carry the
 * date the minter held the name), so it must never change once feeds are out.
 */
const TAG_YEAR = '2026';

/**
 * A guid that never changes when a practice is edited: a tag URI built from the site's host and
 * the practice's id (its file path), not from its title, text or dates. It changes only if the
 * file is renamed or the site moves to another host, which is also when its address changes.
 * It is not a permalink (isPermaLink="false"): readers link through <link>.
 */
function practiceGuid(id: string, site: URL): string {
  return `tag:${site.hostname},${TAG_YEAR}:practice/${id}`;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** Newest in the bank first; ties by title, so the order is the same on every build. */
export function newestFirst(a: FeedPractice, b: FeedPractice): number {
  return b.published.getTime() - a.published.getTime() || a.title.localeCompare(b.title, 'ru');
}

/** Category domains say which vocabulary a category comes from: topics or cities. */
function categoryDomains(site: URL) {
  return { topic: new URL(urls.topics(), site).href, city: new URL(urls.cities(), site).href };
}

function feedItem(practice: FeedPractice, site: URL): RSSFeedItem {
  const domains = categoryDomains(site);
  const categories = [
    ...practice.topics.map((t) => `<category domain="${escapeXml(domains.topic)}">${escapeXml(t.name)}</category>`),
    `<category domain="${escapeXml(domains.city)}">${escapeXml(practice.city.name)}</category>`,
  ];
  return {
    title: practice.title,
    link: practice.url,
    pubDate: practice.published,
    description: practice.summary,
    // @astrojs/rss makes the link the guid; the custom <guid> replaces it (customData wins), and
    // categories go here too because its `categories` option cannot carry a domain.
    customData: `<guid isPermaLink="false">${escapeXml(practiceGuid(practice.id, site))}</guid>${categories.join('')}`,
  };
}

export function practiceFeed(channel: FeedChannel, practices: readonly FeedPractice[]): Promise<string> {
  return getRssString({
    title: channel.title,
    description: channel.description,
    site: channel.pageUrl,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>ru</language><atom:link href="${escapeXml(channel.feedUrl)}" rel="self" type="application/rss+xml"/>`,
    items: [...practices].sort(newestFirst).map((p) => feedItem(p, channel.site)),
  });
}

/**
 * Items per feed: the newest practices by `published`. A feed is polled by every reader's feed
 * reader, so it must not grow with the bank; the whole history is in the catalogue and open data.
 */
export const FEED_SIZE = 50;

export const RSS_HEADERS = { 'Content-Type': 'application/rss+xml; charset=utf-8' } as const;
