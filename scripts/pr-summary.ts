/**
 * `node scripts/pr-summary.ts --base origin/main`: the practices a pull request adds or
 * changes, with their figures, as Markdown for the job summary ($GITHUB_STEP_SUMMARY) or the
 * terminal. The files are read from git: what changed between the base and HEAD.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { readCommandLine } from '../src/lib/editorial/cli.ts';
import { PR_SUMMARY_COMMAND } from '../src/lib/editorial/commands.ts';
import { practiceSummary, type ChangedFile } from '../src/lib/editorial/pr-summary.ts';

const { flags } = readCommandLine(PR_SUMMARY_COMMAND);
const base = flags.base ?? 'origin/main';
const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

let diff: string;
try {
  // Three dots: what the pull request itself changed since it left the base.
  diff = git('diff', '--name-status', '-z', '--find-renames', `${base}...HEAD`, '--', 'content/practices');
} catch (error) {
  console.error(`Ошибка: не удалось сравнить с «${base}» (git diff): ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const parts = diff.split('\0').filter(Boolean);
const files: ChangedFile[] = [];
for (let code = parts.shift(); code !== undefined; code = parts.shift()) {
  const status = code[0] as ChangedFile['status'];
  if (code[0] === 'R' || code[0] === 'C') parts.shift(); // the old path; the new one follows
  const path = parts.shift();
  if (path === undefined) throw new Error(`git diff --name-status: после «${code}» нет имени файла`);
  const normalised = (['A', 'M', 'R', 'D'] as const).includes(status as 'A') ? status : 'M';
  files.push({ status: normalised, path, ...(normalised === 'D' ? {} : { text: git('show', `HEAD:${path}`) }) });
}
const markdown = practiceSummary(files);
const out = flags.out ?? process.env.GITHUB_STEP_SUMMARY;
if (out) appendFileSync(out, `${markdown}\n`);
else console.log(markdown);
