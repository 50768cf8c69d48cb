/**
 * The pull-request summary: in a throwaway git repository, a branch that adds one practice and
 * edits another gets a summary listing both with every figure as its file states it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { projectRoot, testOut } from '../helpers/paths.ts';

const repo = resolve(testOut, 'pr-summary/repo');
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } });

describe('the pull-request summary', () => {
  it('lists the practices added or changed with their figures', () => {
    rmSync(repo, { recursive: true, force: true });
    mkdirSync(repo, { recursive: true });
    cpSync(resolve(projectRoot, 'content'), join(repo, 'content'), { recursive: true });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'base');
    git('checkout', '-qb', 'city-pr');
    const greening = join(repo, 'content/practices/irkutsk/greening-week.mdx');
    writeFileSync(greening, readFileSync(greening, 'utf8').replace('Мероприятие по озеленению', 'Мероприятие по озеленению города'));
    const learning = readFileSync(join(repo, 'content/practices/irkutsk/learning-city.mdx'), 'utf8');
    writeFileSync(join(repo, 'content/practices/irkutsk/learning-city-copy.mdx'), learning);
    git('add', '.');
    git('commit', '-qm', 'change');
    const out = join(repo, '..', 'summary.md');
    rmSync(out, { force: true });
    const run = spawnSync(process.execPath, [resolve(projectRoot, 'scripts/pr-summary.ts'), '--base', 'main', '--out', out], { cwd: repo, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const summary = readFileSync(out, 'utf8');
    expect(summary).toContain('### «Неделя озеленения» — изменена');
    expect(summary).toContain('### «Иркутск — обучающийся город» — добавлена');
    expect(summary).not.toContain('Бабушка');
    const metrics = parseFrontmatter(learning).data.metrics as { value: number; source: string; unit: string }[];
    for (const m of metrics) expect(summary).toContain(`${m.value} | ${m.unit} | 2013 | «${m.source}» |`);
    expect(summary).toContain('| participants | 237 | участников | 2013 | «237 участников» |');
  });
});
