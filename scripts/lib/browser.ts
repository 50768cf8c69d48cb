/**
 * Debian's Chromium driven by playwright-core. Every page records console errors and any
 * request that would leave 127.0.0.1, so each browser test (and the benchmark's weighing of a
 * first search) can tell there are none. Tests reach it through tests/helpers/browser.ts.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserServer, type Page } from 'playwright-core';

/**
 * Debian's `chromium-headless-shell` when it is installed, else Debian's `chromium`; CHROMIUM_PATH
 * names another. Both come from one Debian source package, the same version and the same Blink;
 * the shell is the headless-only build, while `chromium --headless` runs the whole desktop browser
 * without a window. On this machine the 16 browser test files that need no build of their own took
 * 155–159 CPU-s and 79–82 s with the shell against 214–220 CPU-s and 109–111 s with `chromium`,
 * every test passing with either.
 */
const CHROMIUM_CANDIDATES = ['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];
const CHROMIUM = process.env.CHROMIUM_PATH ?? CHROMIUM_CANDIDATES.find((path) => existsSync(path)) ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * The same Chromium as a server other processes connect to (`chromium.connect(wsEndpoint)`): the
 * test run starts one for all its files instead of one per file (tests/helpers/global-setup.ts).
 */
export async function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
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
