/**
 * How complete a practice's description is for a city that wants to repeat it, computed from the
 * fields of the content model (`schema.ts`) and defined once, here. The badge on practice pages
 * and cards, the catalogue filter «только полные описания», the open-data columns, the checker's
 * warning and the explanation on /data/ and in CONTRIBUTING.md all read `COMPLETENESS_ITEMS`.
 *
 * Each item says what a city needs and when it applies. The score is the share of applicable
 * items that are met, in whole percent; a description is complete when every applicable item is.
 * Nothing here fills a field in: an item a city has not sent stays missing.
 */
import type { Practice } from './schema.ts';
import { MONEY_KINDS } from './vocabulary-values.ts';

/** The fields the items read; a submit-form draft or a test builds one without the rest. */
export type CompletenessInput = Pick<Practice, 'metrics' | 'transferability' | 'startYear' | 'endYear' | 'status' | 'programme' | 'contact'>;

interface CompletenessItem {
  /** Stable id, used in the open data (`completeness_missing`) and in URLs of nothing. */
  id: string;
  /** The field an editor fills to meet it, as the checker names fields. */
  field: string;
  /** Whether the item counts for this practice at all. */
  applies(p: CompletenessInput): boolean;
  met(p: CompletenessInput): boolean;
}

const always = () => true;
/** A dash or a stray mark is not a text: «—» was how drafts left a field empty. */
const hasWords = (text: string | undefined) => /\p{L}{2,}/u.test(text ?? '');

export const COMPLETENESS_ITEMS = [
  // Figures with sources: the schema makes every figure carry its source wording, so one is enough.
  { id: 'metrics', field: 'metrics', applies: always, met: (p) => p.metrics.length > 0 },
  { id: 'transferability', field: 'transferability', applies: always, met: (p) => hasWords(p.transferability) },
  // A running or planned practice has no end yet; any other needs one to say how long it ran.
  { id: 'years', field: 'endYear', applies: always, met: (p) => p.status === 'active' || p.status === 'planned' || p.endYear !== undefined },
  { id: 'status', field: 'status', applies: always, met: (p) => p.status !== 'unknown' },
  { id: 'programme', field: 'programme', applies: always, met: (p) => p.programme !== undefined },
  // Budget applies where the practice is paid for by a municipal programme: then the city
  // spent money on it, and another city needs to know how much (a prize fund counts).
  { id: 'budget', field: 'metrics', applies: (p) => p.programme !== undefined, met: (p) => p.metrics.some((m) => (MONEY_KINDS as readonly string[]).includes(m.kind)) },
  { id: 'contactPerson', field: 'contact.person', applies: always, met: (p) => hasWords(p.contact.person) || hasWords(p.contact.department) },
  { id: 'contactChannel', field: 'contact.email', applies: always, met: (p) => Boolean(p.contact.email || p.contact.phone?.trim()) },
  { id: 'confirmed', field: 'contact.confirmed', applies: always, met: (p) => p.contact.confirmed !== undefined },
] as const satisfies readonly CompletenessItem[];

type CompletenessItemId = (typeof COMPLETENESS_ITEMS)[number]['id'];

interface Completeness {
  /** Met applicable items, in whole percent (0–100). */
  score: number;
  /** Every applicable item is met. */
  complete: boolean;
  met: CompletenessItemId[];
  missing: CompletenessItemId[];
  /** How many items apply (the badge's «из N»). */
  applicable: number;
}

// A practice is asked on every card of it (catalogue, topic, city and year pages, «Похожие
// практики»), its badge, its search record and the catalogue's counts: once per entry is enough.
// The entries' data never change during a build; a draft (the checker, the submit form) is a new
// object each time it is asked about.
const known = new WeakMap<CompletenessInput, Completeness>();

export function completenessOf(p: CompletenessInput): Completeness {
  let result = known.get(p);
  if (!result) known.set(p, (result = computeCompleteness(p)));
  return result;
}

function computeCompleteness(p: CompletenessInput): Completeness {
  const met: CompletenessItemId[] = [];
  const missing: CompletenessItemId[] = [];
  for (const item of COMPLETENESS_ITEMS as readonly (CompletenessItem & { id: CompletenessItemId })[]) {
    if (!item.applies(p)) continue;
    (item.met(p) ? met : missing).push(item.id);
  }
  const applicable = met.length + missing.length;
  return { score: Math.round((100 * met.length) / applicable), complete: missing.length === 0, met, missing, applicable };
}

export function completenessItem(id: CompletenessItemId): CompletenessItem {
  const item = (COMPLETENESS_ITEMS as readonly CompletenessItem[]).find((i) => i.id === id);
  if (!item) throw new Error(`completeness: no item ${id}`);
  return item;
}
