/**
 * The axe helper every browser gate relies on finds what it is there to find. Every gate asserts
 * an empty list of violations, so a helper that injected nothing, ran no rule or dropped what axe
 * reported would pass them all: here it must name the violations of a page made to have them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, openPage } from '../helpers/browser.ts';

/** Grey on white (about 1.6:1), an image without alt text, and a button without a name. */
const FLAWED_PAGE = `<!doctype html><html lang="ru"><head><title>Проверка</title></head><body><main>
  <h1>Страница с ошибками</h1>
  <p id="faint" style="color: #ccc; background: #fff">Бледный текст</p>
  <img id="no-alt" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="10" height="10">
  <section id="scope"><button id="no-name" type="button"></button></section>
</main></body></html>`;

describe('axeViolations', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  /** Runs `check` on the flawed page in a context of its own, closed whatever happens. */
  async function onFlawedPage<T>(check: (page: Page) => Promise<T>): Promise<T> {
    const { page, context } = await openPage(browser);
    try {
      await page.setContent(FLAWED_PAGE);
      return await check(page);
    } finally {
      await context.close();
    }
  }

  it('names each WCAG violation of a page, with the element it is on', async () => {
    const found = await onFlawedPage((page) => axeViolations(page));
    expect(Object.fromEntries(found.map((v) => [v.id, v.nodes]))).toMatchObject({
      'color-contrast': ['#faint'],
      'image-alt': ['#no-alt'],
      'button-name': ['#no-name'],
    });
  });

  it('with the colour rules, reports the contrast and nothing else', async () => {
    const found = await onFlawedPage((page) => axeViolations(page, { rules: 'colour' }));
    expect(found.map((v) => v.id)).toEqual(['color-contrast']);
  });

  it('within a selector, reports only what is inside it', async () => {
    const found = await onFlawedPage((page) => axeViolations(page, { within: '#scope' }));
    expect(found.map((v) => [v.id, v.nodes])).toEqual([['button-name', ['#no-name']]]);
  });
});
