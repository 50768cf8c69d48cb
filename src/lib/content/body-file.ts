/**
 * Rendered MDX bodies live in files beside Astro's cache, not in its data store.
 *
 * The data store is serialised to one JSON file and bundled into the build as a module; with the
 * bodies in it, a bank of 10 000 practices made a 100 MB module, and bundling it was the build's
 * memory peak (over 2 GB) and ten seconds of every rebuild. The loader writes each body once,
 * named by the entry's digest (so an edit makes a new file), and stores only the file's path in
 * the entry's `rendered.metadata`; pages read the HTML when they render.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BodySection } from './safe-mdx.ts';
import { htmlWithBase } from '../urls.ts';

export const BODY_KEY = 'asdgBodyFile';
/** The body cut at its `##` headings (submissions), as JSON beside the body file. */
export const SECTIONS_KEY = 'asdgSectionsFile';

export function bodyFileOf(folder: string, digest: string): string {
  return join(folder, `${digest.replace(/[^A-Za-z0-9_-]/g, '_')}.html`);
}

export function sectionsFileOf(folder: string, digest: string): string {
  return join(folder, `${digest.replace(/[^A-Za-z0-9_-]/g, '_')}.sections.json`);
}

export function writeBody(file: string, html: string): void {
  if (existsSync(file)) return;
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, html);
}

/** Removes bodies no entry points to any more (older versions of edited files). */
export function pruneBodies(folder: string, keep: ReadonlySet<string>): void {
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) {
    const file = join(folder, name);
    if (!keep.has(file)) rmSync(file, { force: true });
  }
}

/**
 * A submission's sections as the renderer cut them from the tree (`RenderedMdx.sections`):
 * the questionnaire page never takes rendered HTML apart.
 */
export function bodySections(entry: { rendered?: { metadata?: Record<string, unknown> } }): BodySection[] {
  const file = entry.rendered?.metadata?.[SECTIONS_KEY];
  const sections = typeof file === 'string' ? (JSON.parse(readFileSync(file, 'utf8')) as BodySection[]) : [];
  return sections.map((section) => ({ ...section, html: htmlWithBase(section.html) }));
}

/** The rendered HTML of an MDX entry (practice or submission), as safe-mdx.ts rendered it. */
export function bodyHtml(entry: { rendered?: { html?: string; metadata?: Record<string, unknown> } }): string {
  const file = entry.rendered?.metadata?.[BODY_KEY];
  // Content links to `/practices/…/`; under a base path (a project page) they get its prefix here.
  if (typeof file === 'string') return htmlWithBase(readFileSync(file, 'utf8'));
  return htmlWithBase(entry.rendered?.html ?? '');
}
