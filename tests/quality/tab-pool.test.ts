/**
 * The tab pool the browser gates load their pages with (tabPool in helpers/browser.ts): a tab
 * handed back is reused, and reaches the next block without what the last one left in it, so a
 * gate on one page kind can neither pass nor fail because of the kind checked before it.
 */
import { describe, expect, it } from 'vitest';
import { siteInBrowser, tabPool, type WatchedPage } from '../helpers/browser.ts';
import { publishedDist } from '../helpers/paths.ts';

const site = siteInBrowser(publishedDist);

describe('tabPool', () => {
  const tabs = tabPool(site, { colorScheme: 'light' });

  it('hands a returned tab out again, without its storage, emulated media or watched errors and requests', async () => {
    const first = await tabs.take();
    // A foreign request from a page without the site's CSP, which would refuse it before the
    // watch sees it.
    await first.page.goto('about:blank');
    await first.page.evaluate(() => fetch('https://example.org/').catch(() => undefined));
    await first.page.goto(`${site.server.url}/about/`);
    await first.page.evaluate(() => {
      localStorage.setItem('asdg-test', '1');
      sessionStorage.setItem('asdg-test', '1');
      console.error('ошибка прошлой страницы');
    });
    await first.page.emulateMedia({ colorScheme: 'dark', media: 'print' });
    expect(first.consoleErrors.length).toBeGreaterThan(0);
    expect(first.foreignRequests).toEqual(['https://example.org/']);
    await tabs.give(first);

    const next = await tabs.take();
    expect(next.page).toBe(first.page);
    expect(next.consoleErrors).toEqual([]);
    expect(next.foreignRequests).toEqual([]);
    await next.page.goto(`${site.server.url}/about/`);
    expect(
      await next.page.evaluate(() => ({
        local: localStorage.length,
        session: sessionStorage.length,
        dark: matchMedia('(prefers-color-scheme: dark)').matches,
        print: matchMedia('print').matches,
      })),
    ).toEqual({ local: 0, session: 0, dark: false, print: false });
    await tabs.give(next);
  });

  it('closes a tab handed back off the site instead of handing it out again', async () => {
    const away = await tabs.take();
    await away.page.goto('about:blank');
    await tabs.give(away);
    expect(away.page.isClosed()).toBe(true);
    const next = await tabs.take();
    expect(next.page).not.toBe(away.page);
    await next.page.goto(`${site.server.url}/`);
    await tabs.give(next);
  });

  it('use gives the tab back when the check fails, and rethrows its error', async () => {
    let used: WatchedPage | undefined;
    await expect(
      tabs.use(async (watched) => {
        used = watched;
        await watched.page.goto(`${site.server.url}/about/`);
        throw new Error('проверка не прошла');
      }),
    ).rejects.toThrow('проверка не прошла');
    expect(await tabs.use(async (watched) => watched.page)).toBe(used?.page);
  });

  it('gives blocks that hold a tab at the same time tabs of their own', async () => {
    const [one, two] = await Promise.all([tabs.take(), tabs.take()]);
    expect(one.page).not.toBe(two.page);
    await Promise.all([one.page.goto(`${site.server.url}/`), two.page.goto(`${site.server.url}/`)]);
    await Promise.all([tabs.give(one), tabs.give(two)]);
  });
});
