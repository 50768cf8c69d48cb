/**
 * The field's synonyms and abbreviations in search (`content/synonyms.yaml`, checked by the
 * content checker against `synonymsSchema`). Expansion is query-side: a query word or phrase
 * found in a group becomes "any of the group's terms", each searched on its own and the
 * results merged (pagefind-client.ts). Chosen over adding hidden terms to pages because
 * - an editor's new group works on the next build without re-indexing every page (a hidden
 *   term on thousands of pages would change their indexed HTML and force a full re-index);
 * - the excerpt highlights the words that really stand on the page («территориального
 *   общественного самоуправления»), never a word the reader cannot see;
 * - the page text, the excerpts and the index stay exactly what the cities wrote.
 * The cost is one Pagefind search per term of a matched group, which only queries that use a
 * group's term pay.
 */
import { queryForms, stemWord, words } from './russian.ts';

/** A group as the browser gets it: each term as its folded words and their stems. */
export interface SynonymTerm {
  words: string[];
  stems: string[];
  /** Per word, what it is searched as (queryForms): its stem and fleeting-vowel forms. */
  forms: string[][];
}
export type SynonymIndex = SynonymTerm[][];

/** Prepares groups for matching against queries (folding and stemming done once, at build). */
export function synonymIndex(groups: readonly { terms: readonly string[] }[]): SynonymIndex {
  return groups.map((g) => g.terms.map((term) => {
    const folded = words(term);
    return { words: folded, stems: folded.map(stemWord), forms: folded.map(queryForms) };
  }).filter((t) => t.words.length > 0));
}

interface SynonymMatch {
  /** Index of the first query word the match covers. */
  start: number;
  /** Number of query words covered. */
  length: number;
  group: SynonymTerm[];
}

/**
 * The longest group term whose words stand, in order, at `start` of the query: a query word
 * matches a term word when one's stem is among the other's search forms, so the reader's
 * «некоммерческих организаций» matches «некоммерческая организация» and «добровольцы» matches
 * «доброволец». `forms[i]` is queryForms of the i-th query word.
 */
export function matchAt(forms: readonly (readonly string[])[], start: number, index: SynonymIndex): SynonymMatch | undefined {
  let best: SynonymMatch | undefined;
  for (const group of index) {
    for (const term of group) {
      const n = term.stems.length;
      if (n === 0 || start + n > forms.length || (best && n <= best.length)) continue;
      const same = (stem: string, i: number) => {
        const query = forms[start + i] ?? [];
        const [word] = query;
        return query.includes(stem) || (word !== undefined && (term.forms[i] ?? []).includes(word));
      };
      if (term.stems.every(same)) best = { start, length: n, group };
    }
  }
  return best;
}
