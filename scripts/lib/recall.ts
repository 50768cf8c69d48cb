/**
 * The benchmark's recall row: does search find every page that holds a word, whatever its form?
 * After the synthetic bank is generated, `plantRecallWords` adds one sentence to a known set of
 * practices: practice i gets a form of word w when i is a multiple of w's step, the forms taken
 * in turn. None of these words (or words beginning with their stems) is in the generator's
 * templates, so the generator knows exactly how many practice pages hold each word. After the
 * build, `measureRecall` asks the built index, through the site's own search layer
 * (pagefind-client.ts), for each word in each of its forms, and counts the practices found.
 * Recall is exact when every count equals the number of pages.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveStatic } from './static-server.ts';
import { configure, searchPages, type PagefindApi, type Search } from '../../src/lib/search/pagefind-client.ts';
import type { SynonymIndex } from '../../src/lib/search/synonyms.ts';

/** «й» adjectives, «ё»/«е», fleeting vowels: the kinds of form Pagefind 1.6 alone misses. */
const RECALL_WORDS = [
  { word: 'таёжный', step: 7, forms: ['таёжный', 'таежных', 'таёжным', 'таежная'] },
  { word: 'ледовый', step: 11, forms: ['ледовый', 'ледовых', 'ледовому'] },
  { word: 'девушка', step: 13, forms: ['девушка', 'девушек', 'девушкам'] },
  { word: 'копейка', step: 17, forms: ['копейка', 'копеек', 'копейками'] },
  { word: 'сотня', step: 19, forms: ['сотня', 'сотен', 'сотнями'] },
  { word: 'отец', step: 23, forms: ['отец', 'отцов', 'отцам'] },
] as const;

interface RecallPlan {
  /** word → number of practice pages that hold one of its forms. */
  expected: Record<string, number>;
}

/** Appends the recall sentences to the generated practices (files relative to `contentRoot`). */
export function plantRecallWords(contentRoot: string, practiceFiles: readonly string[]): RecallPlan {
  const expected: Record<string, number> = {};
  for (const { word, step, forms } of RECALL_WORDS) {
    let n = 0;
    practiceFiles.forEach((file, i) => {
      if (i % step !== 0) return;
      appendFileSync(join(contentRoot, file), `\nВ отчёте есть и такое слово: ${forms[n % forms.length]}.\n`);
      n += 1;
    });
    expected[word] = n;
  }
  return { expected };
}

export interface RecallFigures {
  /** Queries asked (every form of every word) and how many found exactly the expected count. */
  queries: number;
  exact: number;
  /** Sum over queries of practices found / expected. */
  found: number;
  expected: number;
  /** The queries that did not match, as «форма: найдено/ожидалось». */
  misses: string[];
  /** The same queries given to Pagefind as typed, without the site's query layer: exact / found. */
  rawExact: number;
  rawFound: number;
}

export async function measureRecall(dist: string, plan: RecallPlan): Promise<RecallFigures> {
  const server = await serveStatic(dist);
  try {
    const pagefind = (await import(`${pathToFileURL(resolve(dist, 'pagefind/pagefind.js')).href}?recall`)) as PagefindApi;
    await configure(pagefind, { basePath: `${server.url}/pagefind/` });
    const synonymsFile = resolve(dist, 'search/synonyms.json');
    const synonyms = (existsSync(synonymsFile) ? JSON.parse(readFileSync(synonymsFile, 'utf8')) : []) as SynonymIndex;
    const search: Search = {
      pagefind,
      synonyms,
      fetchJson: async (path) => (await fetch(`${server.url}/pagefind/${path}`)).json() as Promise<unknown>,
    };
    const figures: RecallFigures = { queries: 0, exact: 0, found: 0, expected: 0, misses: [], rawExact: 0, rawFound: 0 };
    for (const { word, forms } of RECALL_WORDS) {
      const want = plan.expected[word] ?? 0;
      for (const form of forms) {
        const { results } = await searchPages(search, form, { type: ['practice'] }, { limit: 0 });
        figures.queries += 1;
        figures.found += results.length;
        figures.expected += want;
        if (results.length === want) figures.exact += 1;
        else figures.misses.push(`${form}: ${results.length}/${want}`);
        const raw = await pagefind.search(form, { filters: { type: { any: ['practice'] } } });
        figures.rawFound += raw.results.length;
        if (raw.results.length === want) figures.rawExact += 1;
      }
    }
    return figures;
  } finally {
    await server.close();
  }
}

/** The row's text: «19 из 19 запросов точно (найдено 472 из 472 страниц; …)», with the misses. */
export function formatRecall(f: RecallFigures | undefined): string {
  if (!f) return '—';
  const misses = f.misses.length ? `; мимо: ${f.misses.join(', ')}` : '';
  return `${f.exact} из ${f.queries} запросов точно (найдено ${f.found} из ${f.expected} страниц; Pagefind без модуля запроса: ${f.rawExact} точно, ${f.rawFound} страниц)${misses}`;
}
