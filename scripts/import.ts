/**
 * `npm run import -- <file.docx|file.txt> --city <slug> --year <year> [--questionnaire <id>] [--force]`
 * turns a city's report into a draft submission (`content/submissions/<city>/_<year>-….mdx`,
 * unpublished while its name starts with `_`) and prints the figures found in it.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { contentRoot } from '../src/lib/content/content-root.ts';
import { importBlocks, readReport } from '../src/lib/editorial/import-report.ts';
import { DOCX_LIMITS } from '../src/lib/editorial/docx-limits.ts';
import { parseFlags, readVocabulary, today } from '../src/lib/editorial/cli.ts';

const USAGE = 'Использование: npm run import -- <файл.docx|файл.txt> --city <город> --year <год> [--questionnaire <анкета>] [--force]';

function fail(message: string): never {
  console.error(`Ошибка: ${message}\n${USAGE}`);
  process.exit(1);
}

const { flags, positional } = parseFlags(process.argv.slice(2));
const input = positional[0];
if (!input) fail('не указан файл отчёта');
if (!existsSync(input) || !statSync(input).isFile()) fail(`нет файла ${input}`);
// Read into memory only if it can be a report at all (the .docx and text limits come after).
if (statSync(input).size > DOCX_LIMITS.maxUncompressedBytes) fail(`${input}: файл больше ${DOCX_LIMITS.maxUncompressedBytes / 1024 / 1024} МБ; это не похоже на отчёт города`);
const root = contentRoot();
const vocabulary = readVocabulary(root);
const city = flags.city ?? fail('не указан город (--city)');
if (!vocabulary.cities.some((c) => c.id === city)) {
  fail(`города «${city}» нет в банке; допустимые: ${vocabulary.cities.map((c) => c.id).join(', ')}. Новый город: npm run new -- city`);
}
const year = Number(flags.year);
if (!Number.isInteger(year) || year < 1986 || year > new Date().getFullYear()) fail('год (--year) — четыре цифры, не раньше 1986 и не в будущем');

let result;
try {
  const blocks = await readReport(input, readFileSync(input));
  result = importBlocks(blocks, { city, year, questionnaires: vocabulary.questionnaires, ...(flags.questionnaire ? { questionnaire: flags.questionnaire } : {}), today: today() });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const target = resolve(root, 'submissions', city, result.fileName);
if (existsSync(target) && flags.force !== 'true') fail(`файл ${relative(process.cwd(), target)} уже есть; чтобы перезаписать, добавьте --force`);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, result.mdx);

const shown = relative(process.cwd(), target);
console.log(`Черновик материала записан: ${shown}`);
console.log(`Анкета: ${result.questionnaire}${result.originalHeading ? `; заголовок документа «${result.originalHeading}» сохранён в originalHeading` : ''}`);
for (const q of result.questions) console.log(`  ## ${q.text}${q.inserted ? '  (заголовок вставлен: вопрос найден внутри абзаца)' : ''}`);
for (const q of result.missingQuestions) console.log(`  ! вопрос не найден в тексте: «${q}» — поставьте заголовок ## вручную`);
console.log(`\nЦифры в тексте (${result.figures.length}) — для показателей практик; формулировку копируйте дословно в metrics[].source:`);
for (const f of result.figures) console.log(`  [ ] ${shown}:${f.line}: «${f.phrase}»`);
console.log(`\nДальше: заполните title (строки с «ЗАПОЛНИТЬ»), сверьте текст с документом, затем уберите «_» из имени файла и запустите npm run check.`);
