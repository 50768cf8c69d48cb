/** Splitting a submission's rendered HTML by <h2> and filing sections under questions. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answersByQuestion, demoteHeadings, matchQuestion, splitByH2 } from '../../src/lib/compare/answers.ts';
import { renderSafeMdx } from '../../src/lib/content/safe-mdx.ts';
import { parseYaml } from '../../src/lib/content/frontmatter.ts';
import { questionnaireSchema } from '../../src/lib/content/schema.ts';
import { projectRoot } from '../helpers/paths.ts';

const questionnaire = questionnaireSchema.parse(parseYaml(readFileSync(resolve(projectRoot, 'content/questionnaires/asdg-public-engagement.yaml'), 'utf8')).data);
const irkutsk = renderSafeMdx(readFileSync(resolve(projectRoot, 'content/submissions/irkutsk/2013-public-engagement.mdx'), 'utf8'));

describe('splitByH2', () => {
  it('cuts the Irkutsk submission at its two questions, by the same renderer the build uses', () => {
    const { preamble, sections } = splitByH2(irkutsk.html);
    expect(preamble).toBe('');
    expect(sections.map((s) => s.heading)).toEqual(irkutsk.headings.filter((h) => h.depth === 2).map((h) => h.text));
    expect(sections.map((s) => s.id)).toEqual(irkutsk.headings.filter((h) => h.depth === 2).map((h) => h.slug));
    // The HTML is typeset (no-break spaces); the words are the source's.
    expect(sections[0]?.html.replace(/\u00a0/g, ' ')).toContain('более 15 тысяч человек');
    expect(sections[0]?.html).not.toContain('аккумулирует опыт');
    expect(sections[1]?.html).toContain('аккумулирует опыт');
  });

  it('keeps text before the first heading apart and decodes entities in headings', () => {
    const { preamble, sections } = splitByH2('<p>intro</p><h2 id="a">Q &amp; A</h2><p>x</p><h2>B</h2>');
    expect(preamble).toBe('<p>intro</p>');
    expect(sections).toEqual([{ heading: 'Q & A', id: 'a', html: '<p>x</p>' }, { heading: 'B', html: '' }]);
  });
});

describe('matchQuestion', () => {
  const questions = questionnaire.questions;
  it('files a heading under the question it starts with, whatever the city added', () => {
    expect(matchQuestion('Что наиболее значительное удалось сделать в области взаимодействия с общественностью в 2013 году', questions)?.id).toBe('achievements');
    expect(matchQuestion('Какую помощь и содействие в решении предстоящих задач может оказать АСДГ?', questions)?.id).toBe('asdg-help');
    expect(matchQuestion('что наиболее значительное удалось сделать в области взаимодействия с общественностью', questions)?.id).toBe('achievements');
  });
  it('does not file a heading that only starts with part of a word', () => {
    expect(matchQuestion('Прочее', questions)).toBeUndefined();
    expect(matchQuestion('Какую помощь и содействие в решении предстоящих задач может оказать АСДГовцам', questions)).toBeUndefined();
  });
});

it('demotes headings inside an answer and drops their ids', () => {
  expect(demoteHeadings('<h3 id="x">a</h3><p>b</p><h5>c</h5>', 2)).toBe('<h5>a</h5><p>b</p><h6>c</h6>');
});

it('answersByQuestion puts cities of one year side by side, oldest year first', () => {
  const html = (a: string, b: string) => `<h2>${questionnaire.questions[0]?.text} в году</h2><p>${a}</p><h2>${questionnaire.questions[1]?.text}</h2><p>${b}</p><h2>Приложение</h2><p>z</p>`;
  const grid = answersByQuestion(questionnaire.questions, [
    { id: 'b/2014', cityId: 'b', cityName: 'Братск', year: 2014, html: html('b1', 'b2') },
    { id: 'a/2013', cityId: 'a', cityName: 'Абакан', year: 2013, html: html('a1', 'a2') },
    { id: 'c/2013', cityId: 'c', cityName: 'Чита', year: 2013, html: html('c1', 'c2') },
  ]);
  const first = grid.questions[0];
  expect(first?.years.map((y) => [y.year, y.answers.map((a) => a.cityId)])).toEqual([[2013, ['a', 'c']], [2014, ['b']]]);
  expect(first?.years[0]?.answers[0]?.html).toBe('<p>a1</p>');
  expect(grid.questions[1]?.years[1]?.answers[0]?.html).toBe('<p>b2</p>');
  expect(grid.unmatched.map((u) => `${u.cityId}:${u.heading}`)).toEqual(['a:Приложение', 'c:Приложение', 'b:Приложение']);
});
