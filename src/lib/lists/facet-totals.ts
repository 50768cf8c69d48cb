/**
 * How many practices of the whole bank each catalogue facet value has: the counts the
 * JavaScript catalogue of a paginated bank shows before the reader narrows anything (the page
 * holds only its own cards). Bounded by the number of values, never by the bank.
 */
import type { Bank } from '../bank.ts';
import { completenessOf } from '../content/completeness.ts';
import { CATALOGUE_FACETS, valuesOf, type CatalogueFacet } from '../search/catalogue.ts';
import { perBank } from '../bank-memo.ts';

/** Once per build: every page of the catalogue carries the same counts (bank-memo.ts). */
export const facetTotals = perBank((bank: Bank): Record<CatalogueFacet, Record<string, number>> => {
  const totals = Object.fromEntries(CATALOGUE_FACETS.map((f) => [f, {} as Record<string, number>])) as Record<CatalogueFacet, Record<string, number>>;
  for (const p of bank.practices) {
    const item = {
      id: p.id,
      title: p.data.title,
      city: p.data.city.id,
      cityName: '',
      district: bank.city(p.data.city.id).data.federalDistrict,
      topics: p.data.topics.map((t) => t.id),
      year: String(p.data.startYear),
      status: p.data.status,
      published: '',
      complete: completenessOf(p.data).complete ? 'yes' : 'no',
    };
    for (const facet of CATALOGUE_FACETS) for (const value of new Set(valuesOf(item, facet))) totals[facet][value] = (totals[facet][value] ?? 0) + 1;
  }
  return totals;
});

/** How many of the bank's descriptions are complete (the catalogue offers the filter when any is). */
export const completeCount = perBank((bank: Bank) => bank.practices.filter((p) => completenessOf(p.data).complete).length);
