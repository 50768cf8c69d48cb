/**
 * Russian typography for everything the site shows, in one place. It changes spaces only, never
 * letters: the verbatim wording of a city's submission keeps every word, and a test checks that
 * the published text still equals the source once spaces are folded.
 *
 * Rules (also in the README):
 * - a no-break space after a one- or two-letter word («в\u00A0источнике», «с\u00A0цифрами»);
 * - a no-break space before a dash set between spaces («Бабушка\u00A0– гламур», «город\u00A0— …»);
 * - a no-break space between a number and the word after it, so a figure never leaves its unit
 *   («2013\u00A0год», «1000\u00A0тыс.\u00A0руб.», «15\u00A0СО\u00A0НКО»), and inside a number
 *   written with a space between digit groups;
 * - a no-break space between words of a multi-word abbreviation («СО\u00A0НКО») and after
 *   «№», «г.», «тыс.», «млн», «руб.» before what they qualify;
 * - `<abbr title>` for the glossary's abbreviations on their first use on a page (`typesetPage`).
 *
 * The loader applies `typesetHast` to the tree of every content file (`safe-mdx.ts`); the
 * middleware (`src/middleware.ts`) applies `typesetPage` to every built HTML page, which reaches
 * the interface strings as well. Both are idempotent: typeset text has no breakable space left
 * where a rule applies.
 */
import type { Element, Root, RootContent, ElementContent } from 'hast';
import { ru } from '../i18n/ru.ts';
import { NBSP, typesetText } from './typeset-text.ts';
import { HTML_TAG, RAW_TEXT_ELEMENTS, rawTextEnd, VOID_ELEMENTS } from './html-tags.ts';

export { NBSP, typesetText };

/** Elements whose text is code or form data: never typeset. */
const RAW_ELEMENTS = new Set(['script', 'style', 'pre', 'code', 'textarea', 'kbd', 'samp']);

/** Typesets the text nodes of a content tree in place (the loader's hook). */
export function typesetHast<T extends Root | Element>(tree: T): T {
  const walk = (children: (RootContent | ElementContent)[]) => {
    for (const child of children) {
      if (child.type === 'text') child.value = typesetText(child.value);
      else if (child.type === 'element' && !RAW_ELEMENTS.has(child.tagName)) walk(child.children);
    }
  };
  walk(tree.children);
  return tree;
}

/** The glossary's abbreviations (/work/shared/GLOSSARY.md), longest first so «СО НКО» wins over «НКО». */
export const ABBREVIATIONS: readonly { short: string; title: string }[] = Object.entries(ru.abbreviations)
  .map(([short, title]) => ({ short, title }))
  .sort((a, b) => b.short.length - a.short.length);

const abbreviationPattern = new RegExp(
  `(?<![\\p{L}])(${ABBREVIATIONS.map((a) => a.short.replaceAll(' ', '[ \\u00A0]')).join('|')})(?![\\p{L}])`,
  'gu',
);
const normaliseAbbreviation = (text: string) => text.replace(/\u00A0/g, ' ');

const escapeAttribute = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/** Where an `<abbr>` may not go: no elements allowed inside, or not shown as text. */
const NO_ABBR_INSIDE = new Set(['title', 'option', 'abbr', 'svg', 'head', 'button', 'select', 'summary']);
/** Elements whose text is left as it is. */
const RAW_PAGE_ELEMENTS = new Set([...RAW_ELEMENTS, 'title', 'head']);

/**
 * Typesets a whole HTML page: the no-break-space rules on every text node outside code, scripts
 * and styles, and `<abbr title>` around the first use of each glossary abbreviation in the body
 * (an abbreviation the page already expands with its own `<abbr>` is not wrapped again).
 */
export function typesetPage(html: string): string {
  const expanded = new Set<string>();
  for (const match of html.matchAll(/<abbr\b[^>]*\btitle=[^>]*>([^<]*)<\/abbr>/g)) expanded.add(normaliseAbbreviation(match[1] ?? ''));
  const stack: string[] = [];
  // How many open elements keep their text raw, forbid an <abbr>, or are the body: counted as
  // they open and close, since a page has over a thousand text runs to ask about.
  let raw = 0;
  let noAbbr = 0;
  let body = 0;
  const count = (name: string, by: number) => {
    if (RAW_PAGE_ELEMENTS.has(name)) raw += by;
    if (NO_ABBR_INSIDE.has(name)) noAbbr += by;
    if (name === 'body') body += by;
  };
  const text = (chunk: string) => {
    if (raw > 0) return chunk;
    let typeset = typesetText(chunk.includes('&') ? chunk.replace(/&nbsp;/g, NBSP) : chunk);
    if (body > 0 && noAbbr === 0) {
      typeset = typeset.replace(abbreviationPattern, (found: string) => {
        const key = normaliseAbbreviation(found);
        const entry = ABBREVIATIONS.find((a) => a.short === key);
        if (!entry || expanded.has(key)) return found;
        expanded.add(key);
        return `<abbr title="${escapeAttribute(entry.title)}">${found}</abbr>`;
      });
    }
    return typeset;
  };
  // Most text runs come out as they went in (content is typeset by the loader already), so the
  // page is copied in stretches up to each run that changed, not tag by tag.
  let out = '';
  let copied = 0;
  const textUpTo = (from: number, to: number) => {
    if (to <= from) return;
    const chunk = html.slice(from, to);
    const typeset = text(chunk);
    if (typeset === chunk) return;
    out += html.slice(copied, from) + typeset;
    copied = to;
  };
  let last = 0;
  // A copy of its own per page: exec moves the pattern's lastIndex.
  const tags = new RegExp(HTML_TAG, 'g');
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    const index = match.index;
    textUpTo(last, index);
    last = index + match[0].length;
    const [, closing, rawName, selfClosing] = match;
    if (!rawName) continue;
    const name = rawName.toLowerCase();
    if (closing) {
      const at = stack.lastIndexOf(name);
      if (at >= 0) {
        for (let i = at; i < stack.length; i++) count(stack[i] ?? '', -1);
        stack.length = at;
      }
    } else if (!selfClosing && !VOID_ELEMENTS.has(name)) {
      stack.push(name);
      count(name, 1);
      // The content of script and style is not HTML: skip straight to its end tag, so that no
      // «<» inside it is read as a tag.
      if (RAW_TEXT_ELEMENTS.has(name)) {
        last = rawTextEnd(html, name, last);
        tags.lastIndex = last;
      }
    }
  }
  textUpTo(last, html.length);
  return copied === 0 ? html : out + html.slice(copied);
}
