/**
 * No broken internal link or anchor on the published site (dist/). External links are not
 * fetched: they are printed, so a reviewer sees where the site points.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks, formatBrokenLinks } from '../helpers/link-check.ts';
import { scanTags } from '../helpers/html-scan.ts';
import { requireBuilt } from '../helpers/build-bank.ts';
import { publishedDist } from '../helpers/paths.ts';

/** The site's own address, as the build wrote it into the home page's canonical link. */
function siteAddress(): string {
  const home = readFileSync(join(publishedDist, 'index.html'), 'utf8');
  const canonical = scanTags(home).find((t) => t.name === 'link' && t.attributes.get('rel') === 'canonical')?.attributes.get('href');
  if (!canonical) throw new Error('на главной нет <link rel="canonical">');
  return canonical;
}

describe('links of the published site', () => {
  it('all lead to a page, a file or an anchor that exists', () => {
    requireBuilt(publishedDist);
    const report = checkLinks(publishedDist, { site: siteAddress() });
    expect(report.pages).toBeGreaterThan(10);
    expect(report.checked).toBeGreaterThan(report.pages);
    console.info(`ссылки: ${report.pages} страниц, ${report.checked} внутренних ссылок; внешние (не проверяются):\n  ${report.external.join('\n  ')}`);
    expect(formatBrokenLinks(report.broken)).toBe('');
  });
});
