/**
 * The published site as a reader gets it: the built pages of the real bank in dist/.
 */
import { existsSync, readFileSync, globSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { metricSchema } from '../../src/lib/content/schema.ts';
import { readKnownIds } from '../../src/lib/content/vocabulary.ts';
import { countOf, formatFigure } from '../../src/lib/format.ts';
import { ru } from '../../src/i18n/ru.ts';
import { readBank } from '../helpers/content-bank.ts';
import { readPage, textOf } from '../helpers/html.ts';
import { projectRoot, publishedDist } from '../helpers/paths.ts';
import { requireBuilt } from '../helpers/build-bank.ts';
import { present } from '../helpers/present.ts';

const contentDir = resolve(projectRoot, 'content');
/** The published bank read from content/ through the real schemas: what the pages must show. */
const bank = readBank(contentDir);
// A copy of shared/seeds/000_baba219e4dfd6f3d.txt, the report exactly as Irkutsk sent it.
const seedPath = resolve(projectRoot, 'tests/fixtures/seeds/irkutsk-2013.txt');
const submissionFile = resolve(contentDir, 'submissions/irkutsk/2013-public-engagement.mdx');
/** Folds whitespace (the thin spaces of typography included) so texts compare as a reader reads them. */
const fold = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

beforeAll(() => {
  requireBuilt(publishedDist);
});

describe('every entry has its page', () => {
  const known = readKnownIds(contentDir);
  const expected = [
    '/',
    '/practices/',
    '/cities/',
    '/topics/',
    '/submissions/',
    '/about/',
    ...[...globSync('practices/**/[^_]*.mdx', { cwd: contentDir })].map((f) => `/practices/${f.slice('practices/'.length, -4)}/`),
    ...[...known.submissions].map((id) => `/submissions/${id}/`),
    ...[...known.cities].map((id) => `/cities/${id}/`),
    ...[...known.topics].map((id) => `/topics/${id}/`),
    ...[...known.questionnaires].map((id) => `/questionnaires/${id}/`),
  ];

  it.each(expected)('%s', (path) => {
    const { document } = readPage(publishedDist, path);
    expect(document.documentElement.getAttribute('lang')).toBe('ru');
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(textOf(document.querySelector('h1'))).not.toBe('');
  });

  it('has a 404 page', () => {
    expect(existsSync(resolve(publishedDist, '404.html'))).toBe(true);
  });
});

describe('the Irkutsk practices show every figure as the source states it', () => {
  const submissionText = fold(parseFrontmatter(readFileSync(submissionFile, 'utf8')).body);
  const practiceFiles = globSync('practices/irkutsk/[^_]*.mdx', { cwd: contentDir });

  it('has a page for every practice drawn from the 2013 report, and every practice of Irkutsk is drawn from it', () => {
    const drawn = bank.practices.filter((p) => p.data.submission.id === 'irkutsk/2013-public-engagement').map((p) => `practices/${p.id}.mdx`);
    expect(drawn.length).toBeGreaterThan(0);
    expect([...practiceFiles].sort()).toEqual(drawn.sort());
    for (const file of drawn) expect(existsSync(resolve(publishedDist, file.replace(/\.mdx$/, ''), 'index.html')), file).toBe(true);
  });

  for (const file of practiceFiles) {
    const id = file.slice('practices/'.length, -'.mdx'.length);
    const { data } = parseFrontmatter(readFileSync(resolve(contentDir, file), 'utf8'));
    const metrics = (data.metrics as unknown[]).map((m) => metricSchema.parse(m));

    it(`${id}: each metric's wording is in the city's text, and on the page with its qualifier`, () => {
      expect(metrics.length).toBeGreaterThan(0);
      const { document } = readPage(publishedDist, `/practices/${id}/`);
      const rows = [...document.querySelectorAll('table.metrics tbody tr')];
      expect(rows).toHaveLength(metrics.length);
      metrics.forEach((metric, i) => {
        expect(submissionText).toContain(fold(metric.source));
        const row = fold(textOf(present(rows[i], `row ${i + 1}`)));
        expect(row).toContain(fold(formatFigure(metric.value, metric.qualifier, metric.unit)));
        expect(row).toContain(fold(metric.source));
        if (metric.qualifier === 'more-than') expect(fold(metric.source)).toMatch(/более/);
      });
    });

    it(`${id}: links to its source submission`, () => {
      const { document } = readPage(publishedDist, `/practices/${id}/`);
      expect(document.querySelector('a[data-source-link]')?.getAttribute('href')).toBe('/submissions/irkutsk/2013-public-engagement/');
    });
  }

  it('states the learning-city figures the way the report does', () => {
    const text = fold(textOf(readPage(publishedDist, '/practices/irkutsk/learning-city/').document.querySelector('main')));
    expect(text).toContain('более 15 000 человек');
    expect(text).toContain('«более 15 тысяч человек»');
    expect(text).toContain('657 мероприятий');
    expect(text).toContain('более 230 общественных, муниципальных, коммерческих структур');
    expect(text).toContain('долгосрочная целевая программа «Открытый город» на 2013–2017 годы');
  });
});

describe('the submission page holds the city text verbatim', () => {
  const { document } = readPage(publishedDist, '/submissions/irkutsk/2013-public-engagement/');
  const pageText = fold(textOf(document.querySelector('[data-verbatim]')));
  const seed = readFileSync(seedPath, 'utf8');

  it('every line of the report is on the page, spelling included', () => {
    const lines = seed.split('\n').map((l) => fold(l.replace(/^- /, ''))).filter(Boolean);
    expect(lines[0]).toBe('ИРКУТСК');
    for (const line of lines.slice(1)) expect(pageText).toContain(line);
    // The original heading is shown as the document's heading, not lost.
    expect(textOf(document.querySelector('main'))).toContain('ИРКУТСК');
    // Spelling kept as sent: «самой активное», «серьезный».
    expect(pageText).toContain('самой активное участие');
  });

  it('lists the practices drawn from it', () => {
    const links = [...document.querySelectorAll('#drawn-heading ~ ul a')].map((a) => a.getAttribute('href')).sort();
    const drawn = bank.practices.filter((p) => p.data.submission.id === 'irkutsk/2013-public-engagement').map((p) => `/practices/${p.id}/`);
    expect(links).toEqual(drawn.sort());
  });

  it('renders the questionnaire questions as headings with anchors', () => {
    const headings = [...document.querySelectorAll('[data-verbatim] h2')];
    expect(headings.map((h) => textOf(h))).toEqual([
      'Что наиболее значительное удалось сделать в области взаимодействия с общественностью в 2013 году',
      'Какую помощь и содействие в решении предстоящих задач может оказать АСДГ',
    ]);
    expect(headings.every((h) => h.id)).toBe(true);
  });
});

describe('a practice page', () => {
  const { document } = readPage(publishedDist, '/practices/irkutsk/resource-centres/');
  const main = fold(textOf(document.querySelector('main')));

  it('has a fact box with city, years, status, programme, topics and partners', () => {
    const facts = fold(textOf(document.querySelector('.facts')));
    expect(facts).toContain('Иркутск, Иркутская область');
    expect(facts).toContain('с 2012');
    expect(facts).toContain('реализуется (по данным на 2013 год)');
    expect(facts).toContain('«Открытый город»');
    expect(facts).toContain('Ресурсные центры');
    expect(facts).toContain('МКУ «ГОРОД»');
  });

  it('shows the contact, the description and related practices', () => {
    expect(document.querySelector('address a[href="https://admirk.ru"]')).not.toBeNull();
    expect(main).toContain('шаговой доступности');
    expect(document.querySelectorAll('#related-heading ~ .cards .card').length).toBeGreaterThan(0);
  });

  it('is readable without JavaScript: the content is in the HTML', () => {
    expect(main).toContain('трех ресурсных центров');
  });
});

describe('city page', () => {
  it('states the population with its date and source', () => {
    const text = fold(textOf(readPage(publishedDist, '/cities/irkutsk/').document.querySelector('main')));
    expect(text).toContain('617 515 чел. на 1 января 2021 г.');
    expect(text).toContain('Росстат');
    const count = bank.practices.filter((p) => p.data.city.id === 'irkutsk').length;
    expect(fold(textOf(readPage(publishedDist, '/cities/irkutsk/').document.querySelector('#practices-heading')))).toBe(fold(ru.headingCount(countOf(count, ru.counts.practices))));
  });
});
