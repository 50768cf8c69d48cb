/**
 * The reader's small things in Chromium: the header on one row at 1366 px, one search box on
 * /search/, one Tab stop per card with the rest by arrow keys, and a shared filtered link on a
 * phone that shows its results on the first screen, with chips for the filters that are on, even
 * when the page's own script arrives late; the filters' own reset button clears the chips too.
 */
import { describe, it } from 'vitest';
import { openPage, siteInBrowser } from '../helpers/browser.ts';
import { publishedDist } from '../helpers/paths.ts';

const site = siteInBrowser(publishedDist);
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

// Every test opens a page of its own: the blocks and their tests run side by side.

describe.concurrent('header and search box', () => {
  it('fits one row at 1366 px', async ({ expect }) => {
    const w = await openPage(site.browser, { viewport: DESKTOP });
    try {
      await w.page.goto(`${site.server.url}/practices/`);
      const tops = await w.page.evaluate(() =>
        [...document.querySelectorAll('.site-header__inner > *')].map((el) => Math.round(el.getBoundingClientRect().top + el.getBoundingClientRect().height / 2)),
      );
      expect(tops.length).toBe(3);
      expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(4);
    } finally {
      await w.context.close();
    }
  });

  it('has one search box on /search/, holding the query', async ({ expect }) => {
    const w = await openPage(site.browser, { viewport: DESKTOP });
    try {
      await w.page.goto(`${site.server.url}/search/?q=${encodeURIComponent('волонтёры')}`);
      await w.page.waitForLoadState('networkidle');
      expect(await w.page.locator('input[type="search"]').count()).toBe(1);
      expect(await w.page.locator('#search-q').inputValue()).toBe('волонтёры');
      // Elsewhere the header keeps its box.
      await w.page.goto(`${site.server.url}/topics/`);
      expect(await w.page.locator('header input[type="search"]').count()).toBe(1);
    } finally {
      await w.context.close();
    }
  });
});

describe.concurrent('keyboard on cards', () => {
  it('gives each card one Tab stop and reaches its city, topics and «Сравнить» with the arrows', async ({ expect }) => {
    const w = await openPage(site.browser, { viewport: DESKTOP });
    try {
      const { page } = w;
      await page.goto(`${site.server.url}/practices/`);
      await page.waitForLoadState('networkidle');
      const titles = await page.locator('.card [data-card-title]').count();
      expect(titles).toBeGreaterThan(2);
      await page.locator('.card [data-card-title]').first().focus();
      // Every title is described by the one hint the page carries.
      const hints = await page.locator('.card [data-card-title]').evaluateAll((els) => els.map((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? ''));
      expect(new Set(hints)).toEqual(new Set(['Стрелками — к городу, темам и кнопке «Сравнить»']));
      const focused = () => page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return { title: el.hasAttribute('data-card-title'), text: el.textContent?.trim() ?? '', compare: el.hasAttribute('data-compare-toggle'), card: el.closest('.card')?.getAttribute('data-practice') };
      });
      const first = await focused();
      await page.keyboard.press('Tab');
      const next = await focused();
      expect(next.title, 'Tab ведёт к названию следующей карточки').toBe(true);
      expect(next.card).not.toBe(first.card);
      await page.keyboard.press('Shift+Tab');
      expect((await focused()).card).toBe(first.card);
      await page.keyboard.press('ArrowRight');
      const city = await focused();
      expect(city.title).toBe(false);
      expect(city.card).toBe(first.card);
      await page.keyboard.press('End');
      const toggle = await focused();
      expect(toggle.compare).toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-pressed'))).toBe('true');
      await page.keyboard.press('Home');
      expect((await focused()).title).toBe(true);
      // From the top of the home page to «Все практики»: the cards no longer cost a stop per chip.
      await page.goto(`${site.server.url}/`);
      let presses = 0;
      for (; presses < 60; presses++) {
        await page.keyboard.press('Tab');
        if ((await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')).startsWith('Все практики')) break;
      }
      expect(presses).toBeLessThan(20);
    } finally {
      await w.context.close();
    }
  });
});

describe.concurrent('a shared filtered link on a slow phone', () => {
  for (const path of ['/practices/?topic=resource-centres', `/search/?q=${encodeURIComponent('центр')}&topic=resource-centres`]) {
    it(`${path}: results on the first screen, a chip for the filter, one control clears it`, async ({ expect }) => {
      const w = await openPage(site.browser, { viewport: PHONE, isMobile: true });
      try {
        const { page } = w;
        // A slow phone: every script but the chips' arrives a second late, so the page's own
        // script writes the link's filters into the form long after the chips' script has run.
        let chipsScript = false;
        await page.route('**/_astro/*.js', async (route) => {
          if (route.request().url().includes('/FilterChips.')) chipsScript = true;
          else await new Promise((late) => setTimeout(late, 1000));
          await route.fallback();
        });
        await page.goto(`${site.server.url}${path}`);
        await page.waitForLoadState('networkidle');
        const result = page.locator(path.startsWith('/search/') ? '[data-search-list] > li' : '[data-catalogue-list] .card:not([hidden])').first();
        await result.waitFor({ state: 'visible', timeout: 15_000 });
        const top = await result.evaluate((el) => el.getBoundingClientRect().top);
        expect(top, 'первый результат на первом экране').toBeLessThan(PHONE.height - 80);
        const chip = page.locator('[data-filter-chips-list] button');
        await expect.poll(() => chip.count(), { message: 'чип фильтра' }).toBe(1);
        // Else every script was late, the chips' too, and the order under test never happened.
        expect(chipsScript, 'скрипт чипов не найден по имени файла').toBe(true);
        expect(await chip.getAttribute('aria-label')).toContain('Ресурсные центры');
        await page.locator('[data-filter-chips-clear]').click();
        await expect.poll(() => page.locator('[data-filter-chips]').isHidden()).toBe(true);
        await expect.poll(() => new URL(page.url()).searchParams.getAll('topic')).toEqual([]);
      } finally {
        await w.context.close();
      }
    });
  }
});

describe.concurrent('the filters’ own reset button', () => {
  for (const path of ['/practices/?topic=resource-centres', `/search/?q=${encodeURIComponent('центр')}&topic=resource-centres`]) {
    it(`${path}: clears the chips with the filters`, async ({ expect }) => {
      const w = await openPage(site.browser, { viewport: DESKTOP });
      try {
        const { page } = w;
        await page.goto(`${site.server.url}${path}`);
        const chips = page.locator('[data-filter-chips-list] button');
        await expect.poll(() => chips.count(), { message: 'чип фильтра' }).toBe(1);
        await page.locator('[data-catalogue-reset], [data-search-reset]').click();
        await expect.poll(() => page.locator('[data-filter-chips]').isHidden(), { message: 'чипы скрыты' }).toBe(true);
        expect(await chips.count()).toBe(0);
        expect(w.consoleErrors).toEqual([]);
      } finally {
        await w.context.close();
      }
    });
  }
});
