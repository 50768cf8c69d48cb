/** A submission's sections, cut from the tree by the renderer, filed under questions. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { answersByQuestion, matchQuestion } from '../../src/lib/compare/answers.ts';
import { renderSafeMdx } from '../../src/lib/content/safe-mdx.ts';
import { parseYaml } from '../../src/lib/content/frontmatter.ts';
import { questionnaireSchema } from '../../src/lib/content/schema.ts';
import { projectRoot } from '../helpers/paths.ts';

const questionnaire = questionnaireSchema.parse(parseYaml(readFileSync(resolve(projectRoot, 'content/questionnaires/asdg-public-engagement.yaml'), 'utf8')).data);
const irkutsk = renderSafeMdx(readFileSync(resolve(projectRoot, 'content/submissions/irkutsk/2013-public-engagement.mdx'), 'utf8'), { sections: true });
const sectionsOf = (body: string) => renderSafeMdx(body, { sections: true }).sections ?? [];

describe('sections from the tree', () => {
  it('cuts the Irkutsk submission at its two questions, by the same renderer the build uses', () => {
    const sections = irkutsk.sections ?? [];
    expect(sections.map((s) => s.heading)).toEqual(irkutsk.headings.filter((h) => h.depth === 2).map((h) => h.text));
    expect(sections.map((s) => s.id)).toEqual(irkutsk.headings.filter((h) => h.depth === 2).map((h) => h.slug));
    // The HTML is typeset (no-break spaces); the words are the source's.
    expect(sections[0]?.html.replace(/\u00a0/g, ' ')).toContain('более 15 тысяч человек');
    expect(sections[0]?.html).not.toContain('аккумулирует опыт');
    expect(sections[1]?.html).toContain('аккумулирует опыт');
  });

  it('leaves text before the first heading out and keeps headings as a reader sees them', () => {
    const sections = sectionsOf('intro\n\n## Q & A\n\nx\n\n## B\n');
    expect(sections).toEqual([{ heading: 'Q & A', id: 'q--a', html: '<p>x</p>' }, { heading: 'B', id: 'b', html: '' }]);
  });

  it('moves headings inside an answer down two levels and drops their ids', () => {
    expect(sectionsOf('## A\n\n### a\n\nb\n\n##### c\n')[0]?.html).toBe('<h5>a</h5>\n<p>b</p>\n<h6>c</h6>');
  });

  it('an attribute value that looks like markup never starts a section or an element', () => {
    const hostile = [
      '## A',
      '',
      'Текст <abbr title="</abbr></p><h2>Вторжение</h2><meta http-equiv=refresh content=0;url=https://evil.example/>">АСДГ</abbr>.',
      '',
      // In alt text MDX takes `<` for a component; `\\<` is how a city writes the character itself.
      '![\\</p>\\<h2 id=x>Б\\</h2>\\<meta http-equiv="refresh" content="0;url=https://evil.example/">](/favicon.svg)',
      '',
      '[ссылка](/about/ "</a><h2>В</h2><meta http-equiv=refresh content=0;url=//evil.example>")',
      '',
    ].join('\n');
    const sections = sectionsOf(hostile);
    expect(sections.map((s) => s.heading)).toEqual(['A']);
    // Read by an HTML parser, as a browser would: the payload is an attribute's text, never an element.
    const { document } = parseHTML(`<!doctype html><html><body>${sections[0]?.html}</body></html>`);
    expect(document.querySelectorAll('meta, h2, h1').length).toBe(0);
    expect([...document.querySelectorAll('body *')].map((e) => e.tagName.toLowerCase()).sort()).toEqual(['a', 'abbr', 'img', 'p', 'p', 'p']);
    expect(document.querySelector('abbr')?.getAttribute('title')).toContain('<meta http-equiv=refresh');
  });

  it('a heading inside a quote or a component is not a question', () => {
    const sections = sectionsOf('## A\n\n> ## в цитате\n\n<Callout>\n\n## в блоке\n\n</Callout>\n');
    expect(sections.map((s) => s.heading)).toEqual(['A']);
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

it('answersByQuestion puts cities of one year side by side, oldest year first', () => {
  const html = (a: string, b: string) => sectionsOf(`## ${questionnaire.questions[0]?.text} в году\n\n${a}\n\n## ${questionnaire.questions[1]?.text}\n\n${b}\n\n## Приложение\n\nz\n`);
  const grid = answersByQuestion(questionnaire.questions, [
    { id: 'b/2014', cityId: 'b', cityName: 'Братск', year: 2014, sections: html('b1', 'b2') },
    { id: 'a/2013', cityId: 'a', cityName: 'Абакан', year: 2013, sections: html('a1', 'a2') },
    { id: 'c/2013', cityId: 'c', cityName: 'Чита', year: 2013, sections: html('c1', 'c2') },
  ]);
  const first = grid.questions[0];
  expect(first?.years.map((y) => [y.year, y.answers.map((a) => a.cityId)])).toEqual([[2013, ['a', 'c']], [2014, ['b']]]);
  expect(first?.years[0]?.answers[0]?.html).toBe('<p>a1</p>');
  expect(grid.questions[1]?.years[1]?.answers[0]?.html).toBe('<p>b2</p>');
  expect(grid.unmatched.map((u) => `${u.cityId}:${u.heading}`)).toEqual(['a:Приложение', 'c:Приложение', 'b:Приложение']);
});
