/**
 * Builds, at build time, every string the compare page's script shows (`scripts/compare-page.ts`
 * and the table of `table.ts`). They travel as one data attribute on the page's root
 * (CompareView.astro), so the browser never loads the whole of ru.ts.
 */
import { ru } from '../../i18n/ru.ts';
import { MAX_COMPARED } from './selection.ts';
import type { CompareTableStrings } from './table.ts';

export interface ComparePageStrings {
  table: CompareTableStrings;
  loadError: string;
  /** The notice for a link with more than MAX_COMPARED practices. */
  tooMany: string;
  /** `{ids}`. */
  unknown: string;
  empty: string;
  needMore: string;
  /** «В сравнении N практик» for 0…MAX_COMPARED practices (the selection is capped there). */
  showing: string[];
  addChoose: string;
  remove: string;
  /** `{title}`. */
  removeFor: string;
  /** An empty cell. */
  none: string;
}

export function compareTableStrings(): CompareTableStrings {
  const c = ru.compare;
  const trail = ru.repeat.trail;
  return {
    groups: { ...c.groups },
    rows: {
      city: c.rows.city, population: c.rows.population, district: c.rows.district, years: c.rows.years,
      status: c.rows.status, programme: c.rows.programme, topics: c.rows.topics, operator: c.rows.operator,
      partners: c.rows.partners, transferability: c.rows.transferability, contact: c.rows.contact, source: c.rows.source,
      adaptedFrom: trail.rowAdaptedFrom, adoptedBy: trail.rowRepeatedBy,
    },
    metricKind: { ...ru.metricKind },
    qualifier: { ...ru.qualifier },
    perCapitaQualifier: { ...c.perCapitaQualifier },
    metricYear: c.metricYear('{figure}', '{year}'),
    sourceWording: c.sourceWording('{source}'),
    perCapita: c.perCapita('{figure}', '{year}'),
    notComparable: c.notComparable('{units}'),
    statusAsOf: c.statusAsOf('{status}', '{year}'),
    populationValue: ru.city.populationValue('{value}', '{date}'),
    contactConfirmed: ru.repeat.contact.confirmed('{date}'),
    sourceLink: ru.practice.sourceLink('{title}', '{year}'),
    changes: trail.changes,
    repeatedByItem: trail.repeatedByItem('{city}', '{year}'),
  };
}

export function comparePageStrings(): ComparePageStrings {
  const c = ru.compare;
  return {
    table: compareTableStrings(),
    loadError: c.loadError,
    tooMany: c.tooMany(MAX_COMPARED),
    unknown: c.unknown('{ids}'),
    empty: c.empty,
    needMore: c.needMore,
    showing: Array.from({ length: MAX_COMPARED + 1 }, (_, count) => c.showing(count)),
    addChoose: c.addChoose,
    remove: c.remove,
    removeFor: c.removeFor('{title}'),
    none: c.none,
  };
}
