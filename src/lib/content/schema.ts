/**
 * The content model of the practice bank: what a city, a topic, a questionnaire, a submission
 * and a practice are. Every field carries a one-line comment; the codebook on /data/ and the
 * editors' error messages are derived from these schemas, so they are the single source.
 *
 * The schemas are factories over the set of ids that exist on disk (see `vocabulary.ts`):
 * Astro's own `reference()` only checks the shape of a reference, not that the entry exists,
 * and an editor who types «нко» for «nko» must be told so by name.
 */
import { z } from 'astro/zod';
import {
  FEDERAL_DISTRICTS,
  METRIC_KINDS,
  PRACTICE_STATUSES,
  QUALIFIERS,
} from './vocabulary-values.ts';

// Zod's own messages (a wrong type, a number out of range) reach editors too: in Russian.
z.config(z.locales.ru());

/** Ids of every entry an entry may point to, read from the content folder. */
export interface KnownIds {
  cities: ReadonlySet<string>;
  topics: ReadonlySet<string>;
  submissions: ReadonlySet<string>;
  questionnaires: ReadonlySet<string>;
}

export type CollectionName = keyof KnownIds;

/**
 * Which collection a reference field points to. `knownRef` registers every reference here, so
 * tools that read the schemas (the admin's generated configuration) see a relation, not a string.
 */
export const referenceTargets = z.registry<{ collection: CollectionName }>();

const NOUN: Record<CollectionName, string> = {
  cities: 'город',
  topics: 'тема',
  submissions: 'материал города',
  questionnaires: 'анкета',
};

function listOf(ids: ReadonlySet<string>): string {
  const sorted = [...ids].sort();
  const shown = sorted.slice(0, 12).join(', ');
  return sorted.length > 12 ? `${shown}, …` : shown || '(пока нет ни одной записи)';
}

/**
 * A reference to another entry that must exist. Produces the same `{ collection, id }` value as
 * Astro's `reference()`, so `getEntry()` accepts it.
 */
export function knownRef<C extends CollectionName>(collection: C, known: KnownIds) {
  const ids = known[collection];
  return z
    .string({ error: `ожидается идентификатор (${NOUN[collection]})` })
    .refine((id) => ids.has(id), {
      params: { rule: 'reference' },
      error: (issue) =>
        `неизвестн${collection === 'topics' || collection === 'questionnaires' ? 'ая' : 'ый'} ${NOUN[collection]} «${String(issue.input)}»; допустимые: ${listOf(ids)}`,
    })
    .transform((id) => ({ collection, id }))
    .register(referenceTargets, { collection });
}

const currentYear = () => new Date().getFullYear();

/** The year АСДГ was founded: no material reports on an earlier one. */
export const FOUNDING_YEAR = 1986;

const year = z
  .number({ error: 'ожидается год числом, например 2013' })
  .int({ error: 'год должен быть целым числом' })
  .min(FOUNDING_YEAR, { error: `год не может быть раньше основания АСДГ (${FOUNDING_YEAR})` })
  .max(2100, { error: 'ожидается год не позже 2100' });

/** A calendar date that must not lie in the future (YAML `2026-11-24`). */
const pastDate = z.coerce
  .date({ error: 'ожидается дата в виде ГГГГ-ММ-ДД' })
  .refine((d) => d.getTime() <= Date.now(), { error: 'дата не может быть в будущем', params: { rule: 'future' } });

const httpUrl = z.url({ protocol: /^https?$/, error: 'ожидается адрес сайта, начинающийся с https://' });

const text = (what: string) => z.string({ error: `ожидается текст: ${what}` }).trim().min(1, { error: `поле не может быть пустым: ${what}` });

/** Russian forms of a city's name, as the interface needs them. */
const cityNameSchema = z.strictObject({
  /** Nominative: «Иркутск». */
  nominative: text('название города в именительном падеже').describe('Название в именительном падеже: «Иркутск»'),
  /** Genitive: «Иркутска» (as in «администрация Иркутска»). */
  genitive: text('название города в родительном падеже').describe('Название в родительном падеже: «Иркутска»'),
  /** Prepositional with its preposition: «в Иркутске». */
  locative: text('«в …» — предложный падеж с предлогом').describe('Предложный падеж с предлогом: «в Иркутске»'),
});

/** A figure about a city with the source it was taken from. */
const populationSchema = z.strictObject({
  /** Number of permanent residents. */
  value: z.number().int().positive({ error: 'численность населения — целое положительное число' }).describe('Численность постоянного населения, человек'),
  /** The date the figure refers to. */
  date: z.coerce.date({ error: 'ожидается дата в виде ГГГГ-ММ-ДД' }).describe('Дата, на которую приведена численность'),
  /** Where the figure comes from (publisher and title of the statistics). */
  source: text('источник данных о населении').describe('Источник данных о численности (издатель и название статистики)'),
});

/** `content/cities/<slug>.yaml`: a member city of АСДГ. */
export const citySchema = z.strictObject({
  /** The city's name in the cases the interface uses. */
  name: cityNameSchema.describe('Название города'),
  /** Region (subject of the Russian Federation): «Иркутская область». */
  region: text('субъект РФ').describe('Субъект Российской Федерации: «Иркутская область»'),
  /** Federal district, a filter on the catalogue. */
  federalDistrict: z.enum(FEDERAL_DISTRICTS, {
    error: `ожидается федеральный округ: ${FEDERAL_DISTRICTS.join(', ')}`,
  }).describe('Федеральный округ'),
  /** Municipal status: «городской округ». */
  municipalStatus: text('муниципальный статус').optional().describe('Муниципальный статус: «городской округ»'),
  /** Population with its date and source; left out when no source is at hand. */
  population: populationSchema.optional().describe('Численность населения; пусто, если нет источника'),
  /** Populations for other years, each with its source: per-capita figures use the one of the figure's year (`compare/per-capita.ts`). */
  populations: z.array(populationSchema).optional().describe('Численность населения на другие даты, каждая со своим источником; для показателей на 1 000 жителей берётся год показателя'),
  /** Coordinates of the city centre, in decimal degrees. */
  coordinates: z.strictObject({
    /** Latitude, north positive. */
    lat: z.number().min(-90).max(90).describe('Широта центра города в десятичных градусах (север — положительная)'),
    /** Longitude, east positive. */
    lon: z.number().min(-180).max(180).describe('Долгота центра города в десятичных градусах (восток — положительная)'),
  }).describe('Координаты центра города'),
  /** Official website of the city administration. */
  website: httpUrl.optional().describe('Официальный сайт администрации города'),
});

/** `content/topics/<slug>.yaml`: one term of the controlled vocabulary of topics. */
export const topicSchema = z.strictObject({
  /** Name as shown to readers: «Ресурсные центры». */
  name: text('название темы').describe('Название темы: «Ресурсные центры»'),
  /** One paragraph that says what belongs to the topic. */
  description: text('описание темы').max(600, { error: 'описание темы — не длиннее 600 знаков' }).describe('Что относится к теме, одним абзацем'),
});

/** `content/questionnaires/<slug>.yaml`: an АСДГ questionnaire that cities answer. */
export const questionnaireSchema = z.strictObject({
  /** Title of the questionnaire. */
  title: text('название анкеты').describe('Название анкеты'),
  /** The questions, in order; a submission answers them under headings with the same text. */
  questions: z
    .array(
      z.strictObject({
        /** Stable id of the question, used in links (`q1`, `asdg-help`). */
        id: z.string().regex(/^[a-z0-9-]+$/, { error: 'id вопроса — латиница, цифры и дефис' }).describe('Идентификатор вопроса: латиница, цифры и дефис (q1, asdg-help)'),
        /** The question as the questionnaire words it. */
        text: text('текст вопроса').describe('Вопрос в формулировке анкеты'),
      }),
    )
    .min(1, { error: 'в анкете должен быть хотя бы один вопрос' })
    .describe('Вопросы по порядку; в материале города это заголовки ## с тем же текстом'),
});

export function submissionSchema(known: KnownIds) {
  /** `content/submissions/<city>/<year>-<slug>.mdx`: a city's answers to a questionnaire, verbatim. */
  return z.strictObject({
    /** Title for the bank's lists: what the material is about. */
    title: text('заголовок материала').describe('Заголовок для списков банка: о чём материал'),
    /** The city that sent it. */
    city: knownRef('cities', known).describe('Город, приславший материал'),
    /** The year the answers report on. */
    year: year.describe('Год, о котором отчитывается город'),
    /** The questionnaire answered; the body's `##` headings are its questions. */
    questionnaire: knownRef('questionnaires', known).describe('Анкета, на которую отвечает город; заголовки ## текста — её вопросы'),
    /** The heading of the original document, as the city wrote it («ИРКУТСК»). */
    originalHeading: z.string().optional().describe('Заголовок исходного документа, как его написал город («ИРКУТСК»)'),
    /** Who wrote it, where the document says so. */
    author: z.string().optional().describe('Автор, если документ его называет'),
    /** Date the material was published in the bank. */
    published: pastDate.describe('Дата публикации в банке'),
  });
}

/** One figure of a practice, aligned across cities by its kind. */
/**
 * Metrics a practice may have. Each one of a kind adds a block of columns to practices.csv for
 * every practice of the bank, so the count is bounded; real practices have one to five.
 */
const MAX_METRICS = 30;

export const metricSchema = z.strictObject({
  /** What is counted, from the controlled vocabulary. */
  kind: z.enum(METRIC_KINDS, { error: `ожидается вид показателя: ${METRIC_KINDS.join(', ')}` }).describe('Что считается (вид показателя из закрытого списка)'),
  /** The number, as the source gives it (15 for «15 СО НКО», 1000 for «1000 тысяч рублей»). */
  value: z.number({ error: 'значение показателя — число' }).nonnegative({ error: 'значение не может быть отрицательным' }).describe('Число, как его даёт источник (15 для «15 СО НКО», 1000 для «1000 тысяч рублей»)'),
  /** How exact the figure is: «более», «около», «до», or exact. */
  qualifier: z.enum(QUALIFIERS, { error: `ожидается уточнение: ${QUALIFIERS.join(', ')}` }).default('exact').describe('Точность цифры: «более», «около», «до» или точно'),
  /** Unit as the source words it, in the form that follows the number: «человек», «тыс. руб.». */
  unit: text('единица измерения').describe('Единица измерения в той форме, что стоит после числа: «человек», «тыс. руб.»'),
  /** The year the figure refers to. */
  year: year.describe('Год, к которому относится цифра'),
  /** The source's own wording of the figure, verbatim, so a reader can find it in the text. */
  source: text('формулировка из источника').describe('Формулировка цифры в источнике, дословно'),
  /** What the figure covers where its kind does not say it all. */
  note: z.string().optional().describe('Что охватывает цифра, если вид показателя не говорит всего'),
});

/** A multi-year municipal programme a practice belongs to. */
const programmeSchema = z
  .strictObject({
    /** Name: «Открытый город». */
    name: text('название программы').describe('Название программы: «Открытый город»'),
    /** Kind: «долгосрочная целевая программа». */
    kind: z.string().optional().describe('Вид программы: «долгосрочная целевая программа»'),
    /** First year of the programme. */
    startYear: year.describe('Первый год программы'),
    /** Last year of the programme. */
    endYear: year.describe('Последний год программы'),
  })
  .refine((p) => p.endYear >= p.startYear, {
    error: 'год окончания программы раньше года начала',
    path: ['endYear'],
  });

/** How to reach the people who ran a practice. */
const contactSchema = z.strictObject({
  /** Organisation to contact. */
  organisation: text('организация').describe('Организация, в которую обращаться'),
  /** Department that runs the practice («комитет по социальной политике»), where the city named one. */
  department: text('отдел').optional().describe('Отдел или подразделение, которое ведёт практику, если город его назвал'),
  /** Person to ask (name and position), or department in older files, where the city gave one. */
  person: z.string().optional().describe('Человек, к которому обращаться (имя и должность), если город его назвал'),
  /** E-mail, where the city gave one. */
  email: z.email({ error: 'ожидается адрес электронной почты' }).optional().describe('Электронная почта, если город её дал'),
  /** Phone, where the city gave one. */
  phone: z.string().optional().describe('Телефон, если город его дал'),
  /** Website. */
  website: httpUrl.optional().describe('Сайт'),
  /** The date the city last confirmed that the practice still runs and the contact is right; only as the city sent it. */
  confirmed: pastDate.optional().describe('Дата, когда город последний раз подтвердил, что практика идёт и контакт верен; только по письму города'),
});

/** `city/slug` of a practice, as in its URL. */
const PRACTICE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Where a practice was taken from. The reference is checked across files by the checker (rule
 * `adaptation`): the practice must exist, must not be this one, and the chain must not loop.
 */
const adaptedFromSchema = z.strictObject({
  /** Id of the practice it was adapted from: `<city>/<slug>`, as in that practice's address. */
  practice: z
    .string({ error: 'ожидается идентификатор практики вида город/практика' })
    .regex(PRACTICE_ID, { error: 'идентификатор практики — «город/практика» латиницей, как в адресе её страницы (например, irkutsk/resource-centres)' })
    .describe('Практика, с которой взят пример: идентификатор «город/практика», как в адресе её страницы'),
  /** What the city changed when it repeated the practice. */
  changes: text('что изменили').max(600, { error: 'что изменили — не длиннее 600 знаков' }).describe('Что город изменил, повторяя практику'),
});

export function practiceSchema(known: KnownIds) {
  /** `content/practices/<city>/<slug>.mdx`: one practice; the body is its description. */
  return z
    .strictObject({
      /** Name of the practice. */
      title: text('название практики').describe('Название практики'),
      /** The city that ran it. */
      city: knownRef('cities', known).describe('Город, который её реализовал (идентификатор из cities.csv)'),
      /** The submission it was drawn from; its text is the source of every figure. */
      submission: knownRef('submissions', known).describe('Материал города, из которого взята практика; его текст — источник всех цифр (идентификатор)'),
      /** What it is, in at most 300 characters: shown on cards and in search results. */
      summary: text('краткое описание').max(300, {
        error: (issue) => `краткое описание — не длиннее 300 знаков (сейчас ${String((issue.input as string).length)})`,
      }).describe('Краткое описание, не длиннее 300 знаков'),
      /** One to five topics from the controlled vocabulary. */
      topics: z
        .array(knownRef('topics', known), { error: 'ожидается список тем' })
        .min(1, { error: 'укажите хотя бы одну тему' })
        .max(5, { error: 'не больше пяти тем' })
        .describe('Темы, от одной до пяти (идентификаторы из topics.csv)'),
      /** Year the practice started. */
      startYear: year.describe('Год начала практики'),
      /** Year it ended; left out while it goes on or when the source does not say. */
      endYear: year.optional().describe('Год окончания; пусто, пока практика идёт или если источник не говорит'),
      /** Where it stands: active, completed, planned, or unknown. */
      status: z.enum(PRACTICE_STATUSES, { error: `ожидается статус: ${PRACTICE_STATUSES.join(', ')}` }).describe('Состояние практики'),
      /** The year the status was last reported (a 2013 report says what was true in 2013). */
      statusYear: year.describe('Год, на который известно состояние (отчёт за 2013 год говорит о 2013 годе)'),
      /** The municipal programme it belongs to, where there is one. */
      programme: programmeSchema.optional().describe('Муниципальная программа, в которую входит практика'),
      /** Who ran it, where the source says so (left out rather than guessed). */
      operator: text('организатор').optional().describe('Организатор; пусто, если источник его не называет'),
      /** Who took part in running it. */
      partners: z.array(text('партнёр')).default([]).describe('Кто участвовал в реализации'),
      /** Figures, each with its kind, qualifier, unit, year and source wording. */
      metrics: z.array(metricSchema).max(MAX_METRICS, { error: `не больше ${MAX_METRICS} показателей у одной практики; оставьте главные цифры` }).default([]).describe('Показатели: вид, значение, точность, единица, год и формулировка источника'),
      /** What another city needs to repeat it. */
      transferability: text('что нужно для повторения').describe('Что нужно другому городу, чтобы повторить практику'),
      /** Whom to contact about it. */
      contact: contactSchema.describe('Контакты по практике'),
      /** The practice of another city this one repeats, and what was changed. */
      adaptedFrom: adaptedFromSchema.optional().describe('Повторение чужой практики: с какой практики взят пример и что изменили'),
      /** Date it was published in the bank. */
      published: pastDate.describe('Дата публикации в банке'),
      /** Date it was last updated in the bank. */
      updated: pastDate.optional().describe('Дата последнего обновления в банке'),
    })
    .superRefine((p, ctx) => {
      if (p.endYear !== undefined && p.endYear < p.startYear) {
        ctx.addIssue({ code: 'custom', path: ['endYear'], message: `год окончания (${p.endYear}) раньше года начала (${p.startYear})` });
      }
      if (p.status === 'completed' && p.endYear === undefined) {
        ctx.addIssue({ code: 'custom', path: ['endYear'], message: 'у завершённой практики должен быть год окончания' });
      }
      if (p.updated && p.updated < p.published) {
        ctx.addIssue({ code: 'custom', path: ['updated'], message: 'дата обновления раньше даты публикации' });
      }
      const thisYear = currentYear();
      if (p.startYear > thisYear) {
        ctx.addIssue({ code: 'custom', path: ['startYear'], message: `год начала (${p.startYear}) в будущем`, params: { rule: 'future' } });
      }
    });
}

export type City = z.infer<typeof citySchema>;
export type Metric = z.infer<typeof metricSchema>;
export type Practice = z.infer<ReturnType<typeof practiceSchema>>;

/**
 * `content/synonyms.yaml`: the field's vocabulary for search. Each group lists words or phrases
 * a reader may use for one thing (an abbreviation and its expansion, two words of a pair);
 * a query for one finds pages that use any other (src/lib/search/synonyms.ts).
 */
const synonymGroupSchema = z.strictObject({
  /** Two or more words or phrases that mean the same for a reader: «ТОС», «территориальное общественное самоуправление». */
  terms: z
    .array(text('слово или выражение').max(120, { error: 'выражение — не длиннее 120 знаков' }), { error: 'ожидается список слов или выражений' })
    .min(2, { error: 'в группе нужно хотя бы два слова или выражения' })
    .describe('Слова или выражения с одним значением для поиска: сокращение и полная форма, два слова пары'),
  /** Where the equivalence comes from (the glossary, an editor's decision); for reviewers only. */
  note: z.string().trim().max(300).optional().describe('Откуда эта группа (глоссарий, решение редактора); для проверяющих'),
});

/** The whole synonyms file. A term may stand in one group only. */
export const synonymsSchema = z
  .strictObject({
    /** The groups, in any order. */
    groups: z.array(synonymGroupSchema, { error: 'ожидается список групп (groups:)' }).describe('Группы синонимов и сокращений для поиска'),
  })
  .superRefine((file, ctx) => {
    const seen = new Map<string, number>();
    file.groups.forEach((group, g) =>
      group.terms.forEach((term, t) => {
        const key = term.toLocaleLowerCase('ru').replaceAll('ё', 'е').replace(/\s+/g, ' ');
        const first = seen.get(key);
        if (first !== undefined) {
          ctx.addIssue({ code: 'custom', path: ['groups', g, 'terms', t], message: `«${term}» уже есть в группе ${first + 1}; слово может стоять только в одной группе — объедините группы` });
        } else seen.set(key, g);
      }),
    );
  });
