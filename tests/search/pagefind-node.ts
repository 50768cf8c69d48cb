/**
 * Opens the Pagefind index of a built site in Node: the site is served on 127.0.0.1 and the
 * built `pagefind/pagefind.js` is imported as is, so tests query the very bundle a browser gets
 * (same WebAssembly, same stemmer), through the site's own search layer.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { serveStatic, type StaticServer } from '../helpers/server.ts';
import { sharedBank } from '../helpers/shared-bank.ts';
import { configure, type PagefindApi, type Search } from '../../src/lib/search/pagefind-client.ts';
import type { SynonymIndex } from '../../src/lib/search/synonyms.ts';

export interface OpenIndex {
  pagefind: PagefindApi;
  /** Pagefind with the site's synonyms and word shards, as the search page uses it. */
  search: Search;
  server: StaticServer;
  close(): Promise<void>;
}

let opened = 0;

export async function openIndex(dist: string): Promise<OpenIndex> {
  const server = await serveStatic(dist);
  // A query string makes a fresh module instance, so two sites never share Pagefind's state.
  const bundle = `${pathToFileURL(resolve(dist, 'pagefind/pagefind.js')).href}?instance=${++opened}`;
  const pagefind = (await import(bundle)) as PagefindApi;
  await configure(pagefind, { basePath: `${server.url}/pagefind/` });
  const getJson = async (url: string) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${response.status} ${url}`);
    return response.json() as Promise<unknown>;
  };
  // The file the search page fetches; a bare test site without the search page has none.
  const synonymsFile = resolve(dist, 'search/synonyms.json');
  const synonyms = (existsSync(synonymsFile) ? JSON.parse(readFileSync(synonymsFile, 'utf8')) : []) as SynonymIndex;
  const search: Search = { pagefind, synonyms, fetchJson: (path) => getJson(`${server.url}/pagefind/${path}`) };
  return { pagefind, search, server, close: () => server.close() };
}

/** The index of the search fixture bank (tests/fixtures/search/), built once per run and shared. */
export async function openSearchBankIndex(): Promise<OpenIndex> {
  const built = sharedBank('search');
  if (built.status !== 0) throw new Error(`сборка банка для поиска не удалась:\n${built.output.slice(-3000)}`);
  return openIndex(built.dist);
}

/** The path of a result URL (`/practices/irkutsk/x/`), whatever host Pagefind prefixed. */
export const pathOf = (url: string) => new URL(url, 'http://127.0.0.1').pathname;
