/**
 * The versions of the libraries that parse, check, render and index content: satteri (MDX
 * parser), hast-util-to-html (HTML writer), zod (schema), Pagefind (index), and every other
 * package the content code imports (code-digest.ts: github-slugger for heading ids, yaml for
 * front matter, astro, the stemmer). They are part of every cache key that stores their output
 * (the per-file check cache, the loader's digests and so every page's cacheKey, the kept
 * Pagefind index), so an upgrade never serves stale HTML.
 *
 * Read from each package's package.json under node_modules. `CACHE_KEY_PACKAGES_DIR` points to
 * another folder of `<name>/package.json` files: the test of this very rule uses it to stage an
 * upgrade without touching the installed packages.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentCodePackages } from '../code-digest.ts';

/**
 * zod is reached through `astro/zod` and Pagefind is not imported by the content code, so both
 * are named; the rest are read from the content code's imports, so a new one is never left out.
 */
export const KEYED_LIBRARIES: readonly string[] = [...new Set(['satteri', 'hast-util-to-html', 'zod', 'pagefind', ...contentCodePackages()])].sort();

function packagesDir(): string {
  if (process.env.CACHE_KEY_PACKAGES_DIR) return resolve(process.env.CACHE_KEY_PACKAGES_DIR);
  // From src/lib/content up to the project; the build runs there, so cwd is the fallback.
  const fromHere = resolve(dirname(fileURLToPath(import.meta.url)), '../../../node_modules');
  return existsSync(resolve(fromHere, 'satteri')) ? fromHere : resolve(process.cwd(), 'node_modules');
}

let cached: { dir: string; versions: string } | undefined;

/** `@orama/stemmers@3.1.18 astro@7.3.5 … zod@4.5.4`; a missing one is `name@?`. */
export function libraryVersions(): string {
  const dir = packagesDir();
  if (cached?.dir === dir) return cached.versions;
  const versions = KEYED_LIBRARIES.map((name) => {
    try {
      return `${name}@${(JSON.parse(readFileSync(resolve(dir, name, 'package.json'), 'utf8')) as { version: string }).version}`;
    } catch {
      return `${name}@?`;
    }
  }).join(' ');
  cached = { dir, versions };
  return versions;
}
