import { globSync } from 'node:fs';
import type { KnownIds } from './schema.ts';

/** A file whose name starts with `_` is a draft: it is neither published nor referable. */
export const PUBLISHED_MDX = '**/[^_]*.mdx';
export const PUBLISHED_YAML = '[^_]*.yaml';

function idsOf(root: string, folder: string, pattern: string, extension: string): Set<string> {
  return new Set(
    globSync(pattern, { cwd: `${root}/${folder}` }).map((file) => file.replaceAll('\\', '/').slice(0, -extension.length)),
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
