/**
 * The published address: a publishing build without SITE_URL (or with the placeholder e-mail)
 * stops with a Russian message; built for publishing under a base path (a GitHub project page),
 * no file of the site carries the local address, and every feed link, citation, canonical link,
 * sitemap entry and robots.txt line starts with the address, and every internal link resolves.
 * One fixture build of the real bank serves all of these.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../helpers/link-check.ts';
import { siteConfig } from '../../src/lib/site/site-config.ts';
import { launchBrowser, openPage } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/server.ts';
import { readFeeds } from '../feeds/feed-reader.ts';
import { childEnv } from '../helpers/child-env.ts';
import { projectRoot, testOut } from '../helpers/paths.ts';

const ADDRESS = 'https://asdg-bank.example.net/asdg-bank/';
const EMAIL = 'redaktsiya@asdg-bank.test';

function build(env: Record<string, string>, args: string[] = ['--publish']) {
  // Each case sets the publishing variables it needs itself, and none comes from the caller's shell.
  const clean = Object.fromEntries(Object.entries(childEnv()).filter(([k]) => !['SITE_URL', 'EDITORS_EMAIL', 'PUBLISH', 'CONTENT_DIR'].includes(k)));
  const run = spawnSync(process.execPath, ['scripts/build.ts', ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...clean, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: run.status ?? 1, output: `${run.stdout}\n${run.stderr}` };
}

describe('the publishing build refuses what it cannot publish', () => {
  it('stops without SITE_URL, saying what to set', () => {
    const run = build({ EDITORS_EMAIL: EMAIL, OUT_DIR: resolve(testOut, 'publish-none/dist') });
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/Сборка для публикации остановлена:\n\s+- не задан адрес сайта: для публикации укажите SITE_URL/);
  });

  it('stops with the placeholder e-mail, and with PUBLISH=1 as with --publish', () => {
    const run = build({ SITE_URL: ADDRESS, PUBLISH: '1', OUT_DIR: resolve(testOut, 'publish-none/dist') }, []);
    expect(run.status).toBe(1);
    expect(run.output).toContain('не задан адрес редакции: для публикации укажите EDITORS_EMAIL (сейчас — заглушка editors@example.org)');
  });

  it('stops with the local address given as the published one', () => {
    expect(() => siteConfig({ PUBLISH: '1', SITE_URL: 'http://localhost:4321/', EDITORS_EMAIL: EMAIL })).toThrow(/это адрес этого компьютера/);
  });

  it('reads the base path from the address', () => {
    expect(siteConfig({ SITE_URL: 'https://asdg.github.io/practice-bank' })).toMatchObject({ origin: 'https://asdg.github.io', base: '/practice-bank/', url: 'https://asdg.github.io/practice-bank/' });
    expect(siteConfig({})).toMatchObject({ base: '/', url: 'http://127.0.0.1:4321/', local: true, editorsEmail: 'editors@example.org', placeholderEmail: true });
  });
});

/**
 * The admin's CMS program compares the browser's own host name with a local one: to offer the
 * local-folder mode, to count an address as secure (resolving it against a placeholder origin).
 * That is code recognising a local host, not an address the site points to; everything else in
 * the program (its messages, a development server's address) is rewritten at build
 * (src/lib/admin/bundle.ts), and this check sees whatever an upgrade brings.
 */
function withoutHostNameChecks(code: string): string {
  return code
    .replace(/===`(?:127\.0\.0\.1|localhost)`/g, '')
    .replace(/\/\^\(\.\+\\\.\)\?localhost\$\/\.test\(/g, '')
    .replace(/\[`localhost`,`127\.0\.0\.1`,`\[::1\]`\]\.includes\(/g, '')
    .replace(/\?\?`https:\/\/localhost`\)=>\{try\{let\{hostname:\w+,protocol:\w+\}=new URL\(/g, '');
}

describe('a site built for publishing under a base path', () => {
  // The site is written into <root>/asdg-bank/, so the folder looks like the host serving it.
  const root = resolve(testOut, 'publish-base/root');
  const dist = join(root, 'asdg-bank');
  let files: string[] = [];
  const text = (file: string) => readFileSync(join(dist, file), 'utf8');

  beforeAll(() => {
    rmSync(resolve(root, '..'), { recursive: true, force: true });
    const run = build({ SITE_URL: ADDRESS, EDITORS_EMAIL: EMAIL, OUT_DIR: dist, CACHE_DIR: resolve(root, '../cache') });
    if (run.status !== 0) throw new Error(`сборка для публикации не прошла:\n${run.output.slice(-4000)}`);
    files = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dist.length + 1)).sort();
  }, 600_000);

  it('carries no local address in any file', () => {
    const local = files
      .filter((f) => !/\.(wasm|pf_\w+|png|woff2)$/.test(f) && !f.startsWith('pagefind/'))
      .filter((f) => /127\.0\.0\.1|localhost/.test(f === 'admin/sveltia-cms.js' ? withoutHostNameChecks(text(f)) : text(f)));
    // Pagefind's own files are binary or gzip; its metadata holds page paths, checked below.
    expect(files.length).toBeGreaterThan(50);
    expect(local).toEqual([]);
    const binary = files.filter((f) => f.startsWith('pagefind/')).filter((f) => readFileSync(join(dist, f)).includes('127.0.0.1') || readFileSync(join(dist, f)).includes('localhost'));
    expect(binary).toEqual([]);
  });

  it('starts every canonical link, Open Graph address and citation with the address', () => {
    // The editors' admin is no reader's page: it asks not to be indexed and has no canonical link.
    expect(text('admin/index.html')).toMatch(/<meta name="robots" content="noindex/);
    const pages = files.filter((f) => f.endsWith('.html') && f !== '404.html' && f !== 'admin/index.html');
    const practicePages = pages.filter((f) => /^practices\/[^/]+\/[^/]+\/index\.html$/.test(f) && !f.startsWith('practices/year/'));
    expect(practicePages.length).toBeGreaterThanOrEqual(6);
    for (const page of pages) {
      const html = text(page);
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
      expect(canonical, page).toBe(`${ADDRESS}${page.replace(/index\.html$/, '')}`);
      for (const [, url] of html.matchAll(/<meta property="og:url" content="([^"]+)"/g)) expect(url?.startsWith(ADDRESS), page).toBe(true);
      for (const [, url] of html.matchAll(/<link rel="alternate" type="application\/rss\+xml"[^>]*href="([^"]+)"/g)) expect(url?.startsWith(ADDRESS), `${page}: ${url}`).toBe(true);
    }
    for (const page of practicePages) {
      const citation = /data-citation-text[^>]*>([^<]*)/.exec(text(page))?.[1] ?? '';
      const url = /https?:\/\/\S+?(?=[\s(]|$)/.exec(citation)?.[0];
      expect(url, page).toBe(`${ADDRESS}${page.replace(/index\.html$/, '')}`);
    }
  });

  it('starts every feed link with the address, read by feedparser', () => {
    const feeds = files.filter((f) => f.endsWith('rss.xml'));
    expect(feeds.length).toBeGreaterThan(3);
    for (const feed of readFeeds(feeds.map((f) => join(dist, f)))) {
      expect(feed.bozo, feed.path).toBe(0);
      expect(feed.feed.link?.startsWith(ADDRESS), feed.path).toBe(true);
      for (const entry of feed.entries) {
        expect(entry.link.startsWith(`${ADDRESS}practices/`), entry.link).toBe(true);
        for (const tag of entry.tags) expect(tag.scheme?.startsWith(ADDRESS), tag.scheme ?? '').toBe(true);
      }
    }
    for (const feed of feeds) for (const [, href] of text(feed).matchAll(/<atom:link href="([^"]+)"/g)) expect(href).toBe(`${ADDRESS}${feed}`);
  });

  it('lists the address in the sitemap and robots.txt, and in the open data', () => {
    const sitemaps = files.filter((f) => /^sitemap.*\.xml$/.test(f));
    expect(sitemaps.length).toBeGreaterThan(0);
    const locs = sitemaps.flatMap((f) => [...text(f).matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc = '']) => loc));
    expect(locs.length).toBeGreaterThan(10);
    expect(locs.filter((l) => !l.startsWith(ADDRESS))).toEqual([]);
    expect(locs).toContain(`${ADDRESS}practices/irkutsk/greening-week/`);
    expect(text('robots.txt')).toContain(`Sitemap: ${ADDRESS}sitemap-index.xml`);
    const records = JSON.parse(text('data/practices.json')) as unknown;
    const urls = JSON.stringify(records).match(/https?:\/\/[^"\\]+/g) ?? [];
    expect(urls.filter((u) => u.includes('asdg-bank.example.net') && !u.startsWith(ADDRESS))).toEqual([]);
  });

  it('keeps every internal link, asset and content link under the base path, and each resolves', () => {
    const report = checkLinks(root, { site: 'https://asdg-bank.example.net/' });
    expect(report.pages).toBeGreaterThan(20);
    expect(report.broken).toEqual([]);
    const outside = files.filter((f) => f.endsWith('.html')).flatMap((f) => [...text(f).matchAll(/\s(?:href|src|action|data-[a-z-]+)="(\/[^"]*)"/g)].map((m) => `${f}: ${m[1]}`)).filter((l) => !(l.split(': ')[1] ?? '').startsWith('/asdg-bank/'));
    expect(outside).toEqual([]);
  });

  it('shows the editors’ e-mail it was given', () => {
    expect(text('submit/index.html')).toContain(`mailto:${EMAIL}`);
    expect(text('about/index.html')).toContain(EMAIL);
    expect(text('index.html')).toContain(`mailto:${EMAIL}`);
  });

  it('searches and opens a result under the base path, in Chromium', async () => {
    // Served as the host would: the site in /asdg-bank/ of the server's root.
    const server = await serveStatic(root);
    const browser = await launchBrowser();
    try {
      const { page, consoleErrors, foreignRequests } = await openPage(browser);
      await page.goto(`${server.url}/asdg-bank/search/?q=${encodeURIComponent('ресурсный центр')}`);
      const links = page.locator('[data-search-list] .result__title a');
      await expect.poll(() => links.count(), { timeout: 20_000 }).toBeGreaterThan(0);
      const paths = await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(paths.every((p) => p.startsWith('/asdg-bank/'))).toBe(true);
      expect(paths).toContain('/asdg-bank/practices/irkutsk/resource-centres/');
      const response = await page.goto(`${server.url}${paths[0]}`);
      expect(response?.status()).toBe(200);
      expect(consoleErrors).toEqual([]);
      expect(foreignRequests).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
