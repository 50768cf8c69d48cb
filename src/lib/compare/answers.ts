/**
 * Cities' answers side by side. A submission answers an АСДГ questionnaire under `##` headings
 * that start with the question's text (the city may add to it: «… в 2013 году»). Its rendered HTML
 * is split at each <h2>, and each section is filed under the question its heading starts with.
 *
 * The HTML comes from the bank's own safe renderer (`safe-mdx.ts`), so its markup is regular:
 * `<h2 id="…">text</h2>`; no general HTML parser is needed for it.
 */
export interface HtmlSection {
  /** Heading text, tags stripped and entities decoded. */
  heading: string;
  /** The heading's id (its slug), for links into the submission page. */
  id?: string;
  /** HTML between this <h2> and the next. */
  html: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1]?.toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

export const textOfHtml = (html: string) => decodeEntities(html.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();

/** Splits at every <h2>; what comes before the first one is the preamble. */
export function splitByH2(html: string): { preamble: string; sections: HtmlSection[] } {
  const pattern = /<h2\b([^>]*)>([\s\S]*?)<\/h2>/gi;
  const sections: HtmlSection[] = [];
  let preamble = '';
  let last = 0;
  let current: { heading: string; id?: string } | undefined;
  for (const match of html.matchAll(pattern)) {
    const chunk = html.slice(last, match.index).trim();
    if (current) sections.push({ ...current, html: chunk });
    else preamble = chunk;
    const id = /\bid="([^"]*)"/.exec(match[1] ?? '')?.[1];
    current = { heading: textOfHtml(match[2] ?? ''), ...(id ? { id: decodeEntities(id) } : {}) };
    last = match.index + match[0].length;
  }
  const rest = html.slice(last).trim();
  if (current) sections.push({ ...current, html: rest });
  else preamble = rest;
  return { preamble, sections };
}

/** Case, «ё», quotes, punctuation and spacing do not make two wordings of a question different. */
export function normaliseQuestion(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[«»"„“”'’.,:;!?()\-–—]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The question whose text the heading starts with; the longest such question wins. */
export function matchQuestion<Q extends { id: string; text: string }>(heading: string, questions: readonly Q[]): Q | undefined {
  const h = normaliseQuestion(heading);
  let best: Q | undefined;
  let bestLength = 0;
  for (const q of questions) {
    const t = normaliseQuestion(q.text);
    if (t && (h === t || h.startsWith(`${t} `)) && t.length > bestLength) {
      best = q;
      bestLength = t.length;
    }
  }
  return best;
}

/**
 * Moves headings inside an answer down by `levels` (h3 → h5) so they sit under the page's own
 * headings, and drops their ids, which would repeat when two cities use the same sub-heading.
 */
export function demoteHeadings(html: string, levels: number): string {
  return html.replace(/<(\/?)h([1-6])\b([^>]*)>/gi, (_, slash: string, level: string, attrs: string) => {
    const to = Math.min(6, Number(level) + levels);
    return `<${slash}h${to}${slash ? '' : attrs.replace(/\s*\bid="[^"]*"/i, '')}>`;
  });
}

export interface SubmissionAnswers {
  id: string;
  cityId: string;
  cityName: string;
  year: number;
  html: string;
}

export interface Answer {
  submissionId: string;
  cityId: string;
  cityName: string;
  /** Heading as the city wrote it (with its own additions such as the year). */
  heading: string;
  /** The heading's id in the submission page, for a link to the full text. */
  anchor?: string;
  html: string;
}

export interface QuestionAnswers<Q> {
  question: Q;
  /** Oldest year first: the questionnaire is read year by year. */
  years: { year: number; answers: Answer[] }[];
}

export interface AnswersGrid<Q> {
  questions: QuestionAnswers<Q>[];
  /** Sections whose heading starts with no question of the questionnaire. */
  unmatched: (Answer & { year: number })[];
}

export function answersByQuestion<Q extends { id: string; text: string }>(
  questions: readonly Q[],
  submissions: readonly SubmissionAnswers[],
  demoteBy = 2,
): AnswersGrid<Q> {
  const filed = new Map<string, Map<number, Answer[]>>(questions.map((q) => [q.id, new Map()]));
  const unmatched: AnswersGrid<Q>['unmatched'] = [];
  for (const s of submissions) {
    for (const section of splitByH2(s.html).sections) {
      const answer: Answer = {
        submissionId: s.id,
        cityId: s.cityId,
        cityName: s.cityName,
        heading: section.heading,
        ...(section.id ? { anchor: section.id } : {}),
        html: demoteHeadings(section.html, demoteBy),
      };
      const q = matchQuestion(section.heading, questions);
      if (!q) {
        unmatched.push({ ...answer, year: s.year });
        continue;
      }
      const byYear = filed.get(q.id);
      byYear?.set(s.year, [...(byYear.get(s.year) ?? []), answer]);
    }
  }
  const byCity = (a: Answer, b: Answer) => a.cityName.localeCompare(b.cityName, 'ru') || a.submissionId.localeCompare(b.submissionId);
  return {
    questions: questions.map((question) => ({
      question,
      years: [...(filed.get(question.id) ?? new Map<number, Answer[]>())]
        .sort(([a], [b]) => a - b)
        .map(([year, answers]) => ({ year, answers: answers.sort(byCity) })),
    })),
    unmatched: unmatched.sort((a, b) => a.year - b.year || byCity(a, b)),
  };
}
