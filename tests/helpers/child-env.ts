/**
 * The environment for a script a test runs (a build, the checker, the bench): the worker's own,
 * without what Vitest put into it. A worker's process.env carries Vite's `import.meta.env`
 * (BASE_URL=/, MODE=test, DEV=1, PROD, SSR) and Vitest's worker ids, which the test runner's main
 * process does not have; a build that inherits them has another Astro config hash, so a build
 * started by the global setup and a rebuild started by a test file would share no cache.
 */
const INJECTED_BY_VITEST = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'FORCE_TTY']);

export function childEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const own = Object.entries(process.env).filter(([name]) => !INJECTED_BY_VITEST.has(name) && !name.startsWith('VITEST_'));
  return { ...Object.fromEntries(own), ...extra };
}
