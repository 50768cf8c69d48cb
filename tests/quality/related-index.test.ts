/**
 * The fast related-practices index must answer exactly as the definition in related.ts, on a
 * bank large and tangled enough to exercise every tie-break (shared topics, same city, date, id).
 */
import { describe, expect, it } from 'vitest';
import { relatedPractices, type RelatableItem } from '../../src/lib/related.ts';
import { relatedIndex } from '../../src/lib/related-index.ts';
import { seededRandom } from '../../scripts/lib/synthetic-bank.ts';

function syntheticItems(count: number, seed: number): RelatableItem[] {
  const random = seededRandom(seed);
  const pick = (n: number) => Math.floor(random() * n);
  return Array.from({ length: count }, (_, i) => ({
    id: `city-${pick(5)}/p-${String(i).padStart(4, '0')}`,
    cityId: `city-${pick(5)}`,
    // Few topics and few dates, so ties are common; a duplicate topic now and then.
    topicIds: Array.from({ length: 1 + pick(4) }, () => `t${pick(6)}`),
    published: new Date(Date.UTC(2020, pick(3), 1 + pick(2))),
  }));
}

describe('relatedIndex', () => {
  it.each([1, 2, 3])('gives the same related practices as relatedPractices (seed %i)', (seed) => {
    const items = syntheticItems(400, seed);
    const related = relatedIndex(items);
    for (const item of items) {
      for (const limit of [1, 4, 9]) {
        expect(related(item, limit).map((r) => r.id)).toEqual(relatedPractices(item, items, limit).map((r) => r.id));
      }
    }
  });

  it('returns nothing for a practice that shares no topic', () => {
    const items = syntheticItems(50, 7);
    const lonely = { id: 'x/y', cityId: 'x', topicIds: ['nowhere'], published: new Date() };
    expect(relatedIndex(items)(lonely)).toEqual([]);
  });
});
