/** Reads `content/synonyms.yaml` at build time (Node only; the browser gets synonyms.json). */
import { existsSync } from 'node:fs';
import { readContentFile } from '../content/content-files.ts';
import { join } from 'node:path';
import { parseYaml } from '../content/frontmatter.ts';
import { synonymsSchema } from '../content/schema.ts';
import { synonymIndex, type SynonymIndex } from './synonyms.ts';

export const SYNONYMS_FILE = 'synonyms.yaml';

/**
 * The synonyms of a bank folder, for the build. The content checker has already refused a
 * file that does not match the schema (the build runs it first); this parses it again only to
 * shape it, and reports a problem it meets with the file's name rather than dropping it.
 */
export function loadSynonyms(contentRoot: string): SynonymIndex {
  const file = join(contentRoot, SYNONYMS_FILE);
  if (!existsSync(file)) return [];
  const parsed = parseYaml(readContentFile(file));
  const result = synonymsSchema.safeParse(parsed.data);
  if (parsed.errors.length || !result.success) throw new Error(`${file}: файл синонимов не прошёл проверку; запустите npm run check`);
  return synonymIndex(result.data.groups);
}

