/**
 * The published bank (one city so far), as `npm run build` wrote it to dist/: a compare file
 * for every practice, the map places Иркутск where its coordinates say, and per-capita figures
 * use its population.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireBuilt } from '../helpers/build-bank.ts';
import { readPage } from '../helpers/html.ts';
import { projectRoot, publishedDist } from '../helpers/paths.ts';
import { russiaProjection } from '../../src/lib/map/cities-map.ts';
import { buildComparison } from '../../src/lib/compare/table.ts';
import { compareTableStrings } from '../../src/lib/compare/page-strings.ts';
import type { CompareRecord } from '../../src/lib/compare/record.ts';
import { expectRecordFromContent, readBank } from './bank-records.ts';

const contentDir = resolve(projectRoot, 'content');
const bank = readBank(contentDir);

describe('the published bank', () => {
  const dist = requireBuilt(publishedDist);
  /** A practice's compare file, as the compare view fetches it. */
  const readRecord = (id: string) => JSON.parse(readFileSync(resolve(dist, `compare/p/${id}.json`), 'utf8')) as CompareRecord;

  it('has every published practice in /compare/p/<id>.json, as the content files give it', () => {
    expect(bank.practices.length).toBeGreaterThan(0);
    for (const p of bank.practices) expectRecordFromContent(readRecord(p.id), bank);
  });

  it('puts Иркутск on the home page map at 52.29° N, 104.30° E', () => {
    const irkutsk = bank.cities.find((c) => c.id === 'irkutsk');
    const { document } = readPage(dist, '/');
    const svg = document.querySelector('[data-city-map] svg');
    const circle = document.querySelector('[data-city-map] a[data-city="irkutsk"] circle');
    expect(Number(circle?.getAttribute('data-lat'))).toBe(irkutsk?.data.coordinates.lat);
    expect(Number(circle?.getAttribute('data-lon'))).toBe(irkutsk?.data.coordinates.lon);
    const [x, y] = russiaProjection(Number(svg?.getAttribute('data-map-width')), Number(svg?.getAttribute('data-map-height')))([104.3, 52.29]) ?? [NaN, NaN];
    expect(Number(circle?.getAttribute('cx'))).toBeCloseTo(x, 0);
    expect(Number(circle?.getAttribute('cy'))).toBeCloseTo(y, 0);
    const withPractices = new Set(bank.practices.map((p) => p.data.city.id));
    expect(withPractices.size).toBeGreaterThan(0);
    expect([...document.querySelectorAll('[data-city-map] a[data-city]')].map((a) => a.getAttribute('data-city')).sort()).toEqual([...withPractices].sort());
  });

  it('gives no per-capita figure for Irkutsk 2013 figures: the only population is of 2021, beyond the one-year bound', () => {
    const learning = readRecord('irkutsk/learning-city');
    const greening = readRecord('irkutsk/greening-week');
    if (!learning || !greening) throw new Error('published practices missing');
    expect(learning.city.populations?.map((p) => p.year)).toEqual([2021]);
    const table = buildComparison([learning, greening], compareTableStrings());
    const participants = table.groups.flatMap((g) => g.rows).find((r) => r.key === 'metric:participants');
    const texts = participants?.cells.flatMap((c) => c.map((l) => l.text)).join(' ');
    expect(texts).toMatch(/15\s000|более/);
    expect(texts).not.toContain('жителей');
  });
});
