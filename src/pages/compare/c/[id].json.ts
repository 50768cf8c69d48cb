/**
 * /compare/c/<city>.json: the ids and titles of one city's practices, for the compare page's
 * «add a practice» choice (a city first, then one of its practices). Bounded by a city's
 * practices, never by the whole bank.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadBank, type CityEntry } from '../../../lib/bank';
import { cityChoices } from '../../../lib/compare/from-bank';

export const getStaticPaths = (async () => {
  const bank = await loadBank();
  return bank.cities.map((city) => ({ params: { id: city.id }, props: { city } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const bank = await loadBank();
  return new Response(JSON.stringify(cityChoices(bank, (props as { city: CityEntry }).city.id)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
