/**
 * Every command answers `--help` with its flags in Russian and refuses a flag it does not know,
 * naming it. "Every flag the command reads" comes from two places: the flag table its parser
 * uses (commands.ts) and the script's own text (each `flags.x`, `flags['x']`, `lists.x`, `ask('x'`).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CommandLineError, parseCommand, type CommandSpec } from '../../src/lib/editorial/cli.ts';
import { BUILD_COMMAND, CHECK_COMMAND, IMPORT_COMMAND, NEW_COMMAND, PR_SUMMARY_COMMAND } from '../../src/lib/editorial/commands.ts';
import { projectRoot } from '../helpers/paths.ts';
import { childEnv } from '../helpers/child-env.ts';

const commands: [string, string, CommandSpec][] = [
  ['new', 'scripts/new.ts', NEW_COMMAND],
  ['import', 'scripts/import.ts', IMPORT_COMMAND],
  ['check', 'scripts/check.ts', CHECK_COMMAND],
  ['build', 'scripts/build.ts', BUILD_COMMAND],
  ['pr-summary', 'scripts/pr-summary.ts', PR_SUMMARY_COMMAND],
];

const run = (script: string, args: string[]) => spawnSync(process.execPath, [script, ...args], { cwd: projectRoot, encoding: 'utf8', env: childEnv({ NO_COLOR: '1' }) });

/** Flags a script reads, found in its source. */
function flagsReadBy(script: string): string[] {
  const source = readFileSync(resolve(projectRoot, script), 'utf8');
  const found = new Set<string>();
  for (const [, dotted, quoted] of source.matchAll(/\b(?:flags|lists)(?:\.([a-z][a-zA-Z]*)|\[['"]([a-z][a-z-]*)['"]\])/g)) found.add(dotted ?? quoted ?? '');
  for (const [, name = ''] of source.matchAll(/\bask\('([a-z][a-z-]*)'/g)) found.add(name);
  return [...found].sort();
}

describe.each(commands)('npm run %s', (_, script, spec) => {
  it('answers --help with every flag of its table, in Russian, and exits 0', () => {
    const help = run(script, ['--help']);
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toContain('Использование:');
    expect(help.stdout).toContain('Флаги:');
    for (const flag of [...spec.flags, { name: 'help', help: 'показать эту справку и выйти' }]) {
      const line = help.stdout.split('\n').find((l) => l.trimStart().startsWith(`--${flag.name} `) || l.trim() === `--${flag.name}`);
      expect(line, `--${flag.name}`).toBeDefined();
      expect(line).toContain(flag.help);
      expect(flag.help).toMatch(/[а-яё]/i);
    }
  });

  it('documents every flag the script reads', () => {
    const table = spec.flags.map((f) => f.name);
    const read = flagsReadBy(script);
    // The scripts with flags read them by name; a search that finds none would prove nothing.
    if (table.length) expect(read.length).toBeGreaterThan(0);
    for (const flag of flagsReadBy(script)) expect(table, `${script} reads --${flag}`).toContain(flag);
  });

  it('refuses an unknown flag, naming it', () => {
    const bad = run(script, ['--no-such-flag']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('неизвестный флаг --no-such-flag');
    expect(bad.stderr).toContain('--help');
  });
});

describe('the shared parser', () => {
  const spec: CommandSpec = { command: 'x', summary: 'x', usage: [], flags: [{ name: 'city', value: 'город', help: 'г' }, { name: 'force', help: 'f' }, { name: 'practice', value: 'п', repeat: true, help: 'p' }] };
  it('reads values, switches, repeated flags and positional arguments', () => {
    expect(parseCommand(spec, ['a.txt', '--city', 'irkutsk', '--force', '--practice=А', '--practice', 'Б'])).toEqual({
      flags: { city: 'irkutsk', force: 'true', practice: 'Б' },
      lists: { practice: ['А', 'Б'] },
      positional: ['a.txt'],
    });
  });
  it('names what is wrong', () => {
    expect(() => parseCommand(spec, ['--city'])).toThrow(new CommandLineError('после --city нужно значение: --city <город>'));
    expect(() => parseCommand(spec, ['--force=yes'])).toThrow(CommandLineError);
    expect(() => parseCommand(spec, ['-x'])).toThrow(/неизвестный флаг -x/);
    expect(parseCommand(spec, ['-h'])).toBe('help');
  });
});
