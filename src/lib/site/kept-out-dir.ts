/**
 * Keeps the output folder between builds instead of letting Astro empty it first, and removes
 * afterwards only what this build no longer produces.
 *
 * Why: with the incremental build, a page whose key is unchanged is left in the output folder
 * as it is when it is already there, and copied back from the cache folder only when it is not.
 * Emptying the folder first (Astro's default) deleted every page of the bank and then copied
 * nearly all of them back: a rebuild with nothing changed spent most of its time removing and
 * copying files (measured on a 1000-practice bank: `rmSync` of the output folder alone was a
 * third of a no-change rebuild's Astro process).
 *
 * What stays: every file this build wrote (its modification time is after the build started),
 * and every page the incremental manifest records for this build (restored pages are kept
 * untouched, so their time is older). Anything else is left over from an earlier build (a
 * removed practice, a page of a list that got shorter, assets with old hashes) and is removed,
 * so the folder holds exactly what a build into an empty folder would.
 */
import { readdirSync, readFileSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { countOf } from '../format-count.ts';

/** Astro's incremental manifest in the cache folder (astro/dist/core/build/incremental.js). */
const MANIFEST = 'incremental-build.json';

interface IncrementalManifest {
  routes?: Record<string, { paths?: Record<string, { outputFile?: string }> }>;
}

/** Output files (relative to the output folder, '/'-separated) the manifest records. */
function manifestOutputs(manifestFile: string): Set<string> {
  let manifest: IncrementalManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as IncrementalManifest;
  } catch {
    return new Set();
  }
  const outputs = new Set<string>();
  for (const route of Object.values(manifest.routes ?? {})) {
    for (const path of Object.values(route.paths ?? {})) if (path.outputFile) outputs.add(decodeURI(path.outputFile));
  }
  return outputs;
}

/**
 * Removes files under `dir` older than `since` (ms) that are not in `kept`, then folders left
 * empty. Returns how many files were removed.
 */
export function pruneStale(dir: string, since: number, kept: ReadonlySet<string>): number {
  let removed = 0;
  const walk = (folder: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (walk(path)) rmdirSync(path);
        else empty = false;
        continue;
      }
      const name = relative(dir, path).split(sep).join('/');
      if (kept.has(name) || statSync(path).mtimeMs >= since) {
        empty = false;
        continue;
      }
      rmSync(path, { force: true });
      removed++;
    }
    return empty;
  };
  walk(dir);
  return removed;
}

export function keptOutDir(): AstroIntegration {
  let started = 0;
  let cacheDir: URL | undefined;
  return {
    name: 'asdg-kept-out-dir',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        cacheDir = config.cacheDir;
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:build:start': () => {
        // A file system's clock may round modification times down: a little slack, far less
        // than the time between two builds.
        started = Date.now() - 50;
      },
      'astro:build:done': ({ dir, logger }) => {
        const kept = cacheDir ? manifestOutputs(fileURLToPath(new URL(MANIFEST, cacheDir))) : new Set<string>();
        const removed = pruneStale(fileURLToPath(dir), started, kept);
        if (removed > 0) logger.info(`удалено из папки сборки: ${countOf(removed, ['файл', 'файла', 'файлов'])} прошлой сборки`);
      },
    },
  };
}
