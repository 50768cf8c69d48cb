/**
 * Builds a bank from a content folder through the real pipeline (`scripts/build.ts`) into its
 * own output folder, so fixture banks never touch the published dist/.
 *
 * `buildBank` is a PRIVATE build, for tests that change the content or keep a cache of their own.
 * A test that only reads an unchanged fixture bank uses `sharedBank` (shared-bank.ts), built once
 * per run for every file.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { projectRoot, testOut } from './paths.ts';
import { childEnv } from './child-env.ts';
import { BUILD_REPORT_ENV, readBuildReport, type BuildReport } from '../../scripts/lib/build-report.ts';

export interface BuildResult {
  status: number;
  output: string;
  dist: string;
  /** The build's figures as it wrote them (scripts/lib/build-report.ts); none if it failed before. */
  report: BuildReport | undefined;
}

export function buildBank(name: string, contentDir: string, options: { keepCache?: boolean; env?: Record<string, string> } = {}): BuildResult {
  return buildInto(contentDir, ...privateFolders(name, options.keepCache), { env: options.env });
}

/** `buildBank` without blocking: for a test that runs beside others in its file (`describe.concurrent`). */
export function buildBankLater(name: string, contentDir: string): Promise<BuildResult> {
  return buildIntoLater(contentDir, ...privateFolders(name, false));
}

/** The output and cache folders of private build `name`; the cache is emptied unless kept. */
function privateFolders(name: string, keepCache = false): [dist: string, cache: string] {
  const cache = resolve(testOut, name, 'cache');
  if (!keepCache) rmSync(cache, { recursive: true, force: true });
  return [resolve(testOut, name, 'dist'), cache];
}

/**
 * Builds `contentDir` into `dist` with Astro's cache in `cache`. `dist` is emptied first, unless
 * `keepOutDir`: then the build finds the last build's output there, as an editor's rebuild does.
 * `projectDir` builds with the code of another copy of the project (a test that edits the code).
 */
export function buildInto(
  contentDir: string,
  dist: string,
  cache: string,
  options: { env?: Record<string, string>; keepOutDir?: boolean; projectDir?: string } = {},
): BuildResult {
  if (!options.keepOutDir) rmSync(dist, { recursive: true, force: true });
  rmSync(reportFileOf(dist), { force: true });
  const { status, output } = runScript('scripts/build.ts', buildEnv(contentDir, dist, cache, options.env ?? {}), [], options.projectDir);
  return { status, output, dist, report: reportOf(dist) };
}

/** `buildInto` without blocking: the global setup starts the shared banks' builds this way, and `buildBankLater` a private one. */
export async function buildIntoLater(contentDir: string, dist: string, cache: string): Promise<BuildResult> {
  rmSync(dist, { recursive: true, force: true });
  rmSync(reportFileOf(dist), { force: true });
  const { status, output } = await runScriptLater('scripts/build.ts', buildEnv(contentDir, dist, cache, {}));
  return { status, output, dist, report: reportOf(dist) };
}

/** Where a build into `dist` writes its report: beside it, in the build's own folder. */
const reportFileOf = (dist: string) => resolve(dist, '..', 'build-report.json');
const reportOf = (dist: string) => (existsSync(reportFileOf(dist)) ? readBuildReport(reportFileOf(dist)) : undefined);

/** What a script of the project printed, and how it ended. */
export interface ScriptRun {
  status: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr, one after the other. */
  output: string;
}

/**
 * Runs a script of the project (`scripts/check.ts`, say) in Node without blocking the worker, so
 * concurrent tests of the same file (and their browser pages) go on meanwhile; `env` is the
 * child's whole environment.
 */
export function runScriptLater(script: string, env: NodeJS.ProcessEnv, args: readonly string[] = []): Promise<ScriptRun> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const end = (status: number, extra = '') => done({ status, stdout, stderr: `${stderr}${extra}`, output: `${stdout}\n${stderr}${extra}` });
    child.on('error', (error) => end(1, `\n${error.message}`));
    child.on('close', (code) => end(code ?? 1));
  });
}

/** `runScriptLater`, blocking: for a `beforeAll` that needs the result before anything else runs. */
export function runScript(script: string, env: NodeJS.ProcessEnv, args: readonly string[] = [], cwd = projectRoot): ScriptRun {
  const run = spawnSync(process.execPath, [script, ...args], { cwd, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  const stderr = `${run.stderr}${run.error ? `\n${run.error.message}` : ''}`;
  return { status: run.status ?? 1, stdout: run.stdout, stderr, output: `${run.stdout}\n${stderr}` };
}

function buildEnv(contentDir: string, dist: string, cache: string, env: Record<string, string>): NodeJS.ProcessEnv {
  return childEnv({ CONTENT_DIR: contentDir, OUT_DIR: dist, CACHE_DIR: cache, [BUILD_REPORT_ENV]: reportFileOf(dist), FORCE_COLOR: '0', NO_COLOR: '1', ...env });
}

export function requireBuilt(dist: string): string {
  if (!existsSync(resolve(dist, 'index.html'))) {
    throw new Error(`Нет собранного сайта в ${dist}: сначала npm run build`);
  }
  return dist;
}
