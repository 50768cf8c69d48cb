/**
 * A small, fast scanner for the start tags of built HTML, with the line of each tag. The
 * quality gates read thousands of pages; a full DOM is not needed to see attributes, and a DOM
 * would lose the line numbers that make a report useful.
 */

interface ScannedTag {
  /** Lower-case tag name. */
  name: string;
  /** Attribute values, entities decoded; a bare attribute has the value ''. */
  attributes: Map<string, string>;
  /** 1-based line of the tag's `<`. */
  line: number;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
// A start tag, a comment, or the raw text of script/style (whose content is not markup).
const TOKEN = /<!--[\s\S]*?-->|<(script|style)\b([^>]*)>[\s\S]*?<\/\1\s*>|<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [, rawName = '', doubleQuoted, singleQuoted, bare] of source.matchAll(ATTRIBUTE)) {
    const name = rawName.toLowerCase();
    if (!attributes.has(name)) attributes.set(name, decodeEntities(doubleQuoted ?? singleQuoted ?? bare ?? ''));
  }
  return attributes;
}

export function scanTags(html: string): ScannedTag[] {
  const tags: ScannedTag[] = [];
  let line = 1;
  let position = 0;
  const advance = (to: number) => {
    for (let i = position; i < to; i++) if (html.charCodeAt(i) === 10) line++;
    position = to;
  };
  for (const match of html.matchAll(TOKEN)) {
    advance(match.index);
    const name = (match[1] ?? match[3])?.toLowerCase();
    if (name) tags.push({ name, attributes: parseAttributes(match[2] ?? match[4] ?? ''), line });
  }
  return tags;
}
