/** Builds, at build time, the strings the search and catalogue scripts need (see template.ts). */
import { ru } from '../../i18n/ru.ts';
import type { SearchStrings } from './template.ts';

export function searchStrings(): SearchStrings {
  const s = ru.search;
  return {
    loading: s.loading,
    idle: s.idle,
    results: s.results('{count}'),
    resultForms: [...s.resultForms],
    nothing: s.nothing('{query}'),
    nothingFiltered: s.nothingFiltered,
    error: s.error,
    types: { ...s.type },
    showing: s.catalogue.showing('{shown}', '{total}'),
    none: s.catalogue.none,
    searching: s.catalogue.searching,
    textError: s.catalogue.error,
    partial: s.partial,
    cataloguePartial: s.catalogue.partial,
    suggest: s.suggest('{query}'),
  };
}
