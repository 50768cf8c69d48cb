/** The bank describes what has happened: no year or date after today. */
import { isoDate } from '../../format.ts';
import { fieldOf, metricsOf, type BankEntry, type EntryRule } from './rule.ts';

function future(entry: BankEntry, path: (string | number)[], value: unknown, what: string, add: Parameters<EntryRule>[2]): void {
  if (typeof value === 'number' && value > new Date().getFullYear()) add(entry.file, entry.lineOf(path), fieldOf(path), 'future', `${what} (${value}) в будущем; банк описывает то, что уже было`);
  if (value instanceof Date && value.getTime() > Date.now()) add(entry.file, entry.lineOf(path), fieldOf(path), 'future', `${what} (${isoDate(value)}) в будущем`);
}

export const checkFutureDates: EntryRule = (entry, _bank, add) => {
  const data = entry.data;
  if (!data) return;
  if (entry.collection === 'cities') future(entry, ['population', 'date'], (data.population as { date?: Date } | undefined)?.date, 'дата численности населения', add);
  if (entry.collection === 'submissions') future(entry, ['year'], data.year, 'год материала', add);
  if (entry.collection !== 'practices') return;
  future(entry, ['statusYear'], data.statusYear, 'год состояния', add);
  future(entry, ['endYear'], data.endYear, 'год окончания', add);
  metricsOf(data).forEach((m, i) => future(entry, ['metrics', i, 'year'], m.year, `год показателя ${m.kind}`, add));
};
