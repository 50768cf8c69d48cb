/**
 * Digests of code, for the keys that keep code's output between builds. Astro hashes a page's own
 * module graph, but three things that shape the site run outside it, and each key carries the
 * digest of its code here, so an edit to that code (not only a bumped version constant) shows on
 * the next build:
 * - the content loader (`contentCodeDigest`): the loader and every module it imports, directly or
 *   not (the checks, the schema, the MDX renderer, typography, the strings), in every entry digest
 *   and so in every page key built from them, and in the per-file check cache; and the packages
 *   those modules import (library-versions.ts). The loader runs before the pages are bundled and
 *   keeps an entry while its digest is unchanged: without the code in it, an edit to the renderer
 *   or the schema kept serving the HTML and data of the old code;
 * - the middleware (`src/middleware.ts`: typography of every page, the page channel to the
 *   index), whose digest astro.config.mjs passes to every page key (page-keys.ts);
 * - the search index's builder (`src/lib/search/index-site.ts`), in the reuse key of the index.
 *
 * Imports are found by reading the sources (static, side-effect and dynamic imports, re-exports):
 * a specifier quoted in a comment may add a file or a package, which only makes the key change
 * more often, never less.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SPECIFIER = /\b(?:from|import)\s*\(?\s*(['"])([^'"\n]+)\1/g;
/**
 * `import type … from` and `export type { … } from`: nothing of the package runs. No `;` or `=`
 * in between, so a type alias before an ordinary import does not hide that import.
 */
const TYPE_ONLY = /\b(?:import|export)\s+type\b[^'";=]*?\bfrom\s*(['"])[^'"\n]+\1/g;
const SCRIPT = /\.[cm]?[jt]s$/;
const BUILTINS = new Set(builtinModules);
/** What an npm package's name may be: a word in prose quoted after «from» is not one. */
const PACKAGE_NAME = /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/;

interface ModuleGraph {
  /** The project's modules reached from the entry (the entry first, then in path order), absolute. */
  files: string[];
  /** The packages they import (`satteri`, `@orama/stemmers`), sorted; Node's own modules left out. */
  packages: string[];
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** Every project module `entry` imports, transitively, and the packages they import. */
export function moduleGraph(entry: string): ModuleGraph {
  if (!existsSync(entry)) throw new Error(`code-digest: нет модуля ${entry}, от которого считается ключ кэша`);
  const seen = new Set<string>();
  const packages = new Set<string>();
  const pending = [resolve(entry)];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (seen.has(next)) continue;
    seen.add(next);
    if (!SCRIPT.test(next)) continue;
    const source = readFileSync(next, 'utf8');
    const typeOnly = [...source.matchAll(TYPE_ONLY)].map((m) => [m.index, m.index + m[0].length] as const);
    for (const match of source.matchAll(SPECIFIER)) {
      const specifier = match[2] ?? '';
      if (specifier.startsWith('.')) {
        // A type-only module is followed too: a changed type may come with changed code there.
        const target = resolve(dirname(next), specifier);
        if (statSync(target, { throwIfNoEntry: false })?.isFile()) pending.push(target);
      } else if (!specifier.startsWith('node:') && !BUILTINS.has(specifier) && !typeOnly.some(([from, to]) => match.index >= from && match.index < to)) {
        const name = packageOf(specifier);
        if (PACKAGE_NAME.test(name)) packages.add(name);
      }
    }
  }
  const [first, ...rest] = [...seen];
  return { files: [first ?? entry, ...rest.sort()], packages: [...packages].sort() };
}

/** The digest of the modules' paths (relative to the entry's folder, so any checkout gives the same) and bytes. */
export function digestOf(graph: ModuleGraph): string {
  const root = dirname(graph.files[0] ?? '');
  const hash = createHash('sha256');
  for (const file of graph.files) hash.update(`${relative(root, file).replaceAll('\\', '/')}\n`).update(readFileSync(file)).update('\n');
  return hash.digest('base64url');
}

/** The digest of `entry`'s code and of what it imports. */
export const codeDigestOf = (entry: string): string => digestOf(moduleGraph(entry));

/** The loader's module: the entry of the content code's graph. */
const LOADER = resolve(dirname(fileURLToPath(import.meta.url)), 'content/loader.ts');

let content: { graph: ModuleGraph; digest: string } | undefined;

/** The graph of the content code, read once per process. */
function contentCode(): { graph: ModuleGraph; digest: string } {
  if (!content) {
    const graph = moduleGraph(LOADER);
    content = { graph, digest: digestOf(graph) };
  }
  return content;
}

/** The digest of the content code: changes with any edit to a module the loader reaches. */
export const contentCodeDigest = (): string => contentCode().digest;

/** The packages the content code imports: their versions are in the same keys (library-versions.ts). */
export const contentCodePackages = (): readonly string[] => contentCode().graph.packages;
