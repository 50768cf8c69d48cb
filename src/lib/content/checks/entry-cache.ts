/**
 * Per-file results of `validateEntry`, shared between the whole-bank check and the build's
 * loaders, and kept between builds.
 *
 * The check (`check-bank.ts`) validates and renders every file; the loader needs the same data
 * and HTML for the entries Astro's store does not have yet. Without sharing, a cold build would
 * render every file twice, and a rebuild would re-render the whole bank for the check alone.
 *
 * - In process: the full result (with HTML) of a file validated by the check travels with the
 *   check's report (`ValidatedEntries`) until the loader takes it, then is dropped, so the HTML
 *   is held once.
 * - Between builds: a slim result (data, problems, links, images, plain text; no HTML) is
 *   written to the Astro cache folder, keyed by the file's name, its contents, the schema it was
 *   checked against (collection + vocabulary), the content code (code-digest.ts), the versions of
 *   the libraries it uses (library-versions.ts) and today's date (the schema
 *   refuses dates in the future). A rebuild re-validates only the files whose key changed; the
 *   cross-file checks then run on the cached data, so `npm run check` and the build still report
 *   the same problems.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { z } from 'astro/zod';
import { isoDate } from '../../format.ts';
import { metadataStartLine, parseFrontmatter, parseYaml } from '../frontmatter.ts';
import type { ContentProblem } from '../problems.ts';
import type { RenderedMdx, RenderOptions } from '../safe-mdx.ts';
import { contentCodeDigest } from '../../code-digest.ts';
import { libraryVersions } from '../library-versions.ts';
import { validateEntry, type ValidatedEntry } from '../validate.ts';

/** Bump when the shape of a cached result changes. */
const CACHE_FORMAT = 1;

/** What is kept between builds: everything the cross-file checks read, nothing the pages show. */
export interface SlimEntry {
  data: unknown;
  problems: ContentProblem[];
  rendered: Pick<RenderedMdx, 'links' | 'images' | 'text'> | undefined;
  /** Line numbers the cross-file checks asked for (`lazyLineOf`), so the next build need not parse again. */
  lines?: Record<string, number>;
}

/**
 * The key of one file's result: any change to what the result depends on changes it. The content
 * code's digest (code-digest.ts) covers the checks, the schema, the renderer and what they import
 * from elsewhere in src/ (typography, strings, open-data columns): a changed schema or message
 * must not be answered from a cache written by the old code.
 */
export function entryKey(file: string, source: string, schemaKey: string): string {
  return createHash('sha256')
    .update(`${CACHE_FORMAT}\n${libraryVersions()}\n${contentCodeDigest()}\n${isoDate(new Date())}\n${schemaKey}\n${file}\n`)
    .update(source)
    .digest('base64url');
}

/** Which schema a file is checked against: its collection and the vocabulary references are checked by. */
export const schemaKeyOf = (collection: string, vocabularyDigest: string | undefined) => `${collection}|${vocabularyDigest ?? ''}`;

/**
 * Full results (with their HTML) that one whole-bank check validated, handed to the build's
 * loaders with the check's report, so a loader need not validate and render the same file
 * again. Each is taken once, then dropped: the loader keeps the HTML in Astro's store, and the
 * HTML is held once.
 */
export class ValidatedEntries {
  readonly #byKey = new Map<string, ValidatedEntry<unknown>>();

  /** Keeps a full result under its `entryKey`. */
  offer(key: string, entry: ValidatedEntry<unknown>): void {
    this.#byKey.set(key, entry);
  }

  /** The check's result for the same contents and schema, if it made one, else a fresh validation. */
  take<S extends z.ZodType>(file: string, source: string, schema: S, schemaKey: string, options: RenderOptions = {}): ValidatedEntry<z.output<S>> {
    const key = entryKey(file, source, schemaKey);
    const ready = this.#byKey.get(key);
    if (ready) {
      this.#byKey.delete(key);
      return ready as ValidatedEntry<z.output<S>>;
    }
    return validateEntry(file, source, schema, options);
  }
}

/** How `lazyLineOf` names a field path among the lines it keeps. */
export const lineKey = (path: readonly PropertyKey[]) => path.map(String).join('\0');

/**
 * Line numbers of frontmatter fields, parsed only if a cross-file check asks for one. Each answer
 * is written into `known` (kept in the entry cache with the file's result, under the same key,
 * so for the same contents): the completeness warnings ask for a line on every incomplete
 * practice of every build, and parsing each file's YAML again for it was most of a no-change
 * rebuild's check.
 */
export function lazyLineOf(file: string, source: string, known: Record<string, number> = {}): (path: readonly PropertyKey[]) => number {
  let lineOf: ((path: readonly PropertyKey[]) => number) | undefined;
  return (path) => {
    const name = lineKey(path);
    const line = known[name];
    if (line !== undefined) return line;
    // A field whose name the file never writes is not in it: its line is where the metadata
    // starts, without parsing the file again. The completeness warning asks this for every
    // incomplete practice on every build, cached or not (a tenth of a rebuild's time).
    const [field] = path;
    if (!lineOf && typeof field === 'string' && field !== '' && !source.includes(field)) return (known[name] = metadataStartLine(file, source));
    lineOf ??= (file.endsWith('.mdx') ? parseFrontmatter(source) : parseYaml(source)).lineOf;
    return (known[name] = lineOf(path));
  };
}

/** Plain text is kept only where a cross-file check reads it (submissions, for the figure checker). */
export const slim = (entry: ValidatedEntry<unknown>, keepText: boolean): SlimEntry => ({
  data: entry.data,
  problems: entry.problems,
  rendered: entry.rendered ? { links: entry.rendered.links, images: entry.rendered.images, text: keepText ? entry.rendered.text : '' } : undefined,
});

/** Reads the results kept by the previous build; an unreadable or missing file is an empty cache. */
export function readEntryCache(path: string | undefined): Map<string, SlimEntry> {
  if (!path) return new Map();
  try {
    const stored = deserialize(readFileSync(path)) as { format: number; entries: Map<string, SlimEntry> };
    return stored.format === CACHE_FORMAT && stored.entries instanceof Map ? stored.entries : new Map();
  } catch {
    return new Map();
  }
}

/** Writes this build's results (only the files the bank has now), atomically. */
export function writeEntryCache(path: string | undefined, entries: Map<string, SlimEntry>): void {
  if (!path) return;
  try {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, serialize({ format: CACHE_FORMAT, entries }));
    renameSync(temporary, path);
  } catch {
    // A cache that cannot be written only makes the next build slower.
  }
}
