/**
 * `/search/synonyms.json`: the bank's synonym groups (content/synonyms.yaml), folded and stemmed
 * for the search client. Its size follows the vocabulary editors review, not the number of
 * practices; it is fetched together with Pagefind, on a reader's first search.
 */
import type { APIRoute } from 'astro';
import { contentRoot } from '../../lib/content/content-root';
import { loadSynonyms } from '../../lib/search/synonyms-file';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(loadSynonyms(contentRoot())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
