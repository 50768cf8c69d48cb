/**
 * RSS feeds as a feed reader sees them: every feed of the fixture bank (with its draft) and of
 * the published site is read by Debian's feedparser, and its items are checked against the
 * practices in the content files.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuilt } from '../helpers/build-bank.ts';
import { sharedBank } from '../helpers/shared-bank.ts';
import { fixturesDir, projectRoot, publishedDist } from '../helpers/paths.ts';
import { readFeeds, type ReadFeed } from './feed-reader.ts';
import { newestFirst, readSourceBank, type SourceBank } from './content-files.ts';
import { siteOf } from './site-of.ts';
import { practiceFeed, type FeedPractice } from '../../src/lib/feeds/practice-feed.ts';
import { FEED_SIZE } from '../../src/lib/feeds/practice-feed.ts';

function checkBank(name: string, dist: () => string, bank: SourceBank) {
  let site: URL;
  let feeds: Map<string, ReadFeed>;
  const feedPath = (urlPath: string) => resolve(dist(), `.${urlPath}`);
  const pageOf = (link: string) => resolve(dist(), `.${new URL(link).pathname}`, 'index.html');

  beforeAll(() => {
    site = siteOf(dist());
    const paths = ['/rss.xml', ...[...bank.topics.keys()].map((id) => `/topics/${id}/rss.xml`), ...[...bank.cities.keys()].map((id) => `/cities/${id}/rss.xml`)];
    for (const path of paths) expect(existsSync(feedPath(path)), path).toBe(true);
    feeds = new Map(readFeeds(paths.map(feedPath)).map((feed, i) => [paths[i] ?? '', feed]));
  });

  const itemsOf = (path: string) => {
    const feed = feeds.get(path);
    if (!feed) throw new Error(`нет ленты ${path}`);
    return feed.entries;
  };

  describe(`${name}: feeds`, () => {
    it('all parse without errors as RSS 2.0 in Russian', () => {
      for (const [path, feed] of feeds) {
        expect({ path, bozo: feed.bozo, error: feed.bozo_exception }).toEqual({ path, bozo: 0, error: null });
        expect(feed.version, path).toBe('rss20');
        expect(feed.feed.language, path).toBe('ru');
        expect(feed.feed.title, path).toBeTruthy();
      }
    });

    it('the site feed has the newest published practices (FEED_SIZE), newest in the bank first, and no draft', () => {
      const expected = [...bank.published].sort(newestFirst).slice(0, FEED_SIZE);
      expect(itemsOf('/rss.xml').map((e) => e.title)).toEqual(expected.map((p) => p.title));
      const everything = JSON.stringify([...feeds.values()]);
      for (const draft of bank.drafts) {
        expect(everything).not.toContain(draft.title);
        expect(everything).not.toContain(draft.id);
      }
    });

    it('each item: absolute link to its page, publication date, summary, stable guid, topics and city', () => {
      const byTitle = new Map(bank.published.map((p) => [p.title, p]));
      for (const entry of itemsOf('/rss.xml')) {
        const practice = byTitle.get(entry.title);
        if (!practice) throw new Error(`лишний элемент ленты: ${entry.title}`);
        expect(entry.link).toBe(new URL(`/practices/${practice.id}/`, site).href);
        expect(existsSync(pageOf(entry.link)), entry.link).toBe(true);
        expect(entry.published).toBe(practice.published);
        expect(entry.published_raw).toMatch(/ 00:00:00 GMT$/);
        expect(entry.summary).toBe(practice.summary);
        expect(entry.id).toBe(`tag:${site.hostname},2026:practice/${practice.id}`);
        expect(entry.guidislink).toBe(false);
        const topics = entry.tags.filter((t) => t.scheme === new URL('/topics/', site).href).map((t) => t.term);
        const cities = entry.tags.filter((t) => t.scheme === new URL('/cities/', site).href).map((t) => t.term);
        expect(topics).toEqual(practice.topics.map((id) => bank.topics.get(id)?.name));
        expect(cities).toEqual([bank.cities.get(practice.city)?.name.nominative]);
      }
    });

    it('each topic feed has the newest published practices of the topic, newest first', () => {
      for (const id of bank.topics.keys()) {
        const expected = bank.published.filter((p) => p.topics.includes(id)).sort(newestFirst).slice(0, FEED_SIZE);
        const path = `/topics/${id}/rss.xml`;
        expect(itemsOf(path).map((e) => e.link), path).toEqual(expected.map((p) => new URL(`/practices/${p.id}/`, site).href));
        expect(feeds.get(path)?.feed.link).toBe(new URL(`/topics/${id}/`, site).href);
      }
    });

    it('each city feed has exactly the published practices of the city, newest first', () => {
      for (const id of bank.cities.keys()) {
        const expected = bank.published.filter((p) => p.city === id).sort(newestFirst).slice(0, FEED_SIZE);
        const path = `/cities/${id}/rss.xml`;
        expect(itemsOf(path).map((e) => e.link), path).toEqual(expected.map((p) => new URL(`/practices/${p.id}/`, site).href));
        expect(feeds.get(path)?.feed.link).toBe(new URL(`/cities/${id}/`, site).href);
      }
    });
  });
}

describe('fixture bank (three synthetic cities and a draft)', () => {
  let dist = '';
  const source = readSourceBank(resolve(fixturesDir, 'multi-city'));
  beforeAll(() => {
    dist = sharedBank('multi-city').dist;
  });

  it('has what the checks below need: several cities, a shared topic and a draft whose topic is published elsewhere', () => {
    expect(source.published.length).toBeGreaterThanOrEqual(4);
    expect(source.drafts.length).toBeGreaterThanOrEqual(1);
    const draftTopics = source.drafts.flatMap((d) => d.topics);
    expect(source.published.some((p) => p.topics.some((t) => draftTopics.includes(t)))).toBe(true);
  });

  checkBank('fixture', () => dist, source);
});

describe('published site', () => {
  checkBank('published', () => requireBuilt(publishedDist), readSourceBank(resolve(projectRoot, 'content')));
});

describe('guids', () => {
  it('stay the same when a practice is edited, as a feed reader reads them', async () => {
    const site = new URL('https://bank.example.org/');
    const channel = { title: 'Лента', description: 'Тест', pageUrl: site.href, feedUrl: new URL('rss.xml', site).href, site };
    const before: FeedPractice = {
      id: 'testograd/resource-centres',
      title: 'Ресурсные центры Тестограда',
      summary: 'Было.',
      published: new Date('2026-02-01T00:00:00Z'),
      url: new URL('practices/testograd/resource-centres/', site).href,
      city: { name: 'Тестоград', url: new URL('cities/testograd/', site).href },
      topics: [{ name: 'Ресурсные центры' }],
    };
    const after: FeedPractice = { ...before, title: 'Ресурсные центры Тестограда & пригородов', summary: 'Стало <иначе>.', topics: [{ name: 'НКО' }] };
    const folder = mkdtempSync(join(tmpdir(), 'feeds-'));
    writeFileSync(join(folder, 'before.xml'), await practiceFeed(channel, [before]));
    writeFileSync(join(folder, 'after.xml'), await practiceFeed(channel, [after]));
    const [a, b] = readFeeds([join(folder, 'before.xml'), join(folder, 'after.xml')]);
    expect(a?.bozo).toBe(0);
    expect(b?.bozo).toBe(0);
    expect(b?.entries[0]?.title).toBe('Ресурсные центры Тестограда & пригородов');
    expect(b?.entries[0]?.id).toBe(a?.entries[0]?.id);
    expect(a?.entries[0]?.id).toBe('tag:bank.example.org,2026:practice/testograd/resource-centres');
  });
});
