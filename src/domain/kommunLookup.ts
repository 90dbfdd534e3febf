import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { polygonIndexFor } from '../geo/polygonIndex';

/** The kommun code at a WGS84 point, or null outside every kommun polygon. */
export function kommunAt(kommuner: FeatureCollection, lon: number, lat: number): string | null {
  const i = polygonIndexFor(kommuner as FeatureCollection & { features: Feature<Polygon | MultiPolygon>[] }).find(lon, lat);
  return i < 0 ? null : String(kommuner.features[i].properties?.kommun_code);
}
