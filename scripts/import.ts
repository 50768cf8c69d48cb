/**
 * `npm run import -- <file.docx|file.txt> --city <slug> --year <year> [--practice <name> …] [--topics a,b] [--questionnaire <id>] [--force]`
 * turns a city's report into a draft submission (`content/submissions/<city>/_<year>-….mdx`,
 * unpublished while its name starts with `_`), prints the figures found in it, and writes a
 * draft practice per named practice (or per list item with figures) with those figures as
 * metrics, each marked for the editor to confirm. `--help` lists the flags (commands.ts).
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { contentRoot } from '../src/lib/content/content-root.ts';
import { FOUNDING_YEAR } from '../src/lib/content/schema.ts';
import { importBlocks, readReport } from '../src/lib/editorial/import-report.ts';
import { DOCX_LIMITS } from '../src/lib/editorial/docx-limits.ts';
import { readCommandLine, readVocabulary, today } from '../src/lib/editorial/cli.ts';
import { IMPORT_COMMAND } from '../src/lib/editorial/commands.ts';
import { draftPractices } from '../src/lib/editorial/practice-drafts.ts';

const USAGE = `Использование: ${IMPORT_COMMAND.command} ${IMPORT_COMMAND.usage[0]}\nСправка: ${IMPORT_COMMAND.command} -- --help`;

function fail(message: string): never {
  console.error(`Ошибка: ${message}\n${USAGE}`);
  process.exit(1);
}

const { flags, lists, positional } = readCommandLine(IMPORT_COMMAND);
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
if (!Number.isInteger(year) || year < FOUNDING_YEAR || year > new Date().getFullYear()) fail(`год (--year) — четыре цифры, не раньше ${FOUNDING_YEAR} и не в будущем`);

let result;
try {
  const blocks = await readReport(input, readFileSync(input));
  result = importBlocks(blocks, { city, year, questionnaires: vocabulary.questionnaires, ...(flags.questionnaire ? { questionnaire: flags.questionnaire } : {}), today: today() });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const target = resolve(root, 'submissions', city, result.fileName);
const submissionId = `${city}/${result.fileName.replace(/\.mdx$/, '')}`;
const topics = (flags.topics ?? '').split(',').map((t) => t.trim()).filter(Boolean);
const unknownTopics = topics.filter((t) => !vocabulary.topics.some((v) => v.id === t));
if (unknownTopics.length) fail(`неизвестные темы (--topics): ${unknownTopics.join(', ')}; допустимые: ${vocabulary.topics.map((t) => t.id).join(', ')}`);
const bodyStart = result.mdx.indexOf('\n---\n') + '\n---\n'.length;
const bodyLineOffset = result.mdx.slice(0, bodyStart).split('\n').length - 1;
const drafts = flags['no-practices']
  ? []
  : draftPractices(result.mdx.slice(bodyStart), { city, year, submission: submissionId, published: today(), topics, practices: lists.practice ?? [], lineOffset: bodyLineOffset });
const targets = [target, ...drafts.map((d) => resolve(root, 'practices', city, d.fileName))];
// Nothing is written unless everything can be: an existing file stops the import before any write.
const existing = targets.filter((t) => existsSync(t));
if (existing.length && flags.force !== 'true') fail(`уже есть: ${existing.map((t) => relative(process.cwd(), t)).join(', ')}; чтобы перезаписать, добавьте --force`);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, result.mdx);

const shown = relative(process.cwd(), target);
console.log(`Черновик материала записан: ${shown}`);
console.log(`Анкета: ${result.questionnaire}${result.originalHeading ? `; заголовок документа «${result.originalHeading}» сохранён в originalHeading` : ''}`);
for (const q of result.questions) console.log(`  ## ${q.text}${q.inserted ? '  (заголовок вставлен: вопрос найден внутри абзаца)' : ''}`);
for (const q of result.missingQuestions) console.log(`  ! вопрос не найден в тексте: «${q}» — поставьте заголовок ## вручную`);
console.log(`\nЦифры в тексте (${result.figures.length}) — для показателей практик; формулировку копируйте дословно в metrics[].source:`);
for (const f of result.figures) console.log(`  [ ] ${shown}:${f.line}: «${f.phrase}»`);

if (drafts.length) console.log(`\nЧерновики практик (${drafts.length}): показатели заполнены из цифр отчёта, каждый помечен «ЗАПОЛНИТЬ» — сверьте и снимите пометку:`);
for (const draft of drafts) {
  const file = resolve(root, 'practices', city, draft.fileName);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, draft.mdx);
  console.log(`  ${relative(process.cwd(), file)}: «${draft.title}», показателей ${draft.metrics.length}`);
  for (const m of draft.metrics) console.log(`    ${m.kind}: ${m.qualifier === 'exact' ? '' : `${m.qualifier} `}${m.value} ${m.unit} — «${m.source}» (${shown}:${m.line})`);
}
if (!flags['no-practices'] && !drafts.length) console.log('\nЧерновиков практик нет: в отчёте нет списка с цифрами. Назовите практики флагом --practice "Название".');
if (drafts.length && !topics.length) console.log('Темы практик не указаны (--topics): впишите их в каждый черновик, иначе npm run check сообщит об ошибке.');
console.log(`\nДальше: заполните строки с «ЗАПОЛНИТЬ», сверьте текст с документом, затем уберите «_» из имён файлов (и из submission практик) и запустите npm run check.`);
