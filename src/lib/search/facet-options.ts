/**
 * The values each facet offers, with their Russian labels, read from the bank at build time.
 * Only values some page has are offered, in the order a reader scans them: topics and cities
 * alphabetically (as the bank sorts them), years newest first, the rest in vocabulary order.
 */
import type { Bank } from '../bank.ts';
import { ru } from '../../i18n/ru.ts';
import { FEDERAL_DISTRICTS, PRACTICE_STATUSES } from '../content/vocabulary-values.ts';
import { PAGE_TYPES, type Facet } from './record.ts';
import { perBank } from '../bank-memo.ts';

export interface FacetOption {
  value: string;
  label: string;
}

/** Once per build and scope: every page of the catalogue offers the same (bank-memo.ts). */
export const facetOptions = perBank((bank: Bank, scope: 'catalogue' | 'search'): Record<Facet, FacetOption[]> => {
  const practices = bank.practices;
  const cityIds = new Set(practices.map((p) => p.data.city.id));
  const years = new Set(practices.map((p) => p.data.startYear));
  if (scope === 'search') {
    for (const s of bank.submissions) {
      cityIds.add(s.data.city.id);
      years.add(s.data.year);
    }
    for (const c of bank.cities) cityIds.add(c.id);
  }
  const topicIds = new Set(scope === 'search' ? bank.topics.map((t) => t.id) : practices.flatMap((p) => p.data.topics.map((t) => t.id)));
  const districts = new Set([...cityIds].map((id) => bank.city(id).data.federalDistrict));
  const statuses = new Set(practices.map((p) => p.data.status));
  return {
    type: scope === 'search' ? PAGE_TYPES.map((t) => ({ value: t, label: ru.search.type[t] })) : [],
    topic: bank.topics.filter((t) => topicIds.has(t.id)).map((t) => ({ value: t.id, label: t.data.name })),
    city: bank.cities.filter((c) => cityIds.has(c.id)).map((c) => ({ value: c.id, label: c.data.name.nominative })),
    district: FEDERAL_DISTRICTS.filter((d) => districts.has(d)).map((d) => ({ value: d, label: ru.federalDistrict[d] })),
    year: [...years].sort((a, b) => b - a).map((y) => ({ value: String(y), label: String(y) })),
    status: PRACTICE_STATUSES.filter((s) => statuses.has(s)).map((s) => ({ value: s, label: ru.status[s] })),
  };
});

/** Start years of the bank's practices, newest first, with how many practices began in each. */
export const practiceYears = perBank((bank: Bank): { year: number; count: number }[] => {
  const counts = new Map<number, number>();
  for (const p of bank.practices) counts.set(p.data.startYear, (counts.get(p.data.startYear) ?? 0) + 1);
  return [...counts].sort((a, b) => b[0] - a[0]).map(([year, count]) => ({ year, count }));
});
