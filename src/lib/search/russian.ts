/**
 * Russian word forms for search, in the reader's browser (and in Node for the tests and the
 * build). Pagefind 1.5+ strips combining marks before stemming, in the indexer and on every
 * query, so «й» becomes «и» and the Snowball stemmer no longer recognises «-ый», «-ой», «-ий»:
 * «ресурсный» is indexed as «ресурсны», «ресурсных» as «ресурсн». Stemming the query here first,
 * with the same Russian Snowball algorithm on the unaltered word, gives «ресурсн»: a prefix of
 * every form Pagefind indexed, and Pagefind matches each query term as a prefix. The indexed
 * text and the excerpts are not touched.
 *
 * The stemmer (`@orama/stemmers/russian`, Snowball, ~7 KB) is bundled into the site's own
 * script; nothing is loaded from elsewhere.
 */
import { stemmer } from '@orama/stemmers/russian';

/** Lower case, «ё» as «е»: the two letters are one for a reader and for the index. */
export const foldWord = (word: string) => word.toLocaleLowerCase('ru').replaceAll('ё', 'е');

/**
 * Words that never carry a query by themselves: prepositions, conjunctions, particles and the
 * usual abbreviations of «город», «год», «годы» («г.», «гг.»). Matching them as prefixes made
 * a query for an unknown word return every page with «г.» in it.
 */
const STOP_WORDS: ReadonlySet<string> = new Set(
  'а и в во на с со к ко о об обо от до из за по при для без над под про у же ли бы не ни но да или либо то это как что чтобы так также г гг гор ул д т тыс руб млн чел год года годы году'.split(' '),
);

/** Shortest stem sent as a prefix: a shorter one would match a large part of any dictionary. */
const MIN_STEM = 3;

/** Letters and digits of a word, without the punctuation around it («г.» → «г»). */
const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/** The words of a text, folded. */
export function words(text: string): string[] {
  return [...text.matchAll(WORD)].map((m) => foldWord(m[0]));
}

/** A word that may carry a query: not a stop word, not a single letter. */
export function isContentWord(word: string): boolean {
  return word.length > 1 && !STOP_WORDS.has(word);
}

const CYRILLIC = /^[а-яё-]+$/u;

/**
 * The stem sent to Pagefind for one folded word. Non-Russian words and numbers go as they are.
 * A stem shorter than MIN_STEM letters is not used: the word itself is sent (Pagefind still
 * stems it its own way), so «дня» does not become a prefix for every word in «д».
 */
export function stemWord(word: string): string {
  const folded = foldWord(word);
  if (!CYRILLIC.test(folded)) return folded;
  const stem = stemmer(folded);
  return stem.length >= MIN_STEM ? stem : folded;
}

const VOWELS = 'аеиоуыэюя';
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.includes(c);
/** Consonants after which Russian nouns and adjectives drop a fleeting vowel (девушек → девушк-). */
const FLEETING_BEFORE = 'кнцлрвжм';
/** A stem shorter than this that the stemmer cut into a fleeting syllable is not sent («сотен» → «сот»). */
const SHORT_STEM = MIN_STEM + 1;

const FLEETING_END = /([^аеиоуыэюя])[ео]([нкц])$/;
const cutIntoFleeting = (folded: string, stem: string) => stem.length < SHORT_STEM && folded !== stem && FLEETING_END.test(folded);

/**
 * Stems the Snowball stemmer does not join with this one because of a fleeting vowel:
 * «девушек» ↔ «девушк» (девушка), «копеек» ↔ «копейк» (копейка), «сотен» ↔ «сотн» (сотня),
 * «отец» ↔ «отц» (отца). Bounded so that a query does not flood: at most two alternatives,
 * generated only at the end of the stem (where the alternation is), each at least MIN_STEM
 * letters, only for Cyrillic words of four letters or more. An alternative that no word of the
 * bank begins with finds nothing (pagefind-client.ts checks what Pagefind matched).
 */
export function fleetingAlternatives(word: string): string[] {
  const folded = foldWord(word);
  if (!CYRILLIC.test(folded) || folded.length < 4) return [];
  const stem = stemWord(folded);
  const out: string[] = [];
  const n = stem.length;
  const last = stem[n - 1] ?? '';
  const mid = stem[n - 2];
  const before = stem[n - 3];
  // «девушек», «копеек», «отец»: consonant or vowel + е/о + final consonant → drop the vowel.
  if (n >= 4 && FLEETING_BEFORE.includes(last) && (mid === 'е' || mid === 'о') && before !== undefined) {
    if (isVowel(before)) out.push(`${stem.slice(0, n - 2)}й${last}`); // копеек → копейк
    else if (before === 'л') out.push(`${stem.slice(0, n - 2)}ь${last}`); // доброволец → добровольц
    else out.push(`${stem.slice(0, n - 2)}${last}`); // девушек → девушк, отец → отц
  }
  // The stemmer cut into the fleeting syllable («сотен» → «сот»): the word without its vowel.
  if (cutIntoFleeting(folded, stem)) out.push(folded.replace(FLEETING_END, '$1$2'));
  // «девушк», «сотн», «отц», «копейк»: two consonants at the end → put the vowel back.
  // Not after «-ск-» of a long stem: the suffix of adjectives and place names (городск-, иркутск-).
  const adjectiveSuffix = mid === 'с' && last === 'к' && n >= 6;
  if (n >= 3 && FLEETING_BEFORE.includes(last) && mid !== undefined && !isVowel(mid) && mid !== 'ъ' && mid !== last && !adjectiveSuffix) {
    if (mid === 'ь') out.push(`${stem.slice(0, n - 2)}е${last}`); // добровольц → доброволец
    else if (mid === 'й') out.push(`${stem.slice(0, n - 2)}е${last}`); // копейк → копеек
    else if (n >= 4 || last === 'ц') out.push(`${stem.slice(0, n - 1)}е${last}`); // девушк → девушек, сотн → сотен, отц → отец
  }
  return [...new Set(out)].filter((alt) => alt !== stem && alt.length >= MIN_STEM).slice(0, 2);
}

/**
 * What one query word is searched as: its stem first, then its fleeting-vowel alternatives.
 * When the stem is shorter than SHORT_STEM because the stemmer cut into a fleeting syllable
 * («сотен» → «сот», which would also find «сотрудник»), the word itself goes first instead.
 */
export function queryForms(word: string): string[] {
  const folded = foldWord(word);
  const stem = stemWord(folded);
  return [...new Set([cutIntoFleeting(folded, stem) ? folded : stem, ...fleetingAlternatives(folded)])];
}

/** A word as Pagefind keeps it for matching: folded, combining marks gone («й» → «и»), letters and digits only. */
export function pagefindForm(word: string): string {
  return foldWord(word).normalize('NFD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}]/gu, '');
}
