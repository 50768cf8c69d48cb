/**
 * Two rules of the code's layout that review alone would let slip.
 *
 * The project's layers import in one direction: the site (src/, astro.config.mjs) imports only
 * itself; the tooling (scripts/) imports the site and itself; tests import anything. A script
 * that imported a test helper would tie `npm run bench` or `npm run build` to the test folder
 * (and back again, since tests import scripts). Every source file's imports, static and dynamic,
 * are read and each relative one is resolved to the top-level folder it lands in.
 *
 * A module of src/ or scripts/ exports only what another file uses: an export nobody imports is
 * an API nobody keeps up. Names Astro itself looks up in a page or the middleware are exempt.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/paths.ts';

type Layer = 'src' | 'scripts' | 'tests';

/** What each layer may import, besides packages. */
const ALLOWED: Record<Layer, readonly Layer[]> = {
  src: ['src'],
  scripts: ['src', 'scripts'],
  tests: ['src', 'scripts', 'tests'],
};

/** The specifiers of a module's imports and re-exports, static and dynamic (`import('…')`). */
function importSpecifiers(code: string): string[] {
  const found: string[] = [];
  for (const m of code.matchAll(/(?:^|[\s;}])(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g)) found.push(m[1] ?? '');
  for (const m of code.matchAll(/(?:^|[\s;])import\s*['"]([^'"]+)['"]/g)) found.push(m[1] ?? '');
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1] ?? '');
  return found;
}

/** The layer a project path belongs to (`src/lib/x.ts` → `src`), or undefined outside them. */
function layerOf(path: string): Layer | undefined {
  const top = relative(projectRoot, path).split(/[\\/]/)[0];
  if (top === 'src' || top === 'scripts' || top === 'tests') return top;
  // The Astro config is part of the site: it is loaded by every build.
  if (relative(projectRoot, path) === 'astro.config.mjs') return 'src';
  return undefined;
}

/** The names a module declares with `export const|function|class|interface|type|enum …`. */
function exportedNames(code: string): string[] {
  return [...code.matchAll(/^export\s+(?:default\s+)?(?:async\s+)?(?:const|let|function\*?|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm)].map((m) => m[1] ?? '');
}

/** What Astro reads from a page, an endpoint, the middleware or the content config by name. */
const ASTRO_ENTRY_NAMES = new Set(['getStaticPaths', 'GET', 'prerender', 'onRequest', 'collections', 'partial']);

/** Exports of src/ and scripts/ modules that no other file mentions: `file: name`. */
function unusedExports(files: readonly { path: string; code: string }[]): string[] {
  const withoutComments = files.map(({ path, code }) => ({ path, code: code.replace(/\/\*[\s\S]*?\*\/|(?<![:'"`\w])\/\/.*$/gm, '') }));
  const unused: string[] = [];
  for (const { path, code } of withoutComments) {
    const layer = layerOf(path);
    if (layer !== 'src' && layer !== 'scripts') continue;
    for (const name of exportedNames(code)) {
      if (ASTRO_ENTRY_NAMES.has(name)) continue;
      const word = new RegExp(`(?<![\\w$])${name.replaceAll('$', '\\$')}(?![\\w$])`);
      if (!withoutComments.some((other) => other.path !== path && word.test(other.code))) unused.push(`${relative(projectRoot, path)}: ${name}`);
    }
  }
  return unused;
}

/** Generated or fixture folders of tests/: built sites and banks, no project code. */
const NOT_CODE = [resolve(projectRoot, 'tests/.out'), resolve(projectRoot, 'tests/fixtures')];

/** Code files under `dir`, never entering a NOT_CODE folder (tests/.out holds whole built sites). */
function codeFilesUnder(dir: string): string[] {
  if (NOT_CODE.includes(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return codeFilesUnder(path);
    return e.isFile() && /\.(ts|mts|mjs|js|astro)$/.test(e.name) ? [path] : [];
  });
}

/** The project's code files in these folders (and astro.config.mjs), with their text. */
function projectFiles(...folders: string[]): { path: string; code: string }[] {
  const paths = folders.flatMap((folder) => codeFilesUnder(resolve(projectRoot, folder)));
  return [...paths, resolve(projectRoot, 'astro.config.mjs')].map((path) => ({ path, code: readFileSync(path, 'utf8') }));
}

/** A file given by its project path and text, for the tests of the rules themselves. */
const at = (path: string, code: string) => ({ path: resolve(projectRoot, path), code });

/** Imports that cross into a layer their file may not import: `file: specifier → layer/`. */
function crossings(files: readonly { path: string; code: string }[]): string[] {
  const wrong: string[] = [];
  for (const { path, code } of files) {
    const own = layerOf(path);
    if (!own) continue;
    for (const specifier of importSpecifiers(code)) {
      if (!specifier.startsWith('.')) continue;
      const target = layerOf(resolve(dirname(path), specifier));
      if (target && !ALLOWED[own].includes(target)) wrong.push(`${relative(projectRoot, path)}: ${specifier} → ${target}/`);
    }
  }
  return wrong;
}

describe('the direction of imports', () => {
  it('finds static, dynamic and re-exported imports, and no import in a string or a comment word', () => {
    const code = [
      "import { a } from '../a.ts';",
      "import type { B } from './b.ts';",
      "export { c } from '../../c.ts';",
      "import './side-effect.css';",
      "const d = await import('../d.ts');",
      'import {\n  e,\n  f,\n} from "../ef.ts";',
      "// the text «imported from the report» is no import",
    ].join('\n');
    expect(importSpecifiers(code)).toEqual(['../a.ts', './b.ts', '../../c.ts', '../ef.ts', './side-effect.css', '../d.ts']);
  });

  it('flags a script that imports a test helper and a site module that imports a script, and nothing else', () => {
    expect(
      crossings([
        at('scripts/lib/recall.ts', "import { serveStatic } from '../../tests/helpers/server.ts';\nimport { configure } from '../../src/lib/search/pagefind-client.ts';"),
        at('src/lib/format.ts', "const weigh = await import('../../scripts/lib/weigh.ts');"),
        at('src/pages/index.astro', "---\nimport Base from '../layouts/Base.astro';\nimport { z } from 'astro/zod';\n---"),
        at('tests/quality/x.test.ts', "import { weigh } from '../../scripts/lib/weigh.ts';"),
      ]),
    ).toEqual(['scripts/lib/recall.ts: ../../tests/helpers/server.ts → tests/', 'src/lib/format.ts: ../../scripts/lib/weigh.ts → scripts/']);
  });

  it('src/ and astro.config.mjs import only the site; scripts/ import no test', () => {
    const files = projectFiles('src', 'scripts');
    expect(files.length).toBeGreaterThan(50);
    expect(crossings(files)).toEqual([]);
  });
});

describe('exports', () => {
  it('names an export that no other file uses, and not one used elsewhere, mentioned only in a comment, or read by Astro', () => {
    expect(
      unusedExports([
        at('src/lib/a.ts', 'export function usedElsewhere() {}\nexport const onlyInAComment = 1;\nexport interface Lonely { x: number }\nfunction notExported() {}'),
        at('src/lib/b.ts', "import { usedElsewhere } from './a.ts';\n// onlyInAComment is mentioned here, which is no use\n/* Lonely too */"),
        at('src/pages/x.astro', '---\nexport async function getStaticPaths() { return []; }\n---'),
        at('tests/x.test.ts', 'export function helperOfATest() {}'),
      ]),
    ).toEqual(['src/lib/a.ts: onlyInAComment', 'src/lib/a.ts: Lonely']);
  });

  it('of src/ and scripts/ are each used by another file of the project', () => {
    expect(unusedExports(projectFiles('src', 'scripts', 'tests'))).toEqual([]);
  });
});
