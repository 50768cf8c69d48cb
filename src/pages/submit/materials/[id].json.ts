/**
 * /submit/materials/<city>.json: one city's materials, for the submit form's material list,
 * filled when the city is chosen. Bounded by one city's reports, never by the whole bank.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadBank, type CityEntry } from '../../../lib/bank';
import { citySubmissions } from '../../../lib/editorial/submit-from-bank';

export const getStaticPaths = (async () => {
  const bank = await loadBank();
  return bank.cities.map((city) => ({ params: { id: city.id }, props: { city } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const bank = await loadBank();
  return new Response(JSON.stringify(citySubmissions(bank, (props as { city: CityEntry }).city.id)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
