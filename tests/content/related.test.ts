import { describe, expect, it } from 'vitest';
import { relatedPractices } from '../../src/lib/related.ts';

const p = (id: string, cityId: string, topicIds: string[], day = 1) => ({ id, cityId, topicIds, published: new Date(Date.UTC(2026, 0, day)) });

describe('related practices', () => {
  const current = p('a/current', 'a', ['nko', 'resource-centres']);
  const all = [
    current,
    p('b/two-shared', 'b', ['nko', 'resource-centres']),
    p('a/one-shared-same-city', 'a', ['nko']),
    p('c/one-shared-newer', 'c', ['nko'], 5),
    p('c/unrelated', 'c', ['youth']),
  ];

  it('ranks by shared topics, then the same city, and leaves out the unrelated and itself', () => {
    expect(relatedPractices(current, all).map((r) => r.id)).toEqual(['b/two-shared', 'a/one-shared-same-city', 'c/one-shared-newer']);
  });

  it('respects the limit', () => {
    expect(relatedPractices(current, all, 1).map((r) => r.id)).toEqual(['b/two-shared']);
  });
});
