/**
 * Browser scripts take the strings they show from their component (data attributes filled from
 * ru.ts at build time), never by importing ru.ts: that module holds every string of the site, so
 * importing it for one hint put a 43 KB chunk on every page. This reads the built pages, follows
 * each page's module scripts and their imports, and looks for strings no script shows. The
 * comparison and the submission form, whose scripts show the most strings, are checked too.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ru } from '../../src/i18n/ru.ts';
import { requireBuilt } from '../helpers/build-bank.ts';
import { readPage } from '../helpers/html.ts';
import { publishedDist } from '../helpers/paths.ts';

/** Strings only the feeds page and the footer render, at build time: no script needs them. */
const MARKERS = [ru.feedsPage.what, ru.feedsPage.how, ru.footer.text];

function pages(): string[] {
  requireBuilt(publishedDist);
  return readdirSync(publishedDist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(publishedDist, join(e.parentPath, e.name)).split('\\').join('/'))
    .filter((page) => !page.startsWith('admin/') && !page.startsWith('pagefind/'));
}

/** Every JS file a page loads: its module scripts (by src or inline import) and their imports. */
function loadedScripts(page: string): Map<string, string> {
  const html = readFileSync(join(publishedDist, page), 'utf8');
  const queue: string[] = [];
  const importsIn = (code: string, from: string) => {
    for (const m of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
      const target = m[1] ?? '';
      queue.push(target.startsWith('/') ? target : posix.join(posix.dirname(from), target));
    }
  };
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(m[1] ?? '')?.[1];
    if (src) queue.push(src);
    else importsIn(m[2] ?? '', '/' + page);
  }
  const seen = new Map<string, string>();
  while (queue.length) {
    const url = queue.shift() ?? '';
    if (seen.has(url) || url.startsWith('/pagefind/')) continue;
    const file = join(publishedDist, url.replace(/^\/+/, ''));
    expect(existsSync(file), `${page}: ${url} is missing`).toBe(true);
    const code = readFileSync(file, 'utf8');
    seen.set(url, code);
    importsIn(code, url);
  }
  return seen;
}

describe('browser scripts carry only the strings they show', () => {
  it('the markers are real strings of ru.ts', () => {
    for (const marker of MARKERS) expect(marker.length).toBeGreaterThan(20);
  });

  it('no page loads the whole strings module, the comparison and the submission form included', () => {
    const checked = pages();
    for (const page of ['practices/irkutsk/resource-centres/index.html', 'compare/index.html', 'submit/index.html']) {
      expect(checked).toContain(page);
      // Each of these has scripts of its own, or it would pass for want of any.
      expect([...loadedScripts(page).keys()].some((url) => !url.includes('/Base.astro'))).toBe(true);
    }
    const offenders: string[] = [];
    let withScripts = 0;
    for (const page of checked) {
      const scripts = loadedScripts(page);
      if (scripts.size) withScripts++;
      for (const [url, code] of scripts) {
        if (MARKERS.some((marker) => code.includes(marker))) offenders.push(`${page}: ${url}`);
      }
    }
    // The walk must reach scripts, or it proves nothing.
    expect(withScripts).toBeGreaterThan(5);
    expect(offenders).toEqual([]);
  });

  it('the practice page still shows the strings the scripts take as data', () => {
    const html = readFileSync(join(publishedDist, 'practices/irkutsk/resource-centres/index.html'), 'utf8');
    expect(html).toContain(`data-scroll-hint="${ru.tableScroll.hint}"`);
    expect(html).toContain('data-compare-strings=');
    // The compare button's notices travel once, as templates among the tray's strings.
    expect(html).toContain(`&quot;added&quot;:&quot;${ru.compare.added}&quot;`);
    expect(html).not.toContain('data-compare-added=');
  });

  it('the comparison and the form carry the strings their scripts show as data', () => {
    const strings = (urlPath: string, selector: string) => {
      const value = readPage(publishedDist, urlPath).document.querySelector(selector)?.getAttribute('data-strings');
      expect(value, `${urlPath}: ${selector}[data-strings]`).toBeTruthy();
      return JSON.parse(value ?? '{}') as Record<string, unknown>;
    };
    const compare = strings('/compare/', '[data-compare-page]');
    expect(compare.loadError).toBe(ru.compare.loadError);
    expect((compare.table as { rows: Record<string, string> }).rows.adoptedBy).toBe(ru.repeat.trail.rowRepeatedBy);
    const submit = strings('/submit/', '#submit-form');
    expect(submit.errorsTitle).toBe(ru.submit.errorsTitle('{count}'));
    expect(submit.download).toBe(ru.submit.download);
  });
});
