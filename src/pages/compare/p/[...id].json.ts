/**
 * /compare/p/<city>/<slug>.json: one practice with every field the compare view shows, written
 * at build time. The compare page fetches only the practices it shows (2–4 files of ~1–2 KB),
 * so what it loads does not grow with the bank.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadBank, type PracticeEntry } from '../../../lib/bank';
import { compareRecordOf } from '../../../lib/compare/from-bank';

export const getStaticPaths = (async () => {
  const bank = await loadBank();
  return bank.practices.map((practice) => ({ params: { id: practice.id }, props: { practice } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const bank = await loadBank();
  const record = compareRecordOf(bank, (props as { practice: PracticeEntry }).practice);
  return new Response(JSON.stringify(record), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
