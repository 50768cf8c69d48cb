/** The adoption trail of a loaded bank, computed once per bank (one build). */
import type { Bank, PracticeEntry } from '../bank.ts';
import { adoptionTrail, type AdoptionTrail, type TrailPractice } from './trail.ts';

type BankTrailPractice = TrailPractice & { entry: PracticeEntry };

const memo = new WeakMap<Bank, AdoptionTrail<BankTrailPractice>>();

export function trailOf(bank: Bank): AdoptionTrail<BankTrailPractice> {
  let trail = memo.get(bank);
  if (!trail) {
    trail = adoptionTrail(
      bank.practices.map((p) => ({ id: p.id, cityId: p.data.city.id, title: p.data.title, startYear: p.data.startYear, adaptedFrom: p.data.adaptedFrom, entry: p })),
    );
    memo.set(bank, trail);
  }
  return trail;
}
