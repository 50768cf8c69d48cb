/**
 * The set of addresses the built site will have, computed before the build from the routes in
 * `src/pages/`, the ids in the bank and the URL patterns of `urls.ts`. Links inside content are
 * checked against it, so a link to a practice that does not exist fails the check, not a reader.
 */
import { existsSync, globSync } from 'node:fs';
import { resolve } from 'node:path';
import { rootUrls as urls } from '../../urls.ts';
import type { CollectionName } from '../schema.ts';

export type BankIds = Record<CollectionName | 'practices', ReadonlySet<string>>;

/** A stand-in id: where it lands in a URL pattern, an entry's id goes. */
const SENTINEL = '\u0000';

/** URL builders whose one argument is an entry id of a collection. */
const ENTRY_URLS: [(id: string) => string, keyof BankIds][] = [
  [urls.practice, 'practices'],
  [urls.city, 'cities'],
  [urls.topic, 'topics'],
  [urls.submission, 'submissions'],
  [urls.questionnaire, 'questionnaires'],
];

export interface SitePages {
  has(path: string): boolean;
  /** Existing addresses that start with a prefix, for a hint in the message. */
  under(prefix: string): string[];
}

/** `practices/[...id].astro` → `/practices/\0/`; `rss.xml.ts` → `/rss.xml`; `index.astro` → `/`. */
function routeOf(file: string): string | undefined {
  const path = file.replaceAll('\\', '/');
  if (path.split('/').some((part) => part.startsWith('_'))) return undefined;
  const match = /^(.*?)(\.[a-z]+)$/.exec(path);
  if (!match) return undefined;
  const [, stem = '', extension] = match;
  const page = ['.astro', '.md', '.mdx', '.html'].includes(extension ?? '');
  const withParams = stem.replace(/\[(?:\.\.\.)?[^\]]+\]/g, SENTINEL);
  if (page) {
    const dir = withParams === 'index' ? '' : withParams.replace(/\/index$/, '');
    return dir ? `/${dir}/` : '/';
  }
  // An endpoint keeps its own extension: `rss.xml.ts` serves /rss.xml.
  return /\.[a-z]+$/.test(withParams) ? `/${withParams}` : undefined;
}

export function sitePages(projectRoot: string, ids: BankIds): SitePages {
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  const pagesDir = resolve(projectRoot, 'src/pages');
  const routes = existsSync(pagesDir) ? globSync('**/*.{astro,md,mdx,html,ts,js}', { cwd: pagesDir }).map(routeOf) : [];
  for (const route of routes) {
    if (route === undefined) continue;
    if (!route.includes(SENTINEL)) {
      exact.add(route);
      continue;
    }
    const known = ENTRY_URLS.find(([build]) => {
      const template = build(SENTINEL);
      return route === template || (template.endsWith('/') && route.startsWith(template));
    });
    if (known && route.split(SENTINEL).length === 2) {
      const [build, collection] = known;
      const template = build(SENTINEL);
      for (const id of ids[collection]) exact.add(build(id) + route.slice(template.length));
    } else {
      // A route this checker does not know the ids of: any value is taken to exist.
      const escaped = route.split(SENTINEL).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      patterns.push(new RegExp(`^${escaped.join('[^/]+')}$`));
    }
  }
  for (const build of Object.values(urls)) {
    if (build.length === 0) exact.add((build as () => string)());
  }
  const publicDir = resolve(projectRoot, 'public');
  if (existsSync(publicDir)) for (const file of globSync('**/*', { cwd: publicDir })) exact.add(`/${file.replaceAll('\\', '/')}`);
  return {
    has: (path) => exact.has(path) || patterns.some((p) => p.test(path)),
    under: (prefix) => [...exact].filter((p) => p.startsWith(prefix) && p !== prefix).sort(),
  };
}
