/**
 * The output folder is kept between builds (src/lib/site/kept-out-dir.ts): a rebuild into the
 * folder of the last build leaves its unchanged pages in place and removes what it no longer
 * makes, so the folder holds what a build into an empty folder would. Built on a SYNTHETIC bank.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, globSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticBank } from '../../scripts/lib/synthetic-bank.ts';
import { pruneStale } from '../../src/lib/site/kept-out-dir.ts';
import { projectRoot, testOut } from '../helpers/paths.ts';

const work = resolve(testOut, 'kept-out-dir');
const content = resolve(work, 'content');
const dist = resolve(work, 'dist');
const cache = resolve(work, 'cache');
const build = () => {
  const run = spawnSync(process.execPath, ['scripts/build.ts'], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: content, OUT_DIR: dist, CACHE_DIR: cache, FORCE_COLOR: '0', NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: run.status ?? 1, output: `${run.stdout}\n${run.stderr}` };
};
const files = () => globSync('**/*', { cwd: dist, withFileTypes: true }).filter((e) => e.isFile()).map((e) => resolve(e.parentPath, e.name).slice(dist.length + 1)).sort();

describe('pruneStale', () => {
  it('removes old files not kept, keeps new and kept ones, and drops folders left empty', () => {
    const dir = resolve(work, 'unit');
    rmSync(dir, { recursive: true, force: true });
    for (const f of ['old/gone.html', 'kept/page/index.html', 'new.html']) {
      mkdirSync(resolve(dir, f, '..'), { recursive: true });
      writeFileSync(resolve(dir, f), f);
    }
    const past = new Date(Date.now() - 60_000);
    utimesSync(resolve(dir, 'old/gone.html'), past, past);
    utimesSync(resolve(dir, 'kept/page/index.html'), past, past);
    expect(pruneStale(dir, Date.now() - 30_000, new Set(['kept/page/index.html']))).toBe(1);
    expect(existsSync(resolve(dir, 'old'))).toBe(false);
    expect(readFileSync(resolve(dir, 'kept/page/index.html'), 'utf8')).toBe('kept/page/index.html');
    expect(existsSync(resolve(dir, 'new.html'))).toBe(true);
  });
});

describe('rebuild into the last build\'s folder', () => {
  let before: string[] = [];
  let after: string[] = [];
  let removedId = '';
  let output = '';
  beforeAll(() => {
    rmSync(work, { recursive: true, force: true });
    const bank = writeSyntheticBank(content, 24);
    const first = build();
    expect(first.status, first.output).toBe(0);
    before = files();
    const removed = bank.practiceFiles[bank.practiceFiles.length - 1] ?? '';
    removedId = removed.replaceAll('\\', '/').replace(/^practices\//, '').replace(/\.mdx$/, '');
    rmSync(resolve(content, removed));
    const second = build();
    expect(second.status, second.output).toBe(0);
    output = second.output;
    after = files();
  }, 240_000);

  it('keeps unchanged pages in place rather than copying them back', () => {
    expect(output).toMatch(/\(cached\)/);
  });

  it('removes the pages and data of a removed practice, and nothing else', () => {
    expect(before).toContain(`practices/${removedId}/index.html`);
    expect(after).not.toContain(`practices/${removedId}/index.html`);
    expect(after).not.toContain(`compare/p/${removedId}.json`);
    const gone = before.filter((f) => !after.includes(f));
    expect(gone.filter((f) => !f.includes(removedId) && !f.startsWith('pagefind/'))).toEqual([]);
    expect(after.filter((f) => !f.startsWith('pagefind/')).length).toBeGreaterThan(50);
  });
});
