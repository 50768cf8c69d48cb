/**
 * A city record (`content/cities/<slug>.yaml`) from what an editor typed. Every value is the
 * editor's; nothing is looked up or guessed, and a field left empty is left out.
 */
import { stringify } from 'yaml';

export interface CityInput {
  nominative: string;
  genitive: string;
  locative: string;
  region: string;
  federalDistrict: string;
  lat: number;
  lon: number;
  municipalStatus?: string | undefined;
  website?: string | undefined;
  population?: { value: number; date: string; source: string } | undefined;
}

export function cityData(input: CityInput): Record<string, unknown> {
  const record: Record<string, unknown> = {
    name: { nominative: input.nominative.trim(), genitive: input.genitive.trim(), locative: input.locative.trim() },
    region: input.region.trim(),
    federalDistrict: input.federalDistrict,
  };
  if (input.municipalStatus?.trim()) record.municipalStatus = input.municipalStatus.trim();
  if (input.population) record.population = input.population;
  record.coordinates = { lat: input.lat, lon: input.lon };
  if (input.website?.trim()) record.website = input.website.trim();
  return record;
}

export function cityYaml(input: CityInput): string {
  return `# Каждое значение — из источника; численность населения — с датой и источником (см. CONTRIBUTING.md).\n${stringify(cityData(input), { lineWidth: 0 })}`;
}
