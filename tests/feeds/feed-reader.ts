/**
 * Runs Debian's python3-feedparser (a feed parser nobody here wrote) over feed files. The
 * python3 first on PATH may be a separate installation without it (pyenv), so the system one is
 * tried too; FEEDPARSER_PYTHON picks another.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export interface ReadFeed {
  path: string;
  bozo: number;
  bozo_exception: string | null;
  version: string;
  feed: { title: string | null; link: string | null; language: string | null };
  entries: {
    title: string;
    link: string;
    id: string;
    guidislink: boolean;
    published: string | null;
    published_raw: string | null;
    summary: string;
    tags: { term: string; scheme: string | null }[];
  }[];
}

const SCRIPT = resolve(import.meta.dirname, 'read_feeds.py');

function findPython(): string {
  const candidates = [process.env.FEEDPARSER_PYTHON, '/usr/bin/python3', 'python3'].filter((c): c is string => Boolean(c));
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import feedparser'], { encoding: 'utf8' });
    if (probe.status === 0) return python;
  }
  throw new Error(`feedparser не найден ни в одном из: ${candidates.join(', ')}. Установите python3-feedparser (apt) или укажите FEEDPARSER_PYTHON`);
}

let python: string | undefined;

export function readFeeds(files: readonly string[]): ReadFeed[] {
  python ??= findPython();
  const run = spawnSync(python, [SCRIPT, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`read_feeds.py: ${run.stderr}`);
  return JSON.parse(run.stdout) as ReadFeed[];
}
