/**
 * The reader's choice of practices: at most four ids `<city>/<slug>`, kept in the URL
 * (`/compare/?p=a/b,c/d`) so a comparison can be sent to a colleague, and in localStorage so it
 * survives navigation. Pure functions, shared by the button, the tray and the compare page.
 */
export const MAX_COMPARED = 4;
export const MIN_COMPARED = 2;
const QUERY_PARAM = 'p';
export const STORAGE_KEY = 'asdg:compare:v1';

const ID = /^[\w-]+(\/[\w-]+)+$/;

/** Valid, distinct ids in the order given; anything else (typos, markup) is dropped. */
export function cleanIds(ids: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const raw of ids) {
    if (typeof raw !== 'string') continue;
    const id = raw.trim().replace(/^\/+|\/+$/g, '');
    if (ID.test(id) && !out.includes(id)) out.push(id);
  }
  return out;
}

/** Reads `?p=` (comma separated; repeated parameters are accepted too). */
export function parseSelection(search: string): string[] {
  const params = new URLSearchParams(search);
  return cleanIds(params.getAll(QUERY_PARAM).flatMap((v) => v.split(',')));
}

/** `/compare/?p=a/b,c/d`; slashes and commas stay readable, as the shared link shows them. */
export function compareHref(base: string, ids: readonly string[]): string {
  if (ids.length === 0) return base;
  return `${base}?${QUERY_PARAM}=${ids.map((id) => encodeURIComponent(id).replaceAll('%2F', '/')).join(',')}`;
}

export function parseStored(raw: string | null): string[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? cleanIds(value).slice(0, MAX_COMPARED) : [];
  } catch {
    return [];
  }
}

export type ToggleResult = { ids: string[]; change: 'added' | 'removed' | 'full' };

export function toggleId(ids: readonly string[], id: string): ToggleResult {
  if (ids.includes(id)) return { ids: ids.filter((x) => x !== id), change: 'removed' };
  if (ids.length >= MAX_COMPARED) return { ids: [...ids], change: 'full' };
  return { ids: [...ids, id], change: 'added' };
}
