/**
 * A view derived from the whole bank, computed once per build (and per argument) instead of by
 * every page that shows it: the catalogue's facet counts and options on each of its pages, a
 * topic's chart by city on each page of the topic. At 10 000 practices the catalogue's pages
 * counting every practice again took about 25 s of Astro's 150 s (a `--cpu-prof` profile).
 *
 * Keyed by the bank object, which `loadBank` makes once per build (and afresh on every request
 * in `astro dev`, where a view is then derived again). A view is shared: callers read it and
 * never change it.
 */
import type { Bank } from './bank.ts';

export function perBank<A extends (string | number)[], V>(derive: (bank: Bank, ...args: A) => V): (bank: Bank, ...args: A) => V {
  const views = new WeakMap<Bank, Map<string, V>>();
  return (bank, ...args) => {
    let ofBank = views.get(bank);
    if (!ofBank) views.set(bank, (ofBank = new Map()));
    const key = args.join('\0');
    if (!ofBank.has(key)) ofBank.set(key, derive(bank, ...args));
    return ofBank.get(key) as V;
  };
}
