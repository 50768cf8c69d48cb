/**
 * How readers, browsers and search engines find the bank: the sitemap lists every published
 * page and nothing else, robots.txt points at it, every page carries a description, a canonical
 * address, Open Graph and the feeds it offers, and topic and city pages offer «Подписаться».
 */
import { existsSync, globSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuilt } from '../helpers/build-bank.ts';
import { sharedBank } from '../helpers/shared-bank.ts';
import { fixturesDir, projectRoot, publishedDist } from '../helpers/paths.ts';
import { readPage, textOf } from '../helpers/html.ts';
import { readSourceBank, type SourceBank } from './content-files.ts';
import { siteOf } from './site-of.ts';

/**
 * The editors' admin (Sveltia CMS at /admin/) is an HTML file but not a reader's page: a tool
 * with its own head (its own CSP, `noindex`), no description, feed or canonical address, and
 * never in the sitemap. Every other HTML file is a published page.
 */
const isAdmin = (file: string) => file.startsWith('admin/');

/** Address of every HTML page in a built site, 404 and the admin aside. */
function builtPages(dist: string, site: URL): string[] {
  return globSync('**/index.html', { cwd: dist })
    .filter((file) => !isAdmin(file))
    .map((file) => new URL(`/${file.replace(/index\.html$/, '')}`, site).href)
    .sort();
}

function sitemapUrls(dist: string, site: URL): string[] {
  const index = readFileSync(resolve(dist, 'sitemap-index.xml'), 'utf8');
  const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');
  expect(maps.length).toBeGreaterThan(0);
  return maps
    .flatMap((map) => {
      expect(map.startsWith(site.href), map).toBe(true);
      const xml = readFileSync(resolve(dist, `.${new URL(map).pathname}`), 'utf8');
      return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');
    })
    .sort();
}

function checkDiscovery(name: string, dist: () => string, bank: SourceBank) {
  let site: URL;
  beforeAll(() => {
    site = siteOf(dist());
  });

  describe(`${name}: sitemap and robots.txt`, () => {
    it('the sitemap lists exactly the published HTML pages', () => {
      const listed = sitemapUrls(dist(), site);
      expect(listed).toEqual(builtPages(dist(), site));
      for (const practice of bank.published) expect(listed).toContain(new URL(`/practices/${practice.id}/`, site).href);
      for (const id of bank.topics.keys()) expect(listed).toContain(new URL(`/topics/${id}/`, site).href);
      expect(listed).toContain(new URL('/data/', site).href);
    });

    it('and nothing else: no draft, no 404, no feed or data file', () => {
      const listed = sitemapUrls(dist(), site);
      for (const draft of bank.drafts) expect(listed.join('\n')).not.toContain(draft.id);
      for (const url of listed) {
        expect(url, url).not.toMatch(/404|\.(xml|csv|json|txt)$/);
        expect(url.endsWith('/'), url).toBe(true);
      }
    });

    it('leaves out the editors\' admin, which asks not to be indexed', () => {
      expect(sitemapUrls(dist(), site).filter((url) => new URL(url).pathname.includes('/admin/'))).toEqual([]);
      const { document } = readPage(dist(), '/admin/');
      expect(document.querySelector('meta[name="robots"]')?.getAttribute('content')).toMatch(/\bnoindex\b/);
    });

    it('robots.txt points at the sitemap by its absolute address', () => {
      const robots = readFileSync(resolve(dist(), 'robots.txt'), 'utf8');
      expect(robots).toMatch(/^User-agent: \*$/m);
      const sitemap = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
      expect(sitemap).toBe(new URL('/sitemap-index.xml', site).href);
      expect(existsSync(resolve(dist(), 'sitemap-index.xml'))).toBe(true);
    });
  });

  describe(`${name}: head of every page`, () => {
    it('has a description, Open Graph, a canonical address and the site feed', () => {
      const files = globSync('**/*.html', { cwd: dist() }).filter((file) => !isAdmin(file));
      expect(files.length).toBeGreaterThan(10);
      for (const file of files) {
        const path = `/${file.replace(/index\.html$/, '')}`;
        const { document } = readPage(dist(), path.endsWith('/') ? path : `/${file}`);
        const meta = (selector: string) => document.querySelector(selector)?.getAttribute('content') ?? '';
        expect(meta('meta[name="description"]'), file).not.toBe('');
        expect(meta('meta[property="og:title"]'), file).not.toBe('');
        expect(meta('meta[property="og:description"]'), file).toBe(meta('meta[name="description"]'));
        expect(meta('meta[property="og:site_name"]'), file).not.toBe('');
        expect(['website', 'article'], file).toContain(meta('meta[property="og:type"]'));
        const feeds = [...document.querySelectorAll('link[rel="alternate"][type="application/rss+xml"]')].map((l) => l.getAttribute('href'));
        expect(feeds[0], file).toBe(new URL('/rss.xml', site).href);
        if (file === '404.html') continue;
        const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
        expect(canonical, file).toBe(new URL(path, site).href);
        expect(meta('meta[property="og:url"]'), file).toBe(canonical);
      }
    });

    it('practice pages are articles', () => {
      for (const practice of bank.published) {
        const { document } = readPage(dist(), `/practices/${practice.id}/`);
        expect(document.querySelector('meta[property="og:type"]')?.getAttribute('content')).toBe('article');
        expect(document.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe(practice.title);
      }
    });

    it('and no other page is, not even the lists under /practices/ (a year, the whole list, page 2)', () => {
      const practicePages = new Set(bank.published.map((practice) => `practices/${practice.id}/index.html`));
      const others = globSync('**/*.html', { cwd: dist() }).filter((file) => !isAdmin(file) && !practicePages.has(file));
      expect(others.filter((file) => file.startsWith('practices/')).length, 'list pages under /practices/').toBeGreaterThan(1);
      const articles = others.filter((file) => /<meta property="og:type" content="article"/.test(readFileSync(resolve(dist(), file), 'utf8')));
      expect(articles).toEqual([]);
    });
  });

  describe(`${name}: «Подписаться» on topic and city pages`, () => {
    const pages = () => [
      ...[...bank.topics.keys()].map((id) => `/topics/${id}/`),
      ...[...bank.cities.keys()].map((id) => `/cities/${id}/`),
    ];

    it('announces the page’s own feed in <head> and offers it with a visible link', () => {
      for (const path of pages()) {
        const { document } = readPage(dist(), path);
        const feeds = [...document.querySelectorAll('link[rel="alternate"][type="application/rss+xml"]')].map((l) => l.getAttribute('href'));
        expect(feeds, path).toEqual([new URL('/rss.xml', site).href, new URL(`${path}rss.xml`, site).href]);
        const links = [...document.querySelectorAll('main a[href]')].filter((a) => textOf(a).includes('Подписаться'));
        expect(links.length, path).toBe(1);
        // «Подписаться» leads to the page that explains RSS, at this feed's entry, which links the feed.
        const href = new URL(links[0]?.getAttribute('href') ?? '', new URL(path, site));
        expect(href.pathname, path).toBe('/feeds/');
        const feedsPage = readPage(dist(), '/feeds/').document;
        const entry = feedsPage.getElementById(href.hash.slice(1));
        expect(entry, `${path}: ${href.hash}`).not.toBeNull();
        const feedLink = entry?.querySelector('a[type="application/rss+xml"]')?.getAttribute('href') ?? '';
        expect(new URL(feedLink, site).href, path).toBe(new URL(`${path}rss.xml`, site).href);
        expect(existsSync(resolve(dist(), `.${path}rss.xml`)), path).toBe(true);
      }
    });

    it('other pages announce only the site feed', () => {
      for (const path of ['/', '/topics/', '/cities/', '/practices/', '/data/']) {
        const { document } = readPage(dist(), path);
        expect(document.querySelectorAll('link[rel="alternate"][type="application/rss+xml"]').length, path).toBe(1);
      }
    });
  });
}

describe('fixture bank', () => {
  let dist = '';
  beforeAll(() => {
    dist = sharedBank('multi-city').dist;
  });
  checkDiscovery('fixture', () => dist, readSourceBank(resolve(fixturesDir, 'multi-city')));
});

describe('published site', () => {
  checkDiscovery('published', () => requireBuilt(publishedDist), readSourceBank(resolve(projectRoot, 'content')));
});
