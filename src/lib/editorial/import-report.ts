/**
 * A city's report (plain text or Word) into a draft submission: the text verbatim, paragraph
 * by paragraph, lists kept, the questionnaire's questions turned into `##` headings, and a
 * checklist of the figures in it for the editor who will draft practices from it.
 */
import { stringify } from 'yaml';
import { findFigures, normaliseForSearch, type FigureMention } from '../content/checks/figures.ts';
import { PLACEHOLDER } from '../content/checks/rules.ts';
import { blocksToMdx, textToBlocks, type TextBlock } from './text-blocks.ts';
import { checkDocxSize } from './docx-limits.ts';

/** A text report larger than this is not a city's report (the Irkutsk one is 13 KB). */
const MAX_REPORT_BYTES = 16 * 1024 * 1024;

export interface QuestionnaireQuestions {
  id: string;
  questions: { id: string; text: string }[];
}

interface ImportOptions {
  city: string;
  year: number;
  questionnaires: QuestionnaireQuestions[];
  /** Questionnaire id; by default the one whose questions the text answers best. */
  questionnaire?: string;
  /** Publication date written into the draft, `YYYY-MM-DD`. */
  today: string;
  /** The material's title, when known (the submit form asks for it); otherwise a placeholder. */
  title?: string;
}

export interface ImportResult {
  /** The draft's file name inside `submissions/<city>/`. */
  fileName: string;
  mdx: string;
  questionnaire: string;
  /** The document's own heading («ИРКУТСК»), kept in `originalHeading`. */
  originalHeading: string | undefined;
  /** Questions found, with how: the whole paragraph, or inside a paragraph (heading inserted). */
  questions: { id: string; text: string; inserted: boolean }[];
  /** Questions of the questionnaire the text does not contain. */
  missingQuestions: string[];
  /** Figures, with their line in the draft file. */
  figures: FigureMention[];
}

/** Decodes the few entities mammoth writes. */
function decodeHtml(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}

/**
 * mammoth's HTML (flat `<p>`, `<h1>`…, `<ul>/<ol>` with `<li>`, tables) into blocks. Inline
 * formatting is dropped: the bank keeps a report's words, not its typography.
 */
function htmlToBlocks(html: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  const lists: boolean[] = [];
  let buffer = '';
  const flush = () => {
    const text = decodeHtml(buffer).replace(/\s+/g, ' ').trim();
    buffer = '';
    if (!text) return;
    const ordered = lists.at(-1);
    if (ordered !== undefined) {
      const last = blocks.at(-1);
      if (last?.kind === 'list' && last.ordered === ordered) last.items.push(text);
      else blocks.push({ kind: 'list', ordered, items: [text] });
    } else {
      // A paragraph typed as «- пункт» in Word is a list item too.
      blocks.push(...textToBlocks(text));
    }
  };
  for (const token of html.match(/<[^>]+>|[^<]+/g) ?? []) {
    const tag = /^<(\/?)([a-z0-9]+)/i.exec(token);
    if (!tag) {
      buffer += token;
      continue;
    }
    const [, closing, name = ''] = tag;
    const lower = name.toLowerCase();
    if (lower === 'br') buffer += ' ';
    else if (lower === 'ul' || lower === 'ol') {
      flush();
      if (closing) lists.pop();
      else lists.push(lower === 'ol');
    } else if (/^(p|li|h[1-6]|td|th|tr|table)$/.test(lower)) flush();
  }
  flush();
  return blocks;
}

/**
 * Reads a report: `.docx` through mammoth, anything else as UTF-8 text. Every failure is an
 * Error whose message is Russian and starts with the file's name; the libraries' own English
 * words (JSZip, xmldom) follow in brackets only as a clue.
 */
export async function readReport(fileName: string, content: Buffer): Promise<TextBlock[]> {
  if (/\.docx$/i.test(fileName)) {
    checkDocxSize(fileName, content);
    let html: string;
    // Loaded only for Word files, so the submit page can use importBlocks without mammoth.
    const { default: mammoth } = await import('mammoth');
    try {
      html = (await mammoth.convertToHtml({ buffer: content })).value;
    } catch (error) {
      const original = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 200);
      throw new Error(`${fileName}: документ Word не читается — файл повреждён или это не .docx; откройте его в Word и сохраните как .docx заново (разборщик: ${original})`);
    }
    return htmlToBlocks(html);
  }
  if (/\.doc$/i.test(fileName)) {
    throw new Error(`${fileName}: файлы .doc (Word 97–2003) не читаются: сохраните документ в Word как .docx`);
  }
  if (content.length > MAX_REPORT_BYTES) {
    throw new Error(`${fileName}: файл занимает ${Math.ceil(content.length / 1024 / 1024)} МБ, больше допустимых ${MAX_REPORT_BYTES / 1024 / 1024} МБ; это не похоже на отчёт города`);
  }
  return textToBlocks(content.toString('utf8').replace(/^\uFEFF/, ''));
}

/** A short all-capitals first line is the document's heading («ИРКУТСК»), not its text. */
function isDocumentHeading(block: TextBlock | undefined): block is { kind: 'paragraph'; text: string } {
  return block?.kind === 'paragraph' && block.text.length <= 80 && /\p{Lu}/u.test(block.text) && block.text === block.text.toUpperCase();
}

/** How far into a paragraph a question may start and still be its subject («Что касается того, какую помощь …»). */
const QUESTION_LEAD = 80;
/** A paragraph this much longer than the question is an answer, not the question itself. */
const HEADING_SLACK = 40;

function matchQuestions(blocks: TextBlock[], questions: { id: string; text: string }[]) {
  const out: TextBlock[] = [];
  const found: ImportResult['questions'] = [];
  let next = 0;
  for (const block of blocks) {
    if (block.kind !== 'paragraph' || next >= questions.length) {
      out.push(block);
      continue;
    }
    const paragraph = normaliseForSearch(block.text);
    // Questions are answered in order; a later one may be found while an earlier one is not.
    const index = questions.findIndex((q, i) => i >= next && (() => {
      const at = paragraph.indexOf(normaliseForSearch(q.text));
      return at !== -1 && at <= QUESTION_LEAD;
    })());
    const question = questions[index];
    if (!question) {
      out.push(block);
      continue;
    }
    next = index + 1;
    const at = paragraph.indexOf(normaliseForSearch(question.text));
    if (at === 0 && paragraph.length <= normaliseForSearch(question.text).length + HEADING_SLACK) {
      // The paragraph is the question as the city wrote it: it becomes the heading, verbatim.
      out.push({ kind: 'heading', depth: 2, text: block.text });
      found.push({ id: question.id, text: block.text, inserted: false });
    } else {
      // The question is inside the answer: the answer stays verbatim under the questionnaire's heading.
      out.push({ kind: 'heading', depth: 2, text: question.text, inserted: true }, block);
      found.push({ id: question.id, text: question.text, inserted: true });
    }
  }
  return { blocks: out, found };
}

function countMatches(blocks: TextBlock[], questionnaire: QuestionnaireQuestions): number {
  return matchQuestions(blocks, questionnaire.questions).found.length;
}

export function importBlocks(source: TextBlock[], options: ImportOptions): ImportResult {
  const blocks = [...source];
  const first = blocks[0];
  const originalHeading = isDocumentHeading(first) ? first.text : undefined;
  if (originalHeading !== undefined) blocks.shift();
  const questionnaire =
    options.questionnaires.find((q) => q.id === options.questionnaire) ??
    [...options.questionnaires].sort((a, b) => countMatches(blocks, b) - countMatches(blocks, a))[0];
  if (!questionnaire) throw new Error('в банке нет ни одной анкеты (content/questionnaires/)');
  if (options.questionnaire && questionnaire.id !== options.questionnaire) throw new Error(`нет анкеты «${options.questionnaire}»`);
  const matched = matchQuestions(blocks, questionnaire.questions);
  const frontmatter: Record<string, unknown> = {
    title: options.title?.trim() || `${PLACEHOLDER}: заголовок материала — о чём он (например, «Взаимодействие администрации с общественностью в ${options.year} году»)`,
    city: options.city,
    year: options.year,
    questionnaire: questionnaire.id,
    ...(originalHeading ? { originalHeading } : {}),
    published: options.today,
  };
  const head = `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n`;
  const body = blocksToMdx(matched.blocks);
  const mdx = `${head}${body}\n`;
  const bodyStart = head.split('\n').length;
  // Found in the escaped body for the line numbers, shown without the escapes.
  const figures = findFigures(body).map((f) => ({ ...f, line: f.line + bodyStart - 1, phrase: f.phrase.replace(/\\(.)/g, '$1') }));
  const slug = questionnaire.id.replace(/^asdg-/, '');
  return {
    fileName: `_${options.year}-${slug}.mdx`,
    mdx,
    questionnaire: questionnaire.id,
    originalHeading,
    questions: matched.found,
    missingQuestions: questionnaire.questions.filter((q) => !matched.found.some((f) => f.id === q.id)).map((q) => q.text),
    figures,
  };
}
