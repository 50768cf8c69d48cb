/**
 * The build hands a page to Pagefind when Astro's line says the page is written
 * (scripts/lib/astro-log.ts). Read against the output of a real fixture build: every HTML file
 * Astro wrote is reported once, as written and not reused, and the summary line's count. Then the lines a real build can also
 * print: a cached page, a line ended early by other output (its page is not on disk yet), a page
 * whose route returned nothing, colours.
 */
import { globSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pagesBuilt, writtenPage } from '../../scripts/lib/astro-log.ts';
import { projectRoot } from '../helpers/paths.ts';
import { sharedBank } from '../helpers/shared-bank.ts';

describe('the output of a real cold build (fixture multi-city)', () => {
  it('reports every HTML page in dist once, as rendered, and the count of its summary line', () => {
    const { output, dist } = sharedBank('multi-city');
    const lines = output.split('\n');
    const reported = lines.flatMap((line) => writtenPage(line) ?? []);
    expect(reported.every((p) => !p.reused)).toBe(true);
    const written = globSync('**/*.html', { cwd: dist, exclude: ['pagefind/**'] }).map((f) => `/${f.replaceAll('\\', '/')}`);
    expect(reported.map((p) => p.page).sort()).toEqual(written.sort());
    // Astro's summary counts pages, not endpoints that write HTML (src/pages/admin/index.html.ts).
    const htmlEndpoints = globSync('src/pages/**/*.html.ts', { cwd: projectRoot }).length;
    const counts = lines.flatMap((line) => pagesBuilt(line) ?? []);
    expect(counts).toEqual([written.length - htmlEndpoints]);
  });
});

describe('page lines', () => {
  it('a rendered page: its line ends with the render time', () => {
    expect(writtenPage('12:00:00   ├─ /practices/a/b/index.html (+3ms) ')).toEqual({ page: '/practices/a/b/index.html', reused: false });
    expect(writtenPage('12:00:00   └─ /topics/t/page/2/index.html (+1.20s)')).toEqual({ page: '/topics/t/page/2/index.html', reused: false });
    expect(writtenPage('12:00:00   ├─ /data/index.html (+1m 3s)')).toEqual({ page: '/data/index.html', reused: false });
  });

  it('a page from the cache: restored or cached', () => {
    expect(writtenPage('12:00:00   ├─ /cities/c/index.html (restored)')).toEqual({ page: '/cities/c/index.html', reused: true });
    expect(writtenPage('12:00:00   ├─ /cities/c/index.html (cached)')).toEqual({ page: '/cities/c/index.html', reused: true });
  });

  it('colours between the marker, the path and the ending do not hide the page', () => {
    expect(writtenPage('\x1b[2m12:00:00\x1b[22m   \x1b[34m├─\x1b[39m \x1b[2m/practices/a/b/index.html\x1b[22m \x1b[2m(+3ms)\x1b[22m ')).toEqual({ page: '/practices/a/b/index.html', reused: false });
  });

  it('a line ended by other output before the page was written reports no page', () => {
    // V8's --trace-gc (or a component's console.log) wrote a line of its own after the path.
    expect(writtenPage('12:00:00   ├─ /practices/a/b/index.html[682:0x15dcb000]   189801 ms: Mark-Compact 723.5 (852.2) -> 299.8 (579.9) MB')).toBeUndefined();
    expect(writtenPage('12:00:00   ├─ /practices/a/b/index.html')).toBeUndefined();
    // …and the rest of that line, when it comes, names no page.
    expect(writtenPage(' (+3ms) ')).toBeUndefined();
  });

  it('a page whose route returned an empty body is not a written file', () => {
    expect(writtenPage('12:00:00   ├─ /empty/index.html (+3ms) (file not created, response body was empty)')).toBeUndefined();
  });

  it('other lines: no page, no count', () => {
    expect(writtenPage('12:00:00 [build] ✓ Completed in 4.1s.')).toBeUndefined();
    expect(pagesBuilt('12:00:00 [build] ✓ Completed in 4.1s.')).toBeUndefined();
    expect(pagesBuilt('12:00:00 [build] 27 page(s) built in 4.1s')).toBe(27);
  });
});
