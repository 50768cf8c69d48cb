/**
 * The heap limit of the Astro build (scripts/lib/astro-heap.ts): the default, ASDG_BUILD_HEAP_MB
 * raising or lifting it, a bad value refused by name; and a real build that runs out of it
 * stops with the Russian hint that says what to set, not with V8's stack alone.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroHeapFlags, DEFAULT_HEAP_MB, HEAP_ENV, outOfMemoryHint } from '../../scripts/lib/astro-heap.ts';
import { fixturesDir, projectRoot, testOut } from '../helpers/paths.ts';
import { childEnv } from '../helpers/child-env.ts';

/** scripts/build.ts of fixture multi-city into a folder of its own, with `env` added. */
function build(env: Record<string, string>) {
  const work = resolve(testOut, 'astro-heap');
  const run = spawnSync(process.execPath, ['scripts/build.ts'], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: childEnv({ FORCE_COLOR: '0', NO_COLOR: '1', CONTENT_DIR: resolve(fixturesDir, 'multi-city'), OUT_DIR: resolve(work, 'dist'), CACHE_DIR: resolve(work, 'cache'), ...env }),
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

describe('the flags of the Astro process', () => {
  it('default: an old space of DEFAULT_HEAP_MB', () => {
    expect(astroHeapFlags({})).toEqual([`--max-old-space-size=${DEFAULT_HEAP_MB}`]);
    expect(astroHeapFlags({ [HEAP_ENV]: ' ' })).toEqual([`--max-old-space-size=${DEFAULT_HEAP_MB}`]);
  });

  it('a number of megabytes sets it, 0 leaves Node its own', () => {
    expect(astroHeapFlags({ [HEAP_ENV]: '4096' })).toEqual(['--max-old-space-size=4096']);
    expect(astroHeapFlags({ [HEAP_ENV]: '0' })).toEqual([]);
  });

  it('anything else is refused with the variable and the value', () => {
    for (const bad of ['2G', '-1', '1.5', 'много']) expect(() => astroHeapFlags({ [HEAP_ENV]: bad }), bad).toThrow(`${HEAP_ENV}: ожидается целое число мегабайт (0 — без предела), получено «${bad}»`);
  });
});

describe('the hint after the Astro process ended', () => {
  it('an abort (V8 out of heap) names the limit and a larger one', () => {
    expect(outOfMemoryHint('SIGABRT', {})).toBe(`Сборке Astro, похоже, не хватило памяти (предел ${DEFAULT_HEAP_MB} МБ, переменная ${HEAP_ENV}). Задайте больше, например: ${HEAP_ENV}=${DEFAULT_HEAP_MB * 2} npm run build`);
    expect(outOfMemoryHint('SIGABRT', { [HEAP_ENV]: '0' })).toContain('предел Node по умолчанию');
  });

  it('a normal exit or another signal: no hint', () => {
    expect(outOfMemoryHint(null, {})).toBeUndefined();
    expect(outOfMemoryHint('SIGTERM', {})).toBeUndefined();
  });
});

describe('npm run build with the limit', () => {
  it('a bad ASDG_BUILD_HEAP_MB stops the build before Astro starts', () => {
    const run = build({ [HEAP_ENV]: '2G' });
    expect(run.status).toBe(1);
    expect(run.output).toContain(`${HEAP_ENV}: ожидается целое число мегабайт`);
    expect(run.output).not.toContain('[build]');
  });

  it('a build that runs out of its heap stops with the hint', () => {
    const run = build({ [HEAP_ENV]: '16' });
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('heap out of memory');
    expect(run.output).toContain(`Сборке Astro, похоже, не хватило памяти (предел 16 МБ, переменная ${HEAP_ENV}). Задайте больше, например: ${HEAP_ENV}=32 npm run build`);
  });
});
