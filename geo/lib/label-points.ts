/**
 * One label point per unit, inside its polygon: polylabel's pole of inaccessibility on the
 * unit's largest part. Longitudes are scaled by cos(latitude) first, so "farthest from the
 * edges" is measured in ground distance rather than in degrees.
 */
import { area, polygon as turfPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';

function largestPart(geometry: Polygon | MultiPolygon): Position[][] {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: Position[][] = parts[0] ?? [];
  let bestArea = -1;
  for (const rings of parts) {
    const a = area(turfPolygon(rings));
    if (a > bestArea) [best, bestArea] = [rings, a];
  }
  return best;
}

export function labelPoint(geometry: Polygon | MultiPolygon): [number, number] {
  const rings = largestPart(geometry);
  const outer = rings[0] ?? [];
  const meanLat = outer.reduce((sum, p) => sum + (p[1] ?? 0), 0) / Math.max(1, outer.length);
  const k = Math.cos((meanLat * Math.PI) / 180);
  const scaled = rings.map((ring) => ring.map((p) => [(p[0] ?? 0) * k, p[1] ?? 0]));
  // 0.0005° is about 50 m: far below what a label needs.
  const [x, y] = polylabel(scaled, 0.0005);
  return [x / k, y];
}
