/**
 * The no-break-space rules of the site's typography (see typography.ts, which documents them and
 * applies them to pages). Kept apart because typography.ts imports ru.ts for the glossary: the
 * compare page's script typesets its table's lines with these rules and must not load every
 * string of the site. A change here changes pages: bump `TYPOGRAPHY_VERSION` in typography.ts.
 */
export const NBSP = '\u00A0';

// Each pattern matches the space it replaces and looks back for the word before it: a pattern
// that starts with the space lets the engine skip to the next space, where one that starts
// with a lookbehind tests every position (4 to 20 times slower; every page passes through here).
const SHORT_WORD = / (?<=(?<![\p{L}\p{N}\-.\u00AD])\p{L}{1,2} )(?=[\p{L}\p{N}«"„(])/gu;
const BEFORE_DASH = / ([—–])(?= )/g;
const NUMBER_WORD = /(\d) (?=[\p{L}%№])/gu;
const DIGIT_GROUPS = /(\d) (?=\d{3}(?!\d))/g;
const ABBREVIATION_PAIR = / (?<=(?<!\p{L})\p{Lu}{2,} )(?=\p{Lu}{2,}(?!\p{Ll}))/gu;
const UNIT_WORD = / (?<=(?<!\p{L})(?:№|г\.|тыс\.|млн|млрд|руб\.|чел\.) )(?=[\p{L}\p{N}«])/gu;

/** Applies the no-break-space rules to one run of text. */
export function typesetText(text: string): string {
  if (!text.includes(' ')) return text;
  return text
    .replace(DIGIT_GROUPS, `$1${NBSP}`)
    .replace(NUMBER_WORD, `$1${NBSP}`)
    .replace(UNIT_WORD, NBSP)
    .replace(ABBREVIATION_PAIR, NBSP)
    .replace(BEFORE_DASH, `${NBSP}$1`)
    .replace(SHORT_WORD, NBSP);
}
