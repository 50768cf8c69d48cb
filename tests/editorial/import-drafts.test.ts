/**
 * Import drafts practices: the Irkutsk report yields drafts whose metrics equal, value for
 * value, the published Irkutsk practices' metrics that the report states in figures (the
 * expectations are read from content/practices/irkutsk/*.mdx, not written here). The drafts
 * pass the checker as drafts and are refused published until each metric is confirmed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, globSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBank } from '../../src/lib/content/checks/index.ts';
import { normaliseForSearch, numbersIn } from '../../src/lib/content/checks/figures.ts';
import { parseFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { readVocabulary } from '../../src/lib/editorial/cli.ts';
import { importBlocks, readReport } from '../../src/lib/editorial/import-report.ts';
import { draftPractices, itemTitle, type DraftMetric } from '../../src/lib/editorial/practice-drafts.ts';
import { fixturesDir, projectRoot, testOut } from '../helpers/paths.ts';
import { present } from '../helpers/present.ts';
import { childEnv } from '../helpers/child-env.ts';

const content = resolve(projectRoot, 'content');
const reportFile = resolve(fixturesDir, 'seeds/irkutsk-2013.txt');
const report = readFileSync(reportFile, 'utf8');
const vocabulary = readVocabulary(content);

interface Published {
  title: string;
  metrics: { value: number; qualifier?: string; source: string }[];
}
const published: Published[] = globSync('practices/irkutsk/[^_]*.mdx', { cwd: content }).sort().map((file) => {
  const data = parseFrontmatter(readFileSync(join(content, file), 'utf8')).data as unknown as Published;
  return { title: data.title, metrics: data.metrics };
});

/** A metric the report states in figures: its wording is in the report and gives its value in digits. */
const reportText = normaliseForSearch(report);
const statedInFigures = (m: Published['metrics'][number]) =>
  reportText.includes(normaliseForSearch(m.source)) && numbersIn(m.source).some((n) => n.raw === m.value || n.scaled === m.value);
const key = (m: { value: number; qualifier?: string }) => `${m.value} ${m.qualifier ?? 'exact'}`;
const keys = (metrics: readonly { value: number; qualifier?: string }[]) => metrics.map(key).sort();

const imported = importBlocks(await readReport('irkutsk-2013.txt', Buffer.from(report)), { city: 'irkutsk', year: 2013, questionnaires: vocabulary.questionnaires, today: '2026-01-01' });
const body = imported.mdx.slice(imported.mdx.indexOf('\n---\n') + 5);
const options = { city: 'irkutsk', year: 2013, submission: 'irkutsk/_2013-public-engagement', published: '2026-01-01', topics: ['nko'] };

describe('practice drafts from the Irkutsk report', () => {
  it('gives each named practice the figures the published practice has from the report', () => {
    expect(published.length).toBeGreaterThanOrEqual(6);
    const drafts = draftPractices(body, { ...options, practices: published.map((p) => p.title) });
    expect(drafts).toHaveLength(published.length);
    for (const [i, practice] of published.entries()) {
      const expected = practice.metrics.filter(statedInFigures);
      expect(expected.length, practice.title).toBeGreaterThan(0);
      expect(keys(drafts[i]?.metrics ?? []), practice.title).toEqual(keys(expected));
    }
  });

  it('without names, drafts one practice per list item, each equal to a published one', () => {
    const drafts = draftPractices(body, options);
    const listItems = report.split('\n').filter((l) => /^\s*-\s/.test(l));
    expect(drafts.map((d) => d.title)).toEqual(listItems.map(itemTitle));
    for (const draft of drafts) {
      const match = published.filter((p) => JSON.stringify(keys(p.metrics.filter(statedInFigures))) === JSON.stringify(keys(draft.metrics)));
      expect(match.map((p) => p.title), draft.title).toHaveLength(1);
    }
  });

  it('keeps the report’s words: source verbatim, the report’s year, money as the report scales it', () => {
    const drafts = draftPractices(body, { ...options, practices: published.map((p) => p.title) });
    const all: DraftMetric[] = drafts.flatMap((d) => d.metrics);
    for (const m of all) {
      expect(report.replace(/\s+/g, ' ')).toContain(m.source);
      expect(m.year).toBe(2013);
    }
    const prize = published.flatMap((p) => p.metrics).find((m) => /рубл/.test(m.source));
    if (!prize) throw new Error('no published figure in roubles to check the unit against');
    expect(all.find((m) => m.value === prize.value && m.source.includes('рубл'))).toMatchObject({ unit: 'тыс. руб.' });
  });

  it('writes drafts the checker accepts as drafts and refuses published until each figure is confirmed', () => {
    const bank = resolve(testOut, 'import-drafts/content');
    rmSync(bank, { recursive: true, force: true });
    cpSync(content, bank, { recursive: true });
    const run = spawnSync(process.execPath, ['scripts/import.ts', reportFile, '--city', 'irkutsk', '--year', '2013', '--topics', 'nko', '--practice', present(published[0], 'a practice').title, '--practice', present(published[1], 'a second practice').title], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: childEnv({ CONTENT_DIR: bank }),
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Черновики практик (2)');
    const drafts = globSync('practices/irkutsk/_*.mdx', { cwd: bank });
    expect(drafts).toHaveLength(2);
    const asDrafts = checkBank({ projectRoot, contentRoot: bank }).problems;
    expect(asDrafts.filter((p) => p.severity === 'error')).toEqual([]);

    // Published as is (the «_» removed, the material too): every metric mark is an error.
    renameSync(join(bank, 'submissions/irkutsk/_2013-public-engagement.mdx'), join(bank, 'submissions/irkutsk/2013-imported.mdx'));
    const draft = join(bank, present(drafts[0], 'a draft'));
    const text = readFileSync(draft, 'utf8').replace('irkutsk/_2013-public-engagement', 'irkutsk/2013-imported');
    const target = draft.replace('/_', '/');
    writeFileSync(target, text);
    rmSync(draft);
    const marks = text.split('\n').filter((l) => /^\s*# ЗАПОЛНИТЬ: сверьте/.test(l)).length;
    expect(marks).toBe(present(published[0], 'a practice').metrics.filter(statedInFigures).length);
    const errors = checkBank({ projectRoot, contentRoot: bank }).problems.filter((p) => p.severity === 'error' && p.file.endsWith(target.split('/').pop() ?? target) && p.rule === 'placeholder');
    expect(errors.length).toBeGreaterThanOrEqual(marks);
  });
});
