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

/** The practices on a practice's trail: the one it was taken from, and those that repeated it. */
export function trailPracticesOf(bank: Bank, practice: PracticeEntry): PracticeEntry[] {
  const trail = trailOf(bank);
  return [trail.sourceOf(practice.id)?.source.entry, ...trail.adoptersOf(practice.id).map((l) => l.adopter.entry)].filter((e) => e !== undefined);
}

/** The practices on a city's trail (CityTrail.astro): both sides of what it took and what it gave. */
export function cityTrailPractices(bank: Bank, cityId: string): PracticeEntry[] {
  const { took, gave } = trailOf(bank).linksOfCity(cityId);
  return [...took, ...gave].flatMap((l) => [l.source.entry, l.adopter.entry]);
}
