import type { FeatureCollection, MultiLineString } from 'geojson';
import type { Dataset, DatasetTotals } from '../domain/dataset';
import { roadLayer, type RoadLayerProps } from '../domain/network/build';
import type { RoadGraphColumns } from '../domain/network/graph';
import { START_DATA_FILES } from './dataFiles';

/**
 * The built data files: one manifest shared by the data build (which writes them) and the app
 * (which loads them), so both agree on names and types. The files live in `public/data/`, which
 * is built from the team's shared data and never committed.
 */

/** How children 0–6 and the other estimates were derived, stated in meta.json and the UI. */
export interface DataMeta {
  /** Bumped when a file's shape changes. */
  format: 2;
  /** County bounding box [minLon, minLat, maxLon, maxLat], WGS84. */
  bbox: [number, number, number, number];
  totals: DatasetTotals;
  counts: Record<string, number>;
  /** Field → how it was estimated or modelled (Swedish), for the UI and the exports. */
  estimated_fields: Record<string, string>;
}

/** Everything the app loads at start; each field is one file of `DATA_FILES`. */
export interface AppData extends Omit<Dataset, 'totals' | 'roadGraph' | 'grid'> {
  meta: DataMeta;
}

/**
 * Files loaded when first needed: the road graph (by the analysis workers), its map layer, and
 * the 1 km grid's polygons (drawn only by the density and travel-time layers; the grid's demand
 * is in demand.json).
 */
export interface LazyData {
  roadGraph: RoadGraphColumns;
  roadLayer: FeatureCollection<MultiLineString, RoadLayerProps>;
  gridLayer: Dataset['grid'];
}

export const LAZY_DATA_FILES: { readonly [K in keyof LazyData]: string } = {
  roadGraph: 'road-graph.json',
  roadLayer: 'roads.geojson',
  gridLayer: 'grid.geojson',
};

export const DATA_FILES: { readonly [K in keyof AppData]: string } = START_DATA_FILES;

/** Estimated and modelled fields and their rule (Swedish); the same words as the UI and the exports. */
export const ESTIMATED_FIELDS: Record<string, string> = {
  'deso.children_0_6': 'uppskattat: 0–4 år + 5–6 år ur bandet 5–9 år genom Sprague-interpolation över banden 0–4, 5–9, 10–14 och 15–19 år (SCB TAB6574, 31 dec 2025)',
  'deso.women_16_54': 'uppskattat: kvinnor 15–54 år × 39/40',
  'deso.children_per_km2': 'uppskattat: barn 0–6 år / yta',
  'grid.children_0_6': 'uppskattat: DeSO:s värde fördelat på rutorna efter rutans befolkning 2021',
  'grid.women_16_54': 'uppskattat: DeSO:s värde fördelat på rutorna efter rutans befolkning 2021',
  'regso.children_0_6': 'uppskattat: summa av DeSO-uppskattningarna',
  'kommuner.children_0_6': 'uppskattat: summa av DeSO-uppskattningarna',
  'listing-modelled.children_0_6': 'modellerat: varje DeSO:s barn till närmaste vårdcentral, skalat till länets 18 266 listade barn 0–6 år 2025 (HSN 2026/4486)',
  'listing-modelled.women_16_54': 'modellerat: varje DeSO:s kvinnor 16–54 år till närmaste vårdcentral, oskalat',
};

/** The app's data from a built dataset (what `npm run data` writes). */
export function appDataFromDataset(ds: Dataset): AppData {
  const { totals, roadGraph: _graph, grid: _grid, ...files } = ds;
  const boxes = ds.kommuner.features.map((f) => f.properties.bbox);
  const r4 = (v: number) => Math.round(v * 1e4) / 1e4;
  return {
    ...files,
    meta: {
      format: 2,
      bbox: [r4(Math.min(...boxes.map((b) => b[0]))), r4(Math.min(...boxes.map((b) => b[1]))), r4(Math.max(...boxes.map((b) => b[2]))), r4(Math.max(...boxes.map((b) => b[3])))],
      totals,
      estimated_fields: ESTIMATED_FIELDS,
      counts: {
        kommuner: ds.kommuner.features.length,
        regso: ds.regso.features.length,
        deso: ds.deso.features.length,
        grid_cells: ds.grid.features.length,
        grid_demand_units: ds.demand.grid.length,
        health_centres: ds.healthCentres.length,
        health_centre_branches: ds.healthCentreBranches.length,
        family_centres: ds.familyCentres.length,
        tatorter: ds.tatorter.features.length,
        stop_areas: ds.stopAreas.features.length,
      },
    },
  };
}

/** The lazily loaded files from a built dataset. */
export function lazyDataFromDataset(ds: Dataset): LazyData {
  return { roadGraph: ds.roadGraph, roadLayer: roadLayer(ds.roadGraph), gridLayer: ds.grid };
}
