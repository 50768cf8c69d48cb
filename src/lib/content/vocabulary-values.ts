/**
 * Closed vocabularies of the content model. Their Russian labels live in `src/i18n/ru.ts`;
 * the values here are what editors type in frontmatter and what URLs and data files carry.
 */

/** Federal districts of АСДГ member cities. */
export const FEDERAL_DISTRICTS = ['siberian', 'far-eastern', 'ural'] as const;
export type FederalDistrict = (typeof FEDERAL_DISTRICTS)[number];

/** What a metric counts; one kind lines up on one row when practices are compared. */
export const METRIC_KINDS = [
  'participants',
  'events',
  'volunteers',
  'organisations',
  'beneficiaries',
  'winners',
  'prize-fund',
  'budget',
  'centres',
  'premises',
  'projects',
  'staff',
] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];
/** Figures of money: what a city has to find in its own budget; compared in a group of their own. */
export const MONEY_KINDS: readonly MetricKind[] = ['budget', 'prize-fund'];

/** How exact a figure is, as the source words it. */
export const QUALIFIERS = ['exact', 'more-than', 'about', 'up-to'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** Where a practice stands. */
export const PRACTICE_STATUSES = ['active', 'completed', 'planned', 'unknown'] as const;
export type PracticeStatus = (typeof PRACTICE_STATUSES)[number];
