/**
 * Accessibility and privacy in a real browser, on the published site (dist/): one page of every
 * kind (page-kinds.ts) in the light and the dark colour scheme has no WCAG 2.1 A/AA violation
 * that axe-core finds, no console error (a CSP violation is one) and no request leaving
 * 127.0.0.1. On a 390 × 844 phone each also fits the screen, with readable text and tap targets
 * a finger can hit (phone-fit.ts); a full-page screenshot of each is kept in tests/.out/phone/
 * for a person to look at. Keyboard users get a skip link and a visible focus.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, loadOnce, siteInBrowser, tabPool } from '../helpers/browser.ts';
import { publishedDist, testOut } from '../helpers/paths.ts';
import { PAGE_KINDS } from './page-kinds.ts';
import { PHONE, phoneFit } from './phone-fit.ts';

const site = siteInBrowser(publishedDist);
const shots = resolve(testOut, 'phone');
mkdirSync(shots, { recursive: true });

const SCHEMES = ['light', 'dark'] as const;
/**
 * A desktop and a phone: layouts differ (the comparison is stacked on a phone), so both are checked.
 * Each width has its tabs, moved from page kind to page kind (`tabPool`, helpers/browser.ts).
 */
const WIDTHS = [
  { name: '1366 px', viewport: { width: 1366, height: 900 }, isMobile: false, phone: false },
  { name: '390 px', ...PHONE, phone: true },
].map((width) => ({ ...width, tabs: tabPool(site, { colorScheme: 'light', viewport: width.viewport, isMobile: width.isMobile }) }));

/**
 * Each page is loaded once per width, in the light scheme, and checked in both schemes: the dark
 * test switches the page's `prefers-color-scheme` (page.emulateMedia) and runs axe again. That
 * checks what a reader in the dark scheme sees because the schemes differ only in CSS (no script
 * reads the scheme, and no style has a transition), and CSS follows the switch at once. Loading
 * again per scheme would double the page loads of the slowest file of the suite. And since that
 * CSS changes colours only (dark-scheme.test.ts), the dark test runs axe's colour rules: every
 * other rule gives the same answer on the same DOM and layout, and the light test ran them.
 * The phone checks use the same 390 px load rather than loading every page once more.
 *
 * The page kinds are checked side by side (`describe.concurrent`, up to Vitest's maxConcurrency
 * of 5 at once): a check spends most of its time waiting, on the page's requests, the network
 * idle timer and Chromium, and one kind at a time left the file at about 170 s, 40 % of one core.
 * The tests of one load share its page and switch its scheme, so within a kind they run one
 * after the other (`concurrent: false`), and each takes `expect` from its own context.
 */
describe.concurrent.each(PAGE_KINDS)('$kind ($path)', (kind) => {
  describe.each(WIDTHS)('$name', { concurrent: false }, (width) => {
    const load = loadOnce(width.tabs, async (watched) => {
      const response = await watched.page.goto(`${site.server.url}${kind.path}`);
      await watched.page.waitForLoadState('networkidle');
      await kind.ready?.(watched.page);
      return { status: response?.status() };
    });

    it.for(SCHEMES)(`passes axe (every rule in light, the colour rules in dark), asks nothing of other hosts and logs no error (but a 404 page’s own status) in the %s scheme at ${width.name}`, async (colorScheme, { expect }) => {
      const { watched, status } = await load();
      expect(status, `${kind.path} должна существовать в dist/`).toBe(kind.status);
      await watched.page.emulateMedia({ colorScheme });
      const scheme = await watched.page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
      expect(scheme).toBe(colorScheme === 'dark');
      expect(await axeViolations(watched.page, { rules: colorScheme === 'dark' ? 'colour' : 'all' })).toEqual([]);
      expect(watched.foreignRequests).toEqual([]);
      // The browser logs the 404 status of the document itself: on the 404 page exactly that one
      // error is expected (a second 404, of a missing image say, is an error), elsewhere none.
      const expected = kind.status === 404 ? [expect.stringContaining('status of 404')] : [];
      expect(watched.consoleErrors).toEqual(expected);
    });

    if (width.phone) {
      it('fits a phone’s screen, has no text under 12 px and no tap target under 24 × 24 px', async ({ expect }) => {
        const { watched } = await load();
        await watched.page.emulateMedia({ colorScheme: 'light' });
        // In CSS pixels (390 px wide), not the phone's 2× device pixels: a quarter of the pixels
        // to paint and encode, about 0.2 s of Chromium's CPU a page instead of 0.65 s (measured
        // over the page kinds, twice), and still enough for a person to judge the layout.
        await watched.page.screenshot({ path: resolve(shots, `${kind.path.replace(/[^\w]+/g, '_').replace(/^_|_$/g, '') || 'home'}.png`), fullPage: true, scale: 'css' });
        const fit = await phoneFit(watched.page);
        expect(fit.overflow, 'страница шире экрана').toBeLessThanOrEqual(0);
        expect(fit.small, 'текст мельче 12 px').toEqual([]);
        expect(fit.tiny, 'цели касания меньше 24 × 24 px').toEqual([]);
      });
    }
  });
});

/** How the focused element is drawn: a focus indicator is an outline or a box-shadow. */
async function focusStyle(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
      id: el.id,
      className: el.className,
      tag: el.tagName.toLowerCase(),
      visible: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none',
      inViewport: (() => {
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
      })(),
    };
  });
}

describe('keyboard', () => {
  // One tab for the four checks, switched to each scheme (as in the checks above).
  const tabs = tabPool(site);
  async function inTab(colorScheme: (typeof SCHEMES)[number], path: string, check: (page: Page) => Promise<void>) {
    return tabs.use(async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(`${site.server.url}${path}`);
      await check(page);
    });
  }

  it.each(SCHEMES)('first Tab reaches a visible skip link, Enter moves focus to the content (%s)', (colorScheme) =>
    inTab(colorScheme, '/practices/irkutsk/resource-centres/', async (page) => {
      await page.keyboard.press('Tab');
      const skip = await focusStyle(page);
      expect(skip).toMatchObject({ tag: 'a', className: 'skip-link', visible: true, inViewport: true });
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('content');
      expect(new URL(page.url()).hash).toBe('#content');
      // The next Tab continues from the content, not from the header.
      await page.keyboard.press('Tab');
      const next = await page.evaluate(() => Boolean(document.activeElement?.closest('main')));
      expect(next).toBe(true);
    }),
  );

  it.each(SCHEMES)('every link and control tabbed to on the home page shows its focus (%s)', (colorScheme) =>
    inTab(colorScheme, '/', async (page) => {
      const seen: string[] = [];
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        const focused = await focusStyle(page);
        if (!focused) break;
        seen.push(`${focused.tag}.${focused.className}`);
        expect(focused, `фокус на ${focused.tag}.${focused.className} не виден`).toMatchObject({ visible: true });
      }
      expect(seen.length).toBeGreaterThan(3);
    }),
  );
});
