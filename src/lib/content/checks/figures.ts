/**
 * Numbers in Russian text, the way city reports write them: «более 15 тысяч человек»,
 * «1000 тысяч рублей», «657 мероприятий». Used by the checker (is a metric's figure in its
 * source?) and by the import (a checklist of figures for the editor).
 */

/** Folds the spellings one text may use for the same words: ё/е, dashes, quotes, spaces. */
export function normaliseForSearch(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[\u2010-\u2015\u2212-]/g, '-')
    .replace(/[«»„“”"]/g, '"')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>&|~])/g, '$1')
    .replace(/[\s\u00a0\u2009\u202f]+/g, ' ')
    .replace(/ ?- ?/g, '-')
    .trim();
}

// Sticky: matched where a number ends, without copying the rest of the text for every number.
const MULTIPLIERS: [RegExp, number][] = [
  [/тыс(?:яч[аи]?|\.|\b)/iy, 1_000],
  [/(?:млн\.?|миллион(?:а|ов)?)/iy, 1_000_000],
  [/(?:млрд\.?|миллиард(?:а|ов)?)/iy, 1_000_000_000],
];
const GAP = /[ \u00a0\u202f]*/y;

/** A sticky regex's match at `index` of `text`, or undefined. */
function stickyAt(pattern: RegExp, text: string, index: number): string | undefined {
  pattern.lastIndex = index;
  return pattern.exec(text)?.[0];
}

// Not inside a word or a name: «Молодежь 3D» holds no figure.
const NUMBER = /(?<![\p{L}\d])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+)(?:[.,](\d+))?(?![\p{L}\d])/gu;

interface FoundNumber {
  /** As written: 15 for «15 тысяч». */
  raw: number;
  /** With its multiplier word applied: 15000 for «15 тысяч». */
  scaled: number;
  index: number;
  /** The number with its multiplier word, as written. */
  text: string;
}

/** Every number in a text, with «тысяч», «млн» and the like applied. */
export function numbersIn(text: string): FoundNumber[] {
  const out: FoundNumber[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const whole = (match[1] ?? '').replace(/[ \u00a0\u202f]/g, '');
    const raw = Number(match[2] ? `${whole}.${match[2]}` : whole);
    const end = (match.index ?? 0) + match[0].length;
    const gap = stickyAt(GAP, text, end) ?? '';
    let scaled = raw;
    let word = '';
    for (const [pattern, factor] of MULTIPLIERS) {
      const found = stickyAt(pattern, text, end + gap.length);
      if (found !== undefined) {
        scaled = raw * factor;
        word = gap + found;
        break;
      }
    }
    out.push({ raw, scaled, index: match.index ?? 0, text: match[0] + word });
  }
  return out;
}

/** Small numbers the reports write in words: «трех ресурсных центров», «еще одно помещение». */
const NUMBER_WORDS: [RegExp, number][] = [
  [/^(?:один|одна|одно|одного|одной|одному|одним|одну)$/, 1],
  [/^(?:два|две|двух|двум|двумя)$/, 2],
  [/^(?:три|трех|трем|тремя)$/, 3],
  [/^(?:четыре|четырех|четырем|четырьмя)$/, 4],
  [/^(?:пять|пяти|пятью)$/, 5],
  [/^(?:шесть|шести|шестью)$/, 6],
  [/^(?:семь|семи|семью)$/, 7],
  [/^(?:восемь|восьми|восемью)$/, 8],
  [/^(?:девять|девяти|девятью)$/, 9],
  [/^(?:десять|десяти|десятью)$/, 10],
];

/** Whether a metric's value is one of the numbers its own wording gives, in digits or in words. */
export function valueMatchesWording(value: number, wording: string): boolean {
  if (numbersIn(wording).some((n) => Math.abs(n.raw - value) < 1e-9 || Math.abs(n.scaled - value) < 1e-9)) return true;
  const words = wording.toLowerCase().replaceAll('ё', 'е').split(/[^\p{L}]+/u);
  return words.some((word) => NUMBER_WORDS.some(([pattern, n]) => n === value && pattern.test(word)));
}

export interface FigureMention {
  /** 1-based line in the text. */
  line: number;
  /** The number with up to four words either side, within its sentence. */
  phrase: string;
  value: number;
}

/**
 * Figures worth a metric: every number except years («в 2013 году», «2013-2017 годы»), each
 * with up to four words either side within its sentence, so the editor can find it and copy
 * its wording. `text` is plain text (a list marker at the start of a line is skipped).
 */
export function findFigures(text: string): FigureMention[] {
  const out: FigureMention[] = [];
  text.split('\n').forEach((fullLine, i) => {
    const lineText = fullLine.replace(/^\s*(?:[-–—•*]|\d+[.)])\s+/, '');
    // Every step below looks at a bounded stretch around the number or scans once from it: a
    // line of any length, or a word of any length before a figure, costs time in proportion to it.
    for (const n of numbersIn(lineText)) {
      const start = n.index;
      const end = n.index + n.text.length;
      const isYear = Number.isInteger(n.raw) && n.raw >= 1900 && n.raw <= 2100 && n.text.length === 4 &&
        (stickyAt(YEAR_WORD, lineText, end) !== undefined || stickyAt(YEAR_RANGE_AFTER, lineText, end) !== undefined ||
          YEAR_RANGE_BEFORE.test(lineText.slice(Math.max(0, start - 5), start)));
      if (isYear) continue;
      // Up to four words either side, cut at the sentence: the last «. », «; » or «(» before the
      // number, the next «.», «;» or «)» after it. Only the four-word windows are searched, so
      // a line with many figures and no full stop costs time in proportion to its length.
      const leftStart = wordsBefore(lineText, 0, start, 4);
      const leftWindow = lineText.slice(leftStart, start);
      const after = (found: number, length: number) => (found === -1 ? 0 : found + length);
      const last = (mark: string) => (leftWindow.length >= mark.length ? after(leftWindow.lastIndexOf(mark, leftWindow.length - mark.length), mark.length) : 0);
      const boundary = Math.max(last('. '), last('; '), last('('));
      const left = boundary > 0 ? lineText.slice(wordsBefore(lineText, leftStart + boundary, start, 4), start) : leftWindow;
      const rightEnd = wordsAfter(lineText, end, lineText.length, 4);
      const sentenceEnd = SENTENCE_END.exec(lineText.slice(end, rightEnd));
      const right = sentenceEnd ? lineText.slice(end, wordsAfter(lineText, end, end + sentenceEnd.index, 4)) : lineText.slice(end, rightEnd);
      const phrase = `${left}${n.text}${right}`.trim().replace(/^[-–—,:;\s]+|[-–—,:;\s]+$/g, '');
      out.push({ line: i + 1, phrase, value: n.scaled });
    }
  });
  return out;
}

const YEAR_WORD = /\s*(?:г\.|год|году|года|годы|годов|гг)/iy;
const YEAR_RANGE_AFTER = /[-–—]\d{4}/y;
const YEAR_RANGE_BEFORE = /\d{4}[-–—]$/;
const SENTENCE_END = /[.;](?:\s|$)|\)/;
const isSpace = (c: string | undefined) => c !== undefined && /\s/u.test(c);

/**
 * Where the last `count` whole words before `end` begin (each followed by whitespace), no
 * further back than `floor`: what `/(?:\S+\s+){0,4}$/` matched, in one backward pass.
 */
function wordsBefore(text: string, floor: number, end: number, count: number): number {
  let at = end;
  for (let n = 0; n < count; n++) {
    let j = at;
    while (j > floor && isSpace(text[j - 1])) j--;
    if (j === at) break;
    let k = j;
    while (k > floor && !isSpace(text[k - 1])) k--;
    if (k === j) break;
    at = k;
  }
  return at;
}

/** Where the first `count` words after `start` end, no further than `ceiling`: `/^(?:\s*\S+){0,4}/` in one pass. */
function wordsAfter(text: string, start: number, ceiling: number, count: number): number {
  let at = start;
  for (let n = 0; n < count; n++) {
    let j = at;
    while (j < ceiling && isSpace(text[j])) j++;
    if (j === ceiling) break;
    let k = j;
    while (k < ceiling && !isSpace(text[k])) k++;
    at = k;
  }
  return at;
}
