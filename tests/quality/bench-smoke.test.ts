/**
 * A smoke run of the benchmark (`npm run bench -- --practices 50`): the whole measurement works
 * end to end and prints every row with a plausible figure. No timing is asserted: timings on a
 * shared two-core machine say nothing about correctness. The run is the test run's shared one
 * (tests/helpers/shared-bank.ts): the rebuild chain goes on from the bank it leaves, so this file
 * reads only what the bench printed and wrote beside the bank.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BENCH_ROWS, type BenchFigures } from '../../scripts/lib/bench-table.ts';
import { projectRoot } from '../helpers/paths.ts';
import { SHARED_BENCH_PRACTICES, SHARED_BENCH_TIMEOUT_MS, sharedBench, type BenchRun } from '../helpers/shared-bank.ts';

describe(`npm run bench -- --practices ${SHARED_BENCH_PRACTICES}`, () => {
  let run: BenchRun;
  beforeAll(() => {
    // The run's one bench run (shared-bank.ts): the rebuild chain goes on from the bank it leaves.
    run = sharedBench();
  }, SHARED_BENCH_TIMEOUT_MS);

  it('runs to the end', () => {
    expect(run.status, run.stderr.slice(-3000)).toBe(0);
  });

  it('keeps, in the folder given by --dir, each build’s output under logs/', () => {
    for (const build of ['cold', 'unchanged', 'one-changed']) {
      const log = readFileSync(join(run.work, 'logs', `${build}.log`), 'utf8');
      // Every build ends with the index step's report line (scripts/build.ts).
      expect(log, build).toMatch(/^pagefind: /m);
    }
  });

  it('prints a table with every row', () => {
    const lines = run.stdout.split('\n').filter((l) => l.startsWith('| '));
    expect(lines[0]).toBe('| показатель | значение | цель |');
    for (const row of BENCH_ROWS) expect(lines.some((l) => l.startsWith(`| ${row.label} | `)), row.label).toBe(true);
    expect(lines).toHaveLength(BENCH_ROWS.length + 2);
  });

  it('measures plausible figures', () => {
    const { figures } = JSON.parse(readFileSync(run.figures, 'utf8')) as { figures: BenchFigures };
    // The practices, 40 cities, 25 topics, their submissions and the site's own pages.
    expect(figures.practices).toBe(SHARED_BENCH_PRACTICES);
    expect(figures.pages).toBeGreaterThan(SHARED_BENCH_PRACTICES + 40 + 25);
    for (const seconds of [figures.coldBuild, figures.coldIndex, figures.rebuildUnchanged, figures.rebuildOne]) {
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThan(600);
    }
    expect(figures.coldTotal).toBeCloseTo(figures.coldBuild + figures.coldIndex, 5);
    // CPU time of the tree is counted: a build keeps at least one core busy for a while.
    expect(figures.coldCpu).toBeGreaterThan(0.5);
    expect(figures.cores).toBeGreaterThan(0);
    // A Node process running Vite holds at least tens of megabytes; more than 16 GB is a bug.
    expect(figures.buildPeak).toBeGreaterThan(50 * 2 ** 20);
    expect(figures.buildPeak).toBeLessThan(16 * 2 ** 30);
    expect(figures.indexPeak).toBeGreaterThan(2 ** 20);
    // The search index's process and the catalogue's together hold at least as much as the larger.
    expect(figures.indexPeakAll).toBeGreaterThanOrEqual(figures.indexPeak);
    expect(figures.feederPeak).toBeGreaterThan(2 ** 20);
    expect(figures.distFiles).toBeGreaterThan(figures.pages);
    expect(figures.distBytes).toBeGreaterThan(figures.pages * 1000);
    expect(figures.practiceHtmlGzip).toBeGreaterThan(1000);
    expect(figures.practiceCssGzip).toBeGreaterThan(100);
    expect(figures.searchResults).toBe(5);
    expect(figures.searchFiles).toBeGreaterThanOrEqual(4); // entry, pagefind.js, wasm, meta, index chunk, fragments
    expect(figures.searchGzip).toBeGreaterThan(10_000);
    expect(figures.searchGzip).toBeLessThan(figures.searchRaw * 1.1);
    // The new rows: a real page, the 4 compare records, the feed.
    expect(figures.largestHtmlPath).toMatch(/^\/.*\/$/);
    expect(figures.largestHtmlBytes).toBeGreaterThan(figures.practiceHtmlGzip);
    expect(figures.largestHtmlGzip).toBeLessThan(figures.largestHtmlBytes);
    expect(figures.compareDataGzip).toBeGreaterThan(4 * 200);
    expect(figures.comparePageGzip).toBeGreaterThan(1000);
    expect(figures.feedSiteBytes).toBeGreaterThan(1000);
    expect(figures.feedLargestBytes).toBeGreaterThanOrEqual(figures.feedSiteBytes);
  });
});

describe('npm run bench flags', () => {
  const bench = (...args: string[]) => spawnSync(process.execPath, ['scripts/bench.ts', ...args], { cwd: projectRoot, encoding: 'utf8', timeout: 60_000 });

  it('--help lists every flag in Russian and builds nothing', () => {
    const run = bench('--help');
    expect(run.status).toBe(0);
    for (const flag of ['--practices', '--dir', '--keep', '--json', '--query', '--echo', '--help']) expect(run.stdout, flag).toContain(flag);
    expect(run.stdout).toContain('число практик');
  });

  it('an unknown flag is an error that names it', () => {
    const run = bench('--practises', '5');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('неизвестный флаг --practises');
    expect(run.stdout).toBe('');
  });

  it('a bad number of practices names the flag and the value', () => {
    const run = bench('--practices', 'много');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--practices');
    expect(run.stderr).toContain('«много»');
  });
});
