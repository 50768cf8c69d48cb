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
import type { CompareRecord } from '../../src/lib/compare/record.ts';
import { compareRecords, readBank } from './bank-records.ts';

const contentDir = resolve(projectRoot, 'content');
const bank = readBank(contentDir);

describe('the published bank', () => {
  const dist = requireBuilt(publishedDist);

  it('has every published practice in /compare/p/<id>.json, as the content files give it', () => {
    const expected = compareRecords(contentDir);
    expect(expected.size).toBeGreaterThan(0);
    for (const [id, record] of expected) {
      expect(JSON.parse(readFileSync(resolve(dist, `compare/p/${id}.json`), 'utf8')) as CompareRecord).toEqual(record);
    }
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
    expect(document.querySelectorAll('[data-city-map] a[data-city]')).toHaveLength(1);
  });

  it('shows «более 15 тысяч человек» of «Иркутск — обучающийся город» per 1 000 of 617 515 residents as «более 24,2»', () => {
    const records = compareRecords(contentDir);
    const learning = records.get('irkutsk/learning-city');
    const greening = records.get('irkutsk/greening-week');
    if (!learning || !greening) throw new Error('published practices missing');
    const table = buildComparison([learning, greening]);
    const participants = table.groups.flatMap((g) => g.rows).find((r) => r.key === 'metric:participants');
    const texts = participants?.cells.map((c) => c.map((l) => l.text));
    expect(texts?.[0]).toContain('более 24,2 на 1 000 жителей (население на 2021 год)');
    // 237 / 617 515 × 1 000 = 0.3838…, rounded and so marked approximate.
    expect(texts?.[1]).toContain('≈ 0,38 на 1 000 жителей (население на 2021 год)');
  });
});
