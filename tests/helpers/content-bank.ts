/**
 * A content folder read through the real schemas (the same `validateEntry` the build's loader
 * uses), so tests of the published site take their expectations from the content files (which
 * practices, cities and topics exist, how many, what each says) instead of hard-coding them.
 */
import { globSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'astro/zod';
import { citySchema, practiceSchema, submissionSchema, topicSchema } from '../../src/lib/content/schema.ts';
import { readKnownIds, PUBLISHED_MDX, PUBLISHED_YAML } from '../../src/lib/content/vocabulary.ts';
import { validateEntry } from '../../src/lib/content/validate.ts';

function readAll<S extends z.ZodType>(root: string, folder: string, pattern: string, schema: S) {
  const extension = pattern.endsWith('.mdx') ? '.mdx' : '.yaml';
  return globSync(pattern, { cwd: resolve(root, folder) })
    .sort()
    .map((file) => {
      const entry = validateEntry(file, readFileSync(resolve(root, folder, file), 'utf8'), schema);
      if (!entry.data) throw new Error(`${folder}/${file}: ${JSON.stringify(entry.problems)}`);
      return { id: file.slice(0, -extension.length), data: entry.data as z.output<S>, rendered: entry.rendered };
    });
}

/** Published cities, topics, submissions and practices of a content folder, parsed and checked. */
export function readBank(root: string) {
  const known = readKnownIds(root);
  const cities = readAll(root, 'cities', PUBLISHED_YAML, citySchema);
  const topics = readAll(root, 'topics', PUBLISHED_YAML, topicSchema);
  const submissions = readAll(root, 'submissions', PUBLISHED_MDX, submissionSchema(known));
  const practices = readAll(root, 'practices', PUBLISHED_MDX, practiceSchema(known));
  return { cities, topics, submissions, practices };
}

/** 1-based number of the first line of `text` that contains `needle`; throws when none does. */
export function lineWith(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`нет строки с «${needle}»`);
  return index + 1;
}

/**
 * Practices of a content folder whose page holds every one of `stems`, as far as the content
 * files tell: the practice's file and the names of its topics (the page prints them, and the
 * search index reads them). Search tests take the practices a query must find from here instead
 * of naming them, so an added practice that says the word is expected too. Ids, sorted.
 */
export function practicesMentioning(root: string, ...stems: RegExp[]): string[] {
  const bank = readBank(root);
  const topicName = new Map(bank.topics.map((t) => [t.id, t.data.name]));
  const text = (p: (typeof bank.practices)[number]) =>
    [readFileSync(resolve(root, 'practices', `${p.id}.mdx`), 'utf8'), ...p.data.topics.map((t) => topicName.get(t.id) ?? '')].join('\n');
  return bank.practices.filter((p) => stems.every((stem) => stem.test(text(p)))).map((p) => p.id).sort();
}
