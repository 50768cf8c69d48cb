/**
 * The query layer on its own (no index): what a reader's words become before Pagefind sees
 * them. The index-level consequences are in word-forms.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { fleetingAlternatives, queryForms, stemWord } from '../../src/lib/search/russian.ts';
import { planQuery } from '../../src/lib/search/query.ts';
import { synonymIndex } from '../../src/lib/search/synonyms.ts';
import { candidateShards, correct, editDistance, shardKeysOf } from '../../src/lib/search/suggest.ts';

const synonyms = synonymIndex([
  { terms: ['ТОС', 'территориальное общественное самоуправление'] },
  { terms: ['СО НКО', 'социально ориентированная НКО'] },
  { terms: ['волонтёр', 'доброволец'] },
]);

describe('stems', () => {
  test('«й» adjectives keep their stem (Pagefind 1.6 alone would turn «ресурсный» into «ресурсны»)', () => {
    expect(['ресурсный', 'ресурсных', 'Ресурсным'].map(stemWord)).toEqual(['ресурсн', 'ресурсн', 'ресурсн']);
    expect(stemWord('молодой')).toBe(stemWord('молодых'));
  });
  test('«ё» is «е»', () => expect(stemWord('волонтёров')).toBe(stemWord('волонтеры')));
  test('a stem shorter than three letters is not used as a prefix', () => expect(stemWord('дня')).toBe('дня'));
});

describe('fleeting vowels', () => {
  test.each([
    ['девушек', 'девушк'],
    ['девушка', 'девушек'],
    ['копеек', 'копейк'],
    ['копейка', 'копеек'],
    ['сотня', 'сотен'],
    ['сотен', 'сотн'],
    ['отец', 'отц'],
    ['отцов', 'отец'],
    ['добровольцы', 'доброволец'],
  ])('«%s» is also searched as «%s»', (word, alternative) => {
    expect(queryForms(word)).toContain(alternative);
  });
  test('bounded: at most two alternatives, none shorter than three letters, none for short or Latin words', () => {
    for (const word of ['центр', 'городской', 'девушками', 'конкурсов', 'администрация']) {
      const alternatives = fleetingAlternatives(word);
      expect(alternatives.length, word).toBeLessThanOrEqual(2);
      for (const a of alternatives) expect(a.length, word).toBeGreaterThanOrEqual(3);
    }
    expect(fleetingAlternatives('дом')).toEqual([]);
    expect(fleetingAlternatives('learning')).toEqual([]);
  });
  test('«сотен» is not sent as «сот», which would find «сотрудник»', () => {
    expect(queryForms('сотен')).not.toContain('сот');
  });
});

describe('plans', () => {
  test('stop words and single letters make no slot', () => {
    expect(planQuery('в г. Иркутске и районе', []).slots.map((s) => s.text)).toEqual(['иркутске', 'районе']);
    expect(planQuery('г. в и', []).slots).toEqual([]);
  });
  test('a synonym term, in any form, becomes a slot with every term of its group', () => {
    const [slot] = planQuery('территориального общественного самоуправления', synonyms).slots;
    expect(slot?.alternatives).toContain('тос');
    expect(slot?.correctable).toBe(false);
    expect(planQuery('ТОСы', synonyms).slots[0]?.alternatives).toContain('территориальн обществен самоуправлен');
    expect(planQuery('добровольцев', synonyms).slots[0]?.alternatives).toContain('волонтер');
  });
  test('a term with a stop word («СО НКО») is searched as an exact phrase, never as the prefix «со»', () => {
    const [slot] = planQuery('социально ориентированная НКО', synonyms).slots;
    expect(slot?.alternatives).toContain('"со нко"');
    expect(slot?.alternatives).not.toContain('со нко');
  });
  test('a phrase in quotes goes to Pagefind exact, untouched', () => {
    expect(planQuery('"ресурсный центр" Иркутск', synonyms).slots.map((s) => s.alternatives[0])).toEqual(['"ресурсный центр"', 'иркутск']);
  });
  test('the same thing twice is one slot', () => expect(planQuery('центр центры', []).slots).toHaveLength(1));
});

describe('suggestions', () => {
  test('edit distance: substitution, insertion, deletion, transposition are one', () => {
    expect(editDistance('волантеры', 'волонтеры')).toBe(1);
    expect(editDistance('волонтеры', 'волонтер')).toBe(1);
    expect(editDistance('волнотеры', 'волонтеры')).toBe(1);
    expect(editDistance('вонтеры', 'волонтеры')).toBe(2);
  });
  test('every candidate one edit away is in one of the shards asked for', () => {
    for (const [typo, word] of [['олонтеры', 'волонтеры'], ['волонтерыы', 'волонтеры'], ['волонтерв', 'волонтеры'], ['фестиваль', 'фестивали']] as const) {
      const asked = new Set(candidateShards(typo));
      expect(shardKeysOf(word).some((k) => asked.has(k)), `${typo} → ${word}`).toBe(true);
    }
  });
  test('the most frequent candidate wins, and the reader\'s ending is kept', () => {
    expect(correct('волантеры', [['волонтеров', 3], ['валентина', 9]])).toBe('волонтеры');
    expect(correct('фистиваль', [['фестиваль', 2], ['фестивале', 5]])).toBe('фестиваль');
  });
  test('a word that is in the bank, a short word, or one too far gets none', () => {
    expect(correct('фестиваль', [['фестиваль', 2], ['фестивали', 3]])).toBeUndefined();
    expect(correct('дом', [['дым', 4]])).toBeUndefined();
    expect(correct('фиствалль', [['фестиваль', 2]])).toBeUndefined();
  });
});
