import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds fixture banks shared by the whole run once (tests/helpers/shared-bank.ts).
    globalSetup: ['./tests/helpers/global-setup.ts'],
    // Two test files at a time: much of the suite waits on Chromium, child builds or the network
    // idle timer, so two workers fill two cores without slowing any test past its timeout. Files
    // share nothing they write: each private build or copy has its own folder under tests/.out.
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 60_000,
    // expect.poll waits for what a page's script does (Pagefind loading its index, say); on a
    // busy machine with two files at a time that can take longer than the default second. This
    // is how long to wait, never a speed check.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 240_000,
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
  },
});
