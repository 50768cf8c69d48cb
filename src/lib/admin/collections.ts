/**
 * The bank's collections as the admin edits them. Adding a collection to the admin is one entry
 * here; its fields come from its zod schema (see `cms-config.ts`).
 */
import {
  citySchema,
  practiceSchema,
  questionnaireSchema,
  submissionSchema,
  synonymsSchema,
  topicSchema,
  type KnownIds,
} from '../content/schema.ts';
import type { AdminCollection } from './cms-config.ts';

export function adminCollections(known: KnownIds): AdminCollection[] {
  return [
    {
      name: 'practices',
      label: 'Практики',
      labelSingular: 'практика',
      folder: 'practices',
      format: 'mdx',
      schema: practiceSchema(known),
      path: { folderField: 'city' },
      multiline: ['summary', 'transferability'],
      summary: '{{title}} — {{city}}',
    },
    {
      name: 'submissions',
      label: 'Материалы городов',
      labelSingular: 'материал города',
      folder: 'submissions',
      format: 'mdx',
      schema: submissionSchema(known),
      path: { folderField: 'city', fileNamePrefix: '{{year}}-' },
      summary: '{{title}} — {{city}}',
    },
    { name: 'cities', label: 'Города', labelSingular: 'город', folder: 'cities', format: 'yaml', schema: citySchema, identifierField: 'name.nominative' },
    { name: 'topics', label: 'Темы', labelSingular: 'тема', folder: 'topics', format: 'yaml', schema: topicSchema, multiline: ['description'] },
    { name: 'questionnaires', label: 'Анкеты', labelSingular: 'анкета', folder: 'questionnaires', format: 'yaml', schema: questionnaireSchema },
    // One file for the whole search vocabulary (src/lib/search/synonyms.ts reads it).
    { name: 'synonyms', label: 'Синонимы для поиска', labelSingular: 'группа синонимов', folder: '', file: 'synonyms.yaml', format: 'yaml', schema: synonymsSchema },
  ];
}
