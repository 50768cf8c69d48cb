/**
 * Static pagination of every list page (catalogue, topic, city, year, questionnaire answers):
 * no page a reader loads grows with the whole bank. Page 1 keeps the list's own address
 * (`/topics/nko/`), page n > 1 lives under it (`/topics/nko/page/2/`), so old links still land
 * on the start of the list and every page is a complete view without JavaScript.
 *
 * The page size is a setting (`LIST_PAGE_SIZE`, `ANSWERS_PAGE_SIZE`) so a fixture bank of a
 * handful of practices can be built with pages of two and its edges tested.
 */

/**
 * Practice cards per list page. A card is about 1.3 KB of HTML; a topic page also holds the table
 * and charts of its page of practices (about 5 KB a practice), so 24 keeps it near 130 KB.
 */
const DEFAULT_LIST_PAGE_SIZE = 24;
/** Submissions per page of a questionnaire's answers: an answer is a city's full text. */
const DEFAULT_ANSWERS_PAGE_SIZE = 12;

function sizeFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: ожидается целое число больше нуля, получено «${value}»`);
  return n;
}

export const listPageSize = (): number => sizeFrom(process.env.LIST_PAGE_SIZE, DEFAULT_LIST_PAGE_SIZE, 'LIST_PAGE_SIZE');
export const answersPageSize = (): number => sizeFrom(process.env.ANSWERS_PAGE_SIZE, DEFAULT_ANSWERS_PAGE_SIZE, 'ANSWERS_PAGE_SIZE');

export interface ListPage<T> {
  /** 1-based. */
  number: number;
  /** Number of pages of the list; at least 1, an empty list has one empty page. */
  count: number;
  items: T[];
  /** Position of the first item on this page in the whole list, 1-based (0 when empty). */
  from: number;
  /** Position of the last item, 1-based (0 when empty). */
  to: number;
  total: number;
  href: string;
  prev?: string;
  next?: string;
  first: string;
  last: string;
}

/** The address of page `n` of the list whose first page is `base` (ends in '/'). */
export function pageHref(base: string, n: number): string {
  return n <= 1 ? base : `${base}page/${n}/`;
}

/** Number of pages `total` items fill; one for an empty list, so the list page still exists. */
export function pageCount(total: number, size: number): number {
  if (size < 1) throw new Error(`page size must be positive, got ${size}`);
  return Math.max(1, Math.ceil(total / size));
}

/** Every page of a list: never none, an empty list has one empty page. */
type ListPages<T> = [first: ListPage<T>, ...later: ListPage<T>[]];

/** Every page of `items` (already in the order the list shows), each with its links. */
export function paginate<T>(items: readonly T[], size: number, base: string): ListPages<T> {
  const count = pageCount(items.length, size);
  const pageAt = (number: number): ListPage<T> => {
    const start = (number - 1) * size;
    const slice = items.slice(start, start + size);
    return {
      number,
      count,
      items: slice,
      from: slice.length ? start + 1 : 0,
      to: slice.length ? start + slice.length : 0,
      total: items.length,
      href: pageHref(base, number),
      prev: number > 1 ? pageHref(base, number - 1) : undefined,
      next: number < count ? pageHref(base, number + 1) : undefined,
      first: pageHref(base, 1),
      last: pageHref(base, count),
    };
  };
  return [pageAt(1), ...Array.from({ length: count - 1 }, (_, i) => pageAt(i + 2))];
}

/**
 * Page numbers the pagination nav links: first, last, and a window around the current page;
 * `null` marks a gap («…»). Bounded whatever the number of pages, so the nav never grows.
 */
export function pageWindow(current: number, count: number, radius = 2): (number | null)[] {
  const shown = new Set<number>([1, count]);
  for (let n = current - radius; n <= current + radius; n++) if (n >= 1 && n <= count) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((n, i) => {
    const before = sorted[i - 1];
    if (before !== undefined && n - before === 2) out.push(n - 1);
    else if (before !== undefined && n - before > 2) out.push(null);
    out.push(n);
  });
  return out;
}

/**
 * getStaticPaths entries of the pages after the first, for a route `<list>/page/[page]`:
 * page 1 is the list's own route, so it is not repeated here.
 */
export function laterPages<T, P extends Record<string, string>>(pages: ListPage<T>[], params: P, cacheKey?: (page: ListPage<T>) => string) {
  return pages.slice(1).map((page) => ({ params: { ...params, page: String(page.number) }, props: { page }, ...(cacheKey ? { cacheKey: cacheKey(page) } : {}) }));
}
