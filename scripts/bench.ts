/**
 * `npm run bench -- --practices N`: builds a SYNTHETIC bank of N practices through the real
 * pipeline (scripts/build.ts) and prints what it costs: build and index time, rebuilds, peak
 * memory, the size of the site, of a practice page, and of the first search.
 *
 * Options: --practices N (default 1000), --dir PATH (work folder; default in the system temp
 * folder, removed afterwards unless --keep; a kept folder holds content/, dist/, cache/ and each
 * build's output in logs/), --json FILE (also write the figures as JSON),
 * --query TEXT (the first search; default «ресурсный центр»), --echo (show the build's output),
 * --help (the list of flags, in Russian). An unknown flag is an error that names it.
 */
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runMeasured, type TreeRun } from './lib/process-tree.ts';
import { writeSyntheticBank } from './lib/synthetic-bank.ts';
import { compareWeight, feedSizes, firstSearchWeight, folderSize, largestHtml, pageWeight } from './lib/weigh.ts';
import { BENCH_ROWS, formatTable, type BenchFigures } from './lib/bench-table.ts';
import { measureRecall, plantRecallWords } from './lib/recall.ts';
import { BUILD_REPORT_ENV, readBuildReport } from './lib/build-report.ts';

const projectRoot = resolve(import.meta.dirname, '..');
const OPTIONS = {
  practices: { type: 'string', default: '1000' },
  dir: { type: 'string' },
  keep: { type: 'boolean', default: false },
  json: { type: 'string' },
  query: { type: 'string', default: 'ресурсный центр' },
  echo: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const HELP = `npm run bench -- [флаги]: собирает синтетический банк настоящим конвейером и печатает таблицу
времени, памяти и веса.

  --practices N   число практик синтетического банка (по умолчанию 1000)
  --dir ПАПКА     рабочая папка (по умолчанию временная, удаляется после прогона); остаётся
                  с банком (content/), сайтом (dist/), кэшем (cache/) и выводом каждой
                  сборки (logs/cold.log, unchanged.log, one-changed.log)
  --keep          не удалять временную рабочую папку (с тем же содержимым)
  --json ФАЙЛ     записать цифры ещё и в JSON
  --query ТЕКСТ   запрос первого поиска (по умолчанию «ресурсный центр»)
  --echo          показывать вывод сборки
  --help, -h      эта справка
`;

function parseBenchArgs() {
  try {
    return parseArgs({ options: OPTIONS, strict: true, allowPositionals: false });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = (error as Error).message;
    const flag = /'([^']+)'/.exec(message)?.[1] ?? message;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') process.stderr.write(`bench: неизвестный флаг ${flag}; список флагов: npm run bench -- --help\n`);
    else if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') process.stderr.write(`bench: лишний аргумент «${flag}»; список флагов: npm run bench -- --help\n`);
    else if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') process.stderr.write(`bench: у флага ${/(--[\w-]+)/.exec(message)?.[1] ?? flag} нет значения или оно не то; список флагов: npm run bench -- --help\n`);
    else process.stderr.write(`bench: ${message}\n`);
    process.exit(2);
  }
}

const { values } = parseBenchArgs();
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
const practices = Number(values.practices);
if (!Number.isInteger(practices) || practices < 1) {
  process.stderr.write(`bench: --practices: ожидается целое число больше нуля, получено «${values.practices}»\n`);
  process.exit(2);
}

const work = values.dir ? resolve(values.dir) : mkdtempSync(join(tmpdir(), `asdg-bench-${practices}-`));
const content = join(work, 'content');
const dist = join(work, 'dist');
const cache = join(work, 'cache');
/** Where each build writes its figures (scripts/lib/build-report.ts). */
const reportFile = join(work, 'build-report.json');
/** The work folder stays after the run (--dir or --keep), and with it each build's output. */
const kept = Boolean(values.keep || values.dir);
const logs = join(work, 'logs');
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

/** Which part of the pipeline a process belongs to, from its command line. */
function classify(cmdline: string): string | undefined {
  if (cmdline.includes('--service') && cmdline.includes('pagefind')) return 'pagefind';
  if (cmdline.includes('astro.mjs') || cmdline.includes('esbuild')) return 'astro';
  if (cmdline.includes('scripts/build.ts')) return 'feeder';
  return undefined;
}

interface BuildRun {
  total: number;
  astro: number;
  pagefind: number;
  pages: number;
  run: TreeRun;
}

/**
 * Builds the bank once more. `logName`: the file under logs/ of a kept work folder that gets the
 * build's output, for whoever looks into (or goes on with) the bank afterwards.
 */
async function build(label: string, logName: string): Promise<BuildRun> {
  log(`${label}…`);
  rmSync(reportFile, { force: true });
  const run = await runMeasured(process.execPath, ['scripts/build.ts'], {
    cwd: projectRoot,
    env: { ...process.env, CONTENT_DIR: content, OUT_DIR: dist, CACHE_DIR: cache, [BUILD_REPORT_ENV]: reportFile, FORCE_COLOR: '0', NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
    classify,
    echo: values.echo,
  });
  if (run.status !== 0) {
    process.stderr.write(run.output.slice(-4000));
    throw new Error(`сборка «${label}» завершилась с кодом ${run.status}`);
  }
  if (kept) {
    mkdirSync(logs, { recursive: true });
    writeFileSync(join(logs, `${logName}.log`), run.output);
  }
  const report = readBuildReport(reportFile);
  const pagefind = report.indexSeconds;
  const pages = report.astroPages ?? NaN;
  log(`${label}: ${run.seconds.toFixed(1)} с`);
  return { total: run.seconds, astro: run.seconds - pagefind, pagefind, pages, run };
}

const [loadBefore = NaN] = loadavg();
try {
  log(`синтетический банк из ${practices} практик в ${work}`);
  const generated = performance.now();
  const bank = writeSyntheticBank(content, practices);
  const [firstPractice] = bank.practiceFiles;
  const lastPractice = bank.practiceFiles.at(-1);
  if (firstPractice === undefined || lastPractice === undefined) throw new Error('синтетический банк вышел без практик');
  const recallPlan = plantRecallWords(content, bank.practiceFiles);
  log(`сгенерирован за ${((performance.now() - generated) / 1000).toFixed(1)} с`);
  rmSync(dist, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });

  const cold = await build('холодная сборка', 'cold');
  const unchanged = await build('повторная сборка без изменений', 'unchanged');
  // One practice changes the way an editor changes it: a sentence added to its description.
  appendFileSync(join(content, lastPractice), '\nДобавлено редактором при повторной сборке.\n');
  const oneChanged = await build('повторная сборка после правки одной практики', 'one-changed');

  const size = folderSize(dist);
  const practicePath = `/${firstPractice.replace(/\.mdx$/, '')}/`;
  const page = pageWeight(dist, practicePath);
  log('первый поиск в Chromium…');
  const search = await firstSearchWeight(dist, '/', values.query);
  const largest = largestHtml(dist);
  // Four practices of different cities, as a reader would compare them.
  const compared = [0, 1, 2, 3].flatMap((i) => bank.practiceFiles[Math.floor((i * bank.practiceFiles.length) / 4)] ?? []).map((file) => file.replace(/^practices\//, '').replace(/\.mdx$/, ''));
  const compare = compareWeight(dist, compared);
  const feeds = feedSizes(dist);
  log(`первый поиск по файлам (gzip): ${search.perFile.map((f) => `${f.path} ${(f.gzip / 1024).toFixed(1)} КБ`).join(', ')}`);
  const recall = await measureRecall(dist, recallPlan);

  const figures: BenchFigures = {
    practices,
    pages: cold.pages,
    coldBuild: cold.astro,
    coldIndex: cold.pagefind,
    coldTotal: cold.total,
    coldCpu: cold.run.cpuSeconds,
    loadBefore,
    loadAfter: loadavg()[0] ?? NaN,
    cores: availableParallelism(),
    buildPeak: cold.run.peaks.astro ?? NaN,
    indexPeak: cold.run.processPeaks.pagefind ?? NaN,
    indexPeakAll: cold.run.peaks.pagefind ?? NaN,
    feederPeak: cold.run.peaks.feeder ?? NaN,
    rebuildUnchanged: unchanged.total,
    rebuildUnchangedBuild: unchanged.astro,
    rebuildOne: oneChanged.total,
    rebuildOneBuild: oneChanged.astro,
    distBytes: size.bytes,
    distFiles: size.files,
    practicePage: practicePath,
    practiceHtmlGzip: page.htmlGzip,
    practiceCssGzip: page.cssGzip,
    practiceScripts: page.scripts,
    searchQuery: values.query,
    searchFiles: search.files,
    searchGzip: search.gzipBytes,
    searchRaw: search.rawBytes,
    searchResults: search.results,
    recall,
    largestHtmlPath: largest.path,
    largestHtmlBytes: largest.bytes,
    largestHtmlGzip: largest.gzip,
    compareDataGzip: compare.dataGzip,
    comparePageGzip: compare.pageGzip,
    feedSiteBytes: feeds.site,
    feedLargestBytes: feeds.largest,
    feedLargestPath: feeds.largestPath,
  };
  process.stdout.write(`${formatTable(figures)}\n`);
  if (values.json) {
    const details = { searchFiles: search.perFile, pages: { cold: cold.pages }, peaks: { cold: cold.run.peaks, unchanged: unchanged.run.peaks, oneChanged: oneChanged.run.peaks } };
    writeFileSync(values.json, `${JSON.stringify({ rows: BENCH_ROWS.map((r) => r.key), figures, details }, null, 2)}\n`);
  }
} finally {
  if (!kept) rmSync(work, { recursive: true, force: true });
}
