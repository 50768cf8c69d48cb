/**
 * Browser helpers for tests: Chromium with watched pages (scripts/lib/browser.ts, shared with the
 * benchmark), axe-core in a page, and a built site served and opened for one test file.
 *
 * `launchBrowser` connects to the one Chromium the global setup started for the whole run
 * (global-setup.ts) instead of starting a Chromium per file; every file still works in contexts
 * of its own, and its `browser.close()` closes those and disconnects. Run outside that setup, it
 * starts a Chromium of its own.
 */
import { chromium, type Browser, type Download, type Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type axe from 'axe-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launchBrowser as startChromium, openPage, type WatchedPage } from '../../scripts/lib/browser.ts';
import { requireBuilt } from './build-bank.ts';
import { serveStatic, type StaticServer } from './server.ts';

export { openPage, type WatchedPage } from '../../scripts/lib/browser.ts';

function sharedChromium(): string | undefined {
  try {
    return inject('browserEndpoint');
  } catch {
    return undefined;
  }
}

/** Chromium for one test file: the run's shared one if there is one, else a new one. */
export async function launchBrowser(): Promise<Browser> {
  const endpoint = sharedChromium();
  return endpoint ? chromium.connect(endpoint) : startChromium();
}

/**
 * The WCAG 2.1 A/AA rules whose result can depend on colour alone. The site's dark scheme changes
 * colours and nothing else (tests/quality/dark-scheme.test.ts keeps it so), so a page already
 * checked with every rule in the light scheme needs only these once switched to the dark one.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'] as const;

/** The axe tags of WCAG 2.1 levels A and AA: what every accessibility check runs. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core's minified build, the same release as its `axe.js` (whose text the package exports as
 * `axe.source`). Each checked document receives it over DevTools and compiles it: at 0.65 MB
 * instead of 1.48 MB that costs Chromium about 0.23 s of CPU a page instead of 0.34 s (measured
 * over 15 loads of a practice page each). Read once per test file, and only by files that run axe;
 * Node never loads axe itself.
 */
let axeMinified: string | undefined;
function axeSource(): string {
  axeMinified ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeMinified;
}

/**
 * Runs axe-core in the page and returns WCAG 2.1 A/AA violations: of every such rule, or only of
 * `COLOUR_RULES` (`{ rules: 'colour' }`, for a page checked in full in the other colour scheme);
 * in the whole document, or only inside the elements matching `within` (a CSS selector).
 */
export async function axeViolations(page: Page, options: { rules?: 'all' | 'colour'; within?: string } = {}): Promise<{ id: string; help: string; nodes: string[] }[]> {
  // Evaluated through DevTools rather than a <script> tag, so the page's CSP still applies to it;
  // once per document (a page checked in both colour schemes keeps it).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource());
  const runOnly = options.rules === 'colour' ? { type: 'rule', values: [...COLOUR_RULES] } : { type: 'tag', values: WCAG_TAGS };
  const result = await page.evaluate(
    async ({ only, within }) => {
      const axeGlobal = (window as unknown as { axe: typeof axe }).axe;
      return axeGlobal.run(within ? { include: [within] } : document, { runOnly: only as axe.RunOnly });
    },
    { only: runOnly, within: options.within },
  );
  return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/**
 * Tabs opened with the same options, handed from one block of a file to the next: a block that
 * loads a page moves a kept tab to it instead of opening a context of its own. A new context
 * costs Chromium a renderer, and a kept tab also keeps the site's styles and scripts in its
 * memory cache: the accessibility file's 42 loads went from 91 to 56 s of Chromium's CPU with
 * five tabs per width instead of one context per load (two runs each, `/proc` sampler).
 *
 * A tab serves one block at a time, and a new one is opened whenever none is free, so blocks
 * running side by side never wait for one. Before a tab is taken again, what the last block left
 * is cleared: the site's storage (the comparison choice), the emulated media and colour scheme,
 * and the watch's lists; a tab that was left off the site is closed instead. The tabs are closed
 * after the file (or the block that made the pool).
 * A test that routes requests, adds init scripts or counts what is fetched opens a page of its
 * own instead (`openPage`).
 */
export interface TabPool {
  take(): Promise<WatchedPage>;
  give(watched: WatchedPage): Promise<void>;
  /** Runs `check` in a taken tab and gives the tab back however `check` ends. */
  use<T>(check: (watched: WatchedPage) => Promise<T>): Promise<T>;
}

export function tabPool(site: SiteInBrowser, options: Parameters<typeof openPage>[1] = {}): TabPool {
  const opened: WatchedPage[] = [];
  const free: WatchedPage[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((watched) => watched.context.close()));
  });
  return {
    async take() {
      const kept = free.pop();
      if (!kept) {
        const watched = await openPage(site.browser, options);
        opened.push(watched);
        return watched;
      }
      kept.consoleErrors.length = 0;
      kept.foreignRequests.length = 0;
      return kept;
    },
    async give(watched) {
      // Storage is cleared from a document of the site; a tab left elsewhere (about:blank, an
      // error page) would keep the site's, and one that cannot be cleared is in a state no next
      // block should inherit, so either is closed instead of being handed out again.
      const cleared =
        new URL(watched.page.url()).origin === new URL(site.server.url).origin &&
        (await watched.page
          .evaluate(() => {
            localStorage.clear();
            sessionStorage.clear();
          })
          .then(() => watched.page.emulateMedia({ media: null, colorScheme: null }))
          .then(
            () => true,
            () => false,
          ));
      if (cleared) {
        free.push(watched);
        return;
      }
      opened.splice(opened.indexOf(watched), 1);
      await watched.context.close();
    },
    async use(check) {
      const watched = await this.take();
      try {
        return await check(watched);
      } finally {
        await this.give(watched);
      }
    },
  };
}

/**
 * A page loaded by `load` into a tab of `tabs` once, the first time a test of the enclosing block
 * asks, and shared by that block's tests (which may switch its colour scheme with
 * `page.emulateMedia`). After the block the tab goes back to the pool; a tab whose load failed
 * does not (its state is unknown), and is closed with the pool.
 */
export function loadOnce<T extends object>(tabs: TabPool, load: (watched: WatchedPage) => Promise<T>): () => Promise<T & { watched: WatchedPage }> {
  let loaded: Promise<T & { watched: WatchedPage }> | undefined;
  afterAll(async () => {
    const done = await loaded?.catch(() => undefined);
    if (done) await tabs.give(done.watched);
  });
  return () =>
    (loaded ??= tabs.take().then(async (watched) => ({ ...(await load(watched)), watched })));
}

/**
 * The text of a finished download. Read as a stream, because a browser connected to the run's
 * shared Chromium has no local path for it (`download.path()` works only in a Chromium of its own).
 */
export async function downloadedText(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export interface SiteInBrowser {
  /** The static server of the built site; set once `beforeAll` has run. */
  server: StaticServer;
  /** Chromium; set once `beforeAll` has run. */
  browser: Browser;
}

/**
 * Serves a built site on 127.0.0.1 and starts Chromium for the tests of one file or block,
 * closing both afterwards.
 */
export function siteInBrowser(dist: string): SiteInBrowser {
  const site = {} as SiteInBrowser;
  beforeAll(async () => {
    site.server = await serveStatic(requireBuilt(dist));
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/** The page a `siteTest` test opens for itself (the `tab` fixture). */
export interface Tab {
  /**
   * Opens `path` of the site in a context of this test's own. `beforeLoad` runs before the page
   * loads (to route requests, say).
   */
  open(path: string, options?: { javaScript?: boolean; beforeLoad?: (watched: WatchedPage) => Promise<unknown> }): Promise<Page>;
  /** What the opened page's watch saw so far; a test that provokes an error drops it from here. */
  readonly watched: WatchedPage;
}

/**
 * `test` with a `tab` fixture: a page of the test's own on `site`, so the tests of a file can run
 * side by side (`describe.concurrent`). After each test its context is closed, and nothing may
 * have been requested outside 127.0.0.1 or logged as an error. The checks run in the fixture's
 * teardown, so a failure is reported on the test whose page it was.
 */
export function siteTest(site: SiteInBrowser) {
  return test.extend<{ tab: Tab }>({
    // Vitest's fixture syntax: the first argument must be a destructuring pattern.
    tab: async ({}, use) => {
      let opened: WatchedPage | undefined;
      const tab: Tab = {
        async open(path, options = {}) {
          // One page per test: a second would leave the first one's context open and unchecked.
          if (opened) throw new Error('tab.open(): this test has opened its page already');
          opened = await openPage(site.browser, { javaScript: options.javaScript ?? true });
          await options.beforeLoad?.(opened);
          await opened.page.goto(`${site.server.url}${path}`);
          return opened.page;
        },
        get watched() {
          if (!opened) throw new Error('tab.open() first');
          return opened;
        },
      };
      await use(tab);
      if (!opened) return;
      await opened.context.close();
      expect(opened.foreignRequests).toEqual([]);
      expect(opened.consoleErrors).toEqual([]);
    },
  });
}
