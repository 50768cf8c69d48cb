/**
 * What the submit page (`/submit/`) produces when a city or its report is not in the bank yet:
 * the practice file, plus the city's record (`content/cities/<city>.yaml`) and the report as a
 * material (`content/submissions/<city>/<year>-<slug>.mdx`, its text verbatim, the
 * questionnaire's questions as headings). Each file is checked with the schema the build uses;
 * the files are offered one by one, to attach to a letter or add to the repository together.
 */
import { citySchema, submissionSchema } from '../content/schema.ts';
import { SLUG_PATTERN } from '../content/checks/rules.ts';
import { cityData, cityYaml, type CityInput } from './city-file.ts';
import { importBlocks, type QuestionnaireQuestions } from './import-report.ts';
import { slugify } from './practice-file.ts';
import { knownIdsOf, one, preparePractice, type FieldError, type FormValues, type SubmitVocabulary } from './submit-form.ts';
import { textToBlocks } from './text-blocks.ts';

/** The value of the city and material lists that means «not in the bank yet». */
export const NOT_IN_BANK = 'new';

export interface SubmitFile {
  /** Where the file goes in the repository: `content/cities/tomsk.yaml`. */
  path: string;
  /** The file's name as downloaded. */
  name: string;
  content: string;
  kind: 'practice' | 'city' | 'submission';
}

interface BundleResult {
  errors: FieldError[];
  /** Practice first, then the city's record and the material, when there are no errors. */
  files: SubmitFile[];
  /** The material id the practice points to, when the report is new. */
  newSubmission?: string;
  /** The report goes as the city's own file (no text pasted): an editor imports it. */
  reportFileOnly?: boolean;
}

const coordinate = (v: string) => (v === '' ? undefined : Number(v.replace(',', '.')));

const CITY_FIELDS: Record<string, string> = {
  'name.nominative': 'newcity-nominative',
  'name.genitive': 'newcity-genitive',
  'name.locative': 'newcity-locative',
  region: 'newcity-region',
  federalDistrict: 'newcity-district',
  'coordinates.lat': 'newcity-lat',
  'coordinates.lon': 'newcity-lon',
  coordinates: 'newcity-lat',
  website: 'newcity-website',
};

/** The material's file name: the questionnaire's id without the association's prefix, as `npm run import` names it. */
function submissionSlug(questionnaire: string): string {
  return questionnaire.replace(/^asdg-/, '');
}

function newCity(values: FormValues, vocabulary: SubmitVocabulary, errors: FieldError[]): { id: string; file: SubmitFile } | undefined {
  const nominative = one(values['newcity-nominative']);
  const id = one(values['newcity-slug']) || slugify(nominative);
  if (!SLUG_PATTERN.test(id)) errors.push({ field: 'newcity-slug', message: 'идентификатор — латинские буквы в нижнем регистре, цифры и дефис, например tomsk' });
  else if (vocabulary.cities.some((c) => c.id === id)) errors.push({ field: 'newcity-slug', message: `город «${id}» уже есть в банке: выберите его в списке «Город» или укажите другой идентификатор` });
  const input: CityInput = {
    nominative,
    genitive: one(values['newcity-genitive']),
    locative: one(values['newcity-locative']),
    region: one(values['newcity-region']),
    federalDistrict: one(values['newcity-district']),
    lat: coordinate(one(values['newcity-lat'])) as number,
    lon: coordinate(one(values['newcity-lon'])) as number,
    website: one(values['newcity-website']) || undefined,
  };
  const data = cityData(input);
  const result = citySchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.');
      const field = CITY_FIELDS[path] ?? 'newcity-nominative';
      if (errors.some((e) => e.field === field)) continue;
      const given = path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);
      const missing = given === undefined || given === '' || (typeof given === 'number' && Number.isNaN(given));
      errors.push({ field, message: missing && issue.code === 'invalid_type' ? 'обязательное поле' : issue.message });
    }
  }
  return { id, file: { path: `content/cities/${id}.yaml`, name: `${id}.yaml`, content: cityYaml(input), kind: 'city' } };
}

/**
 * The whole submission: a city from the list or a new one, a material from the list or a new
 * report (its text pasted, or its file attached: `reportFileName`), and the practice.
 */
export function prepareBundle(values: FormValues, vocabulary: SubmitVocabulary & { questionnaireQuestions?: QuestionnaireQuestions[] }, today: string, options: { reportFileName?: string } = {}): BundleResult {
  const errors: FieldError[] = [];
  const files: SubmitFile[] = [];
  const cityIsNew = one(values.city) === NOT_IN_BANK;
  const reportIsNew = one(values.submission) === NOT_IN_BANK;
  let city = one(values.city);
  const extended: SubmitVocabulary = { ...vocabulary, cities: [...vocabulary.cities], submissions: [...vocabulary.submissions] };

  if (cityIsNew) {
    const made = newCity(values, vocabulary, errors);
    if (made) {
      city = made.id;
      extended.cities.push({ id: made.id, name: one(values['newcity-nominative']) });
      files.push(made.file);
    }
    if (!reportIsNew) errors.push({ field: 'submission', message: 'у нового города ещё нет материалов в банке: выберите «Отчёта ещё нет в банке» и приложите отчёт' });
  }

  let submission = one(values.submission);
  let reportFileOnly = false;
  if (reportIsNew) {
    const yearText = one(values['report-year']);
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
    const title = one(values['report-title']);
    const text = one(values['report-text']);
    const questionnaire = one(values['report-questionnaire']) || vocabulary.questionnaires[0] || '';
    if (!yearText) errors.push({ field: 'report-year', message: 'обязательное поле' });
    else if (Number.isNaN(year)) errors.push({ field: 'report-year', message: 'ожидается год четырьмя цифрами, например 2013' });
    if (!title) errors.push({ field: 'report-title', message: 'обязательное поле: о чём отчёт, например «Взаимодействие с общественностью в 2013 году»' });
    if (!text && !options.reportFileName) errors.push({ field: 'report-text', message: 'вставьте текст отчёта или выберите файл отчёта' });
    const id = `${city}/${Number.isNaN(year) ? yearText : year}-${submissionSlug(questionnaire)}`;
    if (vocabulary.submissions.some((s) => s.id === id)) {
      errors.push({ field: 'report-year', message: 'отчёт этого города по этой анкете за этот год уже есть в банке: выберите его в списке «Материал города»' });
    }
    submission = id;
    extended.submissions.push({ id, city, year, title });
    if (!Number.isNaN(year) && city) {
      const data = { title, city, year, questionnaire, published: today };
      const known = knownIdsOf(extended);
      const checked = submissionSchema(known).safeParse(data);
      if (!checked.success) {
        for (const issue of checked.error.issues) {
          const field = issue.path[0] === 'title' ? 'report-title' : issue.path[0] === 'year' ? 'report-year' : issue.path[0] === 'questionnaire' ? 'report-questionnaire' : 'report-year';
          if (!errors.some((e) => e.field === field)) errors.push({ field, message: issue.message });
        }
      }
      if (text) {
        const questionnaires = vocabulary.questionnaireQuestions ?? vocabulary.questionnaires.map((q) => ({ id: q, questions: [] }));
        const imported = importBlocks(textToBlocks(text), { city, year, questionnaires, questionnaire, today, title });
        const name = imported.fileName.replace(/^_/, '');
        files.push({ path: `content/submissions/${city}/${name}`, name: `${city}-${name}`, content: imported.mdx, kind: 'submission' });
      } else {
        reportFileOnly = true;
      }
    }
  }

  const practice = preparePractice({ ...values, city, submission }, extended, today);
  for (const error of practice.errors) {
    // The city or material lists already said what is wrong with a new city or report.
    if ((error.field === 'city' && cityIsNew) || (error.field === 'submission' && reportIsNew && errors.some((e) => e.field.startsWith('report-')))) continue;
    errors.push(error);
  }
  if (errors.length || !practice.path || !practice.file) return { errors, files: [] };
  const practiceFile: SubmitFile = { path: practice.path, name: practice.path.split('/').pop() ?? 'practice.mdx', content: practice.file, kind: 'practice' };
  return { errors, files: [practiceFile, ...files], ...(reportIsNew ? { newSubmission: submission } : {}), ...(reportFileOnly ? { reportFileOnly } : {}) };
}
