/**
 * «Возможно, вы искали …»: a word of the bank one edit away from a query word that found
 * nothing. The bank's words are kept in small shards under `/pagefind/words/` (written with the
 * index, see word-shards.ts), so a reader fetches only the few shards a word can be in, never
 * a list of the whole bank:
 *
 * - a word sits in two shards, one keyed by its first letter and length, one by its last letter
 *   and length; one edit changes the length by at most one and leaves the first or the last
 *   letter in place, so the six shards (first | last) × (length − 1, length, length + 1) hold
 *   every candidate;
 * - each shard keeps at most SHARD_CAP words, the ones on most pages, so its size does not grow
 *   with the bank (a bigger bank only raises the bar for rare words).
 */
import { foldWord, stemWord } from './russian.ts';

export const SHARD_CAP = 1500;
/** Words shorter than this are not corrected: one edit of a short word is another word. */
export const MIN_SUGGEST_LENGTH = 4;
export const MAX_WORD_LENGTH = 24;
export const WORDS_DIR = 'words';

/** Shard file names: `f-<code>-<length>` / `l-<code>-<length>` (the letter's code point in hex). */
function shardKey(side: 'f' | 'l', letter: string | undefined, length: number): string {
  const code = letter?.codePointAt(0);
  if (code === undefined) throw new Error('shardKey: an empty word has no shard');
  return `${side}-${code.toString(16)}-${Math.min(length, MAX_WORD_LENGTH)}`;
}

export function shardKeysOf(word: string): string[] {
  return [shardKey('f', word[0], word.length), shardKey('l', word.at(-1), word.length)];
}

/** The shards that can hold a word one edit away from `word`. */
export function candidateShards(word: string): string[] {
  const keys = new Set<string>();
  for (const length of [word.length - 1, word.length, word.length + 1]) {
    if (length < MIN_SUGGEST_LENGTH - 1) continue;
    keys.add(shardKey('f', word[0], length));
    keys.add(shardKey('l', word.at(-1), length));
  }
  return [...keys];
}

/** Optimal string alignment distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 1): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Infinity; // outside the table: unreachable
  for (let i = 0; i <= a.length; i++) {
    const row = [i];
    rows[i] = row;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row[j] = j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, at(i - 2, j - 2) + 1);
      row[j] = d;
      best = Math.min(best, d);
    }
    if (i > 0 && best > max) return max + 1;
  }
  return at(a.length, b.length);
}

/** One shard: words with the number of pages each is on, most frequent first. */
export type Shard = [word: string, pages: number][];

/**
 * The correction of one folded query word from candidate words, or undefined. A candidate
 * qualifies when it, or its stem, is one edit from the word (or its stem); the most frequent
 * wins. The correction keeps the reader's ending: «волантеры» with the bank's «волонтеров»
 * gives «волонтеры».
 */
export function correct(word: string, candidates: Iterable<[string, number]>): string | undefined {
  const folded = foldWord(word);
  if (folded.length < MIN_SUGGEST_LENGTH) return undefined;
  const stem = stemWord(folded);
  let best: { word: string; pages: number } | undefined;
  for (const [candidate, pages] of candidates) {
    if (candidate === folded) return undefined; // the word is in the bank: not a typo
    let fixed: string | undefined;
    if (editDistance(folded, candidate) === 1) fixed = candidate;
    else {
      const candidateStem = stemWord(candidate);
      if (candidateStem.length >= MIN_SUGGEST_LENGTH && editDistance(stem, candidateStem) === 1 && folded.startsWith(stem)) fixed = candidateStem + folded.slice(stem.length);
    }
    if (fixed && (!best || pages > best.pages)) best = { word: fixed, pages };
  }
  return best?.word;
}
