/**
 * Which pages the search index is given, in a module of its own: the build's index
 * (index-site.ts, which loads Pagefind) and the middleware that hands it each page Astro renders
 * (page-channel.ts, inside the Astro process) both ask, and the middleware must not load Pagefind.
 */
import { HTML_TAG, RAW_TEXT_ELEMENTS, rawTextEnd, VOID_ELEMENTS } from '../html-tags.ts';

/** URL sections whose pages may enter the index. */
export const INDEXED_SECTIONS = ['practices', 'submissions', 'cities', 'topics'] as const;

/** Marks the indexed part of a page; Pagefind skips a page without it (index-site.ts). */
export const BODY_ATTRIBUTE = 'data-pagefind-body';

/** Is this file of the site (`practices/a/b/index.html`) one the index is given? */
export const isIndexed = (file: string) => file.endsWith('.html') && (INDEXED_SECTIONS as readonly string[]).includes(file.split('/')[0] ?? '');

/**
 * The part of a page Pagefind needs, as a document of its own: the one `data-pagefind-body`
 * element in an `<html><body>`. Pagefind parses everything it is handed on one thread (its
 * service handles one message at a time), and the `<head>`, header, footer and the related
 * practices after the body were about 40 % of a practice page's HTML. The index comes out the
 * same only when nothing outside that element counts for Pagefind, so the page is given whole
 * when any of these holds: no body, or more than one; a filter, meta or sort attribute outside it
 * (they count anywhere on a page, even in ignored elements); a `data-pagefind-*` attribute on an
 * element around it (an ignored ancestor ignores the body); an `<h1>` before it or none inside it
 * (the first `<h1>` on the page is the title, `<title>` its fallback); an `<img>` outside it (the
 * first image after the title is the page's image). tests/search/indexed-document.test.ts builds
 * both indexes of the published site and of a fixture bank and compares them file by file.
 */
export function indexedDocument(html: string): string {
  const first = html.indexOf(BODY_ATTRIBUTE);
  if (first < 0 || html.indexOf(BODY_ATTRIBUTE, first + BODY_ATTRIBUTE.length) >= 0) return html;
  const body = bodyElement(html, first);
  if (!body) return html;
  const before = html.slice(0, body.start);
  const outside = before + html.slice(body.end);
  const element = html.slice(body.start, body.end);
  if (COUNTED_ANYWHERE.test(outside) || before.includes('<h1') || !element.includes('<h1') || outside.includes('<img')) return html;
  const root = /<html\b(?:[^>"']|"[^"]*"|'[^']*')*>/i.exec(before)?.[0] ?? '<html>';
  return `<!doctype html>${root}<body>${element}</body></html>`;
}

/** Pagefind attributes that count wherever they stand on a page. */
const COUNTED_ANYWHERE = /data-pagefind-(?:filter|meta|default-meta|sort)\b/;

/**
 * Where the element whose start tag holds the attribute at `attributeAt` starts and ends;
 * nothing when the attribute is not in a tag, the element is not closed, or an element around it
 * carries a Pagefind attribute of its own.
 */
function bodyElement(html: string, attributeAt: number): { start: number; end: number } | undefined {
  const tags = new RegExp(HTML_TAG, 'g');
  /** Before the body: the start tags of the open elements. After: unused. */
  const open: { name: string; tag: string }[] = [];
  let name: string | undefined;
  let start = 0;
  let depth = 0;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    const [text, closing, rawName, selfClosing] = match;
    if (!rawName) continue;
    const tag = rawName.toLowerCase();
    const end = match.index + text.length;
    if (name === undefined) {
      if (match.index > attributeAt) return undefined; // the attribute was in text, not in a tag
      const isVoid = Boolean(selfClosing) || VOID_ELEMENTS.has(tag);
      if (attributeAt < end) {
        if (closing || isVoid || open.some((o) => o.tag.includes('data-pagefind-'))) return undefined;
        name = tag;
        start = match.index;
        depth = 1;
      } else if (closing) {
        const at = open.map((o) => o.name).lastIndexOf(tag);
        if (at >= 0) open.length = at;
      } else if (!isVoid) {
        open.push({ name: tag, tag: text });
      }
    } else if (tag === name && !selfClosing) {
      depth += closing ? -1 : 1;
      if (depth === 0) return { start, end };
    }
    if (!closing && RAW_TEXT_ELEMENTS.has(tag)) tags.lastIndex = rawTextEnd(html, tag, end);
  }
  return undefined;
}
