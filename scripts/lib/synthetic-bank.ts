/**
 * A SYNTHETIC practice bank for the benchmark: cities, topics, a questionnaire, submissions and
 * N practices of about 500 words each, written from sentence templates with a seeded PRNG so the
 * same N always gives the same bank. Every city is called «Синтетград-NN» and every figure is
 * random: nothing here is a fact, and nothing here is ever published.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SYNTHETIC_CITIES = 40;
const SYNTHETIC_TOPICS = 25;
/** Reporting years: one submission per city and year, practices spread over them. */
const YEARS = Array.from({ length: 12 }, (_, i) => 2012 + i);

/** mulberry32: tiny, fast and good enough to make text and figures reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
function pick<T>(random: Random, list: readonly T[]): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('pick: nothing to pick from an empty list');
  return item;
}
const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const capitalise = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const cityId = (i: number) => `sintetgrad-${pad(i)}`;
const topicId = (i: number) => `synthetic-topic-${pad(i)}`;
const practiceId = (city: number, n: number) => `${cityId(city)}/practice-${pad(n, 5)}`;

const TOPIC_NAMES = [
  'Ресурсные центры', 'НКО и общественные объединения', 'Волонтёрство', 'Обучающийся город', 'ТОС',
  'Молодёжь', 'Старшее поколение', 'Дети и семьи', 'Благотворительность', 'Грантовые конкурсы',
  'Городская среда', 'Общественный контроль', 'Культура и досуг', 'Спорт во дворах', 'Экологические акции',
  'Доступная среда', 'Наставничество', 'Патриотическое воспитание', 'Местные инициативы', 'Инициативное бюджетирование',
  'Публичные слушания', 'Открытые данные', 'Социальное предпринимательство', 'Краеведение', 'Безопасность жителей',
] as const;

// Sentence parts. Several forms of the same words, so the index sees Russian inflection.
const SUBJECTS = [
  'Администрация города', 'Ресурсный центр', 'Отдел по работе с общественностью', 'Совет ТОС', 'Молодёжный совет',
  'Волонтёрский штаб', 'Городская библиотека', 'Муниципальное учреждение', 'Общественная палата', 'Совет ветеранов',
  'Центр поддержки НКО', 'Комитет по социальной политике', 'Школьное самоуправление', 'Клуб молодых семей', 'Дом культуры',
];
const VERBS = [
  'провёл', 'организовал', 'поддержал', 'запустил', 'расширил', 'продолжил', 'обеспечил', 'координировал',
  'подготовил', 'открыл', 'профинансировал', 'сопровождал', 'объединил', 'обучил', 'привлёк',
];
const OBJECTS = [
  'серию обучающих семинаров для активных жителей', 'конкурс общественных инициатив', 'работу ресурсного центра в шаговой доступности',
  'консультации для социально ориентированных НКО', 'городской марафон добрых дел', 'курсы компьютерной грамотности для пенсионеров',
  'благоустройство дворов силами жителей', 'фестиваль территориального общественного самоуправления', 'школу волонтёров',
  'программу наставничества для подростков', 'экологическую акцию на берегу реки', 'встречи жителей с депутатами',
  'летний лагерь для детей из многодетных семей', 'выставку работ местных мастеров', 'цикл открытых лекций в библиотеках',
  'сбор предложений по развитию набережной', 'смотр-конкурс на лучший двор', 'обучение председателей ТОС',
  'клуб общения для людей старшего возраста', 'спортивные соревнования во дворах',
];
const PURPOSES = [
  'чтобы вовлечь жителей в решение городских вопросов', 'для развития общественных инициатив',
  'с целью укрепления доверия между властью и населением', 'для поддержки социально незащищённых горожан',
  'чтобы у некоммерческих организаций появилась постоянная площадка', 'для обмена опытом между районами города',
  'чтобы молодёжь могла реализовать собственные проекты', 'для повышения качества городской среды',
  'с целью привлечения добровольцев к социальным проектам', 'для сохранения истории и традиций города',
];
const CIRCUMSTANCES = [
  'в течение всего года', 'в весенний период', 'в рамках муниципальной программы', 'при участии партнёров',
  'на безвозмездной основе', 'в каждом административном округе', 'впервые в истории города', 'по заявкам жителей',
  'совместно с предприятиями города', 'в помещениях муниципальных учреждений',
];
const RESULTS = [
  'число участников выросло по сравнению с прошлым годом', 'жители предложили новые темы для встреч',
  'к работе присоединились новые общественные объединения', 'проект получил положительные отзывы горожан',
  'опыт был обобщён и передан соседним районам', 'появились постоянные группы волонтёров',
  'удалось привлечь внебюджетные средства', 'многие участники стали организаторами собственных мероприятий',
  'практику решено продолжить в следующем году', 'выросла активность жителей в публичных обсуждениях',
];
const CONNECTORS = ['Кроме того,', 'В результате', 'При этом', 'Следует отметить, что', 'По итогам года', 'Важно, что', 'Также', 'Вместе с тем'];
const ORGANISATIONS = ['МКУ «Синтетический центр»', 'АНО «Условные инициативы»', 'Фонд «Модельный город»', 'Центр «Пример»', 'Союз «Образец»'];
const METRIC_SHAPES = [
  { kind: 'participants', unit: 'человек', source: (v: number) => `приняли участие ${v} человек` },
  { kind: 'events', unit: 'мероприятий', source: (v: number) => `проведено ${v} мероприятий` },
  { kind: 'volunteers', unit: 'волонтёров', source: (v: number) => `привлечено ${v} волонтёров` },
  { kind: 'organisations', unit: 'СО НКО', source: (v: number) => `${v} СО НКО` },
  { kind: 'winners', unit: 'победителей', source: (v: number) => `победителей — ${v}` },
  { kind: 'centres', unit: 'ресурсных центров', source: (v: number) => `${v} ресурсных центров` },
] as const;

function sentence(random: Random): string {
  const base = `${pick(random, SUBJECTS)} ${pick(random, VERBS)} ${pick(random, OBJECTS)} ${pick(random, CIRCUMSTANCES)}, ${pick(random, PURPOSES)}.`;
  return random() < 0.4 ? `${base} ${pick(random, CONNECTORS)} ${pick(random, RESULTS)}.` : base;
}

/** About `words` words of paragraphs, each a handful of sentences. */
function paragraphs(random: Random, words: number): string[] {
  const out: string[] = [];
  let count = 0;
  while (count < words) {
    const sentences = Array.from({ length: int(random, 3, 6) }, () => sentence(random));
    const text = sentences.join(' ');
    count += text.split(/\s+/).length;
    out.push(text);
  }
  return out;
}

const yaml = (s: string) => JSON.stringify(s); // JSON strings are valid YAML scalars

function cityYaml(i: number, random: Random): string {
  const name = `Синтетград-${pad(i)}`;
  return [
    '# SYNTHETIC: a made-up city of the benchmark bank.',
    'name:',
    `  nominative: ${yaml(name)}`,
    `  genitive: ${yaml(`Синтетграда-${pad(i)}`)}`,
    `  locative: ${yaml(`в Синтетграде-${pad(i)}`)}`,
    `region: ${yaml(`Синтетическая область ${pad(i)}`)}`,
    `federalDistrict: ${pick(random, ['siberian', 'far-eastern', 'ural'])}`,
    'coordinates:',
    `  lat: ${(50 + random() * 15).toFixed(2)}`,
    `  lon: ${(60 + random() * 100).toFixed(2)}`,
    '',
  ].join('\n');
}

/** A submission; `figures` are the source wordings of its practices' metrics, quoted in its text. */
function submissionMdx(city: number, year: number, random: Random, figures: readonly string[]): string {
  return [
    '---',
    `title: ${yaml(`Взаимодействие с общественностью в ${year} году (синтетический материал)`)}`,
    `city: ${cityId(city)}`,
    `year: ${year}`,
    'questionnaire: synthetic-questionnaire',
    `published: ${year + 1}-03-01`,
    '---',
    '',
    `## Что наиболее значительное удалось сделать в области взаимодействия с общественностью в ${year} году`,
    '',
    ...paragraphs(random, 200).flatMap((p) => [p, '']),
    // The figures of the practices drawn from this submission, as a city lists its results.
    ...figures.map((f) => `- ${capitalise(f)};`),
    '',
    '## Какую помощь и содействие в решении предстоящих задач может оказать АСДГ',
    '',
    ...paragraphs(random, 60).flatMap((p) => [p, '']),
  ].join('\n');
}

interface PracticeSpec {
  city: number;
  n: number;
  year: number;
}

function practiceMdx(spec: PracticeSpec, random: Random, topics: number, withComponents: boolean, figures: string[] = []): string {
  const topicCount = int(random, 1, 3);
  const chosen = new Set<number>();
  while (chosen.size < topicCount) chosen.add(int(random, 1, topics));
  const object = pick(random, OBJECTS);
  const title = `${capitalise(object)} (${pad(spec.n, 5)})`;
  const completed = random() < 0.4;
  const endYear = completed ? Math.min(spec.year + int(random, 0, 3), 2024) : undefined;
  const metrics = Array.from({ length: int(random, 1, 4) }, () => {
    const shape = pick(random, METRIC_SHAPES);
    const value = int(random, 2, 2000);
    figures.push(shape.source(value));
    return [
      `  - kind: ${shape.kind}`,
      `    value: ${value}`,
      `    unit: ${shape.unit}`,
      `    year: ${spec.year}`,
      `    source: ${yaml(shape.source(value))}`,
    ].join('\n');
  });
  const body = paragraphs(random, 480);
  if (withComponents) {
    body.splice(1, 0, `<Callout type="tip" title="Что важно учесть">\n${sentence(random)}\n</Callout>`);
    body.splice(3, 0, `<Quote source="Синтетический материал ${cityId(spec.city)}, ${spec.year}">\n${sentence(random)}\n</Quote>`);
  }
  return [
    '---',
    `title: ${yaml(title)}`,
    `city: ${cityId(spec.city)}`,
    `submission: ${cityId(spec.city)}/${spec.year}-public-engagement`,
    `summary: ${yaml(`${sentence(random)} ${capitalise(pick(random, RESULTS))}.`.slice(0, 290))}`,
    `topics: [${[...chosen].map(topicId).join(', ')}]`,
    `startYear: ${spec.year}`,
    ...(endYear ? [`endYear: ${endYear}`] : []),
    `status: ${completed ? 'completed' : 'active'}`,
    `statusYear: ${spec.year}`,
    ...(random() < 0.5 ? ['programme:', `  name: ${yaml(`«Открытый город ${pad(spec.city)}»`)}`, `  startYear: ${spec.year}`, `  endYear: ${spec.year + 4}`] : []),
    `operator: ${yaml(pick(random, ORGANISATIONS))}`,
    'partners:',
    `  - ${yaml(pick(random, SUBJECTS))}`,
    `  - ${yaml(pick(random, ORGANISATIONS))}`,
    'metrics:',
    ...metrics,
    `transferability: ${yaml(`${pick(random, SUBJECTS)} и помещение в шаговой доступности; ${pick(random, PURPOSES)}.`)}`,
    'contact:',
    `  organisation: ${yaml(`Администрация Синтетграда-${pad(spec.city)}`)}`,
    `  email: info@${cityId(spec.city)}.example`,
    `published: ${spec.year + 1}-0${int(random, 1, 9)}-1${int(random, 0, 9)}`,
    '---',
    '',
    ...body.flatMap((p) => [p, '']),
  ].join('\n');
}

interface SyntheticBank {
  root: string;
  practices: number;
  /** Files of practices, relative to `root`, in generation order. */
  practiceFiles: string[];
}

/** Writes the bank into `root` (emptied first). Deterministic for a given N and seed. */
export function writeSyntheticBank(root: string, practices: number, seed = 2013): SyntheticBank {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const random = seededRandom(seed);
  const dir = (p: string) => (mkdirSync(join(root, p), { recursive: true }), join(root, p));
  writeFileSync(join(root, 'README.md'), 'SYNTHETIC benchmark bank, generated by scripts/bench.ts. Not a source of facts.\n');
  for (let c = 1; c <= SYNTHETIC_CITIES; c++) writeFileSync(join(dir('cities'), `${cityId(c)}.yaml`), cityYaml(c, random));
  TOPIC_NAMES.slice(0, SYNTHETIC_TOPICS).forEach((name, i) => {
    writeFileSync(
      join(dir('topics'), `${topicId(i + 1)}.yaml`),
      `name: ${yaml(`${name} (синт.)`)}\ndescription: ${yaml(`Синтетическая тема для бенчмарка: ${name.toLowerCase()}.`)}\n`,
    );
  });
  writeFileSync(
    join(dir('questionnaires'), 'synthetic-questionnaire.yaml'),
    [
      `title: ${yaml('Синтетическая анкета о взаимодействии с общественностью')}`,
      'questions:',
      '  - id: achievements',
      `    text: ${yaml('Что наиболее значительное удалось сделать в области взаимодействия с общественностью')}`,
      '  - id: asdg-help',
      `    text: ${yaml('Какую помощь и содействие в решении предстоящих задач может оказать АСДГ')}`,
      '',
    ].join('\n'),
  );
  // Only the submissions some practice draws on are written, as in a real bank.
  const used = new Map<string, string[]>();
  const practiceFiles: string[] = [];
  for (let i = 0; i < practices; i++) {
    const spec = { city: (i % SYNTHETIC_CITIES) + 1, n: i + 1, year: pick(random, YEARS) };
    const key = `${pad(spec.city)}:${spec.year}`;
    const figures = used.get(key) ?? [];
    used.set(key, figures);
    const file = `practices/${practiceId(spec.city, spec.n)}.mdx`;
    dir(`practices/${cityId(spec.city)}`);
    writeFileSync(join(root, file), practiceMdx(spec, random, SYNTHETIC_TOPICS, i % 5 === 0, figures));
    practiceFiles.push(file);
  }
  for (const [key, figures] of [...used].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const [city, year] = key.split(':').map(Number) as [number, number];
    writeFileSync(join(dir(`submissions/${cityId(city)}`), `${year}-public-engagement.mdx`), submissionMdx(city, year, random, figures));
  }
  return { root, practices, practiceFiles };
}
