/**
 * Runs a command and measures the memory of its whole process tree by polling /proc: `time -v`
 * is not on every machine, and the build's memory lives in children (Astro in one Node process,
 * Pagefind in its own binary), which `process.resourceUsage()` of the parent never sees.
 *
 * Each process is put in a group by its command line, so the Astro build and the Pagefind
 * indexer get separate peaks. A group's peak is the larger of: the highest sum of resident
 * memory seen in one poll, and the highest VmHWM (the kernel's own high-water mark) of a single
 * process in it, which catches a spike between two polls. A group's largest single process is
 * kept too: the search index runs two Pagefind processes (index-site.ts), and a memory limit is
 * per process.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface TreeRun {
  status: number;
  output: string;
  seconds: number;
  /** CPU seconds (user + system) of the whole tree: unlike wall time, barely moved by other load. */
  cpuSeconds: number;
  /** Peak memory per group, in bytes. */
  peaks: Record<string, number>;
  /** Peak memory of the largest single process of each group, in bytes. */
  processPeaks: Record<string, number>;
}

interface ProcInfo {
  pid: number;
  ppid: number;
}

function readProc(pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

function allProcesses(): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProc(Number(name), 'stat');
    if (!stat) continue;
    // The command name in parentheses may hold spaces; the fields after the last ')' do not.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out.push({ pid: Number(name), ppid: Number(fields[1]) });
  }
  return out;
}

function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const p of allProcesses()) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p.pid]);
  const out: number[] = [];
  const queue = [root];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU time of this process's children that have ended and been waited for (cutime + cstime). */
function childrenCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the command name: state is field 3 of stat(5), so cutime (16) and cstime (17) are at 13 and 14.
  return (Number(fields[13]) + Number(fields[14])) / TICKS;
}

const kib = (status: string, field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;

/**
 * `classify` names the group of a process from its command line (or returns undefined to leave
 * it out). Output is captured and also echoed when `echo` is set.
 */
export function runMeasured(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; classify: (cmdline: string) => string | undefined; echo?: boolean; intervalMs?: number },
): Promise<TreeRun> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const cpuBefore = childrenCpuSeconds();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (options.echo) process.stderr.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const peaks: Record<string, number> = {};
    const processPeaks: Record<string, number> = {};
    const poll = () => {
      if (child.pid === undefined) return;
      const sums: Record<string, number> = {};
      for (const pid of descendants(child.pid)) {
        const cmdline = readProc(pid, 'cmdline')?.replaceAll('\0', ' ') ?? '';
        const group = options.classify(cmdline);
        const status = group && readProc(pid, 'status');
        if (!group || !status) continue;
        const resident = kib(status, 'VmRSS');
        const highWater = Math.max(resident, kib(status, 'VmHWM'));
        sums[group] = (sums[group] ?? 0) + resident;
        peaks[group] = Math.max(peaks[group] ?? 0, highWater);
        processPeaks[group] = Math.max(processPeaks[group] ?? 0, highWater);
      }
      for (const [group, sum] of Object.entries(sums)) peaks[group] = Math.max(peaks[group] ?? 0, sum);
    };
    const timer = setInterval(poll, options.intervalMs ?? 50);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      resolvePromise({ status: code ?? 1, output, seconds: (performance.now() - started) / 1000, cpuSeconds: childrenCpuSeconds() - cpuBefore, peaks, processPeaks });
    });
  });
}
