/**
 * What a page looks like on a 390 × 844 phone, measured in the page: how far it is wider than
 * the screen, visible text under 12 px (SVG text at its drawn scale), and controls or links a
 * finger needs that are under 24 × 24 px — except a link inside a sentence, which WCAG 2.5.8
 * exempts. The accessibility gate (accessibility.test.ts) measures each page kind it loads at
 * 390 px with it, and keeps a full-page screenshot of each in tests/.out/phone/.
 */
import type { Page } from 'playwright-core';

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true } as const;

export interface PhoneFit {
  /** Pixels the page is wider than the screen (≤ 0: it fits). */
  overflow: number;
  /** Elements with visible text under 12 px, with the size. */
  small: string[];
  /** Tap targets under 24 × 24 px, with the size. */
  tiny: string[];
}

export function phoneFit(page: Page): Promise<PhoneFit> {
  return page.evaluate(() => {
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
}
