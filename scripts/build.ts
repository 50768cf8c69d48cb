/**
 * `npm run build`: the Astro build, then the Pagefind index over its output. OUT_DIR and
 * CONTENT_DIR are honoured, so tests and the benchmark build fixture banks the same way.
 * `--publish` (or PUBLISH=1) is the build for the published site: it stops, with the reason in
 * Russian, unless SITE_URL and EDITORS_EMAIL are set (src/lib/site/site-config.ts).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { readCommandLine } from '../src/lib/editorial/cli.ts';
import { BUILD_COMMAND } from '../src/lib/editorial/commands.ts';
import { indexSite } from '../src/lib/search/index-site.ts';
import { isPublishing, siteConfig } from '../src/lib/site/site-config.ts';

const { flags } = readCommandLine(BUILD_COMMAND);
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...(flags.publish ? { PUBLISH: '1' } : {}) };
let config;
try {
  config = siteConfig(env);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
if (!isPublishing(env) && config.local) {
  console.log(`Адрес сайта не задан (SITE_URL): сайт собирается для просмотра на этом компьютере, ${config.url} (npm start). Для публикации: SITE_URL=https://… EDITORS_EMAIL=… npm run build -- --publish`);
} else {
  console.log(`Адрес сайта: ${config.url}; почта редакции: ${config.editorsEmail}${config.placeholderEmail ? ' (заглушка: задайте EDITORS_EMAIL)' : ''}`);
}

const outDir = resolve(process.env.OUT_DIR ?? 'dist');
const astro = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { stdio: 'inherit', env });
if (astro.status !== 0) process.exit(astro.status ?? 1);

const started = performance.now();
// The cache folder Astro uses (astro.config.mjs): an unchanged site reuses the last index.
const { pages, reused } = await indexSite(outDir, { cacheDir: resolve(process.env.CACHE_DIR ?? 'node_modules/.astro') });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(reused ? `pagefind: индекс не изменился, ${pages} страниц взяты из кэша за ${seconds} с` : `pagefind: ${pages} страниц проиндексировано за ${seconds} с`);
