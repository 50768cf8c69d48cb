/**
 * Cities' answers side by side. A submission answers an АСДГ questionnaire under `##` headings
 * that start with the question's text (the city may add to it: «… в 2013 году»). Each section is
 * filed under the question its heading starts with.
 *
 * The sections come from the renderer (`safe-mdx.ts`, `RenderedMdx.sections`), which cuts the
 * tree at its top-level <h2> before it becomes HTML and renders each piece on its own. Nothing
 * here parses or cuts HTML: text inside an attribute (an <abbr title>, an image's alt) can hold
 * any characters and can never start a section.
 */
import type { BodySection } from '../content/safe-mdx.ts';

/** Case, «ё», quotes, punctuation and spacing do not make two wordings of a question different. */
function normaliseQuestion(text: string): string {
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

interface SubmissionAnswers {
  id: string;
  cityId: string;
  cityName: string;
  year: number;
  /** The submission's sections, as the renderer cut them. */
  sections: readonly BodySection[];
}

interface Answer {
  submissionId: string;
  cityId: string;
  cityName: string;
  /** Heading as the city wrote it (with its own additions such as the year). */
  heading: string;
  /** The heading's id in the submission page, for a link to the full text. */
  anchor?: string;
  /** Safe HTML of the section, rendered by safe-mdx.ts from the tree, its headings moved down two levels. */
  html: string;
}

interface QuestionAnswers<Q> {
  question: Q;
  /** Oldest year first: the questionnaire is read year by year. */
  years: { year: number; answers: Answer[] }[];
}

interface AnswersGrid<Q> {
  questions: QuestionAnswers<Q>[];
  /** Sections whose heading starts with no question of the questionnaire. */
  unmatched: (Answer & { year: number })[];
}

export function answersByQuestion<Q extends { id: string; text: string }>(
  questions: readonly Q[],
  submissions: readonly SubmissionAnswers[],
): AnswersGrid<Q> {
  const filed = new Map<string, Map<number, Answer[]>>(questions.map((q) => [q.id, new Map()]));
  const unmatched: AnswersGrid<Q>['unmatched'] = [];
  for (const s of submissions) {
    for (const section of s.sections) {
      const answer: Answer = {
        submissionId: s.id,
        cityId: s.cityId,
        cityName: s.cityName,
        heading: section.heading,
        ...(section.id ? { anchor: section.id } : {}),
        html: section.html,
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
