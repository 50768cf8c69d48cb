/**
 * /data/ on the published site: each file's size as stated is the size of the file served, every
 * count says what it counts in words, and no licence is claimed unless the build sets one.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPage, textOf } from '../helpers/html.ts';
import { projectRoot, publishedDist } from '../helpers/paths.ts';
import { readBank } from '../helpers/content-bank.ts';
import { countOf, formatBytes } from '../../src/lib/format.ts';
import { ru } from '../../src/i18n/ru.ts';
import { dataLicence } from '../../src/lib/open-data/licence.ts';

const fold = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

describe('/data/', () => {
  const { document } = readPage(publishedDist, '/data/');

  it('states the size of every file as served, and counts in words', () => {
    const sizes = [...document.querySelectorAll('[data-data-size]')];
    expect(sizes.map((s) => s.getAttribute('data-data-size'))).toEqual(['practices.csv', 'practices.json', 'cities.csv', 'topics.csv', 'schema.json']);
    for (const el of sizes) {
      const name = el.getAttribute('data-data-size') ?? '';
      const bytes = statSync(resolve(publishedDist, 'data', name)).size;
      expect(fold(textOf(el)), name).toContain(fold(formatBytes(bytes)));
    }
    const texts = sizes.map((s) => fold(textOf(s)));
    // Counts of the content files, in words (countOf is the site's one plural helper).
    const bank = readBank(resolve(projectRoot, 'content'));
    expect(texts[0]).toMatch(new RegExp(`^${countOf(bank.practices.length, ru.counts.practices)}, `));
    expect(texts[2]).toMatch(new RegExp(`^${countOf(bank.cities.length, ru.counts.cities)}, `));
    expect(texts[3]).toMatch(new RegExp(`^${countOf(bank.topics.length, ru.counts.topics)}, `));
    expect(texts.join(' ')).not.toContain('записей');
  });

  it('claims no licence by default: the terms are АСДГ\'s to set', () => {
    const terms = fold(textOf(document.querySelector('[data-data-licence]')));
    expect(terms).toContain('устанавливает Ассоциация сибирских и дальневосточных городов');
    expect(terms).not.toMatch(/CC BY|Creative Commons|ODbL/);
  });

  it('reads a licence from the build settings, and refuses a bad address', () => {
    expect(dataLicence({})).toBeUndefined();
    expect(dataLicence({ DATA_LICENCE_NAME: 'CC BY 4.0', DATA_LICENCE_URL: 'https://creativecommons.org/licenses/by/4.0/' })).toEqual({ name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' });
    expect(() => dataLicence({ DATA_LICENCE_NAME: 'x', DATA_LICENCE_URL: 'javascript:alert(1)' })).toThrow(/DATA_LICENCE_URL/);
  });

  it('formats sizes the Russian way', () => {
    expect(formatBytes(812)).toBe('812 байт');
    expect(formatBytes(2)).toBe('2 байта');
    expect(formatBytes(12_595)).toBe('12,3 КБ');
    expect(formatBytes(1_258_291)).toBe('1,2 МБ');
  });
});
