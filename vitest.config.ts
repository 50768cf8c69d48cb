import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds fixture banks shared by the whole run once (tests/helpers/shared-bank.ts).
    globalSetup: ['./tests/helpers/global-setup.ts'],
    // Three test files at a time on two cores: much of the suite waits on Chromium, child builds
    // or the network idle timer, and a third worker fills those waits (measured: two workers
    // 608 s, four 536 s, with the slowest single test at 49 → 83 s, too close to the inner
    // 15-second waits of the browser tests; on a later day three 374 s, four 416 s, as the run
    // gets about 140 % of the two cores either way; once browser files ran their waiting checks
    // side by side, three 294 s, four 285 s, within the machine's noise). Files share nothing
    // they write: each private build or copy has its own folder under tests/.out.
    fileParallelism: true,
    maxWorkers: 3,
    testTimeout: 60_000,
    // expect.poll waits for what a page's script does (Pagefind loading its index, say); on a
    // busy machine with three files at a time that can take longer than the default second. This
    // is how long to wait, never a speed check.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 240_000,
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
  },
});
