/**
 * Costly jobs done ONCE per test run and shared by every test file that needs them, instead of
 * each file doing its own identical copy:
 *
 *   const { dist } = sharedBank('multi-city');              // a fixture bank of tests/fixtures/
 *   const copy = sharedBankCopy('multi-city', 'my-test');   // a private copy of it to rebuild
 *   const bench = sharedBench();                            // the bench's smoke run
 *
 * Use `sharedBank` whenever a test only READS the built site of an unchanged fixture; never write
 * into a shared dist: other files read it. A test that edits the content and rebuilds with the
 * cache starts from `sharedBankCopy`; one that needs a cold build of its own uses `buildBank`
 * from build-bank.ts.
 *
 * How: the global setup (global-setup.ts) provides a folder for this run and, when the whole
 * suite runs, starts every shared job at once in the background. Otherwise the first caller of
 * a job takes a lock (an atomic mkdir), runs it, and writes result.json; callers in other workers
 * (or while the background job runs) wait for that file. Run outside that setup (another
 * config), each process does its own.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inject } from 'vitest';
import { buildInto, buildIntoLater, runScript, runScriptLater, type BuildResult, type ScriptRun } from './build-bank.ts';
import { fixturesDir, sharedOut, testOut } from './paths.ts';
import { childEnv } from './child-env.ts';

/** Fixture banks that can be shared: folders of tests/fixtures that build as a whole bank. */
const SHARED_BANKS = ['multi-city', 'search'] as const;
type SharedBankName = (typeof SHARED_BANKS)[number];

/**
 * The benchmark's smoke run: `npm run bench -- --practices 50` on its synthetic bank. Its three
 * builds (cold, nothing changed, one practice changed) are also the first three stages of the
 * rebuild chain, which goes on from the bank the run leaves (see `sharedBench`).
 */
export const SHARED_BENCH_PRACTICES = 50;
const BENCH_JOB = 'bench';

/**
 * How long a `beforeAll` that asks for `sharedBench()` may take (its timeout): the bench's three
 * builds run beside the whole suite's start, about 150 s on this machine, and a CI machine may be
 * twice as slow. A caller that waits gives up a little earlier, with a message of its own.
 */
export const SHARED_BENCH_TIMEOUT_MS = 600_000;
const WAIT_LIMIT_MS = SHARED_BENCH_TIMEOUT_MS - 30_000;
const local = new Map<string, unknown>();

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
  const result = once(name, () => buildBankIn(name, resolve(runFolder(), name)));
  if (result.status !== 0) throw new Error(`сборка ${name} не удалась:\n${result.output}`);
  return result;
}

/** Folders of a private copy of a shared bank (`sharedBankCopy`). */
export interface BankCopy {
  content: string;
  dist: string;
  cache: string;
}

/**
 * A private copy, in tests/.out/<copy>/, of shared bank `name`: its content, built site and
 * cache, for a test that edits the content and rebuilds with the cache, instead of building the
 * same bank cold first. Astro's cache does not depend on where the content folder lies (the
 * rebuild restores unchanged pages from it; tests/repeat/incremental.test.ts checks one).
 */
export function sharedBankCopy(name: SharedBankName, copy: string): BankCopy {
  sharedBank(name); // built, or waited for; throws if the build failed
  const folder = resolve(testOut, copy);
  rmSync(folder, { recursive: true, force: true });
  const target: BankCopy = { content: resolve(folder, 'content'), ...bankFolders(folder) };
  cpSync(resolve(fixturesDir, name), target.content, { recursive: true });
  const shared = bankFolders(resolve(runFolder(), name));
  cpSync(shared.dist, target.dist, { recursive: true });
  cpSync(shared.cache, target.cache, { recursive: true });
  return target;
}

/** What the shared bench run printed, where it left its bank, and its figures. */
export interface BenchRun extends ScriptRun {
  /** The bench's work folder: content/, dist/, cache/ and the builds' logs/ (see scripts/bench.ts). */
  work: string;
  /** The file `--json` wrote. */
  figures: string;
}

/**
 * The shared bench run (SHARED_BENCH_PRACTICES practices), run once per run. Its printed table
 * and figures are the bench's own test (tests/quality/bench-smoke.test.ts); its work folder is
 * handed on to the one file that goes on rebuilding that bank (tests/build/rebuilds.test.ts), the
 * only file that may write there: nothing else reads the folder.
 */
export function sharedBench(): BenchRun {
  return once(BENCH_JOB, () => {
    const folder = resolve(runFolder(), BENCH_JOB);
    const { script, args, env } = benchCommand(folder);
    return { ...runScript(script, env, args), ...benchPaths(folder) };
  });
}

function benchPaths(folder: string): { work: string; figures: string } {
  return { work: resolve(folder, 'bank'), figures: resolve(folder, 'figures.json') };
}

function benchCommand(folder: string): { script: string; args: string[]; env: NodeJS.ProcessEnv } {
  const { work, figures } = benchPaths(folder);
  return {
    script: 'scripts/bench.ts',
    args: ['--practices', String(SHARED_BENCH_PRACTICES), '--dir', work, '--json', figures],
    env: childEnv({ FORCE_COLOR: '0', NO_COLOR: '1' }),
  };
}

/** The job's result in this process, done once per run: by whoever takes it first, or by the global setup. */
function once<T>(name: string, run: () => T): T {
  const folder = resolve(runFolder(), name);
  const known = local.get(folder) as T | undefined;
  const result = known ?? (takeJob(folder) ? publish(folder, run()) : waitFor<T>(name, folder));
  local.set(folder, result);
  return result;
}

/** Takes the job of `folder` (an atomic mkdir): true for exactly one caller per run. */
function takeJob(folder: string): boolean {
  mkdirSync(resolve(folder, '..'), { recursive: true });
  try {
    mkdirSync(folder);
    return true;
  } catch {
    return false;
  }
}

/** Writes the result aside and renames it, so a waiting worker never reads half a file. */
function publish<T>(folder: string, result: T): T {
  const done = resolve(folder, 'result.json');
  writeFileSync(`${done}.part`, JSON.stringify(result));
  renameSync(`${done}.part`, done);
  return result;
}

function waitFor<T>(name: string, folder: string): T {
  const done = resolve(folder, 'result.json');
  const started = Date.now();
  while (!existsSync(done)) {
    if (Date.now() - started > WAIT_LIMIT_MS) throw new Error(`${name}: другой процесс не закончил за ${WAIT_LIMIT_MS / 1000} с (${folder})`);
    sleep(100);
  }
  return JSON.parse(readFileSync(done, 'utf8')) as T;
}

/** Where a shared bank's job folder keeps its built site and Astro's cache. */
function bankFolders(folder: string): { dist: string; cache: string } {
  return { dist: resolve(folder, 'dist'), cache: resolve(folder, 'cache') };
}

function buildBankIn(name: SharedBankName, folder: string): BuildResult {
  const { dist, cache } = bankFolders(folder);
  return buildInto(resolve(fixturesDir, name), dist, cache);
}

/**
 * Starts every shared job of run folder `run` in the background (the global setup, on a
 * whole-suite run): the builds and the bench overlap the files that need none, and the first file
 * that asks waits for a job already under way instead of starting it then.
 */
export async function startSharedJobs(run: string): Promise<void> {
  const builds = SHARED_BANKS.map(async (name) => {
    const folder = resolve(run, name);
    if (!takeJob(folder)) return;
    const { dist, cache } = bankFolders(folder);
    publish(folder, await buildIntoLater(resolve(fixturesDir, name), dist, cache));
  });
  const bench = (async () => {
    const folder = resolve(run, BENCH_JOB);
    if (!takeJob(folder)) return;
    const { script, args, env } = benchCommand(folder);
    publish(folder, { ...(await runScriptLater(script, env, args)), ...benchPaths(folder) });
  })();
  await Promise.all([...builds, bench]);
}
