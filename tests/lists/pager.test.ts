/** The pager module at the edges: no items, one, exactly a page, one more than a page, many. */
import { afterEach, describe, expect, it } from 'vitest';
import { listPageSize, pageCount, pageHref, pageWindow, paginate, laterPages } from '../../src/lib/lists/pager.ts';

const items = (n: number) => Array.from({ length: n }, (_, i) => `p${i + 1}`);

describe('paginate', () => {
  it('gives an empty list one empty page, with no prev or next', () => {
    const pages = paginate([], 5, '/x/');
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ number: 1, count: 1, items: [], from: 0, to: 0, total: 0, href: '/x/', prev: undefined, next: undefined });
  });

  it('puts one item on one page', () => {
    const [page, ...rest] = paginate(items(1), 5, '/x/');
    expect(rest).toEqual([]);
    expect(page).toMatchObject({ items: ['p1'], from: 1, to: 1, count: 1, prev: undefined, next: undefined });
  });

  it('fills exactly one page without a second', () => {
    const pages = paginate(items(5), 5, '/x/');
    expect(pages).toHaveLength(1);
    expect(pages[0]?.items).toEqual(items(5));
    expect(pages[0]?.next).toBeUndefined();
  });

  it('opens a second page for one more than a page, linked both ways', () => {
    const pages = paginate(items(6), 5, '/x/');
    expect(pages.map((p) => p.items.length)).toEqual([5, 1]);
    expect(pages[0]).toMatchObject({ href: '/x/', next: '/x/page/2/', prev: undefined, last: '/x/page/2/' });
    expect(pages[1]).toMatchObject({ href: '/x/page/2/', prev: '/x/', next: undefined, from: 6, to: 6, total: 6 });
  });

  it('keeps every item exactly once, in order, and chains next links from page 1 to the last', () => {
    for (const [n, size] of [[0, 3], [1, 3], [3, 3], [4, 3], [17, 4], [100, 7]] as const) {
      const pages = paginate(items(n), size, '/list/');
      expect(pages.flatMap((p) => p.items)).toEqual(items(n));
      expect(pages).toHaveLength(pageCount(n, size));
      const byHref = new Map(pages.map((p) => [p.href, p]));
      const seen: string[] = [];
      for (let page = byHref.get('/list/'); page; page = page.next ? byHref.get(page.next) : undefined) seen.push(...page.items);
      expect(seen).toEqual(items(n));
      for (const page of pages) if (page.prev) expect(byHref.get(page.prev)?.next).toBe(page.href);
    }
  });

  it('leaves page 1 to the list route and gives later pages their params', () => {
    const later = laterPages(paginate(items(7), 3, '/t/nko/'), { id: 'nko' });
    expect(later.map((p) => p.params)).toEqual([{ id: 'nko', page: '2' }, { id: 'nko', page: '3' }]);
    expect(pageHref('/t/nko/', 1)).toBe('/t/nko/');
    expect(pageHref('/t/nko/', 3)).toBe('/t/nko/page/3/');
  });

  it('refuses a page size that is not positive', () => {
    expect(() => paginate(items(3), 0, '/x/')).toThrow();
  });
});

describe('pageWindow', () => {
  it('shows every page of a short list', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('stays bounded on a long list: first, last, neighbours and gaps', () => {
    expect(pageWindow(50, 200)).toEqual([1, null, 48, 49, 50, 51, 52, null, 200]);
    expect(pageWindow(1, 200)).toEqual([1, 2, 3, null, 200]);
    expect(pageWindow(200, 200)).toEqual([1, null, 198, 199, 200]);
    // A gap of one page is that page, not «…».
    expect(pageWindow(5, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, null, 10]);
  });
});

describe('LIST_PAGE_SIZE', () => {
  const saved = process.env.LIST_PAGE_SIZE;
  afterEach(() => {
    if (saved === undefined) delete process.env.LIST_PAGE_SIZE;
    else process.env.LIST_PAGE_SIZE = saved;
  });

  it('sets the page size, and a bad value is an error naming the setting', () => {
    process.env.LIST_PAGE_SIZE = '3';
    expect(listPageSize()).toBe(3);
    process.env.LIST_PAGE_SIZE = 'три';
    expect(() => listPageSize()).toThrow(/LIST_PAGE_SIZE.*три/);
  });
});

describe('formatBytes', () => {
  it('reads as a person would say it', async () => {
    const { formatBytes } = await import('../../src/lib/format.ts');
    expect(formatBytes(812)).toBe('812 байт');
    expect(formatBytes(1024)).toBe('1 КБ');
    expect(formatBytes(14_540)).toBe('14,2 КБ');
    expect(formatBytes(8_300_000)).toBe('7,9 МБ');
    expect(formatBytes(300 * 1024 * 1024)).toBe('300 МБ');
  });
});
