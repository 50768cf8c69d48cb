/**
 * The open data parsed back as an analyst would: practices.json checked against schema.json by
 * a JSON Schema validator (ajv), the CSV files read by csv-parse, and every figure in the content
 * files found in its column. The codebook on /data/ lists exactly the columns the CSV has.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuilt } from '../helpers/build-bank.ts';
import { sharedBank } from '../helpers/shared-bank.ts';
import { fixturesDir, projectRoot, publishedDist } from '../helpers/paths.ts';
import { readPage, textOf } from '../helpers/html.ts';
import { readSourceBank, type SourceBank } from '../feeds/content-files.ts';
import { siteOf } from '../feeds/site-of.ts';

type Row = Record<string, string>;

/** A validator for schema.json, with the formats the schema uses checked strictly. */
function validatorFor(schema: object) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/);
  return ajv.compile(schema);
}

function readCsv(dist: string, name: string): { raw: Buffer; rows: Row[]; header: string[] } {
  const raw = readFileSync(resolve(dist, 'data', name));
  const rows = parse(raw, { bom: true, columns: true, skip_empty_lines: false }) as Row[];
  const header = (parse(raw, { bom: true, to_line: 1 }) as string[][])[0] ?? [];
  return { raw, rows, header };
}

const column = (kind: string, slot: number, field: string) => ['metric', kind.replace(/[^A-Za-z0-9]+/g, '_'), slot > 1 ? String(slot) : '', field].filter(Boolean).join('_');

function checkOpenData(name: string, dist: () => string, bank: SourceBank) {
  let site: URL;
  beforeAll(() => {
    site = siteOf(dist());
  });

  describe(`${name}: practices.json and schema.json`, () => {
    it('one record per published practice, no draft', () => {
      const records = JSON.parse(readFileSync(resolve(dist(), 'data/practices.json'), 'utf8')) as { id: string; url: string; title: string }[];
      expect(records.map((r) => r.id).sort()).toEqual(bank.published.map((p) => p.id).sort());
      for (const record of records) expect(record.url).toBe(new URL(`/practices/${record.id}/`, site).href);
      const raw = readFileSync(resolve(dist(), 'data/practices.json'), 'utf8');
      for (const draft of bank.drafts) expect(raw).not.toContain(draft.title);
    });

    it('schema.json validates practices.json', () => {
      const schema = JSON.parse(readFileSync(resolve(dist(), 'data/schema.json'), 'utf8')) as object;
      const records = JSON.parse(readFileSync(resolve(dist(), 'data/practices.json'), 'utf8')) as Record<string, unknown>[];
      const validate = validatorFor(schema);
      expect(validate(records), JSON.stringify(validate.errors, null, 2)).toBe(true);
    });

    it('and rejects what the content model rejects', () => {
      const schema = JSON.parse(readFileSync(resolve(dist(), 'data/schema.json'), 'utf8')) as object;
      const [first] = JSON.parse(readFileSync(resolve(dist(), 'data/practices.json'), 'utf8')) as Record<string, unknown>[];
      const validate = validatorFor(schema);
      const broken = [
        { ...first, status: 'забыта' },
        { ...first, title: '' },
        { ...first, published: '24.11.2026' },
        { ...first, unknownField: 1 },
        { ...first, metrics: [{ kind: 'budget', value: -1, qualifier: 'exact', unit: 'руб.', year: 2013, source: 'x' }] },
        Object.fromEntries(Object.entries(first ?? {}).filter(([key]) => key !== 'city')),
      ];
      for (const record of broken) expect(validate([record]), JSON.stringify(record).slice(0, 120)).toBe(false);
    });

    it('describes every field of a practice', () => {
      const schema = JSON.parse(readFileSync(resolve(dist(), 'data/schema.json'), 'utf8')) as { $defs: { practice: { properties: Record<string, { description?: string }> } } };
      for (const [field, property] of Object.entries(schema.$defs.practice.properties)) expect(property.description, field).toBeTruthy();
    });
  });

  describe(`${name}: CSV`, () => {
    it('are UTF-8 with a byte-order mark and CRLF line ends (RFC 4180)', () => {
      for (const file of ['practices.csv', 'cities.csv', 'topics.csv']) {
        const { raw } = readCsv(dist(), file);
        expect([...raw.subarray(0, 3)], file).toEqual([0xef, 0xbb, 0xbf]);
        const text = raw.toString('utf8');
        expect(text.endsWith('\r\n'), file).toBe(true);
        expect(text.replace(/\r\n/g, ''), file).not.toMatch(/\n/);
      }
    });

    it('practices.csv: one row per published practice, Cyrillic intact', () => {
      const { rows } = readCsv(dist(), 'practices.csv');
      expect(rows.map((r) => r.id).sort()).toEqual(bank.published.map((p) => p.id).sort());
      for (const practice of bank.published) {
        const row = rows.find((r) => r.id === practice.id);
        expect(row?.title).toBe(practice.title);
        expect(row?.summary).toBe(practice.summary);
        expect(row?.city).toBe(practice.city);
        expect(row?.topics).toBe(practice.topics.join(' | '));
        expect(row?.published).toBe(practice.published);
      }
    });

    it('practices.csv: every metric in its column, by kind', () => {
      const { rows, header } = readCsv(dist(), 'practices.csv');
      let checked = 0;
      for (const practice of bank.published) {
        const row = rows.find((r) => r.id === practice.id) ?? {};
        const seen = new Map<string, number>();
        for (const metric of practice.metrics) {
          const slot = (seen.get(metric.kind) ?? 0) + 1;
          seen.set(metric.kind, slot);
          expect(row[column(metric.kind, slot, 'value')], `${practice.id} ${metric.kind}`).toBe(String(metric.value));
          expect(row[column(metric.kind, slot, 'qualifier')]).toBe(metric.qualifier ?? 'exact');
          expect(row[column(metric.kind, slot, 'unit')]).toBe(metric.unit);
          expect(row[column(metric.kind, slot, 'year')]).toBe(String(metric.year));
          expect(row[column(metric.kind, slot, 'source')]).toBe(metric.source);
          expect(row[column(metric.kind, slot, 'note')]).toBe(metric.note ?? '');
          checked++;
        }
        // A kind the practice does not report stays empty.
        for (const name of header.filter((h) => h.startsWith('metric_') && h.endsWith('_value'))) {
          const kind = name.replace(/^metric_/, '').replace(/(_\d+)?_value$/, '');
          if (!practice.metrics.some((m) => m.kind.replace(/-/g, '_') === kind)) expect(row[name], `${practice.id} ${name}`).toBe('');
        }
      }
      expect(checked).toBeGreaterThan(0);
    });

    it('cities.csv and topics.csv: one row per city and topic', () => {
      const cities = readCsv(dist(), 'cities.csv').rows;
      expect(cities.map((r) => r.id).sort()).toEqual([...bank.cities.keys()].sort());
      for (const city of cities) expect(city.name_nominative).toBe(bank.cities.get(city.id ?? '')?.name.nominative);
      const topics = readCsv(dist(), 'topics.csv').rows;
      expect(topics.map((r) => r.id).sort()).toEqual([...bank.topics.keys()].sort());
      for (const topic of topics) expect(topic.name).toBe(bank.topics.get(topic.id ?? '')?.name);
    });
  });

  describe(`${name}: codebook /data/`, () => {
    it('lists exactly the columns of each CSV file, each with a type and a description', () => {
      const { document } = readPage(dist(), '/data/');
      const listed = [...document.querySelectorAll('tr[data-column]')].map((tr) => tr.getAttribute('data-column'));
      for (const file of ['practices.csv', 'cities.csv', 'topics.csv']) {
        for (const name of readCsv(dist(), file).header) expect(listed, `${file}: ${name}`).toContain(name);
      }
      const all = ['practices.csv', 'cities.csv', 'topics.csv'].flatMap((file) => readCsv(dist(), file).header);
      expect(listed.length).toBe(all.length);
      for (const row of document.querySelectorAll('tr[data-column]')) {
        const cells = [...row.querySelectorAll('td')].map((td) => textOf(td));
        expect(cells[0], row.getAttribute('data-column') ?? '').not.toBe('');
        expect(cells[2], row.getAttribute('data-column') ?? '').not.toBe('');
      }
    });

    it('links every data file, and each one exists', () => {
      const { document } = readPage(dist(), '/data/');
      const files = [...document.querySelectorAll('a[data-data-file]')].map((a) => a.getAttribute('href'));
      expect(files).toEqual(['/data/practices.csv', '/data/practices.json', '/data/cities.csv', '/data/topics.csv', '/data/schema.json']);
      for (const href of files) expect(readFileSync(resolve(dist(), `.${href}`)).length).toBeGreaterThan(0);
    });
  });
}

describe('fixture bank', () => {
  let dist = '';
  beforeAll(() => {
    dist = sharedBank('multi-city').dist;
  });
  checkOpenData('fixture', () => dist, readSourceBank(resolve(fixturesDir, 'multi-city')));
});

describe('published site', () => {
  const bank = readSourceBank(resolve(projectRoot, 'content'));
  checkOpenData('published', () => requireBuilt(publishedDist), bank);

  it('the Irkutsk resource centres: centres, organisations and premises each in their own column', () => {
    const rows = parse(readFileSync(resolve(publishedDist, 'data/practices.csv')), { bom: true, columns: true }) as Row[];
    const row = rows.find((r) => r.id === 'irkutsk/resource-centres');
    expect(row?.title).toBe('Ресурсные центры для СО НКО в шаговой доступности');
    expect([row?.metric_centres_value, row?.metric_organisations_value, row?.metric_premises_value]).toEqual(['3', '15', '1']);
    expect(row?.metric_organisations_unit).toBe('СО НКО');
  });
});
