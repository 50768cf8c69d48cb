/**
 * CSV as spreadsheet programs in a Russian locale open it: RFC 4180 (comma, CRLF, quotes where
 * needed) written by csv-stringify, in UTF-8 with a byte-order mark, without which Excel reads
 * the Cyrillic as Windows-1251.
 */
import { stringify } from 'csv-stringify/sync';
import { rowsOf, type Column } from './columns.ts';
import type { Plain } from './records.ts';

export const BOM = '\uFEFF';

export function toCsv(columns: readonly Column[], records: readonly Record<string, Plain>[]): string {
  return stringify([columns.map((c) => c.name), ...rowsOf(columns, records)], {
    bom: true,
    record_delimiter: 'windows',
    // RFC 4180: fields with a comma, quote or line break are quoted; quotes are doubled.
    // A line break inside a field must be quoted too; csv-stringify only checks its own delimiter.
    quoted_match: /[\r\n]|^\s|\s$/,
  });
}

export const CSV_HEADERS = { 'Content-Type': 'text/csv; charset=utf-8' } as const;
