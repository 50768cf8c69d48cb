/**
 * Debian's Chromium driven by playwright-core. Every page records console errors and any
 * request that would leave 127.0.0.1, so each browser test can assert there are none.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import axe from 'axe-core';
import { afterAll, beforeAll } from 'vitest';
import { requireBuilt } from './build-bank.ts';
import { serveStatic, type StaticServer } from './server.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  /** Requests to any host other than 127.0.0.1 (they are blocked, and listed here). */
  foreignRequests: string[];
}

export async function openPage(
  browser: Browser,
  options: { javaScript?: boolean; colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number }; isMobile?: boolean } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScript ?? true,
    colorScheme: options.colorScheme ?? 'light',
    locale: 'ru-RU',
    ...(options.viewport ? { viewport: options.viewport } : {}),
    ...(options.isMobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1') return route.continue();
    foreignRequests.push(url.href);
    return route.abort();
  });
  return { page, context, consoleErrors, foreignRequests };
}

/** Runs axe-core in the page and returns WCAG 2.1 A/AA violations. */
export async function axeViolations(page: Page): Promise<{ id: string; help: string; nodes: string[] }[]> {
  // Evaluated through DevTools rather than a <script> tag, so the page's CSP still applies to it.
  await page.evaluate(axe.source);
  const result = await page.evaluate(async () => {
    const axeGlobal = (window as unknown as { axe: typeof axe }).axe;
    return axeGlobal.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
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
