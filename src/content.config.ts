/**
 * The collections of the practice bank. The content model itself (every field, with a comment)
 * is in `src/lib/content/schema.ts`; this file wires each collection to its folder and loader.
 */
import { defineCollection } from 'astro:content';
import { bankLoader } from './lib/content/loader.ts';
import { contentRoot } from './lib/content/content-root.ts';
import { knownIdsDigest, readKnownIds } from './lib/content/vocabulary.ts';
import {
  citySchema,
  practiceSchema,
  questionnaireSchema,
  submissionSchema,
  topicSchema,
} from './lib/content/schema.ts';
import { checkCityFolder } from './lib/content/entry-checks.ts';

const root = contentRoot();
const known = readKnownIds(root);
const dependencyDigest = knownIdsDigest(known);

const cities = defineCollection({
  loader: bankLoader({ folder: `${root}/cities`, format: 'yaml', schema: citySchema }),
  schema: citySchema,
});

const topics = defineCollection({
  loader: bankLoader({ folder: `${root}/topics`, format: 'yaml', schema: topicSchema }),
  schema: topicSchema,
});

const questionnaires = defineCollection({
  loader: bankLoader({ folder: `${root}/questionnaires`, format: 'yaml', schema: questionnaireSchema }),
  schema: questionnaireSchema,
});

const submissions = defineCollection({
  loader: bankLoader({
    folder: `${root}/submissions`,
    format: 'mdx',
    schema: submissionSchema(known),
    dependencyDigest,
    checkEntry: checkCityFolder,
  }),
  schema: submissionSchema(known),
});

const practices = defineCollection({
  loader: bankLoader({
    folder: `${root}/practices`,
    format: 'mdx',
    schema: practiceSchema(known),
    dependencyDigest,
    checkEntry: checkCityFolder,
  }),
  schema: practiceSchema(known),
});

export const collections = { cities, topics, questionnaires, submissions, practices };
