/**
 * Small helpers shared by the editors' scripts (`npm run new`, `npm run import`): flags, dates,
 * and the bank's vocabulary read from disk.
 */
import { globSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseFrontmatter, parseYaml } from '../content/frontmatter.ts';

/** Fields of a YAML text with the checker's limits; a broken file gives none (`npm run check` names it). */
const parse = (text: string): Record<string, unknown> => parseYaml(text).data;

/** `--city irkutsk --topics a,b --force` → `{ city: 'irkutsk', topics: 'a,b', force: 'true' }` and the rest. */
export function parseFlags(args: readonly string[]): { flags: Record<string, string>; positional: string[] } {
  const flags: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const match = /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(arg);
    if (!match) {
      positional.push(arg);
      continue;
    }
    const [, name = '', inline] = match;
    const next = args[i + 1];
    if (inline !== undefined) flags[name] = inline;
    else if (next !== undefined && !next.startsWith('--')) {
      flags[name] = next;
      i++;
    } else flags[name] = 'true';
  }
  return { flags, positional };
}

/** Today in the editor's time zone, `YYYY-MM-DD`: a UTC date could lie in the future for the schema. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  // The schema compares with Date.now(): the day as UTC midnight must not be after it.
  return `${now.getUTCFullYear()}-${pad(now.getUTCMonth() + 1)}-${pad(now.getUTCDate())}`;
}

export interface Vocabulary {
  cities: { id: string; name: string; genitive: string }[];
  topics: { id: string; name: string }[];
  submissions: { id: string; city: string; year: number; title: string }[];
  questionnaires: { id: string; title: string; questions: { id: string; text: string }[] }[];
}

function yamlFiles(root: string, folder: string): { id: string; data: Record<string, unknown> }[] {
  return globSync('[^_]*.yaml', { cwd: resolve(root, folder) })
    .sort()
    .map((file) => ({ id: file.slice(0, -'.yaml'.length), data: (parse(readFileSync(resolve(root, folder, file), 'utf8')) ?? {}) as Record<string, unknown> }));
}

/** What an editor picks from: published cities, topics, submissions and questionnaires. */
export function readVocabulary(root: string): Vocabulary {
  const submissions = globSync('**/[^_]*.mdx', { cwd: resolve(root, 'submissions') })
    .sort()
    .map((file) => {
      const data = parseFrontmatter(readFileSync(resolve(root, 'submissions', file), 'utf8')).data;
      return { id: file.replaceAll('\\', '/').slice(0, -'.mdx'.length), city: String(data.city ?? ''), year: Number(data.year), title: String(data.title ?? '') };
    });
  return {
    cities: yamlFiles(root, 'cities').map(({ id, data }) => {
      const name = (data.name ?? {}) as { nominative?: string; genitive?: string };
      return { id, name: String(name.nominative ?? id), genitive: String(name.genitive ?? id) };
    }),
    topics: yamlFiles(root, 'topics').map(({ id, data }) => ({ id, name: String(data.name ?? id) })),
    submissions,
    questionnaires: yamlFiles(root, 'questionnaires').map(({ id, data }) => ({
      id,
      title: String(data.title ?? id),
      questions: ((data.questions ?? []) as { id: string; text: string }[]).map((q) => ({ id: String(q.id), text: String(q.text) })),
    })),
  };
}
