/**
 * `npm run build`: the Astro build and the Pagefind index over its output. OUT_DIR and
 * CONTENT_DIR are honoured, so tests and the benchmark build fixture banks the same way.
 * `--publish` (or PUBLISH=1) is the build for the published site: it stops, with the reason in
 * Russian, unless SITE_URL and EDITORS_EMAIL are set (src/lib/site/site-config.ts).
 *
 * With no index kept from the last build (a cold build), pages are indexed while Astro is still
 * rendering: the Astro process hands each page it renders, with its HTML, over an IPC channel
 * (src/lib/search/page-channel.ts), and the page goes to Pagefind straight away (StreamingIndex in
 * src/lib/search/index-site.ts), so the two run side by side; a page Astro takes from its cache
 * is named in its log (scripts/lib/astro-log.ts) and read from disk. With a kept index (a
 * rebuild), streaming starts at the first indexed page Astro renders afresh rather than
 * restores from its cache; at the end the indexed HTML is hashed,
 * and when it is unchanged the kept index is used and the streamed pages are dropped. A rebuild
 * that renders no indexed page afresh hashes and reuses as before. ASDG_STREAM_INDEX=0 turns
 * streaming off (to measure what it pays).
 * The Astro process runs with a heap limit (scripts/lib/astro-heap.ts; ASDG_BUILD_HEAP_MB).
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { readCommandLine } from '../src/lib/editorial/cli.ts';
import { BUILD_COMMAND } from '../src/lib/editorial/commands.ts';
import { hasKeptIndex, indexSite, StreamingIndex, type OfferedPage } from '../src/lib/search/index-site.ts';
import { isIndexed } from '../src/lib/search/indexed-pages.ts';
import { isRenderedPage, PAGE_CHANNEL_ENV } from '../src/lib/search/page-channel.ts';
import { isPublishing, siteConfig } from '../src/lib/site/site-config.ts';
import { astroHeapFlags, outOfMemoryHint } from './lib/astro-heap.ts';
import { pagesBuilt, reusedPage } from './lib/astro-log.ts';
import { BUILD_REPORT_ENV, writeBuildReport, type BuildReport } from './lib/build-report.ts';

const { flags } = readCommandLine(BUILD_COMMAND);
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...(flags.publish ? { PUBLISH: '1' } : {}) };
let config;
let heapFlags: string[];
try {
  config = siteConfig(env);
  heapFlags = astroHeapFlags(env);
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
// The cache folder Astro uses (astro.config.mjs): an unchanged site reuses the last index.
const cacheDir = resolve(process.env.CACHE_DIR ?? 'node_modules/.astro');
const started = performance.now();
const streamingOn = process.env.ASDG_STREAM_INDEX !== '0';
const rebuild = hasKeptIndex(cacheDir);
let streaming = streamingOn && !rebuild ? await StreamingIndex.start(outDir) : undefined;
/**
 * A rebuild streams too, but only from the first indexed page Astro renders afresh (not
 * `(cached)` / `(restored)`): until then the index may well be unchanged, and indexing would only
 * take CPU from Astro. The pages reported before it are handed over then.
 */
const waiting: OfferedPage[] = [];
let starting: Promise<StreamingIndex> | undefined;
/** A page for the index: rendered (with its HTML) or taken from Astro's cache (read from disk). */
function offerPage(file: string, html?: string): void {
  if (streaming) return streaming.offer(file, html);
  if (!streamingOn || !isIndexed(file.replace(/^\/+/, ''))) return;
  waiting.push({ file, html });
  if (html === undefined || starting) return;
  starting = StreamingIndex.start(outDir).then((index) => {
    streaming = index;
    for (const waited of waiting.splice(0)) index.offer(waited.file, waited.html);
    return index;
  });
}

const astro = spawn(process.execPath, [...heapFlags, 'node_modules/astro/bin/astro.mjs', 'build'], {
  stdio: ['inherit', 'pipe', 'inherit', 'ipc'],
  env: streamingOn ? { ...env, [PAGE_CHANNEL_ENV]: '1' } : env,
});
astro.on('message', (message) => {
  if (isRenderedPage(message)) offerPage(message.file, message.html);
});
// stdout is a pipe (the stdio above), never null.
const lines = createInterface({ input: astro.stdout as NonNullable<typeof astro.stdout> });
/** From Astro's own summary line (Astro tells its page count nowhere else); null if it never came. */
let astroPages: number | null = null;
lines.on('line', (line) => {
  process.stdout.write(`${line}\n`);
  const reused = reusedPage(line);
  if (reused) offerPage(reused);
  astroPages = pagesBuilt(line) ?? astroPages;
});
const status = await new Promise<number>((done) =>
  astro.on('close', (code, signal) => {
    const hint = outOfMemoryHint(signal, env);
    if (hint) console.error(hint);
    done(code ?? 1);
  }),
);
if (starting) await starting;
if (status !== 0) {
  await streaming?.finish().catch(() => undefined);
  process.exit(status);
}

const indexStarted = performance.now();
const secondsSince = (from: number) => (performance.now() - from) / 1000;
const shown = (seconds: number) => seconds.toFixed(1);
let report: BuildReport;
if (streaming && rebuild) {
  const { pages, reused, streamed } = await streaming.finishOrReuse(cacheDir);
  const indexSeconds = secondsSince(indexStarted);
  report = { astroPages, indexedPages: pages, streamedPages: streamed, indexReused: reused, indexSeconds, totalSeconds: secondsSince(started) };
  console.log(
    reused
      ? `pagefind: индекс не изменился, ${pages} страниц взяты из кэша за ${shown(indexSeconds)} с`
      : `pagefind: ${pages} страниц проиндексировано за ${shown(indexSeconds)} с (после сборки; ${streamed} страниц — во время сборки)`,
  );
} else if (streaming) {
  const { pages, streamed } = await streaming.finish({ cacheDir });
  const indexSeconds = secondsSince(indexStarted);
  const totalSeconds = secondsSince(started);
  report = { astroPages, indexedPages: pages, streamedPages: streamed, indexReused: false, indexSeconds, totalSeconds };
  // The index time reported is what the index added after Astro finished: the rest overlapped.
  console.log(`pagefind: ${pages} страниц проиндексировано за ${shown(indexSeconds)} с (после сборки; ${streamed} страниц — во время сборки, всего ${shown(totalSeconds)} с)`);
} else {
  const { pages, reused } = await indexSite(outDir, { cacheDir });
  const indexSeconds = secondsSince(indexStarted);
  report = { astroPages, indexedPages: pages, streamedPages: 0, indexReused: reused, indexSeconds, totalSeconds: secondsSince(started) };
  console.log(reused ? `pagefind: индекс не изменился, ${pages} страниц взяты из кэша за ${shown(indexSeconds)} с` : `pagefind: ${pages} страниц проиндексировано за ${shown(indexSeconds)} с`);
}
const reportFile = process.env[BUILD_REPORT_ENV];
if (reportFile) writeBuildReport(resolve(reportFile), report);
