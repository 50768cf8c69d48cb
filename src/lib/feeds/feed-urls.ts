/**
 * Addresses of the RSS feeds and open-data files. Kept beside the feeds rather than in
 * `urls.ts`, which other features share; built from the same page URLs, so they cannot drift.
 */
import { urls } from '../urls.ts';

export const feedUrls = {
  site: () => `${urls.home()}rss.xml`,
  topic: (id: string) => `${urls.topic(id)}rss.xml`,
  city: (id: string) => `${urls.city(id)}rss.xml`,
  /** The human page that explains RSS and lists every feed; `anchor` is a feed's id on it. */
  page: (anchor?: string) => `${urls.home()}feeds/${anchor ? `#${anchor}` : ''}`,
};

/** Ids of the feeds on the feeds page. */
export const feedAnchors = {
  site: () => 'feed-all',
  topic: (id: string) => `feed-topic-${id}`,
  city: (id: string) => `feed-city-${id}`,
};

export const dataUrls = {
  index: () => `${urls.home()}data/`,
  file: (name: string) => `${urls.home()}data/${name}`,
};

/** The topic or city a page is about: its own feed is announced beside the site feed. */
export interface FeedOwner {
  kind: 'topic' | 'city';
  id: string;
  /** The topic's name or the city's name in the nominative, for the feed's title. */
  name: string;
}
