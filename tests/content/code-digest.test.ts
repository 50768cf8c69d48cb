/**
 * The content code's graph and digest (src/lib/code-digest.ts), which every entry digest,
 * page key and check-cache key carries: which modules and packages it reaches, and when its
 * digest changes. That an edit then shows in the built pages is tests/build/code-edit.test.ts.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { digestOf, moduleGraph } from '../../src/lib/code-digest.ts';
import { KEYED_LIBRARIES } from '../../src/lib/content/library-versions.ts';
import { projectRoot, testOut } from '../helpers/paths.ts';

const work = resolve(testOut, 'code-digest');
const tree = resolve(work, 'tree');

function write(root: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(resolve(root, path)), { recursive: true });
    writeFileSync(resolve(root, path), text);
  }
}

/** An entry that imports in every way a module can, and one file nothing imports. */
const FILES = {
  'lib/entry.ts': [
    "import { a } from './a.ts';",
    "export * from './b.ts';",
    "import './side-effect.ts';",
    'const later = () => import(\'./lazy.ts\');',
    "import type { Shape } from 'types-only';",
    'export type Alias = { n: number };',
    "import { run, type Options } from 'runtime-pkg/sub/path';",
    "import '@scope/styles/theme';",
    "import { readFileSync } from 'node:fs';",
    "import { join } from 'path';",
    "// Prose: the figures come from '…the report', as a comment may say.",
    'export { a, later };',
  ].join('\n'),
  'lib/a.ts': "import data from '../shared/data.json' with { type: 'json' };\nimport { e } from '../shared/e.ts';\nexport const a = [data, e];",
  'lib/b.ts': "import { a } from './a.ts';\nexport const b = a;",
  'lib/side-effect.ts': 'globalThis.x = 1;',
  'lib/lazy.ts': 'export default 1;',
  'shared/e.ts': 'export const e = 1;',
  'shared/data.json': '{"n": 1}',
  'lib/unused.ts': 'export const unused = 1;',
};

beforeEach(() => {
  rmSync(work, { recursive: true, force: true });
  write(tree, FILES);
});

describe('moduleGraph', () => {
  it('follows static, re-exported, side-effect and dynamic imports, inside the folder and out of it, and nothing else', () => {
    const graph = moduleGraph(resolve(tree, 'lib/entry.ts'));
    expect(graph.files.map((f) => f.slice(tree.length + 1))).toEqual([
      'lib/entry.ts',
      'lib/a.ts',
      'lib/b.ts',
      'lib/lazy.ts',
      'lib/side-effect.ts',
      'shared/data.json',
      'shared/e.ts',
    ]);
  });

  it('names the packages whose code runs: by package, not subpath; not type-only ones, Node’s own or prose', () => {
    expect(moduleGraph(resolve(tree, 'lib/entry.ts')).packages).toEqual(['@scope/styles', 'runtime-pkg']);
  });

  it('names the missing entry in its error', () => {
    expect(() => moduleGraph(resolve(tree, 'lib/missing.ts'))).toThrow(/lib\/missing\.ts/);
  });
});

describe('digestOf', () => {
  const digest = (root: string) => digestOf(moduleGraph(resolve(root, 'lib/entry.ts')));

  it('changes when any module reached changes, even two imports away and outside the entry’s folder', () => {
    const before = digest(tree);
    write(tree, { 'shared/e.ts': 'export const e = 2;' });
    expect(digest(tree)).not.toBe(before);
  });

  it('stays when a module nothing imports changes', () => {
    const before = digest(tree);
    write(tree, { 'lib/unused.ts': 'export const unused = 2;' });
    expect(digest(tree)).toBe(before);
  });

  it('is the same for the same code in another folder, as in another checkout or CI', () => {
    const copy = resolve(work, 'elsewhere', 'checkout');
    cpSync(tree, copy, { recursive: true });
    expect(digest(copy)).toBe(digest(tree));
  });
});

describe('the content code', () => {
  const graph = moduleGraph(resolve(projectRoot, 'src/lib/content/loader.ts'));
  const files = graph.files.map((f) => f.slice(projectRoot.length + 1));

  it('reaches the renderer, the schema, the checks and what they use outside src/lib/content/', () => {
    for (const file of [
      'src/lib/content/safe-mdx.ts',
      'src/lib/content/schema.ts',
      'src/lib/content/validate.ts',
      'src/lib/content/checks/check-bank.ts',
      'src/lib/content/checks/figures.ts',
      'src/lib/typography.ts',
      'src/lib/typeset-text.ts',
      'src/i18n/ru.ts',
    ]) {
      expect(files).toContain(file);
    }
  });

  it('keys the versions of every package it runs, and zod and Pagefind besides', () => {
    for (const name of ['satteri', 'hast-util-to-html', 'github-slugger', 'yaml']) expect(graph.packages).toContain(name);
    expect(KEYED_LIBRARIES).toEqual(expect.arrayContaining([...graph.packages, 'zod', 'pagefind']));
    expect(graph.packages).not.toContain('hast');
  });
});
