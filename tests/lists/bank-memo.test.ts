/**
 * A view of the bank is derived once per bank and argument (src/lib/bank-memo.ts): the
 * catalogue's pages and a topic's pages share it instead of each counting the whole bank again,
 * and a new bank (the next request of `astro dev`) gets its own.
 */
import { describe, expect, it } from 'vitest';
import type { Bank } from '../../src/lib/bank.ts';
import { perBank } from '../../src/lib/bank-memo.ts';

// Only the identity of a bank matters to the memo; no field of it is read here.
const aBank = () => ({}) as Bank;

describe('perBank', () => {
  it('derives a view once per bank and argument, and hands the same view to every caller', () => {
    const calls: string[] = [];
    const view = perBank((_bank: Bank, topic: string, page: number) => {
      calls.push(`${topic}/${page}`);
      return { topic, page };
    });
    const bank = aBank();
    const first = view(bank, 'nko', 1);
    expect(view(bank, 'nko', 1)).toBe(first);
    expect(view(bank, 'nko', 2)).toEqual({ topic: 'nko', page: 2 });
    expect(view(bank, 'tos', 1)).toEqual({ topic: 'tos', page: 1 });
    expect(calls).toEqual(['nko/1', 'nko/2', 'tos/1']);
  });

  it('derives a view again for another bank', () => {
    let calls = 0;
    const view = perBank(() => ++calls);
    expect(view(aBank())).toBe(1);
    expect(view(aBank())).toBe(2);
  });

  it('keeps a view that is falsy', () => {
    let calls = 0;
    const view = perBank(() => {
      calls += 1;
      return 0;
    });
    const bank = aBank();
    view(bank);
    view(bank);
    expect(calls).toBe(1);
  });
});
