/**
 * Numbers and counted nouns as readers read them. Kept apart from format.ts because that module
 * imports ru.ts: ru.ts itself and the browser scripts use these without every string of the site.
 */

/** Narrow no-break space: the thin space Russian typography puts between digit groups. */
export const THIN_SPACE = '\u202F';

const pluralRules = new Intl.PluralRules('ru');

/**
 * `15000` → «15 000» with thin spaces. Four-digit numbers stay whole («1000»), as Russian
 * typesetting has it; decimals take a comma.
 */
export function formatNumber(value: number): string {
  const [whole = '', fraction] = String(Math.abs(value)).split('.');
  const grouped = whole.length > 4 ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, THIN_SPACE) : whole;
  return `${value < 0 ? '−' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/** Picks «практика / практики / практик» for a count through `Intl.PluralRules`. */
export function plural(count: number, forms: readonly [one: string, few: string, many: string]): string {
  const rule = pluralRules.select(count);
  return rule === 'one' ? forms[0] : rule === 'few' ? forms[1] : forms[2];
}

/** «5 практик», «12 000 результатов». */
export function countOf(count: number, forms: readonly [string, string, string]): string {
  return `${formatNumber(count)} ${plural(count, forms)}`;
}
