/** `content/synonyms.yaml` (search vocabulary): optional, but checked like every other file when present. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ContentFileError, isLink, readContentFile } from '../content-files.ts';
import type { ContentProblem } from '../problems.ts';
import { synonymsSchema } from '../schema.ts';
import { validateEntry } from '../validate.ts';
import { SYNONYMS_FILE } from '../../search/synonyms-file.ts';

export function checkSynonyms(contentRoot: string, fileName: (absolute: string) => string): ContentProblem[] {
  const absolute = resolve(contentRoot, SYNONYMS_FILE);
  if (!existsSync(absolute) && !isLink(absolute)) return [];
  try {
    return validateEntry(fileName(absolute), readContentFile(absolute), synonymsSchema).problems;
  } catch (error) {
    if (!(error instanceof ContentFileError)) throw error;
    return [{ file: fileName(absolute), line: 1, field: '(файл)', rule: error.rule, message: error.message, severity: 'error' }];
  }
}
