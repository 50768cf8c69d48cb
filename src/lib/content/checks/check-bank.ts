/**
 * Checks a whole bank at once: every file on its own (YAML, schema, safe MDX) and everything
 * that needs more than one file (references, duplicates, links, figures). `npm run check` prints
 * the result; the build's loader runs the same function and refuses to build on any error, so
 * the checker and the build cannot disagree.
 */
import { ContentFileError, fileSizeMessage, listContentFiles, MAX_FILE_BYTES, readContentFile, refusedMessage } from '../content-files.ts';
import { basename, extname, relative, resolve } from 'node:path';
import type { z } from 'astro/zod';
import { checkCityFolder } from '../entry-checks.ts';
import type { ContentProblem } from '../problems.ts';
import {
  citySchema,
  practiceSchema,
  questionnaireSchema,
  submissionSchema,
  topicSchema,
  type KnownIds,
} from '../schema.ts';
import { validateEntry } from '../validate.ts';
import { ValidatedEntries, entryKey, lazyLineOf, lineKey, readEntryCache, schemaKeyOf, slim, writeEntryCache, type SlimEntry } from './entry-cache.ts';
import { knownIdsDigest, readKnownIds } from '../vocabulary.ts';
import { normaliseForSearch } from './figures.ts';
import { MAX_SLUG_LENGTH, SLUG_PATTERN, type RuleId } from './rules.ts';
import { sitePages, type BankIds } from './site-pages.ts';
import { checkAdaptations, checkCompleteness, completenessField } from './adaptation.ts';
import type { BankContext, BankEntry, Collection, EntryRule } from './rule.ts';
import { checkPlaceholders } from './placeholders.ts';
import { checkSiteLinks } from './site-links.ts';
import { checkListValues } from './list-values.ts';
import { checkFutureDates } from './future-dates.ts';
import { checkSubmissionCity } from './submission-city.ts';
import { checkMetricSources } from './metric-sources.ts';
import { checkSynonyms } from './synonyms.ts';

/** The cross-file rules, one module each, run in this order for every entry of the bank. */
const ENTRY_RULES: readonly EntryRule[] = [checkPlaceholders, checkSiteLinks, checkListValues, checkFutureDates, checkSubmissionCity, checkMetricSources];

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
  /**
   * The full results of the published files this check validated, for the build's loaders to
   * take (only a check with a `cacheFile`, the build's, keeps them; otherwise it is empty).
   */
  validated: ValidatedEntries;
}

export function checkBank(options: CheckOptions): BankReport {
  const problems: ContentProblem[] = [];
  const add = (file: string, line: number, field: string, rule: RuleId, message: string, severity: 'error' | 'warning' = 'error') =>
    problems.push({ file, line, field, message, severity, rule });
  const fileName = (absolute: string) => relative(options.projectRoot, absolute).replaceAll('\\', '/');

  const known = readKnownIds(options.contentRoot);
  const drafts: Record<keyof KnownIds, Set<string>> = { cities: new Set(), topics: new Set(), questionnaires: new Set(), submissions: new Set() };
  const entries: BankEntry[] = [];
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
  const validated = new ValidatedEntries();
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
    // document alive until the end of the check cost hundreds of MB on a large bank. Those
    // asked for are kept with the entry (written below, after the cross-file checks).
    const lines = entry?.lines ?? {};
    const lineOf = lazyLineOf(c.file, source, lines);
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
      if (!c.draft && options.cacheFile) validated.offer(key, { ...full, lineOf });
      // The completeness warning (step 3) asks for this line: answered while the parse is at hand.
      const warned = c.collection === 'practices' && full.problems.length === 0 ? completenessField(full.data) : undefined;
      if (warned) lines[lineKey(warned.split('.'))] = full.lineOf(warned.split('.'));
      entry = slim(full, c.collection === 'submissions');
    }
    kept.set(key, { ...entry, lines });
    problems.push(...entry.problems);
    if (entry.data !== undefined && LAYOUT[c.collection].nested) {
      for (const p of checkCityFolder(c.id.replace(/(^|\/)_/, '$1'), entry.data, lineOf)) {
        add(c.file, p.line, p.field, 'city-folder', p.message);
      }
    }
    entries.push({ ...c, source, data: entry.data as Record<string, unknown> | undefined, rendered: entry.rendered, valid: entry.problems.length === 0, lineOf });
  }
  problems.push(...checkSynonyms(options.contentRoot, fileName));

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
  // Normalised once per submission: many practices are drawn from one material.
  const searchTexts = new Map<string, string>();
  const bank: BankContext = {
    pages,
    submissions,
    searchTextOf(submission) {
      let text = searchTexts.get(submission.id);
      if (text === undefined) searchTexts.set(submission.id, (text = normaliseForSearch(submission.rendered?.text ?? '')));
      return text;
    },
  };
  for (const entry of entries) for (const rule of ENTRY_RULES) rule(entry, bank, add);

  const practiceEntries = entries.filter((e) => e.collection === 'practices');
  checkAdaptations(practiceEntries, bankIds.practices, add);
  checkCompleteness(practiceEntries.filter((e) => e.valid), add);

  // Now that the cross-file checks have asked for their line numbers.
  writeEntryCache(options.cacheFile, kept);
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { problems, files: candidates.length, validated };
}

/** Submissions are also rendered section by section, for the questionnaire page. */
export const renderOptionsOf = (collection: string) => ({ sections: collection === 'submissions' });
