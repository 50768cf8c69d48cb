/**
 * Checks every internal link of a built site: each `href`, `src`, `srcset` and `poster` of every
 * HTML page must lead to a file of the site, and a `#fragment` to an element with that id on the
 * target page. External links are not fetched (the tests never leave 127.0.0.1) but are listed.
 *
 * The site is built with `trailingSlash: 'always'` and directory URLs, so `/practices/` is
 * `practices/index.html`, and `/practices` (a directory without its slash) is reported: a static
 * host would answer it with a redirect or a 404.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { scanTags } from './html-scan.ts';

interface BrokenLink {
  /** The page, relative to the site folder (`practices/irkutsk/x/index.html`). */
  file: string;
  line: number;
  attribute: string;
  url: string;
  message: string;
}

interface LinkReport {
  pages: number;
  /** Internal links checked. */
  checked: number;
  broken: BrokenLink[];
  /** Absolute links to other sites, deduplicated and sorted. */
  external: string[];
}

interface LinkCheckOptions {
  /** The site's own absolute address (canonical links, feeds): links to it are internal. */
  site?: string;
}

const LINK_ATTRIBUTES = ['href', 'src', 'poster'];
const ORIGIN = 'http://site.invalid';

/** The URL path a built file answers to: `a/b/index.html` → `/a/b/`, `404.html` → `/404.html`. */
export function urlPathOf(file: string): string {
  const path = `/${file.split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** `srcset="a.png 1x, b.png 2x"` → the URLs. */
function srcsetUrls(value: string): string[] {
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

export function checkLinks(siteDir: string, options: LinkCheckOptions = {}): LinkReport {
  const root = resolve(siteDir);
  const site = options.site ? new URL(options.site) : undefined;
  const files = htmlFiles(root);
  const idsCache = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> => {
    let ids = idsCache.get(file);
    if (!ids) {
      ids = new Set();
      for (const tag of scanTags(readFileSync(join(root, file), 'utf8'))) {
        const id = tag.attributes.get('id');
        if (id) ids.add(id);
        // <a name> is an obsolete but still working anchor.
        const name = tag.name === 'a' ? tag.attributes.get('name') : undefined;
        if (name) ids.add(name);
      }
      idsCache.set(file, ids);
    }
    return ids;
  };

  /** The built file a URL path leads to, or a reason it leads nowhere. */
  const target = (pathname: string): { file: string } | { problem: string } => {
    let path: string;
    try {
      path = decodeURIComponent(pathname);
    } catch {
      return { problem: 'адрес закодирован с ошибкой' };
    }
    const absolute = resolve(root, `.${path}`);
    if (absolute !== root && !absolute.startsWith(root + sep)) return { problem: 'ведёт за пределы сайта' };
    if (path.endsWith('/')) {
      const index = join(absolute, 'index.html');
      return existsSync(index) ? { file: relative(root, index) } : { problem: 'нет такой страницы' };
    }
    if (!existsSync(absolute)) return { problem: 'нет такого файла' };
    if (statSync(absolute).isDirectory()) return { problem: 'адрес папки без «/» в конце' };
    return { file: relative(root, absolute) };
  };

  const broken: BrokenLink[] = [];
  const external = new Set<string>();
  let checked = 0;
  for (const file of files) {
    const base = new URL(urlPathOf(file), ORIGIN);
    for (const tag of scanTags(readFileSync(join(root, file), 'utf8'))) {
      const links: [string, string][] = [];
      for (const attribute of LINK_ATTRIBUTES) {
        const value = tag.attributes.get(attribute);
        if (value !== undefined) links.push([attribute, value]);
      }
      const srcset = tag.attributes.get('srcset');
      if (srcset) links.push(...srcsetUrls(srcset).map((u): [string, string] => ['srcset', u]));
      for (const [attribute, raw] of links) {
        const value = raw.trim();
        const report = (message: string) => broken.push({ file, line: tag.line, attribute, url: value, message });
        if (value === '') {
          report('пустая ссылка');
          continue;
        }
        let url: URL;
        try {
          url = new URL(value, base);
        } catch {
          report('не адрес');
          continue;
        }
        const ownSite = site && url.origin === site.origin && url.pathname.startsWith(site.pathname);
        if (url.origin !== ORIGIN && !ownSite) {
          if (url.protocol === 'http:' || url.protocol === 'https:') external.add(url.href);
          else if (url.protocol === 'javascript:') report('ссылка javascript: запрещена');
          continue; // mailto:, tel:, data: lead nowhere to check
        }
        checked++;
        const pathname = site && ownSite ? `/${url.pathname.slice(site.pathname.length).replace(/^\//, '')}` : url.pathname;
        const found = target(pathname);
        if ('problem' in found) {
          report(found.problem);
          continue;
        }
        const fragment = url.hash.slice(1);
        if (!fragment) continue;
        if (!found.file.endsWith('.html')) {
          report(`якорь #${fragment} у файла, который не страница`);
          continue;
        }
        let id: string;
        try {
          id = decodeURIComponent(fragment);
        } catch {
          id = fragment;
        }
        if (!idsOf(found.file).has(id)) report(`на странице ${urlPathOf(found.file)} нет элемента с id «${id}»`);
      }
    }
  }
  return { pages: files.length, checked, broken, external: [...external].sort() };
}

/** `file:line: attribute="url": message`, one per line, for a test's failure message. */
export function formatBrokenLinks(broken: readonly BrokenLink[]): string {
  return broken.map((b) => `${b.file}:${b.line}: ${b.attribute}="${b.url}": ${b.message}`).join('\n');
}
