/**
 * Checks a whole bank at once: every file on its own (YAML, schema, safe MDX) and everything
 * that needs more than one file (references, duplicates, links, figures). `npm run check` prints
 * the result; the build's loader runs the same function and refuses to build on any error, so
 * the checker and the build cannot disagree.
 */
import { ContentFileError, fileSizeMessage, isLink, listContentFiles, MAX_FILE_BYTES, readContentFile, refusedMessage } from '../content-files.ts';
import { SYNONYMS_FILE } from '../../search/synonyms-file.ts';
import { existsSync } from 'node:fs';
import { basename, extname, relative, resolve } from 'node:path';
import type { z } from 'astro/zod';
import { checkCityFolder } from '../entry-checks.ts';
import type { ContentProblem } from '../problems.ts';
import type { RenderedMdx } from '../safe-mdx.ts';
import {
  citySchema,
  practiceSchema,
  questionnaireSchema,
  submissionSchema,
  synonymsSchema,
  topicSchema,
  type KnownIds,
} from '../schema.ts';
import { validateEntry } from '../validate.ts';
import { listValueProblems } from '../../open-data/columns.ts';
import { toPlain } from '../../open-data/records.ts';
import { entryKey, forgetOffered, lazyLineOf, offerValidated, readEntryCache, schemaKeyOf, slim, writeEntryCache, type SlimEntry } from './entry-cache.ts';
import { knownIdsDigest, readKnownIds } from '../vocabulary.ts';
import { rootUrls as urls } from '../../urls.ts';
import { normaliseForSearch, valueMatchesWording } from './figures.ts';
import { MAX_SLUG_LENGTH, PLACEHOLDER, SLUG_PATTERN, type RuleId } from './rules.ts';
import { isoDate } from '../../format.ts';
import { sitePages, type BankIds, type SitePages } from './site-pages.ts';
import { checkAdaptations, checkCompleteness } from './adaptation.ts';

type Collection = 'cities' | 'topics' | 'questionnaires' | 'submissions' | 'practices';

const LAYOUT: Record<Collection, { extension: '.yaml' | '.mdx'; nested: boolean; wrong: string[] }> = {
  cities: { extension: '.yaml', nested: false, wrong: ['.yml', '.json'] },
  topics: { extension: '.yaml', nested: false, wrong: ['.yml', '.json'] },
  questionnaires: { extension: '.yaml', nested: false, wrong: ['.yml', '.json'] },
  submissions: { extension: '.mdx', nested: true, wrong: ['.md', '.markdown', '.txt', '.docx', '.doc', '.html'] },
  practices: { extension: '.mdx', nested: true, wrong: ['.md', '.markdown', '.txt', '.docx', '.doc', '.html'] },
};

export interface CheckOptions {
  /** The project folder: file names in messages are relative to it, and pages are read from its src/pages. */
  projectRoot: string;
  /** The bank: `content/` or a fixture bank. */
  contentRoot: string;
  /**
   * Where per-file results are kept between runs (the build passes a file in Astro's cache
   * folder); without it every file is validated. Either way the problems are the same.
   */
  cacheFile?: string;
}

export interface BankReport {
  problems: ContentProblem[];
  /** Content files read. */
  files: number;
}

interface Entry {
  collection: Collection;
  /** Id as the build gives it: `irkutsk/learning-city`. */
  id: string;
  file: string;
  draft: boolean;
  source: string;
  data: Record<string, unknown> | undefined;
  rendered: Pick<RenderedMdx, 'links' | 'images' | 'text'> | undefined;
  /** Passed its own checks: the build would give it a page. */
  valid: boolean;
  lineOf(path: readonly PropertyKey[]): number;
}

const refId = (value: unknown): string | undefined => (value as { id?: string } | undefined)?.id;

export function checkBank(options: CheckOptions): BankReport {
  const problems: ContentProblem[] = [];
  const add = (file: string, line: number, field: string, rule: RuleId, message: string, severity: 'error' | 'warning' = 'error') =>
    problems.push({ file, line, field, message, severity, rule });
  const fileName = (absolute: string) => relative(options.projectRoot, absolute).replaceAll('\\', '/');

  const known = readKnownIds(options.contentRoot);
  const drafts: Record<keyof KnownIds, Set<string>> = { cities: new Set(), topics: new Set(), questionnaires: new Set(), submissions: new Set() };
  const entries: Entry[] = [];
  const candidates: { collection: Collection; file: string; absolute: string; id: string; draft: boolean }[] = [];

  // 1. Which files are there, and are they named so the build reads them and gives each its own page?
  for (const collection of Object.keys(LAYOUT) as Collection[]) {
    const layout = LAYOUT[collection];
    const folder = resolve(options.contentRoot, collection);
    const listing = listContentFiles(folder);
    for (const entry of listing.refused) add(fileName(entry.absolute), 1, '(файл)', 'symlink', refusedMessage(entry));
    const byKey = new Map<string, string[]>();
    for (const { path, absolute, size } of listing.files) {
      const parts = path.split('/');
      const name = parts.at(-1) ?? '';
      const file = fileName(absolute);
      const extension = extname(name);
      const stem = path.replaceAll('\\', '/').slice(0, -extension.length || undefined);
      const key = stem.toLowerCase();
      byKey.set(key, [...(byKey.get(key) ?? []), file]);
      if (extension !== layout.extension) {
        const hint = layout.wrong.includes(extension.toLowerCase()) || extension.toLowerCase() === layout.extension
          ? `переименуйте в ${basename(name, extension)}${layout.extension}`
          : `в папке ${collection}/ банк читает только файлы ${layout.extension}; уберите файл или переименуйте`;
        add(file, 1, '(файл)', 'file-extension', `файл «${name}» не будет прочитан: ${hint}`);
        continue;
      }
      const draft = name.startsWith('_');
      const slug = basename(name, extension).replace(/^_/, '');
      if (layout.nested && parts.length !== 2) {
        add(file, 1, '(путь)', 'slug', `файл должен лежать прямо в папке города: ${collection}/<город>/<имя>${layout.extension}`);
      } else if (!layout.nested && parts.length !== 1) {
        add(file, 1, '(путь)', 'slug', `файл должен лежать прямо в папке ${collection}/, без подпапок`);
      } else if (slug.length > MAX_SLUG_LENGTH) {
        add(file, 1, '(путь)', 'slug', `имя «${slug.slice(0, 40)}…» длиннее ${MAX_SLUG_LENGTH} знаков (${slug.length}); сократите его`);
      } else if (!SLUG_PATTERN.test(slug)) {
        add(file, 1, '(путь)', 'slug', `имя «${slug}» станет адресом страницы: допустимы латинские буквы в нижнем регистре, цифры и дефис (например, resource-centres)`);
      } else if (layout.nested && !SLUG_PATTERN.test(parts[0] ?? '')) {
        add(file, 1, '(путь)', 'slug', `папка «${parts[0]}» должна называться идентификатором города (латиница, нижний регистр)`);
      }
      const id = stem;
      if (size > MAX_FILE_BYTES) {
        add(file, 1, '(файл)', 'file-size', fileSizeMessage(size));
        continue;
      }
      candidates.push({ collection, file, absolute, id, draft });
      if (draft && collection !== 'practices') drafts[collection].add(id);
    }
    for (const files of byKey.values()) {
      if (files.length < 2) continue;
      for (const file of files) {
        const others = files.filter((f) => f !== file).join(', ');
        add(file, 1, '(файл)', 'duplicate-slug', `адрес страницы совпадает с файлом ${others} (имена различаются только расширением или регистром); оставьте один файл`);
      }
    }
  }

  // 2. Each file on its own, with the same function the build's loader uses.
  const withDrafts: KnownIds = {
    cities: new Set([...known.cities, ...drafts.cities]),
    topics: new Set([...known.topics, ...drafts.topics]),
    questionnaires: new Set([...known.questionnaires, ...drafts.questionnaires]),
    submissions: new Set([...known.submissions, ...drafts.submissions]),
  };
  const schemas = (ids: KnownIds): Record<Collection, z.ZodType> => ({
    cities: citySchema,
    topics: topicSchema,
    questionnaires: questionnaireSchema,
    submissions: submissionSchema(ids),
    practices: practiceSchema(ids),
  });
  const published = schemas(known);
  // A draft may point to other drafts (an imported submission and the practices drawn from it).
  const draftSchemas = schemas(withDrafts);
  const vocabulary = { published: knownIdsDigest(known), drafts: knownIdsDigest(withDrafts) };
  if (options.cacheFile) forgetOffered();
  const previous = readEntryCache(options.cacheFile);
  const kept = new Map<string, SlimEntry>();
  for (const c of candidates) {
    let source: string;
    try {
      source = readContentFile(c.absolute);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      add(c.file, 1, '(файл)', error instanceof ContentFileError ? error.rule : 'symlink', message);
      continue;
    }
    // The same key the loader computes for a published file, so it can take the full result.
    const key = entryKey(c.file, source, schemaKeyOf(c.collection, LAYOUT[c.collection].nested ? vocabulary[c.draft ? 'drafts' : 'published'] : undefined));
    let entry = previous.get(key);
    // Line numbers are parsed again only if a problem needs one: keeping every file's YAML
    // document alive until the end of the check cost hundreds of MB on a large bank.
    const lineOf = lazyLineOf(c.file, source);
    if (!entry) {
      let full: ReturnType<typeof validateEntry>;
      try {
        full = validateEntry(c.file, source, (c.draft ? draftSchemas : published)[c.collection], renderOptionsOf(c.collection));
      } catch (error) {
        // A parser failing in a way no limit foresaw still names its file, and the rest of the bank is checked.
        const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 200);
        add(c.file, 1, '(файл)', 'unreadable', `проверка не смогла разобрать файл (${message}); упростите его и сообщите разработчикам банка`);
        continue;
      }
      // Only a build (which keeps a cache) has loaders to take the full result.
      if (!c.draft && options.cacheFile) offerValidated(key, { ...full, lineOf });
      entry = slim(full, c.collection === 'submissions');
    }
    kept.set(key, entry);
    problems.push(...entry.problems);
    if (entry.data !== undefined && LAYOUT[c.collection].nested) {
      for (const p of checkCityFolder(c.id.replace(/(^|\/)_/, '$1'), entry.data, lineOf)) {
        add(c.file, p.line, p.field, 'city-folder', p.message);
      }
    }
    entries.push({ ...c, source, data: entry.data as Record<string, unknown> | undefined, rendered: entry.rendered, valid: entry.problems.length === 0, lineOf });
  }
  writeEntryCache(options.cacheFile, kept);
  problems.push(...checkSynonyms(options, fileName));

  // 3. Across files.
  // Pages the build will make: published entries that pass their own checks.
  const ids = (collection: Collection) => new Set(entries.filter((e) => e.collection === collection && !e.draft && e.valid).map((e) => e.id));
  const bankIds: BankIds = {
    cities: ids('cities'),
    topics: ids('topics'),
    questionnaires: ids('questionnaires'),
    submissions: ids('submissions'),
    practices: ids('practices'),
  };
  const pages = sitePages(options.projectRoot, bankIds);
  const submissions = new Map(entries.filter((e) => e.collection === 'submissions').map((e) => [e.id, e]));
  const thisYear = new Date().getFullYear();
  const future = (entry: Entry, path: (string | number)[], value: unknown, what: string) => {
    if (typeof value === 'number' && value > thisYear) add(entry.file, entry.lineOf(path), fieldOf(path), 'future', `${what} (${value}) в будущем; банк описывает то, что уже было`);
    if (value instanceof Date && value.getTime() > Date.now()) add(entry.file, entry.lineOf(path), fieldOf(path), 'future', `${what} (${isoDate(value)}) в будущем`);
  };

  const haystacks = new Map<string, string>();
  for (const entry of entries) {
    checkPlaceholders(entry, add);
    if (entry.rendered) checkLinks(entry, pages, add);
    const data = entry.data;
    if (!data) continue;
    // The open data's own rule, asked here so the build's CSV writer never meets a value it cannot write.
    if (entry.collection !== 'submissions' && entry.collection !== 'questionnaires') {
      for (const p of listValueProblems(toPlain(data))) add(entry.file, entry.lineOf(p.path), fieldOf(p.path), 'list-separator', p.message);
    }
    if (entry.collection === 'cities') future(entry, ['population', 'date'], (data.population as { date?: Date } | undefined)?.date, 'дата численности населения');
    if (entry.collection === 'submissions') future(entry, ['year'], data.year, 'год материала');
    if (entry.collection !== 'practices') continue;
    future(entry, ['statusYear'], data.statusYear, 'год состояния');
    future(entry, ['endYear'], data.endYear, 'год окончания');
    const metrics = (data.metrics as { kind: string; value: number; unit: string; year: number; source: string }[] | undefined) ?? [];
    metrics.forEach((m, i) => future(entry, ['metrics', i, 'year'], m.year, `год показателя ${m.kind}`));

    const submissionId = refId(data.submission);
    const submission = submissionId ? submissions.get(submissionId) : undefined;
    if (!submission?.data) continue;
    const city = refId(data.city);
    const submissionCity = refId(submission.data.city);
    if (city && submissionCity && city !== submissionCity) {
      add(entry.file, entry.lineOf(['submission']), 'submission', 'submission-city', `материал «${submissionId}» прислал другой город (${submissionCity}), а практика относится к городу ${city}; укажите материал своего города`);
    }
    // Normalised once per submission: many practices are drawn from one material.
    let haystack = haystacks.get(submission.id);
    if (haystack === undefined) haystacks.set(submission.id, (haystack = normaliseForSearch(submission.rendered?.text ?? '')));
    metrics.forEach((m, i) => {
      const figure = `${m.kind} = ${m.value} ${m.unit}`;
      if (!haystack.includes(normaliseForSearch(m.source))) {
        add(entry.file, entry.lineOf(['metrics', i, 'source']), `metrics[${i}].source`, 'metric-source',
          `показатель ${figure}: формулировка «${m.source}» не найдена в тексте материала ${submissionId}; сверьте цифру с источником и перепишите формулировку дословно`, 'warning');
      }
      if (!valueMatchesWording(m.value, m.source)) {
        add(entry.file, entry.lineOf(['metrics', i, 'value']), `metrics[${i}].value`, 'metric-value',
          `показатель ${figure}: числа ${m.value} нет в формулировке «${m.source}»; значение должно быть тем числом, что написано в источнике`, 'warning');
      }
    });
  }

  const practiceEntries = entries.filter((e) => e.collection === 'practices');
  checkAdaptations(practiceEntries, bankIds.practices, add);
  checkCompleteness(practiceEntries.filter((e) => e.valid), add);

  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { problems, files: candidates.length };
}

/** `content/synonyms.yaml` (search vocabulary): optional, but checked like every other file when present. */
function checkSynonyms(options: CheckOptions, fileName: (absolute: string) => string): ContentProblem[] {
  const absolute = resolve(options.contentRoot, SYNONYMS_FILE);
  if (!existsSync(absolute) && !isLink(absolute)) return [];
  try {
    return validateEntry(fileName(absolute), readContentFile(absolute), synonymsSchema).problems;
  } catch (error) {
    if (!(error instanceof ContentFileError)) throw error;
    return [{ file: fileName(absolute), line: 1, field: '(файл)', rule: error.rule, message: error.message, severity: 'error' }];
  }
}

/** Submissions are also rendered section by section, for the questionnaire page. */
export const renderOptionsOf = (collection: string) => ({ sections: collection === 'submissions' });

function fieldOf(path: (string | number)[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key), '');
}

type Add = (file: string, line: number, field: string, rule: RuleId, message: string, severity?: 'error' | 'warning') => void;

function checkPlaceholders(entry: Entry, add: Add) {
  entry.source.split('\n').forEach((text, i) => {
    if (!text.includes(PLACEHOLDER)) return;
    const field = /^\s*([A-Za-z]+):/.exec(text)?.[1] ?? '(текст)';
    if (entry.draft) {
      add(entry.file, i + 1, field, 'placeholder', `заготовка ещё не заполнена: замените «${PLACEHOLDER}…» текстом по материалу города`, 'warning');
    } else {
      add(entry.file, i + 1, field, 'placeholder', `в опубликованном файле осталась заготовка «${PLACEHOLDER}…»; заполните её или верните файлу «_» в начале имени (черновик)`);
    }
  });
}

function pageOf(entry: Entry): string {
  const id = entry.id.replace(/(^|\/)_/, '$1');
  return entry.collection === 'practices' ? urls.practice(id) : urls.submission(id);
}

function checkLinks(entry: Entry, pages: SitePages, add: Add) {
  const base = new URL(pageOf(entry), 'http://bank.invalid');
  const targets = [
    ...(entry.rendered?.links ?? []).map((l) => ({ url: l.href, line: l.line, what: 'ссылка' })),
    ...(entry.rendered?.images ?? []).map((l) => ({ url: l.src, line: l.line, what: 'изображение' })),
  ];
  for (const target of targets) {
    const url = target.url.trim();
    // External addresses are not fetched; only the site's own pages are known here.
    if (url === '' || url.startsWith('#') || url.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(url)) continue;
    const resolved = new URL(url, base);
    if (resolved.origin !== base.origin) continue;
    let path: string;
    try {
      path = decodeURIComponent(resolved.pathname);
    } catch {
      path = resolved.pathname;
    }
    if (pages.has(path)) continue;
    if (!path.endsWith('/') && pages.has(`${path}/`)) {
      add(entry.file, target.line, '(текст)', 'broken-link', `${target.what} «${url}»: адреса страниц сайта заканчиваются косой чертой — напишите ${path}/`);
      continue;
    }
    // The deepest folder of the address that has pages: «/practices/testograd/» before «/practices/».
    const folders = path.split('/').slice(1, -1).map((_, i, parts) => `/${parts.slice(0, i + 1).join('/')}/`).reverse();
    const section = folders.find((folder) => pages.under(folder).length > 0);
    const nearby = section ? pages.under(section) : [];
    const hint = nearby.length ? `; страницы в разделе ${section}: ${nearby.slice(0, 6).join(', ')}${nearby.length > 6 ? ', …' : ''}` : '';
    add(entry.file, target.line, '(текст)', 'broken-link', `${target.what} «${url}» ведёт на страницу ${path}, которой на сайте не будет${hint}`);
  }
}
