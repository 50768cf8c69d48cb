/**
 * The versions of the libraries that parse, check, render and index content: satteri (MDX
 * parser), hast-util-to-html (HTML writer), zod (schema), Pagefind (index). They are part of
 * every cache key that stores their output (the per-file check cache, the loader's digests and
 * so every page's cacheKey, the kept Pagefind index), so an upgrade never serves stale HTML.
 *
 * Read from each package's package.json under node_modules. `CACHE_KEY_PACKAGES_DIR` points to
 * another folder of `<name>/package.json` files: the test of this very rule uses it to stage an
 * upgrade without touching the installed packages.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const KEYED_LIBRARIES = ['satteri', 'hast-util-to-html', 'zod', 'pagefind'] as const;

function packagesDir(): string {
  if (process.env.CACHE_KEY_PACKAGES_DIR) return resolve(process.env.CACHE_KEY_PACKAGES_DIR);
  // From src/lib/content up to the project; the build runs there, so cwd is the fallback.
  const fromHere = resolve(dirname(fileURLToPath(import.meta.url)), '../../../node_modules');
  return existsSync(resolve(fromHere, 'satteri')) ? fromHere : resolve(process.cwd(), 'node_modules');
}

let cached: { dir: string; versions: string } | undefined;

/** `satteri@0.10.5 hast-util-to-html@9.0.6 zod@4.5.4 pagefind@1.6.0`; a missing one is `name@?`. */
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
