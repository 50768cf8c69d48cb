/**
 * The static JSON routes with one file per city (`/compare/c/<city>.json`,
 * `/submit/materials/<city>.json`): the same paths and response, each with its own shaping of
 * one city's part of the bank, so a reader's script loads one city's data, never the bank's.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadBank, type Bank, type CityEntry } from './bank';

/** `getStaticPaths` of a per-city route: one path per city. */
export const cityPaths = (async () => {
  const bank = await loadBank();
  return bank.cities.map((city) => ({ params: { id: city.id }, props: { city } }));
}) satisfies GetStaticPaths;

/** `GET` of a per-city route: `shape(bank, cityId)` as JSON. */
export function cityJson(shape: (bank: Bank, cityId: string) => unknown): APIRoute {
  return async ({ props }) => {
    const bank = await loadBank();
    return new Response(JSON.stringify(shape(bank, (props as { city: CityEntry }).city.id)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
  };
}
