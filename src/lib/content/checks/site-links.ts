/** Links and images in a text that point to a page of the site must point to a page the build makes. */
import { rootUrls as urls } from '../../urls.ts';
import type { BankEntry, EntryRule } from './rule.ts';

function pageOf(entry: BankEntry): string {
  const id = entry.id.replace(/(^|\/)_/, '$1');
  return entry.collection === 'practices' ? urls.practice(id) : urls.submission(id);
}

export const checkSiteLinks: EntryRule = (entry, { pages }, add) => {
  if (!entry.rendered) return;
  const base = new URL(pageOf(entry), 'http://bank.invalid');
  const targets = [
    ...(entry.rendered?.links ?? []).map((l) => ({ url: l.href, line: l.line, what: 'ссылка' })),
    ...(entry.rendered?.images ?? []).map((l) => ({ url: l.src, line: l.line, what: 'изображение' })),
  ];
  for (const target of targets) {
    const url = target.url.trim();
    // External addresses are not fetched; only the site's own pages are known here.
    if (url === '' || url.startsWith('#') || url.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(url)) continue;
    const resolved = new URL(url, base);
    if (resolved.origin !== base.origin) continue;
    let path: string;
    try {
      path = decodeURIComponent(resolved.pathname);
    } catch {
      path = resolved.pathname;
    }
    if (pages.has(path)) continue;
    if (!path.endsWith('/') && pages.has(`${path}/`)) {
      add(entry.file, target.line, '(текст)', 'broken-link', `${target.what} «${url}»: адреса страниц сайта заканчиваются косой чертой — напишите ${path}/`);
      continue;
    }
    // The deepest folder of the address that has pages: «/practices/testograd/» before «/practices/».
    const folders = path.split('/').slice(1, -1).map((_, i, parts) => `/${parts.slice(0, i + 1).join('/')}/`).reverse();
    const section = folders.find((folder) => pages.under(folder).length > 0);
    const nearby = section ? pages.under(section) : [];
    const hint = nearby.length ? `; страницы в разделе ${section}: ${nearby.slice(0, 6).join(', ')}${nearby.length > 6 ? ', …' : ''}` : '';
    add(entry.file, target.line, '(текст)', 'broken-link', `${target.what} «${url}» ведёт на страницу ${path}, которой на сайте не будет${hint}`);
  }
};
