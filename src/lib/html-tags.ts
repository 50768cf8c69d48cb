/**
 * The tag pattern of the two scanners that read rendered pages as text rather than as a tree
 * (typography.ts, which typesets every page, and the search index's body cut in
 * search/indexed-pages.ts): one pattern, so both read the same tags in the same page. Both
 * users' keys carry this module's code (code-digest.ts): an edit re-renders and re-indexes.
 */

/**
 * A comment, or a start or end tag with its name (group 2), a «/» before the name for an end tag
 * (group 1) and before the «>» for a self-closing one (group 3). Quote-aware: an attribute value
 * may hold «>» or «<» (aria-label="metric_<вид>_<поле>").
 */
export const HTML_TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/;

/** Elements without an end tag. */
export const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Elements whose content is text up to their end tag, never tags. */
export const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea']);

/** Where the content of a raw-text element `name` that starts at `from` ends (its end tag). */
export function rawTextEnd(html: string, name: string, from: number): number {
  const endTag = new RegExp(`</${name}`, 'gi');
  endTag.lastIndex = from;
  return endTag.exec(html)?.index ?? html.length;
}
