/**
 * /compare/p/<city>/<slug>.json: one practice with every field the compare view shows, written
 * at build time. The compare page fetches only the practices it shows (2–4 files of ~1–2 KB),
 * so what it loads does not grow with the bank.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadBank, type PracticeEntry } from '../../../lib/bank';
import { compareRecordOf } from '../../../lib/compare/from-bank';
import { cacheKeyOf } from '../../../lib/page-keys';
import { trailPracticesOf } from '../../../lib/adoption/from-bank';

export const getStaticPaths = (async () => {
  const bank = await loadBank();
  // The adoption trail's practices and their cities are shown too («Взята у», «Повторили»):
  // a practice that starts repeating this one changes this file although this one did not change.
  const trailShown = (p: PracticeEntry) => trailPracticesOf(bank, p).flatMap((e) => [e, bank.city(e.data.city.id)]);
  // cacheKey: a rebuild restores the file unless the practice, its city, topics, submission or
  // trail (everything the record shows) changed.
  return bank.practices.map((practice) => ({
    params: { id: practice.id },
    props: { practice },
    cacheKey: cacheKeyOf([practice, bank.city(practice.data.city.id), ...practice.data.topics.map((t) => bank.topic(t.id)), bank.submission(practice.data.submission.id), ...trailShown(practice)]),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const bank = await loadBank();
  const record = compareRecordOf(bank, (props as { practice: PracticeEntry }).practice);
  return new Response(JSON.stringify(record), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
