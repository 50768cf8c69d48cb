/**
 * The compare index, the map, the topic tables, the charts and the questionnaire page, read from
 * a real build of the synthetic multi-city bank (tests/fixtures/multi-city).
 */
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedBank } from '../helpers/shared-bank.ts';
import { readPage, textOf } from '../helpers/html.ts';
import { fixturesDir } from '../helpers/paths.ts';
import { russiaProjection } from '../../src/lib/map/cities-map.ts';
import type { CityChoices } from '../../src/lib/compare/from-bank.ts';
import type { CompareRecord } from '../../src/lib/compare/record.ts';
import { expectRecordFromContent, readBank } from './bank-records.ts';
import { present } from '../helpers/present.ts';

const contentDir = resolve(fixturesDir, 'multi-city');
const bank = readBank(contentDir);
let dist = '';

beforeAll(() => {
  dist = sharedBank('multi-city').dist;
});

/** Every per-practice compare file (/compare/p/<city>/<slug>.json), read back as the browser gets it. */
const readIndex = (): { practices: CompareRecord[] } => {
  const folder = resolve(dist, 'compare/p');
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).sort();
  return { practices: files.map((f) => JSON.parse(readFileSync(resolve(folder, f), 'utf8')) as CompareRecord) };
};

describe('the compare files', () => {
  it('has one file per published practice, named by its id, and none for a draft; no whole-bank index', () => {
    expect(existsSync(resolve(dist, 'compare/index.json'))).toBe(false);
    for (const p of readIndex().practices) expect(existsSync(resolve(dist, `compare/p/${p.id}.json`)), p.id).toBe(true);
    const ids = readIndex().practices.map((p) => p.id).sort();
    expect(ids).toEqual(bank.practices.map((p) => p.id).sort());
    expect(ids).not.toContain('testograd/_draft-practice');
  });

  it('holds, for each practice, every field the view shows, as the content files give them', () => {
    for (const record of readIndex().practices) {
      expectRecordFromContent(record, bank);
      expect(existsSync(resolve(dist, `.${record.url}`, 'index.html')), record.url).toBe(true);
    }
  });

  it('gives the population where the city record has one, and none for Образцовск', () => {
    const byId = new Map(readIndex().practices.map((p) => [p.id, p]));
    expect(byId.get('testograd/resource-centres')?.city.population).toMatchObject({ value: 500000, year: 2021 });
    expect(byId.get('obrazcovsk/good-deeds-contest')?.city.population).toBeUndefined();
  });

  it('lists each city\'s practices for the «add» choice, and nothing of other cities', () => {
    const cities = new Set(bank.practices.map((p) => p.id.split('/')[0]));
    for (const city of cities) {
      const choices = JSON.parse(readFileSync(resolve(dist, `compare/c/${city}.json`), 'utf8')) as CityChoices;
      expect(choices.practices.map((p) => p.id).sort()).toEqual(bank.practices.filter((p) => p.id.startsWith(`${city}/`)).map((p) => p.id).sort());
    }
  });

  it('keeps qualifiers and units of every metric', () => {
    const primersk = readIndex().practices.find((p) => p.id === 'primersk/resource-centre');
    expect(primersk?.metrics).toContainEqual(expect.objectContaining({ kind: 'organisations', value: 120, qualifier: 'about', unit: 'объединённых организаций' }));
    expect(primersk?.metrics).toContainEqual(expect.objectContaining({ kind: 'budget', value: 1.2, unit: 'млн руб.' }));
  });

  it('has a compare page that explains, without JavaScript, where to go instead', () => {
    const { document } = readPage(dist, '/compare/');
    const noscript = document.querySelector('noscript');
    expect(noscript?.innerHTML).toContain('JavaScript');
    expect(noscript?.innerHTML).toContain('href="/practices/"');
    expect(document.querySelector('[data-compare-app]')?.hasAttribute('hidden')).toBe(true);
  });

  it('puts a hidden «Сравнить» button on the practice page and none in a card without JavaScript', () => {
    const { document } = readPage(dist, '/practices/');
    const cards = [...document.querySelectorAll('article[data-practice]')];
    expect(cards).toHaveLength(4);
    // The script adds each card's button (tests/compare/browser.test.ts presses them).
    for (const card of cards) expect(card.querySelector('button')).toBeNull();
    const page = readPage(dist, '/practices/primersk/resource-centre/').document;
    const button = page.querySelector('main button[data-compare-toggle="primersk/resource-centre"]');
    expect(button?.hasAttribute('hidden')).toBe(true);
    expect(button?.getAttribute('aria-pressed')).toBe('false');
  });
});

describe('the map', () => {
  const practicesOf = (cityId: string) => bank.practices.filter((p) => p.data.city.id === cityId).length;

  for (const path of ['/', '/cities/']) {
    it(`on ${path} has one mark per city with practices, at the city's projected coordinates`, () => {
      const { document } = readPage(dist, path);
      const svg = document.querySelector('[data-city-map] svg');
      expect(svg).not.toBeNull();
      const projection = russiaProjection(Number(svg?.getAttribute('data-map-width')), Number(svg?.getAttribute('data-map-height')));
      const marks = [...document.querySelectorAll('[data-city-map] a[data-city]')];
      const withPractices = bank.cities.filter((c) => practicesOf(c.id) > 0);
      expect(marks.map((m) => m.getAttribute('data-city')).sort()).toEqual(withPractices.map((c) => c.id).sort());
      for (const city of withPractices) {
        const mark = document.querySelector(`[data-city-map] a[data-city="${city.id}"]`);
        const circle = mark?.querySelector('circle');
        expect(mark?.getAttribute('href')).toBe(`/cities/${city.id}/`);
        expect(Number(circle?.getAttribute('data-lat'))).toBe(city.data.coordinates.lat);
        expect(Number(circle?.getAttribute('data-lon'))).toBe(city.data.coordinates.lon);
        const [x, y] = projection([city.data.coordinates.lon, city.data.coordinates.lat]) ?? [NaN, NaN];
        expect(Number(circle?.getAttribute('cx'))).toBeCloseTo(x, 0);
        expect(Number(circle?.getAttribute('cy'))).toBeCloseTo(y, 0);
        expect(Number(circle?.getAttribute('data-count'))).toBe(practicesOf(city.id));
        expect(mark?.getAttribute('aria-label')).toContain(city.data.name.nominative);
      }
      // Тестоград has two practices, the others one: its mark is the biggest.
      const radius = (id: string) => Number(document.querySelector(`a[data-city="${id}"] circle`)?.getAttribute('r'));
      expect(radius('testograd')).toBeGreaterThan(radius('primersk'));
      expect(radius('primersk')).toBe(radius('obrazcovsk'));
      // The text equivalent names the same cities.
      const listed = [...document.querySelectorAll('[data-map-list] a')].map((a) => a.getAttribute('href')).sort();
      expect(listed).toEqual(withPractices.map((c) => `/cities/${c.id}/`).sort());
    });
  }

  it('sits in the right part of Russia: Примерск (135° E) east of Тестоград (83° E), Образцовск (60° E) west', () => {
    const { document } = readPage(dist, '/cities/');
    const cx = (id: string) => Number(document.querySelector(`a[data-city="${id}"] circle`)?.getAttribute('cx'));
    expect(cx('obrazcovsk')).toBeLessThan(cx('testograd'));
    expect(cx('testograd')).toBeLessThan(cx('primersk'));
  });
});

describe('topic tables', () => {
  for (const topic of bank.topics) {
    const practices = bank.practices.filter((p) => (p.data as { topics: { id: string }[] }).topics.some((t) => t.id === topic.id));
    it(`list every practice of «${topic.data.name}»`, () => {
      const { document } = readPage(dist, `/topics/${topic.id}/`);
      const table = document.querySelector('table[data-topic-table]');
      if (practices.length === 0) {
        expect(table).toBeNull();
        return;
      }
      const rows = [...(table?.querySelectorAll('tbody tr') ?? [])];
      expect(rows.map((r) => r.getAttribute('data-practice')).sort()).toEqual(practices.map((p) => p.id).sort());
      for (const row of rows) {
        expect(row.querySelector('th[scope="row"] a')?.getAttribute('href')).toBe(`/practices/${row.getAttribute('data-practice')}/`);
      }
      // The table comes first, before the cards.
      const main = document.querySelector('main');
      expect(main?.querySelector('h2')?.id).toBe('topic-table-heading');
    });
  }

  it('aligns metrics by kind and refuses to sort budgets in different units', () => {
    const { document } = readPage(dist, '/topics/resource-centres/');
    const header = (key: string) => document.querySelector(`table[data-topic-table] th[data-column="${key}"]`);
    expect(header('metric:organisations')?.getAttribute('data-sort-type')).toBe('number');
    expect(header('metric:budget')?.getAttribute('data-sort-type')).toBe('none');
    const columns = [...document.querySelectorAll('table[data-topic-table] thead th')].map((th) => th.getAttribute('data-column'));
    const cell = (practice: string, key: string) => document.querySelector(`tr[data-practice="${practice}"]`)?.children[columns.indexOf(key)] ?? null;
    expect(textOf(cell('primersk/resource-centre', 'metric:organisations'))).toBe('около 120 объединённых организаций (2013)');
    expect(cell('primersk/resource-centre', 'metric:organisations')?.getAttribute('data-sort-value')).toBe('120');
    expect(textOf(cell('primersk/resource-centre', 'metric:centres'))).toBe('—');
    expect(textOf(cell('testograd/resource-centres', 'metric:budget'))).toBe('2500 тыс. руб. (2013)');
    expect(cell('testograd/resource-centres', 'metric:budget')?.hasAttribute('data-sort-value')).toBe(false);
  });
});

describe('charts', () => {
  it('on a city page are accessible SVG with the same figures in a table', () => {
    const { document } = readPage(dist, '/cities/testograd/');
    const charts = [...document.querySelectorAll('figure[data-chart]')];
    expect(charts.map((c) => c.getAttribute('data-chart'))).toEqual(['chart-topics', 'chart-years']);
    for (const chart of charts) {
      const svg = chart.querySelector('svg');
      expect(svg?.getAttribute('role')).toBe('img');
      for (const id of svg?.getAttribute('aria-labelledby')?.split(' ') ?? []) {
        expect(textOf(document.getElementById(id)), id).not.toBe('');
      }
      expect(svg?.querySelector('title')).not.toBeNull();
      const bars = [...(svg?.querySelectorAll('.chart__bar') ?? [])].map((b) => [textOf(b.querySelector('.chart__label')), b.getAttribute('data-value')]);
      const rows = [...chart.querySelectorAll('tbody tr')].map((r) => [textOf(r.querySelector('th')), textOf(r.querySelector('td'))]);
      expect(rows).toEqual(bars);
    }
    const years = [...document.querySelectorAll('figure[data-chart="chart-years"] .chart__bar')].map((b) => `${textOf(b.querySelector('.chart__label'))}:${b.getAttribute('data-value')}`);
    expect(years).toEqual(['2012:1', '2013:1']);
    // Тестоград's two practices carry four topics, one each.
    expect(document.querySelectorAll('figure[data-chart="chart-topics"] .chart__bar')).toHaveLength(4);
  });

  it('draw a metric across cities only where its units stand together', () => {
    const { document } = readPage(dist, '/topics/resource-centres/');
    const ids = [...document.querySelectorAll('figure[data-chart]')].map((c) => c.getAttribute('data-chart'));
    expect(ids).toContain('chart-cities');
    expect(ids).toContain('chart-organisations');
    expect(ids).not.toContain('chart-budget');
    const bars = document.querySelectorAll('figure[data-chart="chart-organisations"] rect');
    const widths = [...bars].map((b) => Number(b.getAttribute('width')));
    // 120 and 40 on one linear scale: three to one.
    expect(present(widths[0], 'a first bar') / present(widths[1], 'a second bar')).toBeCloseTo(3, 1);
  });

  it('are left out where a single bar would say nothing', () => {
    const { document } = readPage(dist, '/cities/primersk/');
    expect(document.querySelector('figure[data-chart]')).toBeNull();
  });
});

describe('the questionnaire page', () => {
  it('shows every city’s answer to each question, year by year', () => {
    const { document } = readPage(dist, '/questionnaires/asdg-public-engagement/');
    for (const question of ['achievements', 'asdg-help']) {
      const section = document.querySelector(`section[data-question="${question}"]`);
      const years = [...(section?.querySelectorAll('section[data-year]') ?? [])].map((y) => y.getAttribute('data-year'));
      expect(years).toEqual(['2013', '2014']);
      const in2013 = [...(section?.querySelectorAll('section[data-year="2013"] article[data-city]') ?? [])].map((a) => a.getAttribute('data-city'));
      expect(in2013).toEqual(['primersk', 'testograd']);
      const in2014 = [...(section?.querySelectorAll('section[data-year="2014"] article[data-city]') ?? [])].map((a) => a.getAttribute('data-city'));
      expect(in2014).toEqual(['obrazcovsk']);
    }
    const testograd = document.querySelector('section[data-question="achievements"] article[data-city="testograd"]');
    expect(textOf(testograd)).toContain('открыто 4 ресурсных центра для 40 СО НКО');
    expect(textOf(testograd)).not.toContain('Обмен опытом');
    const help = document.querySelector('section[data-question="asdg-help"] article[data-city="testograd"]');
    expect(textOf(help)).toContain('Обмен опытом между ресурсными центрами');
    expect(document.querySelector('[data-unmatched]')).toBeNull();
  });
});
