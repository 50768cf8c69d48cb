/**
 * The dark colour scheme changes colours and nothing else, and only through CSS. The browser
 * tests rely on it: they load a page once, check it with every axe rule in the light scheme, then
 * switch `prefers-color-scheme` and run only axe's colour rules (tests/helpers/browser.ts,
 * COLOUR_RULES). If a dark block ever sets a size, a display or a position, or a script starts
 * reading the scheme, this file fails and those tests must check the dark scheme in full again.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishedDist } from '../helpers/paths.ts';

const assets = join(publishedDist, '_astro');
const files = (ext: string) => readdirSync(assets).filter((f) => f.endsWith(ext));

/** The bodies of every `@media (prefers-color-scheme: dark)` block of a stylesheet. */
function darkBlocks(css: string): string[] {
  const blocks: string[] = [];
  const opening = /@media[^{]*prefers-color-scheme\s*:\s*dark[^{]*\{/g;
  for (let match = opening.exec(css); match; match = opening.exec(css)) {
    let depth = 1;
    let end = opening.lastIndex;
    while (depth > 0 && end < css.length) {
      if (css[end] === '{') depth += 1;
      else if (css[end] === '}') depth -= 1;
      end += 1;
    }
    blocks.push(css.slice(opening.lastIndex, end - 1));
  }
  return blocks;
}

/** `property: value` pairs declared inside a block (its rules' bodies). */
function declarations(block: string): { property: string; value: string }[] {
  return [...block.matchAll(/\{([^{}]*)\}/g)].flatMap(([, body]) =>
    (body ?? '')
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const colon = d.indexOf(':');
        return { property: d.slice(0, colon).trim().toLowerCase(), value: d.slice(colon + 1).trim() };
      }),
  );
}

const COLOUR_PROPERTIES = /^(color|background(-color)?|border(-(top|right|bottom|left))?-color|outline-color|text-decoration-color|caret-color|accent-color|fill|stroke|color-scheme|column-rule-color)$/;
/** A value that is a colour: a hex, a colour function, a keyword or another custom property. */
const COLOUR_VALUE = /^(#[0-9a-f]{3,8}|(rgb|rgba|hsl|hsla|oklch|oklab|lab|lch|color-mix|light-dark)\(.*\)|var\(--[\w-]+\)|[a-z]+)$/i;

describe('the dark colour scheme', () => {
  const stylesheets = files('.css').map((f) => ({ file: f, css: readFileSync(join(assets, f), 'utf8') }));
  const dark = stylesheets.flatMap(({ file, css }) => darkBlocks(css).flatMap((b) => declarations(b).map((d) => ({ file, ...d }))));

  it('exists: the site’s stylesheets set colours for it', () => {
    expect(dark.length).toBeGreaterThan(5);
  });

  it('sets colour properties, and custom properties to colours, nothing else', () => {
    const notColour = dark.filter(({ property, value }) => (property.startsWith('--') ? !COLOUR_VALUE.test(value) : !COLOUR_PROPERTIES.test(property)));
    expect(notColour).toEqual([]);
  });

  it('is never read by the site’s own scripts (only CSS follows the scheme)', () => {
    const readers = files('.js').filter((f) => /prefers-color-scheme/.test(readFileSync(join(assets, f), 'utf8')));
    expect(readers).toEqual([]);
  });

  it('switches without transitions: no stylesheet animates a change', () => {
    expect(stylesheets.filter(({ css }) => /(^|[;{\s])transition(-[a-z]+)?\s*:/.test(css)).map(({ file }) => file)).toEqual([]);
  });
});
