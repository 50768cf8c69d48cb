/**
 * Cache keys include the versions of the libraries that parse, render and index content
 * (src/lib/content/library-versions.ts): after an upgrade of any of them a rebuild that keeps the
 * cache folder renders every practice page afresh instead of restoring the old HTML. The upgrade
 * is staged with CACHE_KEY_PACKAGES_DIR (copies of the packages' package.json with one version
 * bumped); the installed packages are not touched. Built on a SYNTHETIC bank.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticBank } from '../../scripts/lib/synthetic-bank.ts';
import { buildBank } from '../helpers/build-bank.ts';
import { projectRoot, testOut } from '../helpers/paths.ts';
import { KEYED_LIBRARIES, libraryVersions } from '../../src/lib/content/library-versions.ts';

const content = resolve(testOut, 'library-versions', 'content');
const staged = resolve(testOut, 'library-versions', 'packages');
const PRACTICES = 12;

/** Practice pages the build restored from its cache rather than rendered. */
const restored = (output: string) => output.split('\n').filter((l) => /\/practices\/sintetgrad-[^ ]+index\.html \((restored|cached)\)/.test(l)).length;
const practiceLines = (output: string) => output.split('\n').filter((l) => /\/practices\/sintetgrad-[^ ]+index\.html/.test(l)).length;

function stage(bump?: string): Record<string, string> {
  rmSync(staged, { recursive: true, force: true });
  for (const name of KEYED_LIBRARIES) {
    mkdirSync(resolve(staged, name), { recursive: true });
    const manifest = JSON.parse(readFileSync(resolve(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
    if (name === bump) manifest.version = `${manifest.version}-upgraded`;
    writeFileSync(resolve(staged, name, 'package.json'), JSON.stringify(manifest));
  }
  return { CACHE_KEY_PACKAGES_DIR: staged };
}

let same = '';
let upgraded = '';
let indexUpgraded = '';

beforeAll(() => {
  writeSyntheticBank(content, PRACTICES);
  const first = buildBank('library-versions', content, { env: stage() });
  expect(first.status, first.output).toBe(0);
  same = buildBank('library-versions', content, { keepCache: true, env: stage() }).output;
  upgraded = buildBank('library-versions', content, { keepCache: true, env: stage('satteri') }).output;
  indexUpgraded = buildBank('library-versions', content, { keepCache: true, env: stage('pagefind') }).output;
}, 300_000);

describe('library versions in cache keys', () => {
  it('names each library with its installed version', () => {
    const versions = libraryVersions();
    for (const name of KEYED_LIBRARIES) {
      const { version } = JSON.parse(readFileSync(resolve(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
      expect(versions).toContain(`${name}@${version}`);
    }
  });

  it('restores every practice page when nothing changed', () => {
    expect(practiceLines(same)).toBe(PRACTICES);
    expect(restored(same)).toBe(PRACTICES);
    expect(same).toMatch(/pagefind: индекс не изменился/);
  });

  it('renders every practice page afresh after satteri is upgraded', () => {
    expect(practiceLines(upgraded)).toBe(PRACTICES);
    expect(restored(upgraded)).toBe(0);
  });

  it('re-indexes after Pagefind is upgraded', () => {
    expect(indexUpgraded).toMatch(/pagefind: \d+ страниц проиндексировано/);
    expect(restored(indexUpgraded)).toBe(0);
  });
});
