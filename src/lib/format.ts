/**
 * Russian typography for figures and dates. The site never rounds or converts a figure: these
 * helpers only lay out the number the source gave.
 */
import { ru } from '../i18n/ru.ts';
import type { Qualifier } from './content/vocabulary-values.ts';
import { formatNumber, plural } from './format-count.ts';

// In their own module, which does not import ru.ts, so ru.ts and browser scripts can count.
export { THIN_SPACE, countOf, formatNumber, plural } from './format-count.ts';

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
export { formatDate, isoDate } from './format-date.ts';

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
