/**
 * What a bank's content folder says, read straight from its files (YAML and MDX frontmatter),
 * independent of the site's own loader: the expectations the built feeds and data are held to.
 */
import { globSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

interface SourcePractice {
  id: string;
  file: string;
  title: string;
  city: string;
  summary: string;
  topics: string[];
  /** `YYYY-MM-DD` as written. */
  published: string;
  metrics: { kind: string; value: number; qualifier?: string; unit: string; year: number; source: string; note?: string }[];
  [field: string]: unknown;
}

function frontmatter(file: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
  if (!match?.[1]) throw new Error(`нет frontmatter в ${file}`);
  return parse(match[1]) as Record<string, unknown>;
}

const yamlOf = (file: string) => parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

export function readSourceBank(root: string) {
  const practiceFiles = globSync('**/*.mdx', { cwd: resolve(root, 'practices') }).sort();
  const all = practiceFiles.map((file) => {
    const data = frontmatter(resolve(root, 'practices', file));
    return { ...data, id: file.replace(/\.mdx$/, ''), file, metrics: (data.metrics as SourcePractice['metrics']) ?? [], published: String(data.published) } as SourcePractice;
  });
  const isDraft = (p: SourcePractice) => p.file.split('/').some((part) => part.startsWith('_'));
  const cities = new Map(
    globSync('[^_]*.yaml', { cwd: resolve(root, 'cities') }).map((file) => [file.replace(/\.yaml$/, ''), yamlOf(resolve(root, 'cities', file)) as { name: { nominative: string; genitive: string } }]),
  );
  const topics = new Map(
    globSync('[^_]*.yaml', { cwd: resolve(root, 'topics') }).map((file) => [file.replace(/\.yaml$/, ''), yamlOf(resolve(root, 'topics', file)) as { name: string }]),
  );
  return { published: all.filter((p) => !isDraft(p)), drafts: all.filter(isDraft), cities, topics };
}

export type SourceBank = ReturnType<typeof readSourceBank>;

/** Newest first, ties by title in Russian collation: the order feeds promise. */
export function newestFirst(a: SourcePractice, b: SourcePractice): number {
  return b.published.localeCompare(a.published) || a.title.localeCompare(b.title, 'ru');
}
