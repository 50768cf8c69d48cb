/** The pure parts of issue 16: completeness item by item, the trail and its map links, the mailto. */
import { describe, expect, it } from 'vitest';
import { completenessOf, type CompletenessInput } from '../../src/lib/content/completeness.ts';
import { adoptionTrail, cityLinks } from '../../src/lib/adoption/trail.ts';
import { requestBody, requestMailto, requestSubject } from '../../src/lib/adoption/request.ts';
import { mailtoPart } from '../../src/lib/mailto.ts';
import { volumesOf } from '../../src/lib/adoption/volumes.ts';
import { present } from '../helpers/present.ts';

// SYNTHETIC practice data, in the shape the schema gives.
const bare: CompletenessInput = {
  metrics: [],
  transferability: '—',
  startYear: 2013,
  endYear: undefined,
  status: 'unknown',
  programme: undefined,
  contact: { organisation: 'Синтетическая администрация' },
};
const metric = (kind: 'budget' | 'participants' | 'prize-fund') => ({ kind, value: 1, qualifier: 'exact' as const, unit: 'ед.', year: 2013, source: '1 ед.' });

describe('completeness', () => {
  it('a bare practice meets nothing of the 8 items that apply (no programme: no budget item)', () => {
    expect(completenessOf(bare)).toEqual({ score: 0, complete: false, met: [], applicable: 8, missing: ['metrics', 'transferability', 'years', 'status', 'programme', 'contactPerson', 'contactChannel', 'confirmed'] });
  });

  it('counts each item from its field', () => {
    expect(completenessOf({ ...bare, status: 'active' }).met).toEqual(['years', 'status']);
    expect(completenessOf({ ...bare, status: 'completed', endYear: 2014 }).met).toEqual(['years', 'status']);
    expect(completenessOf({ ...bare, endYear: 2014 }).met).toEqual(['years']);
    expect(completenessOf({ ...bare, transferability: 'Нужны помещения.' }).met).toEqual(['transferability']);
    expect(completenessOf({ ...bare, contact: { organisation: 'x', phone: ' ' } }).met).toEqual([]);
    expect(completenessOf({ ...bare, contact: { organisation: 'x', phone: '+7 000', department: 'Отдел' } }).met).toEqual(['contactPerson', 'contactChannel']);
    expect(completenessOf({ ...bare, contact: { organisation: 'x', confirmed: new Date('2026-01-01') } }).met).toEqual(['confirmed']);
    expect(completenessOf({ ...bare, metrics: [metric('participants')] }).met).toEqual(['metrics']);
  });

  it('asks for a budget only where there is a programme, and a prize fund counts', () => {
    const programme = { name: 'Синтетическая', startYear: 2013, endYear: 2017 };
    expect(completenessOf({ ...bare, programme }).applicable).toBe(9);
    expect(completenessOf({ ...bare, programme, metrics: [metric('participants')] }).missing).toContain('budget');
    expect(completenessOf({ ...bare, programme, metrics: [metric('prize-fund')] }).met).toEqual(['metrics', 'programme', 'budget']);
    // 3 of 9 = 33 %.
    expect(completenessOf({ ...bare, programme, metrics: [metric('budget')] }).score).toBe(33);
  });
});

describe('the trail', () => {
  const p = (id: string, startYear: number, from?: string) => ({ id, cityId: id.split('/')[0] ?? '', title: id, startYear, adaptedFrom: from ? { practice: from, changes: 'x' } : undefined });
  const trail = adoptionTrail([p('a/one', 2010), p('b/two', 2012, 'a/one'), p('c/three', 2011, 'a/one'), p('c/four', 2013, 'b/two'), p('a/five', 2014, 'a/one')]);

  it('lists adopters by year and each source once', () => {
    expect(trail.adoptersOf('a/one').map((l) => l.adopter.id)).toEqual(['c/three', 'b/two', 'a/five']);
    expect(trail.sourceOf('c/four')?.source.id).toBe('b/two');
    expect(trail.sourceOf('a/one')).toBeUndefined();
    expect(trail.linksOfCity('c').took.map((l) => l.adopter.id)).toEqual(['c/three', 'c/four']);
  });

  it('draws one map link per pair of cities and direction, none within a city', () => {
    expect(cityLinks(trail.links)).toEqual([{ from: 'a', to: 'b', count: 1 }, { from: 'a', to: 'c', count: 1 }, { from: 'b', to: 'c', count: 1 }]);
    const twice = adoptionTrail([p('a/one', 2010), p('a/two', 2010), p('b/x', 2012, 'a/one'), p('b/y', 2012, 'a/two')]);
    expect(cityLinks(twice.links)).toEqual([{ from: 'a', to: 'b', count: 2 }]);
  });
});

describe('the request letter', () => {
  const input = { title: 'Синтетическая практика', cityName: 'Тестоград', cityLocative: 'в Тестограде', pageUrl: 'https://bank.example/practices/testograd/x/' };
  it('is absent without an e-mail and encodes subject and body as RFC 6068 asks', () => {
    expect(requestMailto({ ...input, email: undefined })).toBeUndefined();
    const href = present(requestMailto({ ...input, email: 'a@example.org' }), 'mailto: link');
    expect(href).toMatch(/^mailto:a@example\.org\?subject=[^&]+&body=/);
    expect(href).toContain('%0D%0A');
    expect(href).not.toMatch(/[ +]/);
    expect(decodeURIComponent(present(/subject=([^&]+)/.exec(href)?.[1], 'subject in the mailto: link'))).toBe('Хотим повторить практику «Синтетическая практика» (Тестоград)');
    // The page keeps Cyrillic letters as they are; parsed as a browser parses an href, the
    // address the mail program gets is the fully percent-encoded RFC 6068 one.
    expect(href).toContain('Хотим');
    const rfc = (text: string) => encodeURIComponent(text.replaceAll('\n', '\r\n'));
    expect(new URL(href).href).toBe(`mailto:a@example.org?subject=${rfc(requestSubject(input))}&body=${rfc(requestBody(input))}`);
  });
  it('percent-encodes what would end or break a part, whatever a city typed', () => {
    const part = mailtoPart('a&b=c?d#e%f+g h"<>\u0085\uFFFE\n«ё»');
    expect(part).toBe('a%26b%3Dc%3Fd%23e%25f%2Bg%20h%22%3C%3E%C2%85%EF%BF%BE%0D%0A«ё»');
    expect(decodeURIComponent(part)).toBe('a&b=c?d#e%f+g h"<>\u0085\uFFFE\r\n«ё»');
  });
});

describe('volumes', () => {
  it('bound a list and number the volumes', () => {
    expect(volumesOf([1, 2, 3, 4, 5], 2).map((v) => [v.number, v.total, v.items])).toEqual([[1, 3, [1, 2]], [2, 3, [3, 4]], [3, 3, [5]]]);
    expect(volumesOf([], 20)).toEqual([{ number: 1, total: 1, items: [] }]);
  });
});

describe('the compare view', () => {
  it('has rows «Взята у» and «Повторили» for the fixture chain', async () => {
    const { compareRecords } = await import('../compare/bank-records.ts');
    const { buildComparison } = await import('../../src/lib/compare/table.ts');
    const { compareTableStrings } = await import('../../src/lib/compare/page-strings.ts');
    const { fixturesDir } = await import('../helpers/paths.ts');
    const { resolve } = await import('node:path');
    const records = compareRecords(resolve(fixturesDir, 'multi-city'));
    const chosen = ['testograd/resource-centres', 'primersk/resource-centre', 'obrazcovsk/good-deeds-contest'].map((id) => present(records.get(id), `compare record ${id}`));
    const rows = buildComparison(chosen, compareTableStrings()).groups.flatMap((g) => g.rows);
    const from = rows.find((r) => r.key === 'adaptedFrom');
    expect(from?.label).toBe('Взята у');
    expect(from?.cells.map((c) => c[0]?.text)).toEqual([undefined, 'Ресурсные центры Тестограда (Тестоград, 2012)', 'Ресурсный центр Примерска (Примерск, 2013)']);
    expect(from?.cells[1]?.[0]?.href).toBe('/practices/testograd/resource-centres/');
    const by = rows.find((r) => r.key === 'adoptedBy');
    expect(by?.cells.map((c) => c.map((l) => l.text))).toEqual([['Примерск, 2013'], ['Образцовск, 2014'], []]);
  });
});
