/**
 * Russian typography for figures and dates. The site never rounds or converts a figure: these
 * helpers only lay out the number the source gave.
 */
import { ru } from '../i18n/ru.ts';
import type { Qualifier } from './content/vocabulary-values.ts';

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

/** «5 практик». */
export function countOf(count: number, forms: readonly [string, string, string]): string {
  return `${formatNumber(count)} ${plural(count, forms)}`;
}

/** «более 15 000 человек»: the qualifier is part of the figure and never dropped. */
export function formatFigure(value: number, qualifier: Qualifier, unit: string): string {
  return figureWith(ru.qualifier[qualifier], value, unit);
}

/** `formatFigure` with the qualifier's word given: for a browser script, which has no ru.ts. */
export function figureWith(word: string, value: number, unit: string): string {
  return [word, formatNumber(value), unit].filter(Boolean).join(' ');
}

/** «2013–2017», «с 2013», or «2013» for a single year. */
export function formatYears(start: number, end?: number): string {
  if (end === undefined) return ru.yearsOngoing(start);
  return start === end ? String(start) : `${start}–${end}`;
}

// In its own module, which does not import ru.ts, so a browser script can format a date without
// loading every string of the site.
export { formatDate } from './format-date.ts';

/** ISO date for `<time datetime>`. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Wraps in «ёлочки» unless the text already opens with one. */
export function guillemets(text: string): string {
  return text.startsWith('«') ? text : `«${text}»`;
}

/** File size as a reader reads it: «812 байт», «12,3 КБ», «1,2 МБ» (binary kilobytes, one decimal). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} ${plural(bytes, ['байт', 'байта', 'байт'])}`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'КБ'] : [bytes / (1024 * 1024), 'МБ'];
  return `${formatNumber(Math.round(value * 10) / 10)} ${unit}`;
}
