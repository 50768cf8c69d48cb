/** Compare records of published practices, for /compare/p/<id>.json, and the per-city choice lists. */
import type { Bank, PracticeEntry } from '../bank.ts';
import { toCompareRecord, type CompareRecord, type CompareTrailPractice } from './record.ts';
import { trailOf } from '../adoption/from-bank.ts';
import { urls } from '../urls.ts';

export function compareRecordOf(bank: Bank, practice: PracticeEntry): CompareRecord {
  const submission = bank.submission(practice.data.submission.id);
  const trail = trailOf(bank);
  const named = (p: PracticeEntry, year: number): CompareTrailPractice => ({ id: p.id, title: p.data.title, url: urls.practice(p.id), city: bank.city(p.data.city.id).data.name.nominative, year });
  const source = trail.sourceOf(practice.id);
  return toCompareRecord({
    trail: {
      adaptedFrom: source && { ...named(source.source.entry, source.source.startYear), changes: source.changes },
      adoptedBy: trail.adoptersOf(practice.id).map((l) => named(l.adopter.entry, l.adopter.startYear)),
    },
    id: practice.id,
    data: practice.data,
    city: bank.city(practice.data.city.id),
    topicName: (id) => bank.topic(id).data.name,
    submission: { id: submission.id, title: submission.data.title, year: submission.data.year },
  });
}

/** One city's practices as the compare page's «add» choice offers them (/compare/c/<city>.json). */
export interface CityChoices {
  city: string;
  practices: { id: string; title: string }[];
}

export function cityChoices(bank: Bank, cityId: string): CityChoices {
  return {
    city: cityId,
    practices: bank.practices
      .filter((p) => p.data.city.id === cityId)
      .map((p) => ({ id: p.id, title: p.data.title }))
      .sort((a, b) => a.title.localeCompare(b.title, 'ru')),
  };
}

/** The cities that have practices, A→Я: the first step of the «add» choice. */
export function compareCities(bank: Bank): { id: string; name: string }[] {
  const with_ = new Set(bank.practices.map((p) => p.data.city.id));
  return bank.cities
    .filter((c) => with_.has(c.id))
    .map((c) => ({ id: c.id, name: c.data.name.nominative }))
    .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}
