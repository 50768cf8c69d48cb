/**
 * Figures per 1 000 residents. A derived figure, so it is shown beside the raw one, never instead
 * of it, and never where the city's population for the figure's year is unknown.
 *
 * Choice (documented in the README): only counts of people and of events are divided by the
 * population — participants, volunteers, beneficiaries, events. Money («тыс. руб.») is not: a
 * practice's budget or prize fund is not spent per resident, and dividing it would also mean
 * converting its scale. Organisations, centres, premises, staff, winners and projects do not grow
 * with a city's size in a way a reader could use.
 */
import type { MetricKind, Qualifier } from '../content/vocabulary-values.ts';
import { measureOf } from './units.ts';

const PER_CAPITA_BASE = 1000;
const PER_CAPITA_KINDS: readonly MetricKind[] = ['participants', 'volunteers', 'beneficiaries', 'events'];

interface Population {
  value: number;
  /** The year the population figure refers to, stated next to every per-capita figure. */
  year: number;
}

export interface PerCapita {
  /** Rounded so that the qualifier stays true (see `roundKeepingQualifier`). */
  value: number;
  /** «более» stays «более», «до» stays «до»; an exact or approximate figure becomes «около». */
  qualifier: Qualifier;
  /** Decimal places `value` was rounded to. */
  decimals: number;
  populationYear: number;
}

/** One decimal from 1 up; below 1, two significant digits (0,38; 0,058). */
function decimalsFor(ratio: number): number {
  if (ratio >= 1 || ratio === 0) return 1;
  return Math.min(6, 1 - Math.floor(Math.log10(ratio)));
}

/**
 * Rounds in the direction that keeps the qualifier honest: «более 24,29» becomes «более 24,2»
 * (rounded down), «до 0,381» becomes «до 0,39» (rounded up); anything else rounds to nearest and
 * reads «около».
 */
export function roundKeepingQualifier(ratio: number, qualifier: Qualifier): { value: number; qualifier: Qualifier; decimals: number } {
  const decimals = decimalsFor(ratio);
  const factor = 10 ** decimals;
  // The epsilon keeps 24.3 * 10 = 242.99999… from flooring to 242.
  const scaled = ratio * factor;
  if (qualifier === 'more-than') return { value: Math.floor(scaled + 1e-9) / factor, qualifier, decimals };
  if (qualifier === 'up-to') return { value: Math.ceil(scaled - 1e-9) / factor, qualifier, decimals };
  const value = Math.round(scaled) / factor;
  return { value, qualifier: value === ratio ? qualifier : 'about', decimals };
}

/**
 * How far the population's year may be from the figure's year. A 2013 figure divided by a 2021
 * population says nothing honest; the population on 1 January of the next year (or at the start
 * of the figure's own year) is as close as statistics usually come. Beyond a year: no per-capita figure.
 */
export const POPULATION_YEAR_BOUND = 1;

/**
 * The population for a figure of `year`: the city's figure for that year, else the nearest within
 * `POPULATION_YEAR_BOUND` (the earlier of two equally near), else none. Only populations the city
 * record gives, each with its source, are considered; none is estimated.
 */
export function populationFor(year: number, populations: readonly Population[] | undefined): Population | undefined {
  let best: Population | undefined;
  for (const candidate of populations ?? []) {
    const distance = Math.abs(candidate.year - year);
    if (distance > POPULATION_YEAR_BOUND) continue;
    const bestDistance = best ? Math.abs(best.year - year) : Infinity;
    if (distance < bestDistance || (distance === bestDistance && best && candidate.year < best.year)) best = candidate;
  }
  return best;
}

function perCapitaApplies(kind: MetricKind, unit: string): boolean {
  return PER_CAPITA_KINDS.includes(kind) && measureOf(unit).dimension === 'count';
}

/**
 * `undefined` when the kind is not divided by population or the population is unknown. The
 * caller picks the population of the figure's year with `populationFor`.
 */
export function perCapita(
  metric: { kind: MetricKind; value: number; qualifier: Qualifier; unit: string },
  population: Population | undefined,
): PerCapita | undefined {
  if (!population || !(population.value > 0)) return undefined;
  if (!perCapitaApplies(metric.kind, metric.unit)) return undefined;
  const ratio = (metric.value / population.value) * PER_CAPITA_BASE;
  return { ...roundKeepingQualifier(ratio, metric.qualifier), populationYear: population.year };
}
