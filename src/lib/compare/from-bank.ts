/** Compare records for every published practice of the bank, for /compare/index.json. */
import type { Bank, PracticeEntry } from '../bank.ts';
import { toCompareRecord, type CompareRecord } from './record.ts';

export function compareRecordOf(bank: Bank, practice: PracticeEntry): CompareRecord {
  const submission = bank.submission(practice.data.submission.id);
  return toCompareRecord({
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
