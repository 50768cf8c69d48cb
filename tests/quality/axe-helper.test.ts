/**
 * The axe helper every browser gate relies on finds what it is there to find. Every gate asserts
 * an empty list of violations, so a helper that injected nothing, ran no rule or dropped what axe
 * reported would pass them all: here it must name the violations of a page made to have them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, launchBrowser, openPage } from '../helpers/browser.ts';

/** Grey on white (about 1.6:1), an image without alt text, and a button without a name. */
const FLAWED_PAGE = `<!doctype html><html lang="ru"><head><title>Проверка</title></head><body><main>
  <h1>Страница с ошибками</h1>
  <p id="faint" style="color: #ccc; background: #fff">Бледный текст</p>
  <img id="no-alt" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="10" height="10">
  <section id="named"><button id="no-name" type="button"></button></section>
</main></body></html>`;

describe('axeViolations', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  async function flawedPage(colorScheme: 'light' | 'dark' = 'light') {
    const watched = await openPage(browser, { colorScheme });
    await watched.page.setContent(FLAWED_PAGE);
    return watched;
  }

  it('names each WCAG violation of a page, with the element it is on', async () => {
    const { page, context } = await flawedPage();
    const found = await axeViolations(page);
    await context.close();
    expect(Object.fromEntries(found.map((v) => [v.id, v.nodes]))).toMatchObject({
      'color-contrast': ['#faint'],
      'image-alt': ['#no-alt'],
      'button-name': ['#no-name'],
    });
  });

  it('with the colour rules, reports the contrast and nothing else', async () => {
    const { page, context } = await flawedPage('dark');
    const found = await axeViolations(page, { rules: 'colour' });
    await context.close();
    expect(found.map((v) => v.id)).toEqual(['color-contrast']);
  });

  it('within a selector, reports only what is inside it', async () => {
    const { page, context } = await flawedPage();
    const found = await axeViolations(page, { within: '#named' });
    await context.close();
    expect(found.map((v) => [v.id, v.nodes])).toEqual([['button-name', ['#no-name']]]);
  });
});
