/**
 * The no-break-space rules of the site's typography (see typography.ts, which documents them and
 * applies them to pages). Kept apart because typography.ts imports ru.ts for the glossary: the
 * compare page's script typesets its table's lines with these rules and must not load every
 * string of the site. A change here changes pages: bump `TYPOGRAPHY_VERSION` in typography.ts.
 */
export const NBSP = '\u00A0';

/**
 * Each rule names a breakable space by what stands around it: a lookbehind that ends with the
 * space itself (the word before it) and a lookahead (what follows). Every rule turns that space
 * into a no-break space, in this order when applied one by one.
 *
 * No rule's surroundings depend on whether another space is breakable (only the dash rule looks
 * past its space, at the space after the dash, which no rule is about), so applying them one after
 * another and matching them all in one pass give the same text: `tests/typography/typeset.test.ts`
 * checks that on every text of the content and on random strings. One pass that starts at a space
 * lets the engine skip from space to space once, not six times; every page passes through here.
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

const ANY_RULE = new RegExp(` (?:${Object.values(NBSP_RULES).join('|')})`, 'gu');

/** Applies the no-break-space rules to one run of text. */
export function typesetText(text: string): string {
  if (!text.includes(' ')) return text;
  return text.replace(ANY_RULE, NBSP);
}
