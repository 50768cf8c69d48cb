/**
 * /submit/materials/<city>.json: one city's materials, for the submit form's material list,
 * filled when the city is chosen. Bounded by one city's reports, never by the whole bank.
 */
import { cityJson, cityPaths } from '../../../lib/city-json-route';
import { citySubmissions } from '../../../lib/editorial/submit-from-bank';

export const getStaticPaths = cityPaths;
export const GET = cityJson(citySubmissions);
