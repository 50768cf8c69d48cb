/**
 * A fixture bank from tests/fixtures/<name>, built ONCE per test run and shared by every test file
 * that reads it, instead of each file building its own identical copy.
 *
 *   const { dist } = sharedBank('multi-city');   // in beforeAll, or at the top of a file
 *
 * Use it whenever a test only READS the built site of an unchanged fixture. Use `buildBank` from
 * build-bank.ts instead when the test changes the content, needs a cache of its own (incremental
 * rebuilds) or writes into the output. Never write into a shared dist: other files read it.
 *
 * How: the global setup (global-setup.ts) provides a folder for this run and, when the whole
 * suite runs, starts every shared build at once in the background. Otherwise the first caller of
 * a name takes a lock (an atomic mkdir), builds, and writes result.json; callers in other workers
 * (or while the background build runs) wait for that file. Run outside that setup (another
 * config), each process builds its own copy.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inject } from 'vitest';
import { buildInto, buildIntoLater, type BuildResult } from './build-bank.ts';
import { fixturesDir, sharedOut } from './paths.ts';

/** Fixture banks that can be shared: folders of tests/fixtures that build as a whole bank. */
const SHARED_BANKS = ['multi-city', 'search'] as const;
type SharedBankName = (typeof SHARED_BANKS)[number];

const WAIT_LIMIT_MS = 240_000;
const local = new Map<string, BuildResult>();

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function runFolder(): string {
  let run: string | undefined;
  try {
    run = inject('sharedBankRun');
  } catch {
    run = undefined;
  }
  return run ?? resolve(sharedOut, `process-${process.pid}`);
}

/** The built fixture bank `name`; throws with the build's output if it did not build. */
export function sharedBank(name: SharedBankName): BuildResult {
  const folder = resolve(runFolder(), name);
  const known = local.get(folder);
  const result = known ?? buildOnce(name, folder);
  local.set(folder, result);
  if (result.status !== 0) throw new Error(`сборка ${name} не удалась:\n${result.output}`);
  return result;
}

/** Takes the build of `folder` (an atomic mkdir): true for exactly one caller per run. */
function takeBuild(folder: string): boolean {
  mkdirSync(resolve(folder, '..'), { recursive: true });
  try {
    mkdirSync(folder);
    return true;
  } catch {
    return false;
  }
}

/** Writes the result aside and renames it, so a waiting worker never reads half a file. */
function publish(folder: string, result: BuildResult): void {
  const done = resolve(folder, 'result.json');
  writeFileSync(`${done}.part`, JSON.stringify(result));
  renameSync(`${done}.part`, done);
}

function buildOnce(name: SharedBankName, folder: string): BuildResult {
  const done = resolve(folder, 'result.json');
  if (takeBuild(folder)) {
    const result = buildInto(resolve(fixturesDir, name), resolve(folder, 'dist'), resolve(folder, 'cache'));
    publish(folder, result);
    return result;
  }
  const started = Date.now();
  while (!existsSync(done)) {
    if (Date.now() - started > WAIT_LIMIT_MS) throw new Error(`${name}: другой процесс не дособрал банк за ${WAIT_LIMIT_MS / 1000} с (${folder})`);
    sleep(100);
  }
  return JSON.parse(readFileSync(done, 'utf8')) as BuildResult;
}

/**
 * Starts building every shared bank of run folder `run` in the background (the global setup, on
 * a whole-suite run): the builds overlap the files that need none, and the first file that asks
 * waits for a build already under way instead of starting it then.
 */
export async function startSharedBanks(run: string): Promise<void> {
  const builds = SHARED_BANKS.map(async (name) => {
    const folder = resolve(run, name);
    if (!takeBuild(folder)) return;
    publish(folder, await buildIntoLater(resolve(fixturesDir, name), resolve(folder, 'dist'), resolve(folder, 'cache')));
  });
  await Promise.all(builds);
}
