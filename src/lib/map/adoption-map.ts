/**
 * The map layer of the adoption trail, computed at build time like the cities map: a line from
 * the city where a practice began to each city that repeated it, one per pair of cities and
 * direction (src/lib/adoption/trail.ts `cityLinks`), thicker for more practices. Same projection
 * and outline as cities-map.ts, so the two maps read alike.
 */
import { geoPath } from 'd3-geo';
import { MAP_HEIGHT, MAP_WIDTH, round, russia, russiaProjection } from './cities-map.ts';
import type { CityLink } from '../adoption/trail.ts';

interface MapPlace {
  id: string;
  name: string;
  lat: number;
  lon: number;
}

interface AdoptionLine extends CityLink {
  fromName: string;
  toName: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Stroke width in pixels. */
  width: number;
}

interface AdoptionMap {
  width: number;
  height: number;
  outline: string;
  lines: AdoptionLine[];
  /** The cities at either end of some line, with their projected position. */
  places: (MapPlace & { x: number; y: number })[];
}

export function drawAdoptionMap(links: readonly CityLink[], places: readonly MapPlace[], width = MAP_WIDTH, height = MAP_HEIGHT): AdoptionMap {
  const projection = russiaProjection(width, height);
  const outline = geoPath(projection).digits(1)(russia()) ?? '';
  const byId = new Map(places.map((p) => [p.id, p]));
  const at = (p: MapPlace) => projection([p.lon, p.lat]);
  const top = Math.max(1, ...links.map((l) => l.count));
  const lines = links.flatMap((link) => {
    const from = byId.get(link.from);
    const to = byId.get(link.to);
    const a = from && at(from);
    const b = to && at(to);
    if (!from || !to || !a || !b) return [];
    return [{ ...link, fromName: from.name, toName: to.name, x1: round(a[0]), y1: round(a[1]), x2: round(b[0]), y2: round(b[1]), width: round(2 + (4 * (link.count - 1)) / Math.max(1, top - 1)) }];
  });
  const ends = new Set(lines.flatMap((l) => [l.from, l.to]));
  const placed = places.filter((p) => ends.has(p.id)).flatMap((p) => {
    const point = at(p);
    return point ? [{ ...p, x: round(point[0]), y: round(point[1]) }] : [];
  });
  return { width, height, outline, lines, places: placed };
}
