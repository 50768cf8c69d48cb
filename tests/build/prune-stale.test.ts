/**
 * `pruneStale` (src/lib/site/kept-out-dir.ts), the step that lets a build keep its output folder:
 * what the last build made and this one did not is removed, the rest stays. The whole rebuild
 * into a kept folder is checked on a built bank in rebuilds.test.ts (stage 4).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneStale } from '../../src/lib/site/kept-out-dir.ts';
import { testOut } from '../helpers/paths.ts';

const work = resolve(testOut, 'prune-stale');

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
