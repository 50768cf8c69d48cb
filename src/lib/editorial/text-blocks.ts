/**
 * Plain text into Markdown that renders back to the same text. City reports arrive as plain
 * text or Word; their words must reach the page exactly, so every character MDX or Markdown
 * would read as syntax is escaped. Pure functions: the submit form runs them in the browser.
 */

export type TextBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string; depth: 2 | 3; inserted?: boolean }
  | { kind: 'list'; ordered: boolean; items: string[] };

const BULLET = /^\s*[-–—•·*▪●]\s+/;
const ORDERED = /^\s*\d{1,3}[.)]\s+/;

/** `- пункт` / `1. пункт` → the item text and the kind of list it belongs to, or undefined. */
export function listItemOf(line: string): { ordered: boolean; text: string } | undefined {
  const bullet = BULLET.exec(line);
  if (bullet) return { ordered: false, text: line.slice(bullet[0].length).trim() };
  const ordered = ORDERED.exec(line);
  if (ordered) return { ordered: true, text: line.slice(ordered[0].length).trim() };
  return undefined;
}

/**
 * One line of the source, one paragraph: reports written in Word keep a paragraph per line,
 * and a single line break there is a new paragraph (Markdown would join the lines). Lines that
 * start with a list marker become list items; consecutive items make one list.
 */
export function textToBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const item = listItemOf(line);
    const last = blocks.at(-1);
    if (item && last?.kind === 'list' && last.ordered === item.ordered) last.items.push(item.text);
    else if (item) blocks.push({ kind: 'list', ordered: item.ordered, items: [item.text] });
    else blocks.push({ kind: 'paragraph', text: line });
  }
  return blocks;
}

/**
 * Escapes a line of plain text so MDX keeps it as text: `{` `}` `<` would start code or a
 * component, the rest would start emphasis, links, entities, headings or lists.
 */
export function escapeMdxText(text: string): string {
  let out = text.replace(/[\\`*_{}[\]<>#|~&!]/g, '\\$&');
  // Structure that only counts at the start of a line.
  out = out.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
  // A paragraph starting with the word import or export is read as code by MDX; a letter cannot
  // be backslash-escaped, so its first letter is written as a character reference.
  out = out.replace(/^(\s*)([ie])(mport|xport)\b/, (_, space: string, letter: string, rest: string) => `${space}&#x${letter.charCodeAt(0).toString(16)};${rest}`);
  return out;
}

/** Blocks as MDX, paragraphs separated by blank lines. */
export function blocksToMdx(blocks: readonly TextBlock[]): string {
  return blocks
    .map((block) => {
      if (block.kind === 'paragraph') return escapeMdxText(block.text);
      if (block.kind === 'heading') return `${'#'.repeat(block.depth)} ${escapeMdxText(block.text)}`;
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${escapeMdxText(item)}`).join('\n');
    })
    .join('\n\n');
}
