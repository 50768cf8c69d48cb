/**
 * Every kind of page on a 390 × 844 phone (Chromium, touch, as a reader holds it): the page is
 * never wider than the screen, no text renders under 12 px (SVG text included, at its drawn
 * scale), and every control or link a finger needs is at least 24 × 24 px — except a link inside
 * a sentence, which WCAG 2.5.8 exempts. A full-page screenshot of each kind is kept in
 * tests/.out/phone/ for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPage, siteInBrowser } from '../helpers/browser.ts';
import { publishedDist, testOut } from '../helpers/paths.ts';
import { PAGE_KINDS } from './page-kinds.ts';

const site = siteInBrowser(publishedDist);
const shots = resolve(testOut, 'phone');
mkdirSync(shots, { recursive: true });
const PHONE = { width: 390, height: 844 };

describe.each(PAGE_KINDS)('$kind ($path) at 390 px', (kind) => {
  it('fits the screen, has no text under 12 px and no tap target under 24 × 24 px', async () => {
    const watched = await openPage(site.browser, { viewport: PHONE, isMobile: true });
    try {
      await watched.page.goto(`${site.server.url}${kind.path}`);
      await watched.page.waitForLoadState('networkidle');
      await kind.ready?.(watched.page);
      await watched.page.screenshot({ path: resolve(shots, `${kind.path.replace(/[^\w]+/g, '_').replace(/^_|_$/g, '') || 'home'}.png`), fullPage: true });
      const report = await watched.page.evaluate(() => {
        const visible = (el: Element) => {
          const r = el.getBoundingClientRect();
          const style = getComputedStyle(el);
          return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && !el.closest('[hidden], .compare-sr, .visually-hidden');
        };
        const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} «${(el.textContent ?? '').trim().slice(0, 30)}»`;
        const overflow = document.documentElement.scrollWidth - window.innerWidth;
        const small: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.textContent?.trim()) continue;
          const el = node.parentElement;
          if (!el || !visible(el) || el.closest('script, style, noscript')) continue;
          let size = parseFloat(getComputedStyle(el).fontSize);
          const svgText = el.closest('svg') as SVGSVGElement | null;
          if (svgText) size *= svgText.getScreenCTM()?.a ?? 1;
          if (size < 11.95) small.push(`${describe(el)}: ${size.toFixed(1)} px`);
        }
        const tiny: string[] = [];
        for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')) {
          if (!visible(el)) continue;
          const r = el.getBoundingClientRect();
          if (r.width >= 24 && r.height >= 24) continue;
          // A link inside a sentence: its line is as tall as the text, which WCAG 2.5.8 allows.
          const block = el.parentElement?.closest('p, li, dd, td, th, figcaption, blockquote, small, .card__meta');
          const inline = getComputedStyle(el).display === 'inline' && block && (block.textContent ?? '').trim().length > (el.textContent ?? '').trim().length + 2;
          if (el.tagName === 'A' && inline) continue;
          // The skip link is off screen until focused.
          if (r.bottom < 0) continue;
          tiny.push(`${describe(el)}: ${Math.round(r.width)}×${Math.round(r.height)}`);
        }
        return { overflow, small: [...new Set(small)], tiny: [...new Set(tiny)] };
      });
      expect(report.overflow, 'страница шире экрана').toBeLessThanOrEqual(0);
      expect(report.small, 'текст мельче 12 px').toEqual([]);
      expect(report.tiny, 'цели касания меньше 24 × 24 px').toEqual([]);
    } finally {
      await watched.context.close();
    }
  });
});
