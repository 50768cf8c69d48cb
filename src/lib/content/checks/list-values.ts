/** The open data's own rule, asked here so the build's CSV writer never meets a value it cannot write. */
import { listValueProblems } from '../../open-data/columns.ts';
import { toPlain } from '../../open-data/records.ts';
import { fieldOf, type EntryRule } from './rule.ts';

export const checkListValues: EntryRule = (entry, _bank, add) => {
  if (!entry.data || entry.collection === 'submissions' || entry.collection === 'questionnaires') return;
  for (const p of listValueProblems(toPlain(entry.data))) add(entry.file, entry.lineOf(p.path), fieldOf(p.path), 'list-separator', p.message);
};
