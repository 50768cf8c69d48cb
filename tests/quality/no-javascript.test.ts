/**
 * A practice page needs no JavaScript: with scripts off, a reader gets the whole practice (title,
 * facts, figures, description, source). Scripts on it may only
 * add to it (the «Сравнить» button).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { metricSchema } from '../../src/lib/content/schema.ts';
import { formatFigure } from '../../src/lib/format.ts';
import { openPage, siteInBrowser } from '../helpers/browser.ts';
import { projectRoot, publishedDist } from '../helpers/paths.ts';

const site = siteInBrowser(publishedDist);
const id = 'irkutsk/resource-centres';
const source = parseFrontmatter(readFileSync(resolve(projectRoot, 'content/practices', `${id}.mdx`), 'utf8'));
/** Folds whitespace (thin and no-break spaces of typography included) as a reader reads text. */
const fold = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
/** The first sentence of the practice's own text: words that appear nowhere but in the description. */
const firstSentence = fold(source.body.split(/\n\s*\n/).find((p) => /^[А-ЯЁA-Z0-9]/.test(p.trim())) ?? '').split(/(?<=[.!?])\s/)[0] ?? '';

describe('a practice page without JavaScript', () => {
  it('shows the whole practice: title, facts, every figure, the description and the source', async () => {
    expect(firstSentence.length).toBeGreaterThan(20);
    const { page, context, consoleErrors, foreignRequests } = await openPage(site.browser, { javaScript: false });
    try {
      await page.goto(`${site.server.url}/practices/${id}/`);
      // Typeset with no-break spaces; the words are what is checked.
      expect((await page.locator('h1').innerText()).replace(/\u00a0/g, ' ')).toBe(source.data.title);
      for (const heading of ['#facts-heading', '#metrics-heading', '#description-heading', '#source-heading']) {
        expect(await page.locator(heading).isVisible(), heading).toBe(true);
      }
      // Every figure of the content file, as the metrics table words it, is on screen there.
      const metrics = fold(await page.locator('section[aria-labelledby="metrics-heading"]').innerText());
      const figures = (source.data.metrics as unknown[]).map((m) => metricSchema.parse(m));
      expect(figures.length).toBeGreaterThan(0);
      for (const metric of figures) expect(metrics).toContain(fold(formatFigure(metric.value, metric.qualifier, metric.unit)));
      // The description's own first sentence, which the title and summary do not hold.
      expect(fold(await page.locator('section[aria-labelledby="description-heading"]').innerText())).toContain(firstSentence);
      // axe itself needs JavaScript; the same page passes it in accessibility.test.ts.
      expect(consoleErrors).toEqual([]);
      expect(foreignRequests).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
