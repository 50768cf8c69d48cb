import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';

/** Reads a built page by its URL path (`/practices/irkutsk/x/`) and parses it. */
export function readPage(dist: string, urlPath: string) {
  const file = resolve(dist, `.${urlPath}`, urlPath.endsWith('/') ? 'index.html' : '');
  const html = readFileSync(file, 'utf8');
  const { document } = parseHTML(html);
  return { html, document };
}

/** Visible text with whitespace folded, as a reader would see it. */
export function textOf(node: { textContent: string | null } | null): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
