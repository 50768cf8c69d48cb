/**
 * `npm test`: the type check (`astro check`), the build of content/ into dist/ and the test suite
 * (`vitest run`), with the type check running beside the other two instead of before them. It
 * runs on one core for most of a minute while the suite often waits (on Chromium, on a build, on
 * a network-idle timer), so on two cores it fits in the suite's gaps. Its output is kept and
 * printed at the end; arguments go to vitest (`npm test -- tests/feeds`).
 *
 * `astro check` type-checks every .ts file of the project as well as the .astro ones, with the
 * tsconfig's strict options (an unused local or an unchecked index in tests/ or scripts/ is an
 * error there too), so a separate `tsc --noEmit` would only check the same files a second time.
 *
 * Builds of fixture banks rewrite .astro/content.d.ts (the same bytes, but not atomically) while
 * the check may be reading it; a check that fails is therefore run once more on its own after
 * the suite, and its second result counts. A real type error fails both times.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

// Every Node process of the run (the suite's test workers, and each build or script
// a test starts) loads much the same code: Vitest, Vite, Astro, linkedom, playwright-core. With
// one compile cache for them all, a process takes V8's compiled code from it instead of compiling
// that code again (Astro's own command already keeps one, in the system's temporary folder).
const env = {
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE ?? resolve('node_modules/.cache/node-compile-cache'),
};
const node = process.execPath;

interface Run {
  status: number;
  output: string;
  /** Wall time, seconds. */
  seconds: number;
}

/** Runs a command; its output is printed as it comes (`shown`) or kept for later. */
function run(args: string[], shown: boolean): Promise<Run> {
  const started = performance.now();
  return new Promise((resolveRun) => {
    const done = (result: Omit<Run, 'seconds'>) => resolveRun({ ...result, seconds: (performance.now() - started) / 1000 });
    const child = spawn(node, args, { env, stdio: shown ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => done({ status: 1, output: `${output}\n${error.message}` }));
    child.on('close', (code) => done({ status: code ?? 1, output }));
  });
}

const ASTRO = 'node_modules/astro/bin/astro.mjs';
const TYPE_CHECK = [ASTRO, 'check', '--noSync'];

// The generated types the checker reads (what `astro check` would otherwise write first).
const sync = await run([ASTRO, 'sync'], false);
if (sync.status !== 0) {
  process.stdout.write(sync.output);
  process.exit(sync.status);
}

const typeCheck = run(TYPE_CHECK, false);
const build = await run(['scripts/build.ts'], true);
const suite = build.status === 0 ? await run(['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)], true) : build;

let checked = await typeCheck;
if (checked.status !== 0) {
  console.log('\nastro check: ошибка, проверяю ещё раз отдельно от сборок');
  checked = await run(TYPE_CHECK, false);
}
console.log(`\n> astro check (${checked.seconds.toFixed(0)} с)\n${checked.output.trimEnd()}`);
const failed = suite.status !== 0 || checked.status !== 0;
if (build.status !== 0) console.log('\nnpm run build: сборка не удалась, тесты не запускались');
console.log(`\nnpm test: ${failed ? 'есть ошибки' : 'всё прошло'}; сборка ${build.seconds.toFixed(0)} с, тесты ${suite === build ? 0 : suite.seconds.toFixed(0)} с`);
process.exit(failed ? 1 : 0);
