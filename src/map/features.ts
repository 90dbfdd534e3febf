import type { Feature, FeatureCollection, Point } from 'geojson';
import type { FamilyCentre, HealthCentre, ListingRecord, ListingSource, Site } from '../domain/types';
import { healthCentreRadiusScale, stopRadiusScale } from './palette';
import { symbolImageId } from './symbols';

/** Listing value per health centre with where it came from. */
export interface CentreListing {
  children_0_6: number;
  women_16_54: number | null;
  year: number;
  source: ListingSource;
  file?: string;
}

/**
 * Combines modelled and imported listing: imported values win for the centres they cover; the
 * others keep their modelled value (and are labelled so).
 */
export function mergeListing(
  modelled: readonly ListingRecord[],
  imported: readonly ListingRecord[] | null,
  fileName?: string,
): Map<string, CentreListing> {
  const out = new Map<string, CentreListing>();
  for (const r of modelled) {
    out.set(r.health_centre_id, { children_0_6: r.children_0_6, women_16_54: r.women_16_54, year: r.year, source: 'modelled' });
  }
  for (const r of imported ?? []) {
    out.set(r.health_centre_id, { children_0_6: r.children_0_6, women_16_54: r.women_16_54, year: r.year, source: 'imported', file: fileName });
  }
  return out;
}

/** Health centres as map features sized by listed children 0–6 (property `radius`, px). */
export function healthCentreCollection(
  centres: readonly HealthCentre[],
  listing: ReadonlyMap<string, CentreListing>,
): FeatureCollection<Point> {
  const max = Math.max(0, ...[...listing.values()].map((l) => l.children_0_6));
  const r = healthCentreRadiusScale(max);
  return {
    type: 'FeatureCollection',
    features: centres.map((c): Feature<Point> => {
      const l = listing.get(c.id);
      return {
        type: 'Feature',
        id: c.id,
        geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
        properties: {
          ...c,
          listed_children_0_6: l?.children_0_6 ?? null,
          listed_women_16_54: l?.women_16_54 ?? null,
          listing_year: l?.year ?? null,
          listing_source: l?.source ?? 'modelled',
          listing_file: l?.file ?? '',
          radius: r(l?.children_0_6 ?? 0),
        },
      };
    }),
  };
}

export function familyCentreCollection(centres: readonly FamilyCentre[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: centres.map((c) => ({
      type: 'Feature',
      id: c.id,
      geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
      properties: { ...c, icon: symbolImageId(c.status) },
    })),
  };
}

/** Adds a `radius` (px) from weekday departures to each stop area. */
export function stopCollection(stops: FeatureCollection<Point>): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: stops.features.map((f) => ({
      ...f,
      properties: { ...f.properties, radius: stopRadiusScale(Number(f.properties?.dep_weekday_avg ?? 0)) },
    })),
  };
}

/** The planner's candidate sites as map features. */
export function candidateCollection(sites: readonly Site[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: sites.map((c) => ({
      type: 'Feature',
      id: c.id,
      geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
      properties: { id: c.id, name: c.name, kommun_code: c.kommun_code ?? '', status: 'candidate', icon: 'candidate' },
    })),
  };
}
