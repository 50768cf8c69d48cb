/**
 * Reads a content folder through the real schemas (the same `validateEntry` the build's loader
 * uses) and turns its practices into compare records, so unit tests work on real files rather than
 * hand-made objects that could drift from the content model.
 */
import { globSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'astro/zod';
import { citySchema, practiceSchema, submissionSchema, topicSchema, type City, type Practice } from '../../src/lib/content/schema.ts';
import { readKnownIds, PUBLISHED_MDX, PUBLISHED_YAML } from '../../src/lib/content/vocabulary.ts';
import { validateEntry } from '../../src/lib/content/validate.ts';
import { toCompareRecord, type CompareRecord } from '../../src/lib/compare/record.ts';
import { adoptionTrail } from '../../src/lib/adoption/trail.ts';
import { urls } from '../../src/lib/urls.ts';

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

export function readBank(root: string) {
  const known = readKnownIds(root);
  const cities = readAll(root, 'cities', PUBLISHED_YAML, citySchema);
  const topics = readAll(root, 'topics', PUBLISHED_YAML, topicSchema);
  const submissions = readAll(root, 'submissions', PUBLISHED_MDX, submissionSchema(known));
  const practices = readAll(root, 'practices', PUBLISHED_MDX, practiceSchema(known));
  return { cities, topics, submissions, practices };
}

export function compareRecords(root: string): Map<string, CompareRecord> {
  const bank = readBank(root);
  const city = (id: string) => bank.cities.find((c) => c.id === id) as { id: string; data: City };
  const trail = adoptionTrail(bank.practices.map((p) => {
    const data = p.data as Practice;
    return { id: p.id, cityId: data.city.id, title: data.title, startYear: data.startYear, adaptedFrom: data.adaptedFrom };
  }));
  const named = (p: { id: string; cityId: string; title: string }, year: number) => ({ id: p.id, title: p.title, url: urls.practice(p.id), city: city(p.cityId).data.name.nominative, year });
  return new Map(
    bank.practices.map((p) => {
      const data = p.data as Practice;
      const submission = bank.submissions.find((s) => s.id === data.submission.id);
      if (!submission) throw new Error(`no submission ${data.submission.id}`);
      const record = toCompareRecord({
        id: p.id,
        data,
        city: city(data.city.id),
        topicName: (id) => bank.topics.find((t) => t.id === id)?.data.name ?? id,
        submission: { id: submission.id, title: submission.data.title, year: submission.data.year },
        trail: {
          adaptedFrom: (() => {
            const link = trail.sourceOf(p.id);
            return link && { ...named(link.source, link.source.startYear), changes: link.changes };
          })(),
          adoptedBy: trail.adoptersOf(p.id).map((l) => named(l.adopter, l.adopter.startYear)),
        },
      });
      return [p.id, record];
    }),
  );
}
