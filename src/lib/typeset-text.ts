/**
 * The no-break-space rules of the site's typography (see typography.ts, which documents them and
 * applies them to pages). Kept apart because typography.ts imports ru.ts for the glossary: the
 * compare page's script typesets its table's lines with these rules and must not load every
 * string of the site. A change here re-renders every page by itself (code-digest.ts).
 */
export const NBSP = '\u00A0';

/**
 * Each rule names a breakable space by what stands around it: a lookbehind that ends with the
 * space itself (the word before it) and a lookahead (what follows). Every rule turns that space
 * into a no-break space, in this order when applied one by one.
 *
 * No rule's surroundings depend on whether another space is breakable (only the dash rule looks
 * past its space, at the space after the dash, which no rule is about), so applying them one after
 * another and matching them all at each space give the same text: `tests/typography/typeset.test.ts`
 * checks that on every text of the content and on random strings. Every page passes through here,
 * so each space is first looked at by a few character tests (`mayBind`), and only a space some
 * rule may bind is tried against them.
 */
export const NBSP_RULES = {
  /** Inside a number written with a space between digit groups: «1 000 000». */
  digitGroups: '(?<=\\d )(?=\\d{3}(?!\\d))',
  /** Between a number and the word after it: «2013 год», «15 СО НКО», «50 %». */
  numberWord: '(?<=\\d )(?=[\\p{L}%№])',
  /** After «№», «г.», «тыс.», «млн», «руб.»… before what they qualify. */
  unitWord: '(?<=(?<!\\p{L})(?:№|г\\.|тыс\\.|млн|млрд|руб\\.|чел\\.) )(?=[\\p{L}\\p{N}«])',
  /** Between words of a multi-word abbreviation: «СО НКО». */
  abbreviationPair: '(?<=(?<!\\p{L})\\p{Lu}{2,} )(?=\\p{Lu}{2,}(?!\\p{Ll}))',
  /** Before a dash set between spaces: «город — …». */
  beforeDash: '(?=[—–] )',
  /** After a one- or two-letter word: «в источнике», «с цифрами». */
  shortWord: '(?<=(?<![\\p{L}\\p{N}\\-.\\u00AD])\\p{L}{1,2} )(?=[\\p{L}\\p{N}«"„(])',
} as const;

/** Sticky: tried at one space at a time (`lastIndex`), against the text as it came in. */
const ANY_RULE_AT = new RegExp(` (?:${Object.values(NBSP_RULES).join('|')})`, 'uy');

const isLowercase = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x430 && code <= 0x44f) || code === 0x451;
const isLetter = (code: number) => isLowercase(code) || (code >= 0x41 && code <= 0x5a) || (code >= 0x410 && code <= 0x42f) || code === 0x401;
/** Marks after which no rule binds the space: none looks back past them. */
const CLOSING = new Set([...',;:!?)»"'].map((c) => c.charCodeAt(0)));
const DASHES = new Set([...'—–'].map((c) => c.charCodeAt(0)));

/**
 * Whether some rule may bind the space at `at`; false only where none can (most spaces: after
 * a word of three or more lowercase letters not ending like «млн», «млрд», or after a comma).
 * Anything it does not know, such as a letter of another alphabet, is left to the rules.
 */
function mayBind(text: string, at: number): boolean {
  if (DASHES.has(text.charCodeAt(at + 1))) return true;
  const before = text.charCodeAt(at - 1);
  if (CLOSING.has(before)) return false;
  if (!isLowercase(before) || before === 0x43d || before === 0x434) return true; // «н», «д»: млн, млрд
  return !(isLetter(text.charCodeAt(at - 2)) && isLetter(text.charCodeAt(at - 3)));
}

/** Applies the no-break-space rules to one run of text. */
export function typesetText(text: string): string {
  let out = '';
  let copied = 0;
  for (let at = text.indexOf(' '); at >= 0; at = text.indexOf(' ', at + 1)) {
    if (!mayBind(text, at)) continue;
    ANY_RULE_AT.lastIndex = at;
    if (!ANY_RULE_AT.test(text)) continue;
    out += `${text.slice(copied, at)}${NBSP}`;
    copied = at + 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
