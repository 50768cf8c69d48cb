/**
 * CSV as spreadsheet programs in a Russian locale open it: RFC 4180 (comma, CRLF, quotes where
 * needed) written by csv-stringify, in UTF-8 with a byte-order mark, without which Excel reads
 * the Cyrillic as Windows-1251.
 */
import { stringify } from 'csv-stringify/sync';
import { rowsOf, type Column } from './columns.ts';
import type { Plain } from './records.ts';

/** What a spreadsheet takes for the start of a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A number as the bank writes one (`-12.5`): it stays a number in a numeric column. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;

/**
 * A cell that a spreadsheet would run as a formula gets a leading apostrophe, as OWASP
 * recommends: Excel and LibreOffice then show the text as typed. Numbers in numeric columns
 * (a negative longitude, say) are left as they are, so they stay numbers.
 */
export function neutraliseCell(cell: string, type: Column['type'] | undefined): string {
  if (!FORMULA_START.test(cell)) return cell;
  if ((type === 'integer' || type === 'number') && PLAIN_NUMBER.test(cell)) return cell;
  return `'${cell}`;
}

/** Every CSV file of the site goes through here. */
export function toCsv(columns: readonly Column[], records: readonly Record<string, Plain>[]): string {
  const header = columns.map((c) => neutraliseCell(c.name, 'string'));
  const rows = rowsOf(columns, records).map((row) => row.map((cell, i) => neutraliseCell(cell, columns[i]?.type)));
  return stringify([header, ...rows], {
    bom: true,
    record_delimiter: 'windows',
    // RFC 4180: fields with a comma, quote or line break are quoted; quotes are doubled.
    // A line break inside a field must be quoted too; csv-stringify only checks its own delimiter.
    quoted_match: /[\r\n]|^\s|\s$/,
  });
}

export const CSV_HEADERS = { 'Content-Type': 'text/csv; charset=utf-8' } as const;
