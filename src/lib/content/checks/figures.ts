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

const MULTIPLIERS: [RegExp, number][] = [
  [/^тыс(?:яч[аи]?|\.|\b)/i, 1_000],
  [/^(?:млн\.?|миллион(?:а|ов)?)/i, 1_000_000],
  [/^(?:млрд\.?|миллиард(?:а|ов)?)/i, 1_000_000_000],
];

// Not inside a word or a name: «Молодежь 3D» holds no figure.
const NUMBER = /(?<![\p{L}\d])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+)(?:[.,](\d+))?(?![\p{L}\d])/gu;

export interface FoundNumber {
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
    const after = text.slice((match.index ?? 0) + match[0].length);
    const gap = /^[ \u00a0\u202f]*/.exec(after)?.[0] ?? '';
    let scaled = raw;
    let word = '';
    for (const [pattern, factor] of MULTIPLIERS) {
      const found = pattern.exec(after.slice(gap.length));
      if (found) {
        scaled = raw * factor;
        word = gap + found[0];
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
    for (const n of numbersIn(lineText)) {
      const before = lineText.slice(0, n.index);
      const after = lineText.slice(n.index + n.text.length);
      const isYear = Number.isInteger(n.raw) && n.raw >= 1900 && n.raw <= 2100 && n.text.length === 4 &&
        (/^\s*(?:г\.|год|году|года|годы|годов|гг)/i.test(after) || /^[-–—]\d{4}/.test(after) || /\d{4}[-–—]$/.test(before));
      if (isYear) continue;
      // The sentence around the number: from the last «. », «; » or «(» before it to the next after it.
      const from = Math.max(before.lastIndexOf('. '), before.lastIndexOf('; '), before.lastIndexOf('(')) + 1;
      const endMatch = /[.;](?:\s|$)|\)/.exec(after);
      const sentenceBefore = before.slice(from);
      const sentenceAfter = endMatch ? after.slice(0, endMatch.index) : after;
      const left = /(?:\S+\s+){0,4}$/u.exec(sentenceBefore)?.[0] ?? '';
      const right = /^(?:\s*\S+){0,4}/u.exec(sentenceAfter)?.[0] ?? '';
      const phrase = `${left}${n.text}${right}`.trim().replace(/^[-–—,:;\s]+|[-–—,:;\s]+$/g, '');
      out.push({ line: i + 1, phrase, value: n.scaled });
    }
  });
  return out;
}
