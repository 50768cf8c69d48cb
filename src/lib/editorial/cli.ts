/**
 * Small helpers shared by the editors' scripts (`npm run new`, `npm run import`): flags, dates,
 * and the bank's vocabulary read from disk.
 */
import { globSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseFrontmatter, parseYaml } from '../content/frontmatter.ts';
import { isoDate } from '../format.ts';

/** Fields of a YAML text with the checker's limits; a broken file gives none (`npm run check` names it). */
const parse = (text: string): Record<string, unknown> => parseYaml(text).data;

/**
 * Today as `YYYY-MM-DD` in UTC: the schema compares dates with Date.now(), so the day read as UTC
 * midnight must not be after it (a local date east of Greenwich could be).
 */
export const today = (): string => isoDate(new Date());

interface Vocabulary {
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

/** One flag a command reads: its name, the placeholder of its value (none for a switch), and what it does. */
interface FlagSpec {
  name: string;
  /** `город` in `--city <город>`; absent for a switch like `--force`. */
  value?: string;
  /** May be given more than once; every value is kept, in order. */
  repeat?: boolean;
  /** What the flag does, in Russian. */
  help: string;
}

/** A command's flag table: `--help` prints it, the parser accepts exactly these flags. */
export interface CommandSpec {
  /** `npm run import`. */
  command: string;
  /** One line on what the command does. */
  summary: string;
  /** Usage lines after the command: `-- <файл> --city <город> --year <год>`. */
  usage: string[];
  flags: FlagSpec[];
  /** Extra lines after the flags: examples, where to read more. */
  notes?: string[];
}

interface ParsedCommand {
  flags: Record<string, string>;
  /** Values of repeatable flags, in order. */
  lists: Record<string, string[]>;
  positional: string[];
}

export class CommandLineError extends Error {}

const HELP_FLAG: FlagSpec = { name: 'help', help: 'показать эту справку и выйти' };

/** `--help` text: usage, then every flag of the table with its value and meaning. */
function helpText(spec: CommandSpec): string {
  const flags = [...spec.flags, HELP_FLAG];
  const shown = flags.map((f) => ({ f, label: `--${f.name}${f.value ? ` <${f.value}>` : ''}` }));
  const width = Math.max(...shown.map((s) => s.label.length));
  return [
    `${spec.command} — ${spec.summary}`,
    '',
    'Использование:',
    ...spec.usage.map((u) => `  ${spec.command} ${u}`.trimEnd()),
    '',
    'Флаги:',
    ...shown.map(({ f, label }) => `  ${label.padEnd(width)}  ${f.help}${f.repeat ? ' (можно указать несколько раз)' : ''}`),
    ...(spec.notes?.length ? ['', ...spec.notes] : []),
  ].join('\n');
}

/**
 * Reads `args` against the command's flag table. `--help`/`-h` returns `'help'`; an unknown
 * flag, a missing value or a value given to a switch throws a CommandLineError naming it.
 */
export function parseCommand(spec: CommandSpec, args: readonly string[]): ParsedCommand | 'help' {
  const table = new Map(spec.flags.map((f) => [f.name, f]));
  const known = () => spec.flags.map((f) => `--${f.name}`).concat('--help').join(', ');
  const out: ParsedCommand = { flags: {}, lists: {}, positional: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--') {
      out.positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      out.positional.push(arg);
      continue;
    }
    const match = /^--([^=]+)(?:=([\s\S]*))?$/.exec(arg);
    const name = match?.[1] ?? arg.replace(/^-+/, '');
    const flag = match ? table.get(name) : undefined;
    if (!flag) throw new CommandLineError(`неизвестный флаг ${arg.split('=')[0]}; допустимые: ${known()}`);
    let value: string;
    if (!flag.value) {
      if (match?.[2] !== undefined) throw new CommandLineError(`флаг --${name} не принимает значения`);
      value = 'true';
    } else if (match?.[2] !== undefined) {
      value = match[2];
    } else {
      const next = args[i + 1];
      if (next === undefined || next.startsWith('--')) throw new CommandLineError(`после --${name} нужно значение: --${name} <${flag.value}>`);
      value = next;
      i++;
    }
    if (flag.repeat) (out.lists[name] ??= []).push(value);
    out.flags[name] = value;
  }
  return out;
}

/**
 * For scripts: parses `process.argv`, prints the help and exits 0 on `--help`, prints the error
 * and the usage and exits 2 on a bad flag.
 */
export function readCommandLine(spec: CommandSpec, args: readonly string[] = process.argv.slice(2)): ParsedCommand {
  try {
    const parsed = parseCommand(spec, args);
    if (parsed !== 'help') return parsed;
    console.log(helpText(spec));
    process.exit(0);
  } catch (error) {
    if (!(error instanceof CommandLineError)) throw error;
    console.error(`Ошибка: ${error.message}\nСправка: ${spec.command} -- --help`);
    process.exit(2);
  }
}
