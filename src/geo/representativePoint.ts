import polylabel from 'polylabel';
import { booleanPointInPolygon, area as turfArea, polygon as turfPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * A representative point of a (multi)polygon that is guaranteed to lie inside it:
 * the pole of inaccessibility (polylabel) of its largest part, computed in a local
 * equirectangular frame so that "distance from the edge" is roughly isotropic in metres.
 *
 * @param geometry WGS84 polygon or multipolygon
 * @returns [lon, lat] in degrees
 * @throws Error if no interior point could be found (a degenerate polygon)
 */
export function representativePoint(geometry: Polygon | MultiPolygon): [number, number] {
  const parts: Position[][][] =
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  // Largest part by geodesic area.
  let best = parts[0];
  let bestArea = -1;
  for (const p of parts) {
    const a = turfArea(turfPolygon(p));
    if (a > bestArea) {
      bestArea = a;
      best = p;
    }
  }
  const lat0 = best[0].reduce((s, c) => s + c[1], 0) / best[0].length;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const projected = best.map((ring) => ring.map((c) => [c[0] * k, c[1]]));
  const [x, y] = polylabel(projected, 1e-6);
  const candidate: [number, number] = [x / k, y];
  if (booleanPointInPolygon(candidate, { type: 'Polygon', coordinates: best }, { ignoreBoundary: true })) {
    return candidate;
  }
  throw new Error('representativePoint: no interior point found');
}
