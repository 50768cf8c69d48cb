/**
 * The W3C Nu HTML Checker (`vnu-jar`) over a whole built site in one JVM start: starting Java
 * per page would cost seconds each. Its JSON report is parsed here and errors are returned as
 * `file:line: message`, so a failing test names every problem.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

interface VnuProblem {
  file: string;
  line: number;
  message: string;
}

/** Errors of a vnu JSON report (warnings are `info` with subType `warning`: not errors). */
export function vnuErrors(report: string, siteDir: string): VnuProblem[] {
  let parsed: { messages?: VnuMessage[] };
  try {
    parsed = JSON.parse(report) as { messages?: VnuMessage[] };
  } catch {
    throw new Error(`vnu: ответ не JSON: ${report.slice(0, 500)}`);
  }
  return (parsed.messages ?? [])
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .map((m) => ({
      file: m.url?.startsWith('file:') ? relative(siteDir, fileURLToPath(m.url)) : (m.url ?? '(сайт)'),
      line: m.lastLine ?? 0,
      message: m.message,
    }));
}

function vnuJarPath(): string {
  const require = createRequire(import.meta.url);
  return require.resolve('vnu-jar/build/dist/vnu.jar');
}

/**
 * A run of a few seconds spends most of its CPU compiling the checker's hot code a second time
 * with the optimising JIT and on parallel GC threads; the quick JIT alone and the serial GC give
 * the same report for less than half the CPU (measured over the published site: 10.1 → 4.2 s of
 * CPU, 5.3 → 3.3 s of wall time).
 */
const SHORT_RUN_JVM = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

/** Runs the checker over every HTML file under `siteDir`. Throws when Java cannot run. */
export function checkHtml(siteDir: string, java = process.env.JAVA ?? 'java'): VnuProblem[] {
  const run = spawnSync(java, ['-Xss8m', ...SHORT_RUN_JVM, '-jar', vnuJarPath(), '--format', 'json', '--skip-non-html', siteDir], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error) throw new Error(`vnu: не удалось запустить ${java}: ${run.error.message} (нужна Java 17: apt-get install default-jre-headless)`);
  // vnu writes its report to stderr and exits 1 when it found errors.
  return vnuErrors(run.stderr, siteDir);
}

export function formatVnuProblems(problems: readonly VnuProblem[]): string {
  return problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n');
}
