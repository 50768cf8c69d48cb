/**
 * `npm run new` — a new practice or city, asked in Russian or given by flags:
 *   npm run new -- practice --city irkutsk --title "…" --topics nko,tos --start 2013 --submission irkutsk/2013-public-engagement
 *   npm run new -- city --slug tomsk --nominative Томск --genitive Томска --locative "в Томске" --region "Томская область" --district siberian --lat 56.48 --lon 84.95
 * A practice is written as a draft (`_<slug>.mdx`) with the texts only the editor can write
 * marked «ЗАПОЛНИТЬ»; the checker accepts it as a draft and refuses it published until they are filled.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { contentRoot } from '../src/lib/content/content-root.ts';
import { formatProblemWithRule } from '../src/lib/content/problems.ts';
import { citySchema, FOUNDING_YEAR, practiceSchema } from '../src/lib/content/schema.ts';
import { validateEntry } from '../src/lib/content/validate.ts';
import { readKnownIds } from '../src/lib/content/vocabulary.ts';
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from '../src/lib/content/checks/rules.ts';
import { FEDERAL_DISTRICTS, PRACTICE_STATUSES } from '../src/lib/content/vocabulary-values.ts';
import { cityYaml, type CityInput } from '../src/lib/editorial/city-file.ts';
import { readCommandLine, readVocabulary, today } from '../src/lib/editorial/cli.ts';
import { NEW_COMMAND } from '../src/lib/editorial/commands.ts';
import { practiceMdx, slugify, type PracticeInput } from '../src/lib/editorial/practice-file.ts';
import { openPrompt } from '../src/lib/editorial/prompt.ts';

const root = contentRoot();
const { flags, positional } = readCommandLine(NEW_COMMAND);
const interactive = Object.keys(flags).filter((f) => f !== 'force').length === 0;
const rl = interactive ? openPrompt() : undefined;

function fail(message: string): never {
  console.error(`Ошибка: ${message}`);
  rl?.close();
  process.exit(1);
}

/**
 * A value from its flag, or asked until `check` accepts it. `check` returns an error in Russian
 * or undefined; with flags a bad value stops the script with that error.
 */
async function ask(flag: string, question: string, check: (value: string) => string | undefined = () => undefined, fallback?: string): Promise<string> {
  if (!rl) {
    const value = flags[flag] ?? fallback ?? '';
    const error = check(value);
    if (error) fail(`--${flag}: ${error}`);
    return value;
  }
  for (;;) {
    let answer: string;
    try {
      answer = (await rl.question(`${question}${fallback ? ` [${fallback}]` : ''}: `)).trim() || fallback || '';
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    }
    const error = check(answer);
    if (!error) return answer;
    console.log(`  ${error}`);
  }
}

const required = (what: string) => (v: string) => (v.trim() ? undefined : `${what} — обязательно`);
const yearCheck = (optional: boolean) => (v: string) => {
  if (optional && v === '') return undefined;
  const n = Number(v);
  return Number.isInteger(n) && n >= FOUNDING_YEAR && n <= new Date().getFullYear() ? undefined : `год — четыре цифры, от ${FOUNDING_YEAR} до ${new Date().getFullYear()}`;
};
/** A file name the bank accepts, checked before anything touches the disk. */
const slugCheck = (v: string) => {
  if (v.length > MAX_SLUG_LENGTH) return `имя файла — не длиннее ${MAX_SLUG_LENGTH} знаков (сейчас ${v.length}); сократите его`;
  return SLUG_PATTERN.test(v) ? undefined : 'латинские буквы в нижнем регистре, цифры и дефис';
};
const numberCheck = (min: number, max: number) => (v: string) => (v !== '' && Number.isFinite(Number(v)) && Number(v) >= min && Number(v) <= max ? undefined : `число от ${min} до ${max}`);

function write(target: string, text: string) {
  if (existsSync(target) && flags.force !== 'true') fail(`файл ${relative(process.cwd(), target)} уже есть; чтобы перезаписать, добавьте --force`);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  } catch (error) {
    // The file system's own refusal (a name too long for it, no permission), in Russian, with the path.
    const code = (error as { code?: string }).code ?? '';
    const why = code === 'ENAMETOOLONG' ? 'имя файла слишком длинное для файловой системы' : code === 'EACCES' || code === 'EPERM' ? 'нет прав на запись' : `не удалось записать (${code || String(error)})`;
    fail(`${relative(process.cwd(), target)}: ${why}`);
  }
}

async function newPractice() {
  const vocabulary = readVocabulary(root);
  const cityIds = vocabulary.cities.map((c) => c.id);
  if (rl) console.log(`Новая практика. Города: ${vocabulary.cities.map((c) => `${c.id} (${c.name})`).join(', ')}`);
  const city = await ask('city', 'Город (идентификатор)', (v) => (cityIds.includes(v) ? undefined : `нет города «${v}»; допустимые: ${cityIds.join(', ')}`));
  const title = await ask('title', 'Название практики', required('название'));
  const topicIds = vocabulary.topics.map((t) => t.id);
  if (rl) console.log(`Темы: ${vocabulary.topics.map((t) => `${t.id} (${t.name})`).join(', ')}`);
  const topics = (await ask('topics', 'Темы через запятую (от одной до пяти)', (v) => {
    const list = v.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = list.filter((t) => !topicIds.includes(t));
    if (unknown.length) return `неизвестные темы: ${unknown.join(', ')}; допустимые: ${topicIds.join(', ')}`;
    return list.length >= 1 && list.length <= 5 ? undefined : 'от одной до пяти тем';
  })).split(',').map((s) => s.trim()).filter(Boolean);
  const startYear = Number(await ask('start', 'Год начала', yearCheck(false)));
  const endText = await ask('end', 'Год окончания (пусто — идёт или неизвестно)', yearCheck(true));
  const own = vocabulary.submissions.filter((s) => s.city === city);
  if (rl) console.log(`Материалы города: ${own.map((s) => `${s.id} (${s.year})`).join(', ') || 'нет; сначала импортируйте отчёт: npm run import'}`);
  const submission = await ask('submission', 'Материал, из которого взята практика', (v) => {
    const found = vocabulary.submissions.find((s) => s.id === v);
    if (!found) return `нет опубликованного материала «${v}»; материалы города ${city}: ${own.map((s) => s.id).join(', ') || 'нет'}`;
    return found.city === city ? undefined : `материал «${v}» прислал другой город (${found.city})`;
  }, own.length === 1 ? own[0]?.id : undefined);
  const status = await ask('status', `Состояние (${PRACTICE_STATUSES.join(', ')})`, (v) => ((PRACTICE_STATUSES as readonly string[]).includes(v) ? undefined : `допустимые: ${PRACTICE_STATUSES.join(', ')}`), 'unknown');
  const reportYear = vocabulary.submissions.find((s) => s.id === submission)?.year;
  const statusYear = Number(await ask('status-year', 'Год, на который известно состояние', yearCheck(false), String(reportYear ?? startYear)));
  const slug = await ask('slug', 'Имя файла (латиница)', slugCheck, slugify(title));

  const input: PracticeInput = {
    city, title, submission, topics, startYear, status, statusYear, published: today(),
    ...(endText ? { endYear: Number(endText) } : {}),
    ...(flags.summary ? { summary: flags.summary } : {}),
    ...(flags.transferability ? { transferability: flags.transferability } : {}),
    ...(flags.organisation ? { contact: { organisation: flags.organisation } } : {}),
  };
  const text = practiceMdx(input);
  const file = `content/practices/${city}/_${slug}.mdx`;
  const known = readKnownIds(root);
  const { problems } = validateEntry(file, text, practiceSchema(known));
  if (problems.length) fail(`заготовка не прошла проверку:\n${problems.map(formatProblemWithRule).join('\n')}`);
  const target = resolve(root, 'practices', city, `_${slug}.mdx`);
  write(target, text);
  console.log(`Черновик практики записан: ${relative(process.cwd(), target)}`);
  console.log('Дальше: заполните строки с «ЗАПОЛНИТЬ», добавьте показатели (metrics) — только цифры из текста материала, дословно;');
  console.log(`затем уберите «_» из имени файла (${slug}.mdx) и запустите npm run check.`);
}

async function newCity() {
  const known = readKnownIds(root);
  const slug = await ask('slug', 'Идентификатор города (латиница: tomsk)', (v) => {
    const error = slugCheck(v);
    if (error) return error;
    return known.cities.has(v) ? `город «${v}» уже есть` : undefined;
  });
  const nominative = await ask('nominative', 'Название (именительный падеж: Томск)', required('название'));
  const genitive = await ask('genitive', 'Родительный падеж (Томска)', required('родительный падеж'));
  const locative = await ask('locative', 'С предлогом «в» (в Томске)', (v) => (/^(в|во) \S/.test(v) ? undefined : 'начните с «в» или «во»: «в Томске»'));
  const region = await ask('region', 'Субъект РФ (Томская область)', required('субъект РФ'));
  const federalDistrict = await ask('district', `Федеральный округ (${FEDERAL_DISTRICTS.join(', ')})`, (v) => ((FEDERAL_DISTRICTS as readonly string[]).includes(v) ? undefined : `допустимые: ${FEDERAL_DISTRICTS.join(', ')}`));
  const lat = Number(await ask('lat', 'Широта центра (десятичные градусы, 56.48)', numberCheck(-90, 90)));
  const lon = Number(await ask('lon', 'Долгота центра (десятичные градусы, 84.95)', numberCheck(-180, 180)));
  const municipalStatus = await ask('status', 'Муниципальный статус (пусто — не указывать)', () => undefined, '');
  const website = await ask('website', 'Сайт администрации (https://…, пусто — не указывать)', (v) => (v === '' || /^https?:\/\//.test(v) ? undefined : 'адрес начинается с https://'), '');
  const populationText = await ask('population', 'Численность населения (пусто — не указывать)', (v) => (v === '' || /^\d+$/.test(v) ? undefined : 'целое число без пробелов'), '');
  let population: CityInput['population'];
  if (populationText) {
    const date = await ask('population-date', 'На какую дату (ГГГГ-ММ-ДД)', (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? undefined : 'дата в виде ГГГГ-ММ-ДД'));
    const source = await ask('population-source', 'Источник численности (издатель и название)', required('источник'));
    population = { value: Number(populationText), date, source };
  }
  const text = cityYaml({ nominative, genitive, locative, region, federalDistrict, lat, lon, municipalStatus, website, population });
  const file = `content/cities/${slug}.yaml`;
  const { problems } = validateEntry(file, text, citySchema);
  if (problems.length) fail(`запись города не прошла проверку:\n${problems.map(formatProblemWithRule).join('\n')}`);
  const target = resolve(root, 'cities', `${slug}.yaml`);
  write(target, text);
  console.log(`Город записан: ${relative(process.cwd(), target)}. Проверьте значения по источнику и запустите npm run check.`);
}

let kind = positional[0];
if (!kind && rl) kind = (await rl.question('Что создать — practice (практика) или city (город)? [practice]: ').catch(() => '')).trim() || 'practice';
if (kind === 'practice' || kind === 'практика') await newPractice();
else if (kind === 'city' || kind === 'город') await newCity();
else fail('укажите, что создать: npm run new -- practice … или npm run new -- city …');
rl?.close();
