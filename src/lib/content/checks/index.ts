/**
 * The whole-bank check as the build runs it: once per content state, however many collections
 * ask. Every collection's loader calls it first, so the build fails with the complete list of
 * problems (the same lines `npm run check` prints), whichever loader Astro happens to run first.
 */
import { createHash } from 'node:crypto';
import { existsSync, globSync, lstatSync } from 'node:fs';
import { resolve } from 'node:path';
import { isoDate } from '../../format.ts';
import { checkBank, type BankReport, type CheckOptions } from './check-bank.ts';

export { checkBank, type BankReport, type CheckOptions } from './check-bank.ts';
export { RULES, PLACEHOLDER, type RuleId } from './rules.ts';

/**
 * The last check, for the other collections of the same build. One is enough: every loader of a
 * build asks about the same bank, and under `astro dev` an edit makes a new state, whose check
 * replaces the old one (and the HTML of the old one's results no loader took).
 */
let last: { key: string; report: BankReport } | undefined;

/**
 * A fingerprint of every file in the bank and of the routes links are checked against. Names,
 * sizes and modification times are enough to notice an edit; the check itself reads contents
 * (and keys its per-file cache by them), so this only decides whether to run it again.
 */
function stateOf(options: CheckOptions): string {
  const hash = createHash('sha256');
  for (const [root, pattern] of [[options.contentRoot, '**/*'], [resolve(options.projectRoot, 'src/pages'), '**/*'], [resolve(options.projectRoot, 'public'), '**/*']] as const) {
    if (!existsSync(root)) continue;
    for (const file of globSync(pattern, { cwd: root }).sort()) {
      hash.update(file);
      if (root !== options.contentRoot) continue;
      // lstat: a link is hashed as itself (the check refuses it), and a dangling one does not throw.
      const stat = lstatSync(resolve(root, file));
      hash.update(`\0${stat.isFile() ? 'f' : stat.isSymbolicLink() ? 'l' : 'o'}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  }
  hash.update(isoDate(new Date()));
  return hash.digest('hex');
}

/**
 * `checkBank`, computed once for a given state of the files; returns whether it is new. Its
 * report carries the validated files the loaders take (`report.validated`).
 */
export function checkBankOnce(options: CheckOptions): { report: BankReport; fresh: boolean } {
  const key = `${options.projectRoot}\n${options.contentRoot}\n${options.cacheFile ?? ''}\n${stateOf(options)}`;
  if (last?.key === key) return { report: last.report, fresh: false };
  // Dropped before the new check runs, so two banks' HTML is never held at once.
  last = undefined;
  const report = checkBank(options);
  last = { key, report };
  return { report, fresh: true };
}
