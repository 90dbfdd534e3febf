import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { PolygonIndex } from '../geo/polygonIndex';

const cache = new WeakMap<object, PolygonIndex>();

/** The kommun code at a WGS84 point, or null outside every kommun polygon. */
export function kommunAt(kommuner: FeatureCollection, lon: number, lat: number): string | null {
  let idx = cache.get(kommuner);
  if (!idx) {
    idx = new PolygonIndex(kommuner.features as Feature<Polygon | MultiPolygon>[]);
    cache.set(kommuner, idx);
  }
  const i = idx.find(lon, lat);
  return i < 0 ? null : String(kommuner.features[i].properties?.kommun_code);
}
