/**
 * Fields the open data adds to a practice that no content file holds, because they are computed
 * from the whole bank or from the practice's other fields: who repeated it (the reverse of
 * `adaptedFrom`) and its completeness (src/lib/content/completeness.ts). Described in zod like
 * the content model, so schema.json and the codebook carry them with Russian descriptions.
 */
import { z } from 'astro/zod';
import { COMPLETENESS_ITEMS, completenessOf, type CompletenessInput } from '../content/completeness.ts';
import type { Plain } from './records.ts';

const ITEM_IDS = COMPLETENESS_ITEMS.map((i) => i.id) as [string, ...string[]];

export const practiceDerivedSchema = z.strictObject({
  /** Practices of other cities that repeat this one (their `adaptedFrom.practice` is this id). */
  adoptedBy: z.array(z.string()).describe('Практики, которые повторили эту (их adaptedFrom указывает на неё): идентификаторы «город/практика»'),
  /** Completeness for a city that wants to repeat the practice. */
  completeness: z.strictObject({
    /** Share of the applicable items met, whole percent. */
    score: z.number().int().min(0).max(100).describe('Полнота описания в процентах: доля выполненных пунктов из применимых'),
    /** Every applicable item is met. */
    complete: z.boolean().describe('Описание полное: выполнены все применимые пункты'),
    /** Ids of the items not met. */
    missing: z.array(z.enum(ITEM_IDS)).describe('Каких пунктов полноты не хватает (идентификаторы пунктов)'),
  }).describe('Полнота описания для повторения'),
});

export function derivedFields(data: CompletenessInput, adoptedBy: readonly string[]): Record<string, Plain> {
  const c = completenessOf(data);
  return { adoptedBy: [...adoptedBy], completeness: { score: c.score, complete: c.complete, missing: c.missing } };
}
