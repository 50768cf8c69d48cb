/**
 * Turns the practices of a content folder (read through the real schemas, content-bank.ts) into
 * compare records, so unit tests of the compare view work on real files rather than hand-made
 * objects that could drift from the content model. Not for checking what the build wrote: that
 * would compare `toCompareRecord` with itself (use `expectRecordFromContent`).
 */
import { expect } from 'vitest';
import type { City, Practice } from '../../src/lib/content/schema.ts';
import { ru } from '../../src/i18n/ru.ts';
import { toCompareRecord, type CompareRecord } from '../../src/lib/compare/record.ts';
import { adoptionTrail } from '../../src/lib/adoption/trail.ts';
import { urls } from '../../src/lib/urls.ts';
import { readBank } from '../helpers/content-bank.ts';
import { present } from '../helpers/present.ts';

export { readBank };

export function compareRecords(root: string): Map<string, CompareRecord> {
  const bank = readBank(root);
  const city = (id: string) => bank.cities.find((c) => c.id === id) as { id: string; data: City };
  const trail = adoptionTrail(bank.practices.map((p) => {
    const data = p.data as Practice;
    return { id: p.id, cityId: data.city.id, title: data.title, startYear: data.startYear, adaptedFrom: data.adaptedFrom };
  }));
  const named = (p: { id: string; cityId: string; title: string }, year: number) => ({ id: p.id, title: p.title, url: urls.practice(p.id), city: city(p.cityId).data.name.nominative, year });
  return new Map(
    bank.practices.map((p) => {
      const data = p.data as Practice;
      const submission = bank.submissions.find((s) => s.id === data.submission.id);
      if (!submission) throw new Error(`no submission ${data.submission.id}`);
      const record = toCompareRecord({
        id: p.id,
        data,
        city: city(data.city.id),
        topicName: (id) => bank.topics.find((t) => t.id === id)?.data.name ?? id,
        submission: { id: submission.id, title: submission.data.title, year: submission.data.year },
        trail: {
          adaptedFrom: (() => {
            const link = trail.sourceOf(p.id);
            return link && { ...named(link.source, link.source.startYear), changes: link.changes };
          })(),
          adoptedBy: trail.adoptersOf(p.id).map((l) => named(l.adopter, l.adopter.startYear)),
        },
      });
      return [p.id, record];
    }),
  );
}

/**
 * The compare record the build wrote for one practice, held to the content files field by field:
 * each expected value is read from the parsed practice, city, topic and submission files (labels
 * from the strings module), never produced by `toCompareRecord`, so a mistake there shows here.
 */
export function expectRecordFromContent(record: CompareRecord, bank: ReturnType<typeof readBank>): void {
  const practice = present(bank.practices.find((p) => p.id === record.id), `${record.id}: нет такой практики в content/`);
  const data = practice.data as Practice;
  const city = present(bank.cities.find((c) => c.id === data.city.id), `city ${data.city.id}`).data as City;
  const submission = present(bank.submissions.find((s) => s.id === data.submission.id), `submission ${data.submission.id}`);
  const population = city.population;
  const toYear = (p: { value: number; date: Date; source: string }) => ({ value: p.value, year: p.date.getUTCFullYear(), date: p.date.toISOString().slice(0, 10), source: p.source });
  const populations = [...(population ? [population] : []), ...(city.populations ?? [])].map(toYear).sort((a, b) => a.date.localeCompare(b.date));
  // The adoption trail as the content files state it: this practice's own `adaptedFrom`, and
  // every practice whose `adaptedFrom` names this one, by start year.
  const named = (id: string) => {
    const otherData = present(bank.practices.find((p) => p.id === id), `practice ${id}`).data as Practice;
    const otherCity = present(bank.cities.find((c) => c.id === otherData.city.id), `city ${otherData.city.id}`).data as City;
    return { id, title: otherData.title, url: `/practices/${id}/`, city: otherCity.name.nominative, year: otherData.startYear };
  };
  const adopters = bank.practices
    .filter((p) => (p.data as Practice).adaptedFrom?.practice === practice.id)
    .sort((a, b) => (a.data as Practice).startYear - (b.data as Practice).startYear || a.id.localeCompare(b.id));
  const { confirmed, ...contact } = data.contact;
  const expected = {
    id: practice.id,
    url: `/practices/${practice.id}/`,
    title: data.title,
    city: {
      id: data.city.id,
      name: city.name.nominative,
      url: `/cities/${data.city.id}/`,
      region: city.region,
      federalDistrict: ru.federalDistrict[city.federalDistrict],
      population: population && toYear(population),
      populations: populations.length ? populations : undefined,
    },
    years: record.years,
    startYear: data.startYear,
    endYear: data.endYear,
    status: ru.status[data.status],
    statusYear: data.statusYear,
    programme: record.programme,
    topics: data.topics.map((t) => ({ id: t.id, name: bank.topics.find((topic) => topic.id === t.id)?.data.name, url: `/topics/${t.id}/` })),
    operator: data.operator,
    partners: data.partners,
    metrics: data.metrics.map((m) => ({ kind: m.kind, value: m.value, qualifier: m.qualifier, unit: m.unit, year: m.year, source: m.source, note: m.note })),
    transferability: data.transferability,
    contact: { ...contact, ...(confirmed ? { confirmed: confirmed.toISOString().slice(0, 10) } : {}) },
    source: { title: submission.data.title, year: submission.data.year, url: `/submissions/${submission.id}/` },
    adaptedFrom: data.adaptedFrom && { ...named(data.adaptedFrom.practice), changes: data.adaptedFrom.changes },
    adoptedBy: adopters.map((p) => named(p.id)),
  };
  expect(record, record.id).toEqual(expected);
  // The two labels built from several fields: each part the content gives is in them.
  expect(record.years, `${record.id}: years`).toContain(String(data.startYear));
  if (data.endYear) expect(record.years, `${record.id}: years`).toContain(String(data.endYear));
  if (data.programme) {
    for (const part of [data.programme.name, data.programme.kind, String(data.programme.startYear)].filter(Boolean)) expect(record.programme, `${record.id}: programme`).toContain(part);
  } else {
    expect(record.programme, `${record.id}: programme`).toBeUndefined();
  }
}
