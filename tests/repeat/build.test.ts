/**
 * Issue 16 on a real build of the synthetic multi-city bank (tests/fixtures/multi-city): the
 * adoption chain Тестоград → Примерск → Образцовск on practice, city and compare pages, in the
 * open data and on the map; completeness badges and the «только полные описания» page; the
 * «Хочу повторить» letter; the printed collections.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedBank } from '../helpers/shared-bank.ts';
import { readPage, textOf } from '../helpers/html.ts';
import { siteOf } from '../feeds/site-of.ts';
import { siteConfig } from '../../src/lib/site/site-config.ts';
import { present } from '../helpers/present.ts';

let dist = '';

beforeAll(() => {
  const result = sharedBank('multi-city');
  if (result.status !== 0) throw new Error(result.output);
  dist = result.dist;
});

const SOURCE = 'testograd/resource-centres';
const MIDDLE = 'primersk/resource-centre';
const END = 'obrazcovsk/good-deeds-contest';
const OTHER = 'testograd/volunteer-lessons';

/**
 * Completeness counted by hand from the fixture files (items in src/lib/content/completeness.ts):
 * - resource-centres (Тестоград): figures, transferability, active, status, programme, budget
 *   2500 тыс. руб. (applies: it has a programme), department, e-mail, confirmed → 9 of 9.
 * - resource-centre (Примерск): no programme (so budget does not apply), person and e-mail, not
 *   confirmed → 6 of 8 = 75 %, missing programme and confirmed.
 * - good-deeds-contest (Образцовск): programme with a prize fund, department, phone, confirmed → 9 of 9.
 * - volunteer-lessons (Тестоград): no programme, nobody named, e-mail, not confirmed → 5 of 8 = 62.5 → 63 %.
 */
const EXPECTED: Record<string, { score: number; met: number; of: number; missing: string[] }> = {
  [SOURCE]: { score: 100, met: 9, of: 9, missing: [] },
  [MIDDLE]: { score: 75, met: 6, of: 8, missing: ['programme', 'confirmed'] },
  [END]: { score: 100, met: 9, of: 9, missing: [] },
  [OTHER]: { score: 63, met: 5, of: 8, missing: ['programme', 'contactPerson', 'confirmed'] },
};
const COMPLETE = Object.entries(EXPECTED).filter(([, e]) => e.missing.length === 0).map(([id]) => id).sort();

const page = (path: string) => readPage(dist, path).document;

describe('the adoption trail', () => {
  it('the source shows «Повторили» with the city and year of the practice that repeated it', () => {
    const trail = page(`/practices/${SOURCE}/`).querySelector('[data-trail]');
    expect(trail?.querySelector('[data-adapted-from]')).toBeNull();
    const adopters = [...(trail?.querySelectorAll('[data-adopter]') ?? [])];
    expect(adopters.map((li) => li.getAttribute('data-adopter'))).toEqual([MIDDLE]);
    expect(textOf(trail?.querySelector('[data-repeated-by] > p') ?? null)).toBe('Повторили:');
    expect(textOf(adopters[0] ?? null)).toMatch(/^Примерск, 2013 — Ресурсный центр Примерска\. Что изменили: Один общий центр/);
    expect(adopters[0]?.querySelector('a')?.getAttribute('href')).toBe(`/practices/${MIDDLE}/`);
  });

  it('the end says where it was taken from and what was changed, and nobody repeated it yet', () => {
    const trail = page(`/practices/${END}/`).querySelector('[data-trail]');
    expect(trail?.querySelector('[data-adapted-from]')?.getAttribute('data-adapted-from')).toBe(MIDDLE);
    expect(textOf(trail)).toContain('Повторение практики города Примерска (2014): Ресурсный центр Примерска (Примерск, 2013)');
    expect(textOf(trail)).toContain('Что изменили: Вместо центра — конкурс инициатив');
    expect(trail?.querySelector('[data-repeated-by]')).toBeNull();
  });

  it('the middle shows both, and a practice outside the chain shows none', () => {
    const trail = page(`/practices/${MIDDLE}/`).querySelector('[data-trail]');
    expect(trail?.querySelector('[data-adapted-from]')?.getAttribute('data-adapted-from')).toBe(SOURCE);
    expect([...(trail?.querySelectorAll('[data-adopter]') ?? [])].map((li) => li.getAttribute('data-adopter'))).toEqual([END]);
    expect(page(`/practices/${OTHER}/`).querySelector('[data-trail]')).toBeNull();
  });

  it('city pages say which practices the city took and gave', () => {
    const primersk = page('/cities/primersk/');
    expect([...primersk.querySelectorAll('[data-city-took] [data-link]')].map((li) => li.getAttribute('data-link'))).toEqual([`${SOURCE}>${MIDDLE}`]);
    expect([...primersk.querySelectorAll('[data-city-gave] [data-link]')].map((li) => li.getAttribute('data-link'))).toEqual([`${MIDDLE}>${END}`]);
    expect(page('/cities/testograd/').querySelector('[data-city-took]')).toBeNull();
    expect(textOf(page('/cities/obrazcovsk/').querySelector('[data-city-took]'))).toContain('Конкурс добрых дел Образцовска (2014) ← Ресурсный центр Примерска');
  });

  it('the map layer has one line per link, from the source city to the adopting one', () => {
    const map = page('/cities/').querySelector('[data-adoption-map]');
    const lines = [...(map?.querySelectorAll('[data-adoption-link]') ?? [])];
    expect(lines.map((l) => l.getAttribute('data-adoption-link')).sort()).toEqual(['primersk>obrazcovsk', 'testograd>primersk']);
    expect(lines.map((l) => l.getAttribute('data-count'))).toEqual(['1', '1']);
    // Each line runs between two different points of the drawing, and the list says it in text.
    for (const l of lines) expect(`${l.getAttribute('x1')},${l.getAttribute('y1')}`).not.toBe(`${l.getAttribute('x2')},${l.getAttribute('y2')}`);
    expect(map?.querySelectorAll('[data-adoption-list] li')).toHaveLength(2);
  });

  it('the compare files carry it both ways', () => {
    // One file per practice (/compare/p/<city>/<slug>.json), reached from the per-city lists.
    type CompareFile = { id: string; url: string; adaptedFrom?: { id: string; url: string; changes: string; year: number }; adoptedBy: { id: string; url: string; city: string; year: number }[] };
    const record = (id: string) => JSON.parse(readFileSync(resolve(dist, `compare/p/${id}.json`), 'utf8')) as CompareFile;
    const listed = (city: string) => (JSON.parse(readFileSync(resolve(dist, `compare/c/${city}.json`), 'utf8')) as { practices: { id: string }[] }).practices.map((p) => p.id);
    for (const id of [SOURCE, MIDDLE, END, OTHER]) expect(listed(id.split('/')[0] ?? '')).toContain(id);
    const byId = new Map([SOURCE, MIDDLE, END, OTHER].map((id) => [id, record(id)]));
    for (const [id, r] of byId) expect(r.id).toBe(id);
    expect(byId.get(MIDDLE)?.adaptedFrom?.url).toBe(`/practices/${SOURCE}/`);
    expect(byId.get(SOURCE)?.adoptedBy[0]?.url).toBe(`/practices/${MIDDLE}/`);
    expect(byId.get(OTHER)?.adaptedFrom).toBeUndefined();
    expect(byId.get(OTHER)?.adoptedBy).toEqual([]);
    expect(byId.get(SOURCE)?.adaptedFrom).toBeUndefined();
    expect(byId.get(SOURCE)?.adoptedBy).toEqual([expect.objectContaining({ id: MIDDLE, city: 'Примерск', year: 2013 })]);
    expect(byId.get(MIDDLE)?.adaptedFrom).toMatchObject({ id: SOURCE, year: 2012, changes: expect.stringContaining('Один общий центр') });
    expect(byId.get(END)?.adaptedFrom?.id).toBe(MIDDLE);
    expect(byId.get(END)?.adoptedBy).toEqual([]);
  });

  it('the open data carries it: adaptedFrom and adoptedBy in JSON and CSV, described in the codebook', () => {
    const records = JSON.parse(readFileSync(resolve(dist, 'data/practices.json'), 'utf8')) as { id: string; adaptedFrom?: { practice: string; changes: string }; adoptedBy: string[] }[];
    const byId = new Map(records.map((r) => [r.id, r]));
    expect(byId.get(MIDDLE)?.adaptedFrom?.practice).toBe(SOURCE);
    expect(byId.get(SOURCE)?.adoptedBy).toEqual([MIDDLE]);
    expect(byId.get(MIDDLE)?.adoptedBy).toEqual([END]);
    const rows = parse(readFileSync(resolve(dist, 'data/practices.csv')), { bom: true, columns: true }) as Record<string, string>[];
    const row = (id: string) => present(rows.find((r) => r.id === id), `practices.csv row ${id}`);
    expect(row(END).adaptedFrom_practice).toBe(MIDDLE);
    expect(row(END).adaptedFrom_changes).toContain('конкурс инициатив');
    expect(row(SOURCE).adoptedBy).toBe(MIDDLE);
    expect(row(OTHER).adaptedFrom_practice).toBe('');
    const codebook = textOf(page('/data/').querySelector('main'));
    for (const column of ['adaptedFrom_practice', 'adaptedFrom_changes', 'adoptedBy', 'completeness_score', 'completeness_complete', 'completeness_missing', 'contact_department', 'contact_confirmed']) expect(codebook, column).toContain(column);
  });
});

describe('completeness', () => {
  it('each practice page shows the hand-counted score and what is missing', () => {
    for (const [id, want] of Object.entries(EXPECTED)) {
      const badge = page(`/practices/${id}/`).querySelector('.completeness');
      expect(badge?.getAttribute('data-completeness'), id).toBe(String(want.score));
      expect(badge?.getAttribute('data-missing'), id).toBe(want.missing.join(' '));
      expect(textOf(badge), id).toContain(want.missing.length ? `Полнота: ${want.met} из ${want.of}` : 'Полное описание');
    }
    expect(textOf(page(`/practices/${MIDDLE}/`).querySelector('.completeness'))).toContain('не хватает: программа, подтверждение города');
  });

  it('cards carry it, and the open data has it in columns', () => {
    const cards = [...page('/practices/').querySelectorAll('[data-catalogue-list] [data-practice]')];
    expect(cards.filter((c) => c.getAttribute('data-complete') === 'yes').map((c) => c.getAttribute('data-practice')).sort()).toEqual(COMPLETE);
    for (const card of cards) expect(card.querySelector('.completeness')?.getAttribute('data-completeness')).toBe(String(EXPECTED[card.getAttribute('data-practice') ?? '']?.score));
    const rows = parse(readFileSync(resolve(dist, 'data/practices.csv')), { bom: true, columns: true }) as Record<string, string>[];
    for (const [id, want] of Object.entries(EXPECTED)) {
      const row = present(rows.find((r) => r.id === id), `practices.csv row ${id}`);
      expect(row.completeness_score, id).toBe(String(want.score));
      expect(row.completeness_complete, id).toBe(String(want.missing.length === 0));
      expect(row.completeness_missing, id).toBe(want.missing.join(' | '));
    }
  });

  it('without JavaScript, /practices/complete/ lists exactly the complete descriptions, and the catalogue links to it', () => {
    const complete = page('/practices/complete/');
    expect([...complete.querySelectorAll('[data-complete-list] [data-practice]')].map((c) => c.getAttribute('data-practice')).sort()).toEqual(COMPLETE);
    expect(page('/practices/').querySelector('[data-catalogue-complete-link] a')?.getAttribute('href')).toBe('/practices/complete/');
    expect(textOf(page('/practices/').querySelector('[data-catalogue-complete-link] a'))).toBe(`Только полные описания (${COMPLETE.length})`);
  });

  it('/data/ explains how the score is counted, item by item', () => {
    const section = page('/data/').querySelector('#completeness-heading')?.parentElement ?? null;
    expect(textOf(section)).toContain('муниципальная программа');
    expect(section?.querySelectorAll('[data-completeness-item]')).toHaveLength(9);
  });
});

describe('«Хочу повторить»', () => {
  it('is a mailto to the practice’s e-mail whose subject and body decode to the prefilled Russian letter', () => {
    const link = page(`/practices/${MIDDLE}/`).querySelector('[data-request-mailto]');
    const href = link?.getAttribute('href') ?? '';
    expect(href.startsWith('mailto:primersk@example.org?')).toBe(true);
    const query = new URLSearchParams(href.slice(href.indexOf('?') + 1));
    expect(query.get('subject')).toBe('Хотим повторить практику «Ресурсный центр Примерска» (Примерск)');
    const site = new URL(siteOf(dist));
    expect(query.get('body')).toBe([
      'Здравствуйте!',
      '',
      `Мы прочитали в банке практик АСДГ о практике «Ресурсный центр Примерска» в Примерске: ${new URL(`/practices/${MIDDLE}/`, site).href}`,
      'и хотим повторить её у себя.',
      '',
      'Кто спрашивает: [город, организация, имя и должность, телефон]',
      '',
      'Что мы хотим узнать:',
      '— идёт ли практика сейчас и кто за неё отвечает;',
      '— какие документы её оформляют (положение, порядок, программа) и можно ли их получить;',
      '— сколько она стоит и из каких средств оплачивается;',
      '— что получилось, что нет и что вы сделали бы иначе.',
      '',
      'С уважением,',
      '[имя]',
    ].join('\r\n'));
    // Spaces are %20, never «+», which mail programs would show as it is.
    expect(href).not.toContain('+');
    expect(textOf(page(`/practices/${MIDDLE}/`).querySelector('[data-repeat-request]'))).toContain('Банк не считает обращения');
  });

  it('is absent where the practice has no e-mail; the page says whom to ask', () => {
    const section = page(`/practices/${END}/`).querySelector('[data-repeat-request]');
    expect(section?.querySelector('[data-request-mailto]')).toBeNull();
    const none = section?.querySelector('[data-request-none]') ?? null;
    expect(textOf(none)).toContain('обратитесь в ассоциацию АСДГ');
    expect(none?.querySelector('a[href="/about/"]')).not.toBeNull();
    // The association is reached through the editors' address, the one setting (EDITORS_EMAIL)
    // the build read; no other address, and never one the city did not give.
    const editors = siteConfig().editorsEmail;
    const mailtos = [...(section?.querySelectorAll('a[href^="mailto:"]') ?? [])];
    expect(mailtos).toHaveLength(1);
    expect(mailtos[0]?.hasAttribute('data-request-association')).toBe(true);
    expect(mailtos[0]?.closest('[data-request-none]')).toBe(none);
    const href = mailtos[0]?.getAttribute('href') ?? '';
    expect(decodeURIComponent(href.slice('mailto:'.length, href.indexOf('?')))).toBe(editors);
    const query = new URLSearchParams(href.slice(href.indexOf('?') + 1));
    expect(query.get('subject')).toBe('Хотим повторить практику «Конкурс добрых дел Образцовска» (Образцовск)');
    expect(query.get('body')).toContain(new URL(`/practices/${END}/`, new URL(siteOf(dist))).href);
  });

  it('the contact shows department, person, phone and the city’s confirmation date only where given', () => {
    const lines = [...page(`/practices/${END}/`).querySelectorAll('address > p')].map(textOf);
    expect(lines).toEqual(['Синтетическая администрация, Синтетический комитет по делам общественности', '+7 (000) 000-00-00', 'данные подтверждены городом 20 января 2026 г.']);
    expect([...page(`/practices/${MIDDLE}/`).querySelectorAll('address > p')].map(textOf)).toEqual(['Синтетическая администрация', 'Синтетический специалист ресурсного центра', 'primersk@example.org']);
    expect(page(`/practices/${MIDDLE}/`).querySelector('address [data-confirmed]')).toBeNull();
  });
});

describe('printed collections', () => {
  it('one per topic and per reporting year, each with one section per practice', () => {
    const topic = page('/collections/topic/resource-centres/');
    expect(textOf(topic.querySelector('h1'))).toBe('Сборник практик: ресурсные центры');
    expect([...topic.querySelectorAll('[data-collection-practice]')].map((s) => s.getAttribute('data-collection-practice')).sort()).toEqual([MIDDLE, SOURCE].sort());
    const year = page('/collections/year/2013/');
    expect([...year.querySelectorAll('[data-collection-practice]')].map((s) => s.getAttribute('data-collection-practice')).sort()).toEqual([MIDDLE, SOURCE, OTHER].sort());
    expect([...page('/collections/year/2014/').querySelectorAll('[data-collection-practice]')].map((s) => s.getAttribute('data-collection-practice'))).toEqual([END]);
    const index = page('/collections/');
    expect([...index.querySelectorAll('[data-collection-link]')].map((l) => l.getAttribute('data-collection-link'))).toContain('year:2013');
    expect(page('/topics/resource-centres/').querySelector('[data-collection-link] a')?.getAttribute('href')).toBe('/collections/topic/resource-centres/');
  });

  it('each section has the fact box, the figures with source wording, the contact and the source', () => {
    const section = page('/collections/topic/resource-centres/').querySelector(`[data-collection-practice="${SOURCE}"]`);
    expect(section?.querySelector('dl.facts')).not.toBeNull();
    expect(textOf(section?.querySelector('.collection__metrics') ?? null)).toContain('«бюджет 2500 тысяч рублей»');
    expect(textOf(section?.querySelector('address') ?? null)).toContain('test@example.org');
    expect(textOf(section)).toContain('материал города за 2013 год');
    expect(textOf(section)).toContain('Повторили: Примерск, 2013');
  });
});
