import type { FeatureCollection, Point } from 'geojson';
import type { DatasetTotals } from '../domain/dataset';
import type { DemandUnit, FamilyCentre, HealthCentre, ListingRecord } from '../domain/types';

/** What the app loads from public/data/ (written by scripts/build-data.ts). */
export interface AppData {
  kommuner: FeatureCollection;
  regso: FeatureCollection;
  deso: FeatureCollection;
  grid: FeatureCollection;
  demand: { deso: DemandUnit[]; grid: DemandUnit[] };
  healthCentres: HealthCentre[];
  familyCentres: FamilyCentre[];
  tatorter: FeatureCollection<Point>;
  stopAreas: FeatureCollection<Point>;
  listingModelled: ListingRecord[];
  meta: { format: number; totals: DatasetTotals; counts: Record<string, number>; bbox: [number, number, number, number] };
}

const FILES: Record<keyof AppData, string> = {
  kommuner: 'kommuner.geojson',
  regso: 'regso.geojson',
  deso: 'deso.geojson',
  grid: 'grid.geojson',
  demand: 'demand.json',
  healthCentres: 'health-centres.json',
  familyCentres: 'family-centres.json',
  tatorter: 'tatorter.geojson',
  stopAreas: 'stop-areas.geojson',
  listingModelled: 'listing-modelled.json',
  meta: 'meta.json',
};

/** Fetches every bundled data file from `base` (a URL prefix served by the app itself). */
export async function loadAppData(base = 'data/'): Promise<AppData> {
  const entries = await Promise.all(
    (Object.keys(FILES) as (keyof AppData)[]).map(async (key) => {
      const res = await fetch(base + FILES[key]);
      if (!res.ok) throw new Error(`${FILES[key]}: HTTP ${res.status}`);
      return [key, await res.json()] as const;
    }),
  );
  return Object.fromEntries(entries) as unknown as AppData;
}
