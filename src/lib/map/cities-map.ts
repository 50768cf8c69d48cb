/**
 * The map of cities with practices, computed at build time: Russia's outline from Natural Earth
 * (world-atlas, 1:110m — small enough to inline on a page, about 7 KB of path) projected with a
 * conic equal-area projection centred on Siberia, and a circle per city whose area grows with the
 * number of its practices. No tiles, no requests: the page carries the drawing.
 */
import { geoConicEqualArea, geoPath, type GeoProjection } from 'd3-geo';
import { scaleSqrt } from 'd3-scale';
import { max } from 'd3-array';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-110m.json' with { type: 'json' };

/** ISO 3166-1 numeric code of Russia, the feature id in world-atlas. */
const RUSSIA_ID = '643';

export const MAP_WIDTH = 800;
export const MAP_HEIGHT = 450;

interface MapCity {
  id: string;
  name: string;
  url: string;
  lat: number;
  lon: number;
  /** Number of the city's practices; the mark's area is proportional to it. */
  count: number;
}

interface MapMark extends MapCity {
  x: number;
  y: number;
  r: number;
}

interface CitiesMap {
  width: number;
  height: number;
  /** SVG path data of Russia's outline. */
  outline: string;
  /** Biggest first, so smaller marks are drawn on top and stay clickable. */
  marks: MapMark[];
}

let russiaFeature: Feature<Geometry> | undefined;

export function russia(): Feature<Geometry> {
  if (!russiaFeature) {
    const topology = countries as unknown as Topology<{ countries: GeometryCollection }>;
    const all = feature(topology, topology.objects.countries) as FeatureCollection<Geometry>;
    const found = all.features.find((f) => String(f.id) === RUSSIA_ID);
    if (!found) throw new Error('world-atlas: no feature for Russia (643)');
    russiaFeature = found;
  }
  return russiaFeature;
}

/**
 * Equal-area conic with standard parallels 52° and 64° N, central meridian 100° E — the usual
 * choice for maps of Russia: Siberia and the Far East keep their shape, Chukotka stays whole
 * (the antimeridian falls at 80° W, far from any Russian land). Fitted to the outline.
 */
export function russiaProjection(width = MAP_WIDTH, height = MAP_HEIGHT): GeoProjection {
  return geoConicEqualArea().rotate([-100, 0]).parallels([52, 64]).fitExtent([[4, 4], [width - 4, height - 4]], russia());
}

/** Radius in pixels: area proportional to the count, never smaller than a finger-sized 5 px. */
function markRadius(count: number, maxCount: number): number {
  const scale = scaleSqrt().domain([0, Math.max(1, maxCount)]).range([0, 18]);
  return Math.max(5, scale(count));
}

/** Map coordinates to a tenth of a pixel: finer is invisible and only adds bytes. */
export const round = (n: number) => Math.round(n * 10) / 10;

export function drawCitiesMap(cities: readonly MapCity[], width = MAP_WIDTH, height = MAP_HEIGHT): CitiesMap {
  const projection = russiaProjection(width, height);
  const outline = geoPath(projection).digits(1)(russia()) ?? '';
  const top = max(cities, (c) => c.count) ?? 1;
  const marks = cities
    .filter((c) => c.count > 0)
    .flatMap((c) => {
      const point = projection([c.lon, c.lat]);
      if (!point) return [];
      return [{ ...c, x: round(point[0]), y: round(point[1]), r: round(markRadius(c.count, top)) }];
    })
    .sort((a, b) => b.r - a.r || a.name.localeCompare(b.name, 'ru'));
  return { width, height, outline, marks };
}
