/**
 * /compare/c/<city>.json: the ids and titles of one city's practices, for the compare page's
 * «add a practice» choice (a city first, then one of its practices). Bounded by a city's
 * practices, never by the whole bank.
 */
import { cityJson, cityPaths } from '../../../lib/city-json-route';
import { cityChoices } from '../../../lib/compare/from-bank';

export const getStaticPaths = cityPaths;
export const GET = cityJson(cityChoices);
