/**
 * `npm run check`: validates the whole bank (CONTENT_DIR or content/) and prints every problem
 * at once, one per line: `file:line: field: message [rule]`. Exits with 1 on any error;
 * warnings are printed but do not fail. The build runs the same check (see loader.ts).
 */
import { relative, resolve } from 'node:path';
import { checkBank } from '../src/lib/content/checks/index.ts';
import { formatProblemWithRule } from '../src/lib/content/problems.ts';
import { contentRoot } from '../src/lib/content/content-root.ts';
import { readCommandLine } from '../src/lib/editorial/cli.ts';
import { CHECK_COMMAND } from '../src/lib/editorial/commands.ts';

const projectRoot = resolve(import.meta.dirname, '..');
const { positional } = readCommandLine(CHECK_COMMAND);
const root = positional[0] ? resolve(positional[0]) : contentRoot();
const { problems, files } = checkBank({ projectRoot, contentRoot: root });
const errors = problems.filter((p) => p.severity === 'error');
const warnings = problems.filter((p) => p.severity === 'warning');

for (const problem of problems) (problem.severity === 'error' ? console.error : console.warn)(formatProblemWithRule(problem));
const where = relative(process.cwd(), root) || '.';
console.log(
  errors.length
    ? `\nПроверка ${where}: файлов ${files}, ошибок ${errors.length}, предупреждений ${warnings.length}. Что означают сообщения — в CONTRIBUTING.md.`
    : `Проверка ${where}: файлов ${files}, ошибок нет${warnings.length ? `, предупреждений ${warnings.length}` : ''}.`,
);
process.exit(errors.length ? 1 : 0);
