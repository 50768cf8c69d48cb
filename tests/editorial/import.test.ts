/**
 * Import: the Irkutsk report, as text and as a Word file made from it, becomes a draft
 * submission whose text equals the source paragraph by paragraph, with the questionnaire's
 * questions as headings and a checklist of its figures.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkBank } from '../../src/lib/content/checks/index.ts';
import { parseFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { renderSafeMdx } from '../../src/lib/content/safe-mdx.ts';
import { readVocabulary } from '../../src/lib/editorial/cli.ts';
import { importBlocks, readReport, type ImportResult } from '../../src/lib/editorial/import-report.ts';
import { listItemOf } from '../../src/lib/editorial/text-blocks.ts';
import { fixturesDir, projectRoot, testOut } from '../helpers/paths.ts';
import { childEnv } from '../helpers/child-env.ts';

const reportPath = resolve(fixturesDir, 'import/irkutsk-2013.txt');
const report = readFileSync(reportPath, 'utf8');
const vocabulary = readVocabulary(resolve(projectRoot, 'content'));
const options = { city: 'irkutsk', year: 2013, questionnaires: vocabulary.questionnaires, today: '2026-01-01' };

/** The source as a reader sees it: one entry per non-empty line, list markers dropped. */
const sourceParagraphs = report.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => listItemOf(l)?.text ?? l);

/** A Word file of the report: a paragraph per line, lines starting with «- » as bullets. */
async function reportAsDocx(): Promise<Buffer> {
  const children = report.split('\n').map((line) => {
    const item = listItemOf(line);
    return item ? new Paragraph({ text: item.text, bullet: { level: 0 } }) : new Paragraph({ text: line.trimEnd() });
  });
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

let fromText: ImportResult;
let fromDocx: ImportResult;

beforeAll(async () => {
  fromText = importBlocks(await readReport('irkutsk-2013.txt', Buffer.from(report)), options);
  fromDocx = importBlocks(await readReport('irkutsk-2013.docx', await reportAsDocx()), options);
});

describe('importing the Irkutsk report', () => {
  it('keeps the text verbatim, paragraph by paragraph', () => {
    const rendered = renderSafeMdx(fromText.mdx);
    expect(rendered.violations).toEqual([]);
    const inserted = new Set(fromText.questions.filter((q) => q.inserted).map((q) => q.text));
    const blocks = rendered.text.split('\n').filter((line) => !inserted.has(line));
    // The first line, «ИРКУТСК», is the document's heading: it goes to originalHeading.
    expect(fromText.originalHeading).toBe('ИРКУТСК');
    expect(parseFrontmatter(fromText.mdx).data.originalHeading).toBe('ИРКУТСК');
    expect(blocks).toEqual(sourceParagraphs.slice(1));
  });

  it('keeps the list as a list', () => {
    const html = renderSafeMdx(fromText.mdx).html;
    expect(html.match(/<li>/g)).toHaveLength(5);
    expect(html.replace(/\u00a0/g, ' ')).toContain('<li>«Неделя озеленения» - 237 участников;</li>');
  });

  it('turns the questionnaire questions into headings', () => {
    const rendered = renderSafeMdx(fromText.mdx);
    expect(rendered.headings.map((h) => [h.depth, h.text])).toEqual([
      [2, 'Что наиболее значительное удалось сделать в области взаимодействия с общественностью в 2013 году'],
      [2, 'Какую помощь и содействие в решении предстоящих задач может оказать АСДГ'],
    ]);
    expect(fromText.questions.map((q) => [q.id, q.inserted])).toEqual([['achievements', false], ['asdg-help', true]]);
    // The inserted heading stands right before the answer that contains the question.
    expect(fromText.mdx).toMatch(/## Какую помощь и содействие в решении предстоящих задач может оказать АСДГ\n\nЧто касается того, какую помощь/);
    expect(fromText.missingQuestions).toEqual([]);
  });

  it('lists the figures with their words and lines', () => {
    const phrases = fromText.figures.map((f) => f.phrase);
    for (const figure of ['более 15 тысяч человек', '1000 тысяч рублей', '657 мероприятий', 'более 230 общественных, муниципальных, коммерческих структур', '237 участников', '15 СО НКО']) {
      expect(phrases.some((p) => p.includes(figure)), figure).toBe(true);
    }
    expect(fromText.figures.find((f) => f.phrase.includes('15 тысяч'))?.value).toBe(15000);
    // Years are not figures.
    expect(phrases.some((p) => /^2013 /.test(p))).toBe(false);
    const lines = fromText.mdx.split('\n');
    for (const f of fromText.figures) expect(lines[f.line - 1], f.phrase).toContain(String(f.phrase.split(' ').find((w) => /\d/.test(w))));
  });

  it('gives the same file from a Word document of the report', () => {
    expect(fromDocx.mdx).toBe(fromText.mdx);
  });

  it('names the draft with «_», the year and the questionnaire', () => {
    expect(fromText.fileName).toBe('_2013-public-engagement.mdx');
  });
});

describe('npm run import', () => {
  const bank = resolve(testOut, 'editorial-import/content');

  beforeAll(() => {
    rmSync(bank, { recursive: true, force: true });
    cpSync(resolve(projectRoot, 'content'), bank, { recursive: true });
  });

  function run(args: string[]) {
    const result = spawnSync(process.execPath, ['scripts/import.ts', ...args], { cwd: projectRoot, encoding: 'utf8', env: childEnv({ CONTENT_DIR: bank }) });
    return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
  }

  it('writes a draft the checker accepts, and prints the checklist', async () => {
    const docx = resolve(testOut, 'editorial-import/irkutsk-2013.docx');
    writeFileSync(docx, await reportAsDocx());
    // --topics: the practice drafts the import writes beside the material need them to pass the check.
    const result = run([docx, '--city', 'irkutsk', '--year', '2013', '--topics', 'nko']);
    expect(result.status, result.output).toBe(0);
    const draft = resolve(bank, 'submissions/irkutsk/_2013-public-engagement.mdx');
    expect(readFileSync(draft, 'utf8')).toBe(fromText.mdx.replace('published: 2026-01-01', `published: ${new Date().toISOString().slice(0, 10)}`));
    expect(result.output).toMatch(/_2013-public-engagement\.mdx:\d+: «[^»]*более 15 тысяч человек/);
    const { problems } = checkBank({ projectRoot, contentRoot: bank });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    // The title is the editor's to write: a placeholder, allowed in a draft only.
    expect(problems.filter((p) => p.file.includes('/submissions/')).map((p) => `${p.rule}:${p.field}`)).toEqual(['placeholder:title']);
    // Completeness warnings concern the practices already in the bank (tests/repeat/).
    // The practice drafts (tests/editorial/import-drafts.test.ts) carry only placeholders to fill in.
    expect(problems.filter((p) => !p.file.includes('/submissions/') && p.rule !== 'completeness').every((p) => p.rule === 'placeholder' && p.severity === 'warning')).toBe(true);
    expect(run([docx, '--city', 'irkutsk', '--year', '2013']).status).toBe(1);
  });

  it('refuses an unknown city and says which exist', () => {
    const result = run([reportPath, '--city', 'tomsk', '--year', '2013']);
    expect(result.status).toBe(1);
    expect(result.output).toContain('города «tomsk» нет в банке; допустимые: irkutsk');
  });

  it('keeps braces, angle brackets and code in a report as text, and runs none of it', () => {
    const marker = join(tmpdir(), `asdg-pwned-${randomUUID()}`);
    const hostile = resolve(testOut, 'editorial-import/hostile.txt');
    const lines = [
      `Бюджет {process.getBuiltinModule('node:fs').writeFileSync('${marker}', 'x')} тыс. руб.`,
      '<script>alert(1)</script> и <Callout onClick="x">',
      'import fs from "node:fs"',
      '1. Первый пункт <b>',
      '# не заголовок & &amp; *звёздочки*',
    ];
    writeFileSync(hostile, lines.join('\n'));
    const result = run([hostile, '--city', 'irkutsk', '--year', '2012', '--force']);
    expect(result.status, result.output).toBe(0);
    const draft = readFileSync(resolve(bank, 'submissions/irkutsk/_2012-public-engagement.mdx'), 'utf8');
    const rendered = renderSafeMdx(draft);
    expect(rendered.violations).toEqual([]);
    expect(rendered.text.split('\n')).toEqual([lines[0], lines[1], lines[2], 'Первый пункт <b>', lines[4]]);
    expect(checkBank({ projectRoot, contentRoot: bank }).problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(existsSync(marker)).toBe(false);
  });
});
