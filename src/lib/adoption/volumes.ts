/**
 * Splits a long list into volumes of at most `size`, so no page grows with the whole bank: the
 * list of complete descriptions and each printed collection are paginated this way.
 */
export interface Volume<T> {
  /** 1-based. */
  number: number;
  total: number;
  items: T[];
}

export function volumesOf<T>(items: readonly T[], size: number): Volume<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => ({ number: i + 1, total, items: items.slice(i * size, (i + 1) * size) }));
}

/** Practices per list page of /practices/complete/. */
export const COMPLETE_PAGE_SIZE = 50;
/**
 * Practices per volume of a printed collection: each starts on its own A4 page and takes one to
 * three, so a volume is some 30–60 pages — what an office printer and a reader's browser handle.
 */
export const COLLECTION_VOLUME_SIZE = 20;
