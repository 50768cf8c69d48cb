/**
 * `npm run build`: the Astro build, then the Pagefind index over its output. OUT_DIR and
 * CONTENT_DIR are honoured, so tests and the benchmark build fixture banks the same way.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { indexSite } from '../src/lib/search/index-site.ts';

const outDir = resolve(process.env.OUT_DIR ?? 'dist');
const astro = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
if (astro.status !== 0) process.exit(astro.status ?? 1);

const started = performance.now();
// The cache folder Astro uses (astro.config.mjs): an unchanged site reuses the last index.
const { pages, reused } = await indexSite(outDir, { cacheDir: resolve(process.env.CACHE_DIR ?? 'node_modules/.astro') });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(reused ? `pagefind: индекс не изменился, ${pages} страниц взяты из кэша за ${seconds} с` : `pagefind: ${pages} страниц проиндексировано за ${seconds} с`);
