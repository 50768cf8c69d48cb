/**
 * Draft practices from an imported report: one `_<slug>.mdx` per practice the editor names (or,
 * when none is named, per list item of the report that holds figures), its metrics pre-filled
 * from the figures `findFigures` found in the lines that speak of it: the value and its
 * qualifier («более», «около», «до»), the unit that follows the number, the source wording
 * verbatim and the report's year. Nothing is invented: what the report does not say (topics,
 * start year, description) is left for the editor, and every metric carries a «ЗАПОЛНИТЬ»
 * mark, so the checker refuses the file published until the editor has confirmed each figure.
 */
import { Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { findFigures, normaliseForSearch, numbersIn } from '../content/checks/figures.ts';
import { PLACEHOLDER } from '../content/checks/rules.ts';
import type { Metric } from '../content/schema.ts';
import type { MetricKind, Qualifier } from '../content/vocabulary-values.ts';
import { practiceData, slugify } from './practice-file.ts';

interface DraftOptions {
  city: string;
  /** The report's year: every figure refers to it. */
  year: number;
  /** The material the drafts point to (`irkutsk/_2013-public-engagement`). */
  submission: string;
  /** `YYYY-MM-DD`. */
  published: string;
  /** Topics for every draft, when the editor gives them (`--topics`); otherwise left to fill in. */
  topics?: string[];
  /** Practices the editor names; none: one per list item with figures. */
  practices?: string[];
  /** Lines of the file before the text given (the frontmatter), so metric lines are the file's. */
  lineOffset?: number;
}

export interface DraftMetric extends Omit<Metric, 'note'> {
  /** 1-based line of the figure in the material's file (`lineOffset` added). */
  line: number;
}

interface PracticeDraft {
  title: string;
  /** `_<slug>.mdx`, inside `practices/<city>/`. */
  fileName: string;
  metrics: DraftMetric[];
  mdx: string;
}

const unescape = (text: string) => text.replace(/\\(.)/g, '$1');
const LIST_ITEM = /^\s*(?:[-–—•*]|\d+[.)])\s+/;

const NAME_STOP_WORDS = new Set(['для', 'при', 'или', 'как', 'что', 'это', 'его', 'её', 'над', 'под', 'без', 'про']);

/** Word stems of a name: enough of each word to find its other forms («курсы» → «курс», «курсах»). */
function stemsOf(name: string): string[] {
  return [...new Set(normaliseForSearch(name)
    .split(/[^\p{L}\d]+/u)
    .filter((w) => w.length >= 3 && /\p{L}/u.test(w) && !NAME_STOP_WORDS.has(w))
    .map((w) => w.slice(0, Math.min(w.length, Math.max(4, w.length - 2)))))];
}

const wordsOf = (line: string) => normaliseForSearch(line).split(/[^\p{L}\d]+/u);

/**
 * Which lines speak of a practice: a line counts when the words of the name it contains carry
 * at least half of the name's weight, a word weighing more the fewer lines use it («Иркутск»
 * and «город» are everywhere in a city's report, «ресурсных центров» is not). Words the text
 * never uses say nothing about any line and are left out.
 */
function linesAbout(name: string, lines: readonly string[]): Set<number> {
  const words = lines.map(wordsOf);
  const has = (i: number, stem: string) => (words[i] ?? []).some((w) => w.startsWith(stem));
  const texts = lines.flatMap((line, i) => (line.trim() ? [i] : []));
  const weighted = stemsOf(name)
    .map((stem) => ({ stem, df: texts.filter((i) => has(i, stem)).length }))
    .filter((s) => s.df > 0)
    .map((s) => ({ stem: s.stem, weight: Math.log((texts.length + 1) / s.df) }));
  const total = weighted.reduce((sum, s) => sum + s.weight, 0);
  const out = new Set<number>();
  if (total <= 0) return out;
  for (const i of texts) {
    const score = weighted.filter((s) => has(i, s.stem)).reduce((sum, s) => sum + s.weight, 0);
    if (score / total >= 0.5) out.add(i + 1);
  }
  return out;
}

/** The name a list item starts with: «Неделя озеленения» in «- «Неделя озеленения» - 237 участников». */
export function itemTitle(item: string): string {
  const text = item.replace(LIST_ITEM, '').trim();
  let depth = 0;
  const cut = (at: number) => text.slice(0, at).trim().replace(/[\s,;:.–—-]+$/, '');
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '«') depth++;
    else if (ch === '»') depth = Math.max(0, depth - 1);
    else if (depth === 0 && /\s/.test(ch ?? '') && /^[-–—]\s/.test(text.slice(i + 1, i + 3)) && i > 0) return cut(i);
    else if (depth === 0 && ch === ':' && /\s/.test(text[i + 1] ?? '')) return cut(i);
  }
  const hyphen = text.indexOf(' - ');
  if (hyphen > 0) return cut(hyphen);
  return text.split(/\s+/).slice(0, 8).join(' ');
}

const QUALIFIER_BEFORE: [RegExp, Qualifier][] = [
  [/(?:более|свыше|больше|не менее|превысил[аио]?)\s*$/iu, 'more-than'],
  [/(?:около|примерно|порядка|приблизительно|почти|ориентировочно)\s*$/iu, 'about'],
  [/(?:до|не более)\s*$/iu, 'up-to'],
];

const STOP_WORDS = new Set(['в', 'во', 'на', 'для', 'по', 'из', 'с', 'со', 'к', 'о', 'об', 'за', 'от', 'до', 'при', 'и', 'а', 'но', 'что', 'которые', 'которых', 'из них']);

const KIND_BY_WORD: [RegExp, MetricKind][] = [
  [/волонт|доброволь/u, 'volunteers'],
  [/мероприят|акци[йия]|событ|встреч|занят/u, 'events'],
  [/победител|лауреат|призер/u, 'winners'],
  [/ресурсн\S* центр|центр/u, 'centres'],
  [/помещен/u, 'premises'],
  [/проект|инициатив/u, 'projects'],
  [/сотрудник|специалист|штат/u, 'staff'],
  [/дет(?:ей|и)(?!\p{L})|семей|получател|пенсионер/u, 'beneficiaries'],
  [/организац|структур|нко|учрежден|объединен|детск\S* дом|тос(?!\p{L})|предприят/u, 'organisations'],
  [/участ|человек|горожан|жител|слушател|обучил/u, 'participants'],
];

/** A kind from the words around the figure: a guess the editor confirms. */
function guessKind(unit: string, phrase: string, money: boolean): MetricKind {
  const text = normaliseForSearch(`${unit} ${phrase}`);
  if (money) return /призов/u.test(text) ? 'prize-fund' : 'budget';
  for (const [pattern, kind] of KIND_BY_WORD) if (pattern.test(normaliseForSearch(unit))) return kind;
  for (const [pattern, kind] of KIND_BY_WORD) if (pattern.test(text)) return kind;
  return 'participants';
}

const MONEY_SCALE: [RegExp, string][] = [
  [/^тыс/iu, 'тыс. руб.'],
  [/^(?:млн|миллион)/iu, 'млн руб.'],
  [/^(?:млрд|миллиард)/iu, 'млрд руб.'],
];

/** One figure as a metric: its number, qualifier and unit read from the words around it. */
function metricOf(phrase: string, value: number, line: number, year: number): DraftMetric {
  const numbers = numbersIn(phrase);
  const n = numbers.find((x) => Math.abs(x.scaled - value) < 1e-9) ?? numbers[0];
  const before = n ? phrase.slice(0, n.index) : '';
  const after = n ? phrase.slice(n.index + n.text.length) : '';
  const qualifier = QUALIFIER_BEFORE.find(([pattern]) => pattern.test(before))?.[1] ?? 'exact';
  const multiplier = n ? n.text.slice(String(n.raw).length).trim() : '';
  const money = /^\s*(?:руб|р\.)/iu.test(after);
  let unit: string;
  let number = value;
  if (money && n) {
    // The bank keeps money as the report scales it: «1000 тысяч рублей» is 1000 тыс. руб.
    number = n.raw;
    unit = MONEY_SCALE.find(([pattern]) => pattern.test(multiplier))?.[1] ?? 'руб.';
  } else {
    const words: string[] = [];
    for (const word of after.trim().split(/\s+/)) {
      const clean = word.replace(/[,.;:()!?»«"]+$/u, '');
      if (!clean || /^[-–—]/.test(word) || STOP_WORDS.has(clean.toLowerCase())) break;
      words.push(clean.replace(/^[(«"]+/u, ''));
      if (clean !== word || words.length === 2) break;
    }
    unit = words.join(' ');
    // «победителей - 120»: the unit stands before the number.
    if (!unit) unit = /(\p{L}[\p{L} ]*?)\s*[-–—:]\s*$/u.exec(before)?.[1]?.split(/\s+/).slice(-2).join(' ') ?? '';
  }
  return { kind: guessKind(unit, phrase, money), value: number, qualifier, unit: unit || `${PLACEHOLDER}: единица`, year, source: phrase, line };
}

function draftMdx(title: string, metrics: DraftMetric[], options: DraftOptions): string {
  const data = practiceData({
    city: options.city,
    title,
    submission: options.submission,
    topics: options.topics ?? [],
    startYear: options.year,
    status: 'unknown',
    statusYear: options.year,
    published: options.published,
  });
  data.metrics = metrics.map((m) => ({ kind: m.kind, value: m.value, ...(m.qualifier === 'exact' ? {} : { qualifier: m.qualifier }), unit: m.unit, year: m.year, source: m.source }));
  const doc = new Document(data);
  const seq = doc.get('metrics', true) as YAMLSeq<YAMLMap>;
  seq.items.forEach((item, i) => {
    item.commentBefore = ` ${PLACEHOLDER}: сверьте с материалом (строка ${metrics[i]?.line}) вид, значение, уточнение и единицу, затем удалите эту пометку`;
  });
  if (!metrics.length) seq.comment = ` ${PLACEHOLDER}: в строках отчёта об этой практике цифр не найдено; добавьте показатели вручную или оставьте список пустым`;
  const start = doc.get('startYear', true) as { comment?: string };
  start.comment = ` ${PLACEHOLDER}: год начала — по отчёту; сейчас стоит отчётный год`;
  if (!options.topics?.length) (doc.get('topics', true) as { comment?: string }).comment = ` ${PLACEHOLDER}: от одной до пяти тем из content/topics/`;
  (doc.get('submission', true) as { comment?: string }).comment = ' когда материал будет опубликован (без «_» в имени), уберите «_» и здесь';
  const yaml = doc.toString({ lineWidth: 0 });
  const body = `${PLACEHOLDER}: описание практики по тексту материала; каждая цифра — из материала города`;
  return `---\n${yaml}---\n\n${body}\n`;
}

/**
 * Drafts from the text of the material (its MDX body, or the report's plain text). A named
 * practice takes the figures of every line that speaks of it (the words of its name, in any
 * form, see linesAbout); without names, each list item with figures becomes a practice named by its opening
 * words, with the figures of the lines that name it too.
 */
export function draftPractices(text: string, options: DraftOptions): PracticeDraft[] {
  const lines = text.split('\n');
  const figures = findFigures(text);
  const names = options.practices?.length
    ? options.practices
    : [...new Set(figures.map((f) => f.line))].filter((n) => LIST_ITEM.test(lines[n - 1] ?? '')).map((n) => unescape(itemTitle(lines[n - 1] ?? '')));
  const used = new Set<string>();
  return names.map((name) => {
    const about = linesAbout(name, lines.map(unescape));
    const own = figures.filter((f) => about.has(f.line));
    const metrics: DraftMetric[] = [];
    for (const figure of own) {
      const metric = metricOf(unescape(figure.phrase), figure.value, figure.line + (options.lineOffset ?? 0), options.year);
      // A report may repeat a figure («15 СО НКО» twice): one metric, with its first wording.
      if (metrics.some((m) => m.value === metric.value && m.unit === metric.unit && m.qualifier === metric.qualifier)) continue;
      metrics.push(metric);
    }
    let slug = slugify(name.replace(/[«»"]/g, ''));
    for (let i = 2; used.has(slug); i++) slug = `${slugify(name)}-${i}`;
    used.add(slug);
    return { title: name.trim(), fileName: `_${slug}.mdx`, metrics, mdx: draftMdx(name.trim(), metrics, options) };
  });
}
