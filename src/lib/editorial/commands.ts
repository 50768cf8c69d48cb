/**
 * The flag tables of the project's commands. Each script parses its arguments with its table
 * (`readCommandLine` in cli.ts), and `--help` prints the same table, so a flag cannot be read
 * without being documented. `npm run bench` keeps its own (scripts/bench.ts).
 */
import type { CommandSpec } from './cli.ts';

export const BUILD_COMMAND: CommandSpec = {
  command: 'npm run build',
  summary: 'собрать сайт в dist/ и поисковый индекс в dist/pagefind/',
  usage: ['', '-- --publish'],
  flags: [
    { name: 'publish', help: 'сборка для публикации: без SITE_URL (адрес сайта) и EDITORS_EMAIL (почта редакции) не собирается; то же, что PUBLISH=1' },
  ],
  notes: [
    'Переменные окружения:',
    '  SITE_URL       адрес опубликованного сайта; путь в нём — базовый путь (https://asdg.github.io/practice-bank/)',
    '  EDITORS_EMAIL  почта редакции, на которую города присылают практики (по умолчанию заглушка editors@example.org)',
    '  REPOSITORY_URL адрес репозитория для кнопки «Открыть в репозитории» на /submit/',
    '  CONTENT_DIR, OUT_DIR, CACHE_DIR  другая папка содержимого, сборки и кэша (тесты, бенчмарк)',
    'Без --publish и без SITE_URL сайт собирается для просмотра на этом компьютере (http://127.0.0.1:4321/, npm start).',
  ],
};

export const CHECK_COMMAND: CommandSpec = {
  command: 'npm run check',
  summary: 'проверить весь банк материалов и напечатать все ошибки сразу: файл:строка: поле: сообщение [правило]',
  usage: ['', '-- <папка содержимого>'],
  flags: [],
  notes: ['Без папки проверяется CONTENT_DIR или content/. Код выхода 1 — есть ошибки; предупреждения сборке не мешают.'],
};

export const IMPORT_COMMAND: CommandSpec = {
  command: 'npm run import',
  summary: 'отчёт города (Word или текст) — в черновик материала и черновики практик с найденными цифрами',
  usage: ['-- <файл.docx|файл.txt> --city <город> --year <год> [--practice <название> …] [--questionnaire <анкета>] [--force]'],
  flags: [
    { name: 'city', value: 'город', help: 'идентификатор города из content/cities/ (irkutsk)' },
    { name: 'year', value: 'год', help: 'отчётный год: четыре цифры' },
    { name: 'questionnaire', value: 'анкета', help: 'анкета, на которую отвечает отчёт (по умолчанию — найденная по вопросам)' },
    { name: 'practice', value: 'название', repeat: true, help: 'практика из отчёта: её черновик получит цифры абзацев, где встречаются слова названия' },
    { name: 'topics', value: 'темы', help: 'темы черновиков практик через запятую (иначе их вписывает редактор)' },
    { name: 'no-practices', help: 'не писать черновики практик, только материал' },
    { name: 'force', help: 'перезаписать уже существующие файлы' },
  ],
  notes: [
    'Без --practice черновик пишется на каждый пункт списка отчёта, в котором есть цифры.',
    'Каждый показатель черновика помечен «ЗАПОЛНИТЬ»: пока пометка не снята, практику нельзя опубликовать.',
  ],
};

export const NEW_COMMAND: CommandSpec = {
  command: 'npm run new',
  summary: 'новая практика или город: вопросами по-русски или флагами',
  usage: [
    '-- practice --city <город> --title <название> --topics <темы> --start <год> --submission <материал> [--end <год>] [--status <состояние>] …',
    '-- city --slug <идентификатор> --nominative <название> --genitive <…> --locative <в …> --region <субъект> --district <округ> --lat <широта> --lon <долгота> …',
  ],
  flags: [
    { name: 'city', value: 'город', help: 'практика: идентификатор города' },
    { name: 'title', value: 'название', help: 'практика: название' },
    { name: 'topics', value: 'темы', help: 'практика: темы через запятую, от одной до пяти' },
    { name: 'start', value: 'год', help: 'практика: год начала' },
    { name: 'end', value: 'год', help: 'практика: год окончания' },
    { name: 'submission', value: 'материал', help: 'практика: материал города, из которого она взята (irkutsk/2013-public-engagement)' },
    { name: 'status', value: 'состояние', help: 'практика: состояние (active, completed, …); город: муниципальный статус' },
    { name: 'status-year', value: 'год', help: 'практика: год, на который известно состояние' },
    { name: 'slug', value: 'имя', help: 'имя файла латиницей (практика) или идентификатор города' },
    { name: 'summary', value: 'текст', help: 'практика: краткое описание' },
    { name: 'transferability', value: 'текст', help: 'практика: что нужно другому городу для повторения' },
    { name: 'organisation', value: 'организация', help: 'практика: организация для связи' },
    { name: 'nominative', value: 'название', help: 'город: название в именительном падеже (Томск)' },
    { name: 'genitive', value: 'название', help: 'город: родительный падеж (Томска)' },
    { name: 'locative', value: 'в …', help: 'город: с предлогом «в» (в Томске)' },
    { name: 'region', value: 'субъект', help: 'город: субъект РФ' },
    { name: 'district', value: 'округ', help: 'город: федеральный округ (siberian, far-eastern, …)' },
    { name: 'lat', value: 'широта', help: 'город: широта центра, десятичные градусы' },
    { name: 'lon', value: 'долгота', help: 'город: долгота центра, десятичные градусы' },
    { name: 'website', value: 'адрес', help: 'город: сайт администрации' },
    { name: 'population', value: 'число', help: 'город: численность населения' },
    { name: 'population-date', value: 'дата', help: 'город: дата численности, ГГГГ-ММ-ДД' },
    { name: 'population-source', value: 'источник', help: 'город: источник численности' },
    { name: 'force', help: 'перезаписать существующий файл' },
  ],
  notes: ['Без флагов команда спрашивает по-русски. Черновик практики публикуется, когда из имени файла убирают «_».'],
};

export const PR_SUMMARY_COMMAND: CommandSpec = {
  command: 'node scripts/pr-summary.ts',
  summary: 'сводка для запроса на изменение: добавленные и изменённые практики с их цифрами (Markdown)',
  usage: ['--base <ветка или коммит>'],
  flags: [
    { name: 'base', value: 'ветка', help: 'с чем сравнивать: ветка или коммит, от которого начат запрос (в CI — origin/<базовая ветка>)' },
    { name: 'out', value: 'файл', help: 'дописать сводку в файл (по умолчанию $GITHUB_STEP_SUMMARY, без него — в терминал)' },
  ],
  notes: ['В GitHub Actions сводка появляется на странице запуска (Summary).'],
};
