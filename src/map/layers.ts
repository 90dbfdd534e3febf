import type { FeatureCollection, Point } from 'geojson';
import type { OmradestypYear } from '../domain/types';

/**
 * The map's toggleable layers and density resolutions: plain types and the layer → map-layer-id
 * table, free of maplibre, so the store and the legend can use them without the map controller.
 */
export type LayerKey = 'omradestyp' | 'need' | 'density' | 'access' | 'catchments' | 'gaps' | 'roads' | 'healthCentres' | 'familyCentres' | 'candidates' | 'stops' | 'tatorter' | 'kommuner';

/**
 * The thematic area fills: each colours the whole county, so at most one is shown at a time (two
 * stacked colour ramps cannot be read). Listed in the order the layer panel shows them.
 */
export const FILL_LAYERS = ['omradestyp', 'need', 'density', 'access', 'catchments'] as const;

/** One of the thematic area fills. */
export type FillLayerKey = (typeof FILL_LAYERS)[number];

/** Whether a layer is one of the thematic area fills. */
export function isFillLayer(key: LayerKey): key is FillLayerKey {
  return (FILL_LAYERS as readonly LayerKey[]).includes(key);
}

/**
 * When several fills are on (a state saved before fills became one choice), the one kept: the
 * most specific, analysis fills before the background områdestyp (områdestyp is on by default,
 * so another fill that is on was chosen by the planner).
 */
const FILL_PRIORITY: readonly FillLayerKey[] = ['access', 'catchments', 'need', 'density', 'omradestyp'];

/** The area fill shown under a visibility table (null: none); see FILL_PRIORITY for ties. */
export function shownFill(visible: Readonly<Record<LayerKey, boolean>>): FillLayerKey | null {
  return FILL_PRIORITY.find((k) => visible[k]) ?? null;
}

/**
 * The visibility table with at most one area fill on: `fill` (or, by default, the one `shownFill`
 * keeps) stays, the other fills are switched off; point and line layers are untouched.
 */
export function withOneFill(visible: Readonly<Record<LayerKey, boolean>>, fill: FillLayerKey | null = shownFill(visible)): Record<LayerKey, boolean> {
  const out = { ...visible };
  for (const k of FILL_LAYERS) out[k] = k === fill;
  return out;
}

/** Which units a grid/DeSO layer draws. */
export type DensityMode = 'grid' | 'deso';

/** Map layer ids of each toggle. */
export const LAYER_IDS: Record<LayerKey, string[]> = {
  omradestyp: ['regso-fill', 'regso-line'],
  need: ['need-deso'],
  density: ['density-grid', 'density-deso'],
  access: ['access-grid', 'access-deso'],
  catchments: ['catchment-grid', 'catchment-deso'],
  gaps: ['gap-line'],
  roads: ['roads-line', 'roads-dash'],
  healthCentres: ['hc-circle'],
  familyCentres: ['fc-symbol'],
  candidates: ['candidate-symbol'],
  stops: ['stops-circle'],
  tatorter: ['tatorter-circle'],
  kommuner: ['kommun-line'],
};

/** Everything the map draws; prepared outside the controller (no geometry work here). */
export interface MapData {
  kommuner: FeatureCollection;
  regso: FeatureCollection;
  deso: FeatureCollection;
  /** The 1 km grid's polygons, fetched when a layer first draws them. */
  loadGrid: () => Promise<FeatureCollection>;
  healthCentres: FeatureCollection<Point>;
  familyCentres: FeatureCollection<Point>;
  candidates: FeatureCollection<Point>;
  stops: FeatureCollection<Point>;
  tatorter: FeatureCollection<Point>;
  /** [minLon, minLat, maxLon, maxLat] of the county. */
  bbox: [number, number, number, number];
}

/** What to highlight for a selected candidate: the site, the DeSO it reaches, the units it adds. */
export interface Highlight {
  siteId: string;
  reachedDeso: string[];
  addedKind: DensityMode;
  addedIds: string[];
}

export interface MapViewState {
  visible: Record<LayerKey, boolean>;
  densityMode: DensityMode;
  /** Which demand the travel-time layer shows (follows the analysis demand). */
  accessMode: DensityMode;
  omradestypYear: OmradestypYear;
  basemap: boolean;
}

