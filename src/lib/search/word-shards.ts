/**
 * Writes the bank's words for «Возможно, вы искали …» (suggest.ts) next to the Pagefind index:
 * `pagefind/words/<shard>.json` and `pagefind/words/index.json`, the list of shards that exist
 * (so a reader never asks for a missing file). The words are read back from Pagefind's own
 * fragments, i.e. exactly the text Pagefind indexed, with the ignored parts left out. Run right
 * after the index is written, so an index reused from the cache brings its words along.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { MAX_WORD_LENGTH, MIN_SUGGEST_LENGTH, SHARD_CAP, WORDS_DIR, shardKeysOf, type Shard } from './suggest.ts';

/**
 * Anything but a lower-case Russian or Latin letter: the bank's languages. Explicit ranges split
 * four times faster than \p{L} (0.4 s against 1.7 s for 1 500 pages of ~550 words on a loaded
 * machine); words in other scripts only get no suggestion.
 */
const NOT_LETTERS = /[^a-zа-яёà-ÿ]+/;

interface Fragment {
  content?: string;
  meta?: Record<string, string>;
}

function fragmentsIn(file: string): Fragment[] {
  const text = gunzipSync(readFileSync(file)).toString('utf8');
  const json = JSON.parse(text.startsWith('pagefind_dcd') ? text.slice('pagefind_dcd'.length) : text) as Fragment | Record<string, Fragment>;
  if (typeof (json as Fragment).content === 'string') return [json as Fragment];
  return Object.values(json as Record<string, Fragment>).filter((f) => typeof f?.content === 'string');
}

interface WordShardStats {
  words: number;
  shards: number;
  /** Bytes of the largest shard file. */
  largest: number;
}

export function writeWordShards(pagefindDir: string): WordShardStats {
  const pagesOf = new Map<string, number>();
  const fragmentDir = join(pagefindDir, 'fragment');
  for (const name of readdirSync(fragmentDir)) {
    for (const fragment of fragmentsIn(join(fragmentDir, name))) {
      // Split on anything but letters, folded as foldWord does (lower case, «ё» as «е»): one pass
      // per page, cheap enough for the whole bank.
      const text = `${fragment.meta?.title ?? ''} ${fragment.content ?? ''}`.toLowerCase().replaceAll('ё', 'е');
      const seen = new Set<string>();
      for (const word of text.split(NOT_LETTERS)) if (word.length >= MIN_SUGGEST_LENGTH - 1 && word.length <= MAX_WORD_LENGTH) seen.add(word);
      for (const word of seen) pagesOf.set(word, (pagesOf.get(word) ?? 0) + 1);
    }
  }
  const shards = new Map<string, Shard>();
  for (const [word, pages] of pagesOf) {
    for (const key of shardKeysOf(word)) {
      let shard = shards.get(key);
      if (!shard) shards.set(key, (shard = []));
      shard.push([word, pages]);
    }
  }
  const out = join(pagefindDir, WORDS_DIR);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  let largest = 0;
  for (const [key, shard] of shards) {
    shard.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const text = JSON.stringify(shard.slice(0, SHARD_CAP));
    largest = Math.max(largest, Buffer.byteLength(text));
    writeFileSync(join(out, `${key}.json`), text);
  }
  writeFileSync(join(out, 'index.json'), JSON.stringify([...shards.keys()].sort()));
  return { words: pagesOf.size, shards: shards.size, largest };
}
