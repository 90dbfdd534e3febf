import Flatbush from 'flatbush';
import { booleanPointInPolygon, bbox as turfBbox } from '@turf/turf';
import type { Feature, GeoJsonProperties, MultiPolygon, Polygon } from 'geojson';

/**
 * Point-in-polygon lookup over many polygons: a Flatbush index of bounding boxes, then an
 * exact test. Coordinates are WGS84 lon/lat.
 */
export class PolygonIndex<P extends GeoJsonProperties = GeoJsonProperties> {
  private readonly index: Flatbush;

  constructor(private readonly features: readonly Feature<Polygon | MultiPolygon, P>[]) {
    this.index = new Flatbush(Math.max(1, features.length));
    for (const f of features) {
      const [minX, minY, maxX, maxY] = turfBbox(f);
      this.index.add(minX, minY, maxX, maxY);
    }
    if (features.length === 0) this.index.add(0, 0, 0, 0);
    this.index.finish();
  }

  /** Indices of every polygon containing the point (boundary counts as inside), in input order. */
  findAll(lon: number, lat: number): number[] {
    const hits = this.index
      .search(lon, lat, lon, lat)
      .filter((i) => i < this.features.length && booleanPointInPolygon([lon, lat], this.features[i]));
    return hits.sort((a, b) => a - b);
  }

  /** Index of the first polygon containing the point, or -1. */
  find(lon: number, lat: number): number {
    const all = this.findAll(lon, lat);
    return all.length ? all[0] : -1;
  }
}

const cache = new WeakMap<object, PolygonIndex>();

/** A PolygonIndex over a feature collection, built once per collection object. */
export function polygonIndexFor(fc: { features: readonly Feature<Polygon | MultiPolygon>[] }): PolygonIndex {
  let idx = cache.get(fc);
  if (!idx) {
    idx = new PolygonIndex(fc.features);
    cache.set(fc, idx);
  }
  return idx;
}
