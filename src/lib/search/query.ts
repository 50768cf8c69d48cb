/**
 * What one reader's query asks Pagefind, decided in one place for every view that searches
 * (the search page, the catalogue, the tests and the benchmark). A query becomes slots: each
 * slot is one thing the reader asked for (a word, a phrase in quotes, or a term of a synonym
 * group), and holds the alternative Pagefind queries that find it:
 *
 * - a word: its Russian stem (russian.ts), plus at most two stems with a fleeting vowel;
 * - a group term: every term of its group, each as its stems (several words = all of them);
 * - a phrase in quotes: the phrase as Pagefind's exact search, untouched by the stemmer.
 *
 * One-letter words and stop words («г.», «в», «и») make no slot, so they neither match nor get
 * highlighted by themselves.
 */
import { isContentWord, queryForms, words } from './russian.ts';
import { matchAt, type SynonymIndex, type SynonymTerm } from './synonyms.ts';

export interface Slot {
  /** What the reader typed for it, folded (for messages and corrections). */
  text: string;
  /** Pagefind queries, any of which satisfies the slot. */
  alternatives: string[];
  /** A single plain word (not a phrase, not a synonym): the only kind a typo correction may replace. */
  correctable: boolean;
}

export interface QueryPlan {
  slots: Slot[];
}

const PHRASE = /"([^"]+)"|«([^»]+)»/g;

/**
 * A group term as Pagefind queries: one word as each of its search forms; several words as all
 * of their stems; several words with a stop word («СО НКО») as an exact phrase.
 */
function termQueries(term: SynonymTerm): string[] {
  if (term.words.length === 1) return term.forms[0] ?? [];
  if (term.words.some((w) => !isContentWord(w))) return [`"${term.words.join(' ')}"`];
  return [term.stems.join(' ')];
}

export function planQuery(query: string, synonyms: SynonymIndex = []): QueryPlan {
  const slots: Slot[] = [];
  const rest: string[] = [];
  let last = 0;
  for (const m of query.matchAll(PHRASE)) {
    rest.push(query.slice(last, m.index));
    last = m.index + m[0].length;
    const phraseWords = words(m[1] ?? m[2] ?? '');
    if (phraseWords.length) slots.push({ text: phraseWords.join(' '), alternatives: [`"${phraseWords.join(' ')}"`], correctable: false });
  }
  rest.push(query.slice(last));
  const folded = words(rest.join(' '));
  const forms = folded.map(queryForms);
  for (let i = 0; i < folded.length; ) {
    const match = matchAt(forms, i, synonyms);
    if (match) {
      const alternatives = [...new Set(match.group.flatMap(termQueries))];
      slots.push({ text: folded.slice(i, i + match.length).join(' '), alternatives, correctable: false });
      i += match.length;
      continue;
    }
    const word = folded[i];
    const alternatives = forms[i];
    i += 1;
    if (word === undefined || alternatives === undefined || !isContentWord(word)) continue;
    slots.push({ text: word, alternatives, correctable: true });
  }
  // The same thing asked twice («центр центры») is one slot.
  const unique = new Map(slots.map((s) => [s.alternatives.join('|'), s]));
  return { slots: [...unique.values()] };
}
