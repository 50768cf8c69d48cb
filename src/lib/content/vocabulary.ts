import { listContentFiles } from './content-files.ts';
import type { KnownIds } from './schema.ts';

/** A file whose name starts with `_` is a draft: it is neither published nor referable. */
export const PUBLISHED_MDX = '**/[^_]*.mdx';
export const PUBLISHED_YAML = '[^_]*.yaml';

/** Whether a path inside a collection's folder is a published file of it (`PUBLISHED_MDX`, `PUBLISHED_YAML`). */
export function isPublishedFile(path: string, extension: string): boolean {
  const parts = path.split('/');
  const name = parts.at(-1) ?? '';
  return name.endsWith(extension) && !name.startsWith('_') && (extension === '.mdx' || parts.length === 1);
}

function idsOf(root: string, folder: string, _pattern: string, extension: string): Set<string> {
  // Regular files only, as the checker and the loader read them: a link is never an entry.
  return new Set(
    listContentFiles(`${root}/${folder}`, { recursive: extension === '.mdx' }).files
      .map((f) => f.path)
      .filter((path) => isPublishedFile(path, extension))
      .map((path) => path.slice(0, -extension.length)),
  );
}

/** Reads which entries exist, so references can be checked by name before anything is built. */
export function readKnownIds(root: string): KnownIds {
  return {
    cities: idsOf(root, 'cities', PUBLISHED_YAML, '.yaml'),
    topics: idsOf(root, 'topics', PUBLISHED_YAML, '.yaml'),
    questionnaires: idsOf(root, 'questionnaires', PUBLISHED_YAML, '.yaml'),
    submissions: idsOf(root, 'submissions', PUBLISHED_MDX, '.mdx'),
  };
}

/** A fingerprint of the vocabulary: entries are revalidated when it changes. */
export function knownIdsDigest(known: KnownIds): string {
  return Object.entries(known)
    .map(([collection, ids]) => `${collection}:${[...ids].sort().join(',')}`)
    .join(';');
}
