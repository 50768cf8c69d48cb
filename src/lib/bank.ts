/**
 * Reads the bank's collections once per build and shapes them for pages. Pages call these
 * functions and stay thin; the shaping itself lives in small tested modules beside this one.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { relatedIndex } from './related-index';

export type PracticeEntry = CollectionEntry<'practices'>;
export type CityEntry = CollectionEntry<'cities'>;
export type TopicEntry = CollectionEntry<'topics'>;
export type SubmissionEntry = CollectionEntry<'submissions'>;
export type QuestionnaireEntry = CollectionEntry<'questionnaires'>;

export interface Bank {
  practices: PracticeEntry[];
  cities: CityEntry[];
  topics: TopicEntry[];
  submissions: SubmissionEntry[];
  questionnaires: QuestionnaireEntry[];
  city(id: string): CityEntry;
  topic(id: string): TopicEntry;
  submission(id: string): SubmissionEntry;
  questionnaire(id: string): QuestionnaireEntry;
  /** Practices related to one (see related.ts), from an index built once per build. */
  related(practice: PracticeEntry, limit?: number): PracticeEntry[];
}

const byTitle = (a: { data: { title: string } }, b: { data: { title: string } }) => a.data.title.localeCompare(b.data.title, 'ru');

/** Newest in the bank first; ties broken by title so the order is stable. */
function byPublished(a: PracticeEntry, b: PracticeEntry): number {
  return b.data.published.getTime() - a.data.published.getTime() || byTitle(a, b);
}

function indexed<T extends { id: string }>(entries: T[], what: string) {
  const map = new Map(entries.map((e) => [e.id, e]));
  return (id: string): T => {
    const entry = map.get(id);
    if (!entry) throw new Error(`Нет записи ${what} «${id}»`);
    return entry;
  };
}

let cached: Promise<Bank> | undefined;

export function loadBank(): Promise<Bank> {
  if (import.meta.env.DEV) cached = undefined;
  cached ??= (async () => {
    const [practices, cities, topics, submissions, questionnaires] = await Promise.all([
      getCollection('practices'),
      getCollection('cities'),
      getCollection('topics'),
      getCollection('submissions'),
      getCollection('questionnaires'),
    ]);
    practices.sort(byPublished);
    cities.sort((a, b) => a.data.name.nominative.localeCompare(b.data.name.nominative, 'ru'));
    topics.sort((a, b) => a.data.name.localeCompare(b.data.name, 'ru'));
    submissions.sort((a, b) => b.data.year - a.data.year || byTitle(a, b));
    const relatable = (p: PracticeEntry) => ({ id: p.id, cityId: p.data.city.id, topicIds: p.data.topics.map((t) => t.id), published: p.data.published, entry: p });
    const relatedOf = relatedIndex(practices.map(relatable));
    const relatedMemo = new Map<string, PracticeEntry[]>();
    return {
      practices,
      cities,
      topics,
      submissions,
      questionnaires,
      city: indexed(cities, 'города'),
      topic: indexed(topics, 'темы'),
      submission: indexed(submissions, 'материала'),
      questionnaire: indexed(questionnaires, 'анкеты'),
      // Memoised: a practice page's cacheKey (page-keys.ts) and the page itself both ask.
      related: (practice, limit) => {
        const key = `${limit ?? ''}\0${practice.id}`;
        let list = relatedMemo.get(key);
        if (!list) relatedMemo.set(key, (list = relatedOf(relatable(practice), limit).map((r) => r.entry)));
        return list;
      },
    };
  })();
  return cached;
}
