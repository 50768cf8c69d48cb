/**
 * Turns a content entry into the plain record the open data publishes: the fields exactly as the
 * content model parsed them, with dates as `YYYY-MM-DD` and references as the ids editors typed.
 */

import { isoDate } from '../format.ts';

export type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

/** A reference as the content model produces it (same shape as Astro's `reference()`). */
function isReference(value: object): value is { collection: string; id: string } {
  const keys = Object.keys(value);
  return keys.length === 2 && 'collection' in value && 'id' in value && typeof value.id === 'string';
}

export function toPlain(value: unknown): Plain | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // Dates in the bank are calendar days, parsed from YAML as UTC midnight.
  if (value instanceof Date) return isoDate(value);
  if (Array.isArray(value)) return value.map((item) => toPlain(item) ?? null);
  if (typeof value === 'object') {
    if (isReference(value)) return value.id;
    const out: Record<string, Plain> = {};
    for (const [key, item] of Object.entries(value)) {
      const plain = toPlain(item);
      if (plain !== undefined) out[key] = plain;
    }
    return out;
  }
  throw new Error(`Значение типа ${typeof value} нельзя выгрузить в открытые данные`);
}

export type DataRecord = { id: string; url: string } & Record<string, Plain>;

/** `{ id, url, ...fields }`: identity first, then the fields in the content model's order. */
export function toRecord(id: string, url: string, data: object): DataRecord {
  return { id, url, ...(toPlain(data) as Record<string, Plain>) };
}
