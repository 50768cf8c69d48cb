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
  /**
   * The practices of a topic, of a city, begun in a year, and a city's submissions, in the
   * bank's order: grouped once per build, not filtered out of the whole bank by every page of
   * every topic and city (at 10 000 practices that was seconds of the build).
   */
  practicesOfTopic(id: string): readonly PracticeEntry[];
  practicesOfCity(id: string): readonly PracticeEntry[];
  practicesOfYear(year: number): readonly PracticeEntry[];
  submissionsOfCity(id: string): readonly SubmissionEntry[];
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

/** Entries grouped by their keys (an entry may have several), each group in the entries' order. */
function groupedBy<T, K>(entries: readonly T[], keys: (entry: T) => readonly K[]) {
  const groups = new Map<K, T[]>();
  for (const entry of entries) {
    for (const key of new Set(keys(entry))) {
      const group = groups.get(key);
      if (group) group.push(entry);
      else groups.set(key, [entry]);
    }
  }
  return (key: K): readonly T[] => groups.get(key) ?? [];
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
      practicesOfTopic: groupedBy(practices, (p) => p.data.topics.map((t) => t.id)),
      practicesOfCity: groupedBy(practices, (p) => [p.data.city.id]),
      practicesOfYear: groupedBy(practices, (p) => [p.data.startYear]),
      submissionsOfCity: groupedBy(submissions, (s) => [s.data.city.id]),
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
