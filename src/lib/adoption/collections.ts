/**
 * Printed collections («Сборник практик: ресурсные центры»): every practice of one topic or of
 * one reporting year (the year of the city's material it was drawn from), in volumes of
 * COLLECTION_VOLUME_SIZE, so no printed page grows with the whole bank.
 */
import type { Bank, PracticeEntry } from '../bank.ts';
import { ru } from '../../i18n/ru.ts';
import { repeatUrls } from './urls.ts';
import { COLLECTION_VOLUME_SIZE, volumesOf, type Volume } from './volumes.ts';
import { cacheKeyOf } from '../page-keys.ts';
import { trailOf } from './from-bank.ts';

export interface CollectionVolume {
  kind: 'topic' | 'year';
  /** Topic id or year. */
  key: string;
  /** «Сборник практик: ресурсные центры». */
  title: string;
  volume: Volume<PracticeEntry>;
  url: string;
  /** Addresses of every volume of the same collection, in order. */
  volumeUrls: string[];
}

/** A collection reads in the bank's order by city, then title: the way a printed digest is. */
function inPrintOrder(bank: Bank, practices: readonly PracticeEntry[]): PracticeEntry[] {
  const city = (p: PracticeEntry) => bank.city(p.data.city.id).data.name.nominative;
  return [...practices].sort((a, b) => city(a).localeCompare(city(b), 'ru') || a.data.title.localeCompare(b.data.title, 'ru'));
}

/**
 * The incremental build's key of one volume (see page-keys.ts): every entry it shows — its
 * practices with their cities, topics and submissions, and the practices of their trails.
 */
function collectionPageKey(bank: Bank, collection: CollectionVolume): string {
  const trail = trailOf(bank);
  const shown = collection.volume.items.flatMap((p) => {
    const around = [trail.sourceOf(p.id)?.source.entry, ...trail.adoptersOf(p.id).map((l) => l.adopter.entry)].filter((e) => e !== undefined);
    return [p, bank.city(p.data.city.id), bank.submission(p.data.submission.id), ...p.data.topics.map((t) => bank.topic(t.id)), ...around, ...around.map((a) => bank.city(a.data.city.id))];
  });
  return cacheKeyOf([{ id: `${collection.url}#${collection.volume.number}/${collection.volume.total}`, data: collection.title }, ...shown]);
}

export function reportingYear(bank: Bank, practice: PracticeEntry): number {
  return bank.submission(practice.data.submission.id).data.year;
}

export function topicCollections(bank: Bank): CollectionVolume[] {
  return bank.topics.flatMap((topic) => {
    const practices = inPrintOrder(bank, bank.practicesOfTopic(topic.id));
    if (practices.length === 0) return [];
    const volumes = volumesOf(practices, COLLECTION_VOLUME_SIZE);
    const volumeUrls = volumes.map((v) => repeatUrls.topicCollection(topic.id, v.number));
    const title = ru.repeat.collection.title(ru.repeat.collection.topicWhat(topic.data.name));
    return volumes.map((volume) => ({ kind: 'topic' as const, key: topic.id, title, volume, url: repeatUrls.topicCollection(topic.id, volume.number), volumeUrls }));
  });
}

export function yearCollections(bank: Bank): CollectionVolume[] {
  const byYear = new Map<number, PracticeEntry[]>();
  for (const p of bank.practices) {
    const year = reportingYear(bank, p);
    const list = byYear.get(year);
    if (list) list.push(p);
    else byYear.set(year, [p]);
  }
  return [...byYear].sort((a, b) => b[0] - a[0]).flatMap(([year, list]) => {
    const volumes = volumesOf(inPrintOrder(bank, list), COLLECTION_VOLUME_SIZE);
    const volumeUrls = volumes.map((v) => repeatUrls.yearCollection(year, v.number));
    const title = ru.repeat.collection.title(ru.repeat.collection.yearWhat(year));
    return volumes.map((volume) => ({ kind: 'year' as const, key: String(year), title, volume, url: repeatUrls.yearCollection(year, volume.number), volumeUrls }));
  });
}

/**
 * The static paths of one kind of collection (topic or year): volume 1 at the collection's own
 * address, later volumes under `<n>/`, each keyed for the incremental build so a volume is drawn
 * again only when something it shows changed. `param` is the route's own parameter name.
 */
export function collectionPaths<P extends string>(bank: Bank, collections: readonly CollectionVolume[], param: P) {
  return collections.map((collection) => ({
    params: { [param]: collection.key, volume: collection.volume.number > 1 ? String(collection.volume.number) : undefined } as Record<P | 'volume', string | undefined>,
    props: { collection },
    cacheKey: collectionPageKey(bank, collection),
  }));
}
