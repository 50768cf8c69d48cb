import { existsSync } from 'node:fs';
import { basename, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import { checkBankOnce } from './checks/index.ts';
import { ContentError, formatProblemWithRule, type ContentProblem } from './problems.ts';
import { contentCodeDigest } from '../code-digest.ts';
import { libraryVersions } from './library-versions.ts';
import { schemaKeyOf } from './checks/entry-cache.ts';
import { BODY_KEY, SECTIONS_KEY, bodyFileOf, pruneBodies, sectionsFileOf, writeBody } from './body-file.ts';
import { renderOptionsOf } from './checks/check-bank.ts';
import { ContentFileError, listContentFiles, readContentFile } from './content-files.ts';
import { isPublishedFile } from './vocabulary.ts';

interface BankLoaderOptions {
  /** Absolute path of the collection's folder. */
  folder: string;
  format: 'mdx' | 'yaml';
  schema: z.ZodType;
  /** Invalidates cached entries when something they are checked against changes (the vocabulary). */
  dependencyDigest?: string;
  /** Extra checks that need the entry's id (the city folder must match the city field). */
  checkEntry?: (id: string, data: unknown, lineOf: (path: readonly PropertyKey[]) => number) => Omit<ContentProblem, 'file' | 'severity'>[];
  /**
   * The bank the folder belongs to (default: the folder's parent). The whole bank is checked
   * before any entry is stored, with `checks/check-bank.ts`, the function `npm run check` runs.
   */
  bankRoot?: string;
}

/**
 * Loads one collection of the bank. Unlike Astro's glob loader it never hands a file to a
 * compiler: MDX is parsed and rendered by `safe-mdx.ts`, and every problem in the collection is
 * collected before the build fails, so an editor sees them all at once.
 */
export function bankLoader(options: BankLoaderOptions): Loader {
  const extension = `.${options.format}`;
  let watching = false;
  async function sync({ store, generateDigest, config, logger }: LoaderContext): Promise<void> {
    const root = new URL('.', config.root).pathname;
    // Cross-file rules (references, duplicates, links, figures) need the whole bank; it is
    // checked once per state of the files and every collection refuses to load on any error,
    // so the build stops with the full list whichever collection Astro loads first.
    // Per-file results are kept in Astro's cache folder, so a rebuild re-validates only edited files.
    const cacheFile = fileURLToPath(new URL('asdg-bank-check.v8', config.cacheDir));
    const { report, fresh } = checkBankOnce({ projectRoot: root, contentRoot: options.bankRoot ?? dirname(options.folder), cacheFile });
    const errors = report.problems.filter((p) => p.severity === 'error');
    if (fresh) for (const warning of report.problems.filter((p) => p.severity === 'warning')) logger.warn(formatProblemWithRule(warning));
    if (errors.length) throw new ContentError(errors);
    // The same listing the check used: regular files only, links never followed.
    const files = listContentFiles(options.folder, { recursive: options.format === 'mdx' }).files.map((f) => f.path).filter((path) => isPublishedFile(path, extension));
    const renderOptions = renderOptionsOf(basename(options.folder));
    const untouched = new Set(store.keys());
    const problems: ContentProblem[] = [];
    const schemaKey = schemaKeyOf(basename(options.folder), options.dependencyDigest);
    const bodies = fileURLToPath(new URL(`asdg-bodies/${basename(options.folder)}/`, config.cacheDir));
    const keptBodies = new Set<string>();
    for (const file of files) {
      const id = file.replaceAll('\\', '/').slice(0, -extension.length);
      const absolute = `${options.folder}/${file}`;
      const filePath = relative(root, absolute).replaceAll('\\', '/');
      let source: string;
      try {
        source = readContentFile(absolute);
      } catch (error) {
        problems.push({ file: filePath, line: 1, field: '(файл)', message: error instanceof Error ? error.message : String(error), severity: 'error', rule: error instanceof ContentFileError ? error.rule : 'symlink' });
        continue;
      }
      // The content code (renderer, schema, checks) and the library versions are in the digest,
      // so an edit to that code or an upgrade re-renders (and every page key, built from digests,
      // changes with it).
      const digest = generateDigest(`${contentCodeDigest()}\n${libraryVersions()}\n${options.dependencyDigest ?? ''}\n${source}`);
      untouched.delete(id);
      const bodyFile = options.format === 'mdx' ? bodyFileOf(bodies, digest) : undefined;
      const sectionsFile = bodyFile && renderOptions.sections ? sectionsFileOf(bodies, digest) : undefined;
      if (bodyFile) keptBodies.add(bodyFile);
      if (sectionsFile) keptBodies.add(sectionsFile);
      if (store.get(id)?.digest === digest && (!bodyFile || existsSync(bodyFile)) && (!sectionsFile || existsSync(sectionsFile))) continue;
      // The bank check above has usually validated and rendered this very file already.
      const entry = report.validated.take(filePath, source, options.schema, schemaKey, renderOptions);
      const extra = entry.data === undefined ? [] : options.checkEntry?.(id, entry.data, entry.lineOf) ?? [];
      const found = [...entry.problems, ...extra.map((p) => ({ ...p, file: filePath, severity: 'error' as const }))];
      if (found.length || entry.data === undefined) {
        problems.push(...found);
        continue;
      }
      store.set({
        id,
        data: entry.data as Record<string, unknown>,
        filePath,
        digest,
        // The HTML goes to a file (body-file.ts), not into the data store Astro bundles.
        ...(entry.rendered && bodyFile
          ? { rendered: { html: '', metadata: { headings: entry.rendered.headings, [BODY_KEY]: bodyFile, ...(sectionsFile ? { [SECTIONS_KEY]: sectionsFile } : {}) } } }
          : {}),
      });
      if (entry.rendered && bodyFile) writeBody(bodyFile, entry.rendered.html);
      if (entry.rendered && sectionsFile) writeBody(sectionsFile, JSON.stringify(entry.rendered.sections ?? []));
    }
    for (const id of untouched) store.delete(id);
    if (options.format === 'mdx' && !problems.length) pruneBodies(bodies, keptBodies);
    if (problems.length) throw new ContentError(problems);
  }
  return {
    name: 'asdg-bank-loader',
    load: async (context) => {
      await sync(context);
      const { watcher, logger } = context;
      if (!watcher || watching) return;
      // `astro dev`: an edited, added or removed file of this collection is loaded again, and a
      // broken one is reported in the terminal instead of stopping the server. New cities, topics
      // or submissions need a restart: the schemas check references against the ids read at start.
      watching = true;
      watcher.add(options.folder);
      const folder = `${options.folder}/`;
      const reload = (path: string) => {
        if (!path.startsWith(folder)) return;
        sync(context).then(
          () => logger.info(`обновлено: ${relative(folder, path)}`),
          (error: unknown) => logger.error(error instanceof Error ? error.message : String(error)),
        );
      };
      for (const event of ['change', 'add', 'unlink'] as const) watcher.on(event, reload);
    },
  };
}
