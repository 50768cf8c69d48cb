/**
 * The logic of the submit page (`/submit/`), kept out of the browser script so it is tested in
 * Node: form values → a practice, checked with the very schema the build uses, → an `.mdx`
 * file and a link that opens the repository's "new file" page with the file filled in.
 */
import { practiceSchema, type KnownIds } from '../content/schema.ts';
import { PLACEHOLDER, SLUG_PATTERN } from '../content/checks/rules.ts';
import { isMissingField } from '../content/problems.ts';
import { isoDate } from '../format-date.ts';
import { practiceData, practiceMdx, slugify, type PracticeInput } from './practice-file.ts';

/** What the page embeds at build time: the ids a practice may point to (materials: see `CitySubmissions`). */
export interface SubmitVocabulary {
  cities: { id: string; name: string }[];
  topics: { id: string; name: string }[];
  submissions: { id: string; city: string; year: number; title: string }[];
  questionnaires: string[];
  /** Repository web address, `https://github.com/<owner>/<repo>`. */
  repository: string;
  /** Branch the pull request goes to. */
  branch: string;
  /** Questionnaires with their titles, for the list of a new report. */
  questionnaireTitles?: { id: string; title: string }[];
  /** Questionnaires with their questions: a pasted report gets them as `##` headings. */
  questionnaireQuestions?: { id: string; questions: { id: string; text: string }[] }[];
}

/**
 * One city's materials, /submit/materials/<city>.json: the page lists the cities only (bounded by
 * membership), and the material list is filled from this file when a city is chosen, so the page
 * does not grow with the bank. Becomes the vocabulary's `submissions` in the browser.
 */
export interface CitySubmissions {
  city: string;
  submissions: SubmitVocabulary['submissions'];
}

/** Form values by control name; checkboxes give arrays. */
export type FormValues = Record<string, string | string[] | undefined>;

export interface FieldError {
  /** The form control's name (`contact-email`), or `form` for the form as a whole. */
  field: string;
  message: string;
}

interface SubmitResult {
  errors: FieldError[];
  /** `content/practices/<city>/<slug>.mdx`, when there are no errors. */
  path?: string;
  file?: string;
}

/** The one value of a form field (a repeated one: its first), trimmed. */
export const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] ?? '' : v ?? '').trim();
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []).map((s) => s.trim()).filter(Boolean);
const yearOf = (v: string) => (v === '' ? undefined : /^\d+$/.test(v) ? Number(v) : Number.NaN);

/** The control a schema path belongs to: `['topics', 1]` → `topics`, `['contact', 'email']` → `contact-email`. */
function fieldOfPath(path: readonly PropertyKey[]): string {
  const [first, second] = path;
  if (first === 'contact' || first === 'programme') return `${String(first)}-${String(second ?? 'name')}`;
  if (first === 'adaptedFrom') return `adaptedFrom-${String(second ?? 'practice')}`;
  return String(first ?? 'form');
}

export function knownIdsOf(vocabulary: SubmitVocabulary): KnownIds {
  return {
    cities: new Set(vocabulary.cities.map((c) => c.id)),
    topics: new Set(vocabulary.topics.map((t) => t.id)),
    submissions: new Set(vocabulary.submissions.map((s) => s.id)),
    questionnaires: new Set(vocabulary.questionnaires),
  };
}

/** Reads the form, checks it with `practiceSchema`, and builds the file when it passes. */
export function preparePractice(values: FormValues, vocabulary: SubmitVocabulary, today: string): SubmitResult {
  const errors: FieldError[] = [];
  const city = one(values.city);
  const title = one(values.title);
  const slug = one(values.slug) || slugify(title);
  const programmeName = one(values['programme-name']);
  const years = {
    startYear: yearOf(one(values.startYear)),
    endYear: yearOf(one(values.endYear)),
    statusYear: yearOf(one(values.statusYear)),
    programmeStart: yearOf(one(values['programme-startYear'])),
    programmeEnd: yearOf(one(values['programme-endYear'])),
  };
  const input: PracticeInput = {
    city,
    title,
    submission: one(values.submission),
    topics: many(values.topics),
    startYear: years.startYear as number,
    endYear: years.endYear,
    status: one(values.status),
    statusYear: years.statusYear,
    summary: one(values.summary),
    transferability: one(values.transferability),
    operator: one(values.operator) || undefined,
    partners: one(values.partners).split('\n').map((s) => s.trim()).filter(Boolean),
    programme: programmeName
      ? { name: programmeName, kind: one(values['programme-kind']) || undefined, startYear: years.programmeStart as number, endYear: years.programmeEnd as number }
      : undefined,
    contact: {
      organisation: one(values['contact-organisation']),
      department: one(values['contact-department']) || undefined,
      person: one(values['contact-person']) || undefined,
      email: one(values['contact-email']) || undefined,
      phone: one(values['contact-phone']) || undefined,
      website: one(values['contact-website']) || undefined,
      confirmed: one(values['contact-confirmed']) || undefined,
    },
    // Either both or neither: a source without «what changed» is refused by the schema.
    adaptedFrom: one(values['adaptedFrom-practice']) || one(values['adaptedFrom-changes'])
      ? { practice: one(values['adaptedFrom-practice']), changes: one(values['adaptedFrom-changes']) }
      : undefined,
    body: one(values.body),
    published: today,
  };

  // Texts the form requires itself: the scaffold would fill them with placeholders, a city may not.
  const requiredTexts: [string, string][] = [
    ['title', 'укажите название практики'],
    ['summary', 'напишите краткое описание'],
    ['transferability', 'напишите, что нужно другому городу для повторения'],
    ['contact-organisation', 'укажите организацию для связи'],
    ['body', 'опишите практику'],
  ];
  for (const [field, message] of requiredTexts) if (!one(values[field])) errors.push({ field, message });
  for (const field of ['title', 'summary', 'transferability', 'contact-organisation', 'body', 'operator']) {
    if (one(values[field]).includes(PLACEHOLDER)) errors.push({ field, message: `уберите слово «${PLACEHOLDER}»: оно отмечает незаполненные заготовки` });
  }
  // A browser date reads «10.01.2026» as October; the form takes only the unambiguous form.
  const confirmed = one(values['contact-confirmed']);
  if (confirmed && !/^\d{4}-\d{2}-\d{2}$/.test(confirmed)) errors.push({ field: 'contact-confirmed', message: 'ожидается дата в виде ГГГГ-ММ-ДД, например 2026-03-01' });
  if (!SLUG_PATTERN.test(slug)) errors.push({ field: 'slug', message: 'имя файла — латинские буквы в нижнем регистре, цифры и дефис, например resource-centres' });

  const data = practiceData(input);
  const result = practiceSchema(knownIdsOf(vocabulary)).safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = fieldOfPath(issue.path);
      // A text the form already asked for is reported once, in the form's words.
      if (errors.some((e) => e.field === field)) continue;
      const missing = isMissingField(issue, data);
      errors.push({ field, message: missing ? 'обязательное поле' : issue.message });
    }
  }
  const submission = vocabulary.submissions.find((s) => s.id === input.submission);
  if (submission && city && submission.city !== city) {
    errors.push({ field: 'submission', message: `этот материал прислал другой город; выберите материал своего города` });
  }
  if (errors.length) return { errors };
  return { errors, path: `content/practices/${city}/${slug}.mdx`, file: practiceMdx(input) };
}

/** GitHub's "new file" page with the file filled in; saving it there opens a pull request. */
export function newFileUrl(repository: string, branch: string, path: string, content: string): string {
  const base = repository.replace(/\/+$/, '');
  return `${base}/new/${encodeURIComponent(branch)}?filename=${encodeURIComponent(path)}&value=${encodeURIComponent(content)}`;
}

/** Today as `YYYY-MM-DD` in UTC, so the date is never "in the future" for the schema. */
export function todayUtc(now = new Date()): string {
  return isoDate(now);
}
