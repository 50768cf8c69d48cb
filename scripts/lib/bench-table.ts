import { formatRecall, type RecallFigures } from './recall.ts';

/**
 * The benchmark's table: one row per figure, with the target from the issue where there is one.
 * The row labels are stable: the smoke test and the README read them.
 */
export interface BenchFigures {
  practices: number;
  pages: number;
  /** Seconds of the Astro build (the pipeline minus Pagefind), cold: no cache, no dist. */
  coldBuild: number;
  coldIndex: number;
  coldTotal: number;
  /** CPU seconds (user + system) of the cold build and index, all processes. */
  coldCpu: number;
  /** Load average of the machine (1 min) before and after the benchmark: other work skews wall times. */
  loadBefore: number;
  loadAfter: number;
  cores: number;
  /** Bytes: peak resident memory of the Astro build's processes. */
  buildPeak: number;
  /** Bytes: peak resident memory of the largest Pagefind process (the search index's). */
  indexPeak: number;
  /** Bytes: peak resident memory of all Pagefind processes together. */
  indexPeakAll: number;
  /** Bytes: peak resident memory of scripts/build.ts, which holds the pages waiting for Pagefind. */
  feederPeak: number;
  rebuildUnchanged: number;
  rebuildUnchangedBuild: number;
  rebuildOne: number;
  rebuildOneBuild: number;
  distBytes: number;
  distFiles: number;
  practicePage: string;
  practiceHtmlGzip: number;
  practiceCssGzip: number;
  practiceScripts: number;
  searchQuery: string;
  searchFiles: number;
  searchGzip: number;
  searchRaw: number;
  searchResults: number;
  /** Search recall on words whose page counts the generator knows (scripts/lib/recall.ts). */
  recall?: RecallFigures;
  /** The largest HTML page of the site: its address and raw and gzip bytes. */
  largestHtmlPath: string;
  largestHtmlBytes: number;
  largestHtmlGzip: number;
  /** Bytes (gzip) of the records the compare view loads for 4 practices, and of the page itself. */
  compareDataGzip: number;
  comparePageGzip: number;
  /** Raw bytes of /rss.xml and of the largest feed. */
  feedSiteBytes: number;
  feedLargestBytes: number;
  feedLargestPath: string;
}

const s = (seconds: number) => `${seconds.toFixed(1)} с`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} КБ`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} МБ`;

interface BenchRow {
  key: string;
  label: string;
  value: (f: BenchFigures) => string;
  target?: (f: BenchFigures) => string;
}

export const BENCH_ROWS: BenchRow[] = [
  { key: 'practices', label: 'Практик / страниц', value: (f) => `${f.practices} / ${f.pages}` },
  { key: 'coldBuild', label: 'Холодная сборка Astro', value: (f) => s(f.coldBuild) },
  { key: 'coldIndex', label: 'Индекс Pagefind', value: (f) => s(f.coldIndex) },
  { key: 'coldTotal', label: 'Сборка + индекс', value: (f) => s(f.coldTotal), target: () => '< 45 с при 10 000' },
  { key: 'coldCpu', label: 'Процессорное время холодной сборки', value: (f) => `${s(f.coldCpu)} (user+sys, все процессы)` },
  { key: 'buildPeak', label: 'Пиковая память сборки', value: (f) => mb(f.buildPeak), target: () => '< 2048 МБ' },
  { key: 'indexPeak', label: 'Пиковая память Pagefind (один процесс)', value: (f) => `${mb(f.indexPeak)} (оба процесса Pagefind вместе — ${mb(f.indexPeakAll)})`, target: () => '< 2048 МБ' },
  { key: 'feederPeak', label: 'Пиковая память процесса сборки (страницы в очереди к Pagefind)', value: (f) => mb(f.feederPeak) },
  {
    key: 'rebuildUnchanged',
    label: 'Повторная сборка без изменений',
    value: (f) => `${s(f.rebuildUnchanged)} (Astro ${s(f.rebuildUnchangedBuild)})`,
  },
  {
    key: 'rebuildOne',
    label: 'Повторная сборка, изменена 1 практика',
    value: (f) => `${s(f.rebuildOne)} (Astro ${s(f.rebuildOneBuild)})`,
    target: (f) => `≤ ${s(f.coldTotal / 4)} (¼ холодной)`,
  },
  { key: 'dist', label: 'Размер dist', value: (f) => `${mb(f.distBytes)}, ${f.distFiles} файлов`, target: () => '≤ 400 МБ при 10 000' },
  {
    key: 'largestHtml',
    label: 'Самая большая HTML-страница',
    value: (f) => `${kb(f.largestHtmlBytes)} (gzip ${kb(f.largestHtmlGzip)}; ${f.largestHtmlPath})`,
    target: () => '≤ 300 КБ',
  },
  {
    key: 'compare',
    label: 'Сравнение 4 практик: данные (gzip)',
    value: (f) => `${kb(f.compareDataGzip)} (страница с CSS и JS ещё ${kb(f.comparePageGzip)}, от размера банка не зависит)`,
    target: () => '≤ 30 КБ',
  },
  {
    key: 'feed',
    label: 'Лента',
    value: (f) => `rss.xml ${kb(f.feedSiteBytes)}; самая большая ${kb(f.feedLargestBytes)} (${f.feedLargestPath})`,
    target: () => '≤ 200 КБ',
  },
  {
    key: 'practicePage',
    label: 'Страница практики (HTML+CSS, gzip)',
    value: (f) => `${kb(f.practiceHtmlGzip + f.practiceCssGzip)} (HTML ${kb(f.practiceHtmlGzip)}, CSS ${kb(f.practiceCssGzip)}; скриптов: ${f.practiceScripts})`,
    target: () => '≤ 20 КБ, без JS',
  },
  {
    key: 'firstSearch',
    label: 'Первый поиск (gzip)',
    value: (f) => `${kb(f.searchGzip)} (${f.searchFiles} файлов, без сжатия ${kb(f.searchRaw)}; «${f.searchQuery}», результатов: ${f.searchResults})`,
    target: () => '≤ 150 КБ при 10 000',
  },
  { key: 'recall', label: 'Полнота поиска (словоформы)', value: (f) => formatRecall(f.recall), target: () => 'все запросы точно' },
  { key: 'load', label: 'Загрузка машины (load average, 1 мин)', value: (f) => `${f.loadBefore.toFixed(1)} → ${f.loadAfter.toFixed(1)} на ${f.cores} ядра` },
];

export function formatTable(figures: BenchFigures): string {
  const lines = ['| показатель | значение | цель |', '| --- | --- | --- |'];
  for (const row of BENCH_ROWS) lines.push(`| ${row.label} | ${row.value(figures)} | ${row.target?.(figures) ?? ''} |`);
  return lines.join('\n');
}
