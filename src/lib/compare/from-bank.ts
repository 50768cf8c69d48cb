/** Compare records for every published practice of the bank, for /compare/index.json. */
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

export interface CompareIndex {
  /** Every published practice, in the catalogue's order (newest first). */
  practices: CompareRecord[];
}

export function compareIndex(bank: Bank): CompareIndex {
  return { practices: bank.practices.map((p) => compareRecordOf(bank, p)) };
}
