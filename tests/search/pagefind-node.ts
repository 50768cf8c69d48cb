/**
 * Opens the Pagefind index of a built site in Node: the site is served on 127.0.0.1 and the
 * built `pagefind/pagefind.js` is imported as is, so tests query the very bundle a browser gets
 * (same WebAssembly, same stemmer), through the site's own search layer.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { serveStatic, type StaticServer } from '../helpers/server.ts';
import { configure, type PagefindApi } from '../../src/lib/search/pagefind-client.ts';

export interface OpenIndex {
  pagefind: PagefindApi;
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
  return { pagefind, server, close: () => server.close() };
}

/** The path of a result URL (`/practices/irkutsk/x/`), whatever host Pagefind prefixed. */
export const pathOf = (url: string) => new URL(url, 'http://127.0.0.1').pathname;
