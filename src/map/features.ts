import type { Feature, FeatureCollection, Point } from 'geojson';
import type { CentreListing } from '../domain/listing';
import type { FamilyCentre, HealthCentre, Site } from '../domain/types';
import { healthCentreRadiusScale, stopRadiusScale } from './palette';
import { symbolImageId } from './symbols';
import { LISTED_CHANGE_BY_HEALTH_CENTRE } from '../domain/need/listedChildren';

const LISTED_CHANGE = new Map(LISTED_CHANGE_BY_HEALTH_CENTRE.map((x) => [x.id, x]));

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
          listed_change: LISTED_CHANGE.get(c.id)?.change ?? null,
          listed_change_from: LISTED_CHANGE.get(c.id)?.from ?? null,
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
