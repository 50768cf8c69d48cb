/**
 * The typography rules on strings and on a page, and then on every built page of the published
 * site: no one-letter word before a breakable space, no breakable space between a number and the
 * word after it, every glossary abbreviation expanded exactly once, and the letters unchanged.
 */
import { readFileSync, globSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { ABBREVIATIONS, NBSP, typesetPage, typesetText } from '../../src/lib/typography.ts';
import { NBSP_RULES } from '../../src/lib/typeset-text.ts';
import { projectRoot, publishedDist } from '../helpers/paths.ts';

const contentRoot = resolve(projectRoot, 'content');

const letters = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, '');

describe('typesetText', () => {
  it('binds one- and two-letter words to the next word', () => {
    expect(typesetText('с цифрами в источнике')).toBe(`с${NBSP}цифрами в${NBSP}источнике`);
    expect(typesetText('и в городе')).toBe(`и${NBSP}в${NBSP}городе`);
    expect(typesetText('Он не для всех')).toBe(`Он${NBSP}не${NBSP}для всех`);
  });
  it('binds a dash to the word before it', () => {
    expect(typesetText('Бабушка – гламур')).toBe(`Бабушка${NBSP}– гламур`);
    expect(typesetText('Иркутск — обучающийся город')).toBe(`Иркутск${NBSP}— обучающийся город`);
    expect(typesetText('2013–2017')).toBe('2013–2017');
  });
  it('keeps a number with its unit and an abbreviation whole', () => {
    expect(typesetText('15 СО НКО')).toBe(`15${NBSP}СО${NBSP}НКО`);
    expect(typesetText('на 2013 год')).toBe(`на${NBSP}2013${NBSP}год`);
    expect(typesetText('1000 тыс. руб.')).toBe(`1000${NBSP}тыс.${NBSP}руб.`);
    expect(typesetText('более 15 000 человек')).toBe(`более 15${NBSP}000${NBSP}человек`);
    expect(typesetText('№ 5')).toBe(`№${NBSP}5`);
  });
  it('gives what the rules give applied one by one, on every text of the content and on random strings', () => {
    // The rules, in their order, each turning its space into a no-break space on its own pass.
    const oneByOne = (text: string) =>
      Object.values(NBSP_RULES).reduce((typeset, rule) => typeset.replace(new RegExp(` ${rule}`, 'gu'), NBSP), text);
    const contentTexts = globSync('**/*.{mdx,md,yaml}', { cwd: contentRoot }).flatMap((file) =>
      readFileSync(resolve(contentRoot, file), 'utf8').replaceAll(NBSP, ' ').split('\n'),
    );
    expect(contentTexts.length).toBeGreaterThan(100);
    // Pieces that the rules look at: short words, numbers, units, capitals, dashes, no-break spaces.
    const pieces = ['в', 'с', 'ко', 'Ая', 'СО', 'НКО', 'АСДГ', '1', '20', '000', ' ', ' ', ' ', NBSP, '—', '–', '-', '.', 'г.', 'тыс.', 'руб.', 'млн', '№', '%', '«', '"', '„', '(', '\u00AD', 'x'];
    let seed = 1;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const randomTexts = Array.from({ length: 20000 }, () => Array.from({ length: 1 + Math.floor(random() * 12) }, () => pieces[Math.floor(random() * pieces.length)]).join(''));
    for (const text of [...contentTexts, ...randomTexts]) expect(typesetText(text), text).toBe(oneByOne(text));
  });
  it('changes spaces only and is idempotent', () => {
    const text = 'В 2013 году в Иркутске – 3 ресурсных центра для 15 СО НКО и МКУ «ГОРОД».';
    const once = typesetText(text);
    expect(letters(once)).toBe(letters(text));
    expect(typesetText(once)).toBe(once);
  });
});

describe('typesetPage', () => {
  it('expands each glossary abbreviation once, in the body only, and leaves scripts alone', () => {
    const page = '<html><head><title>АСДГ</title></head><body><p>АСДГ и СО НКО</p><p>НКО, АСДГ, СО НКО</p><script>var a = "в АСДГ";</script></body></html>';
    const out = typesetPage(page);
    expect(out).toContain('<title>АСДГ</title>');
    expect(out.match(/<abbr title="Ассоциация сибирских и дальневосточных городов">АСДГ<\/abbr>/g)).toHaveLength(1);
    expect(out.match(/<abbr[^>]*>СО\u00a0НКО<\/abbr>/g)).toHaveLength(1);
    expect(out.match(/<abbr title="некоммерческая организация">НКО<\/abbr>/g)).toHaveLength(1);
    expect(out).toContain('<script>var a = "в АСДГ";</script>');
  });
  it('reads a tag whose attribute holds «>» as one tag', () => {
    const out = typesetPage('<html><body><div aria-label="a > в НКО"><p>в НКО</p></div></body></html>');
    expect(out).toContain('aria-label="a > в НКО"');
    expect(out).toContain(`<p>в${NBSP}<abbr title="некоммерческая организация">НКО</abbr></p>`);
  });
  it('reads nothing inside a script or a style as a tag, whatever «<» it holds', () => {
    const script = '<script>if (a<b) x = "в доме"; y = \'<p>в НКО</p>\';</script>';
    const style = '<style>p::before { content: "<b>в НКО"; }</style>';
    const out = typesetPage(`<html><body>${script}${style}<p>в доме НКО</p></body></html>`);
    expect(out).toBe(`<html><body>${script}${style}<p>в${NBSP}доме <abbr title="некоммерческая организация">НКО</abbr></p></body></html>`);
  });
  it('typesets text again once a raw or no-abbreviation element closes, however deeply nested', () => {
    const out = typesetPage('<html><body><button><span>в НКО</span></button><pre><b>в доме</b></pre><p>в НКО</p></body></html>');
    expect(out).toBe(`<html><body><button><span>в${NBSP}НКО</span></button><pre><b>в доме</b></pre><p>в${NBSP}<abbr title="некоммерческая организация">НКО</abbr></p></body></html>`);
  });
  it('does not wrap an abbreviation the page already expands itself', () => {
    const out = typesetPage('<html><body><p>МКУ</p><p><abbr title="муниципальное казённое учреждение">МКУ</abbr></p></body></html>');
    expect(out.match(/<abbr/g)).toHaveLength(1);
  });
});

// ——— the built site ———

const SKIP = new Set(['SCRIPT', 'STYLE', 'PRE', 'CODE', 'TEXTAREA', 'TITLE', 'TEMPLATE']);
// The admin (/admin/) is the CMS's own interface, not a reader's page; the middleware leaves it as the CMS wrote it.
const pages = globSync('**/*.html', { cwd: publishedDist }).filter((f) => !f.startsWith('pagefind/') && !f.startsWith('admin/'));

function textNodes(html: string): string[] {
  const { document } = parseHTML(html);
  const out: string[] = [];
  const walk = (node: Node) => {
    for (const child of [...node.childNodes]) {
      if (child.nodeType === 3) out.push(child.textContent ?? '');
      else if (child.nodeType === 1 && !SKIP.has((child as Element).tagName)) walk(child);
    }
  };
  if (document.body) walk(document.body);
  return out;
}

describe('the published pages are typeset', () => {
  it('has pages to check', () => expect(pages.length).toBeGreaterThan(10));
  for (const file of pages) {
    const html = readFileSync(resolve(publishedDist, file), 'utf8');
    const nodes = textNodes(html);
    it(`${file}: no one-letter word hangs before a breakable space`, () => {
      const hanging = nodes.flatMap((t) => [...t.matchAll(/(?<![\p{L}\p{N}\-.])\p{L} (?=\S)/gu)].map((m) => t.slice(Math.max(0, (m.index ?? 0) - 15), (m.index ?? 0) + 15)));
      expect(hanging).toEqual([]);
    });
    it(`${file}: no breakable space between a number and its unit`, () => {
      const split = nodes.flatMap((t) => [...t.matchAll(/\d (?=\p{L})/gu)].map((m) => t.slice(Math.max(0, (m.index ?? 0) - 15), (m.index ?? 0) + 15)));
      expect(split).toEqual([]);
    });
    it(`${file}: each glossary abbreviation is expanded exactly once`, () => {
      const { document } = parseHTML(html);
      let body = nodes.join(' ').replace(/\u00a0/g, ' ');
      // Longest first: «НКО» inside «СО НКО» is a use of «СО НКО» only.
      for (const { short, title } of ABBREVIATIONS) {
        const pattern = new RegExp(`(?<!\\p{L})${short}(?!\\p{L})`, 'gu');
        const used = pattern.test(body);
        body = body.replace(pattern, ' ');
        const expanded = [...document.querySelectorAll('abbr[title]')].filter((a) => (a.textContent ?? '').replace(/\u00a0/g, ' ') === short);
        if (!used) continue;
        expect(expanded.length, `${short} in ${file}`).toBe(1);
        expect(expanded[0]?.getAttribute('title')).toBe(title);
      }
    });
  }
});
