import type { FamilyCentre, Site } from '../domain/types';
import type { AppData } from '../io/appData';
import type { CentreListing } from '../domain/listing';
import { candidateCollection, familyCentreCollection, healthCentreCollection, stopCollection } from './features';
import type { MapData } from './layers';
import { dataUrl } from '../io/appData';
import { LAZY_DATA_FILES } from '../io/dataManifest';
import { INDICATOR_KEYS } from '../domain/need/indicators';

/**
 * The map's data for a situation: all layers from the app data, with the family centres and
 * candidates the situation shows (the main map shows every status; presentations show what counts).
 */
export function buildMapData(
  data: AppData,
  listing: ReadonlyMap<string, CentreListing>,
  candidates: readonly Site[],
  familyCentres: readonly FamilyCentre[] = data.familyCentres,
): MapData {
  return {
    kommuner: data.kommuner,
    regso: data.regso,
    deso: desoWithIndicators(data),
    loadGrid: loadGridLayer,
    healthCentres: healthCentreCollection(data.healthCentres, listing),
    familyCentres: familyCentreCollection(familyCentres),
    candidates: candidateCollection(candidates),
    stops: stopCollection(data.stopAreas),
    tatorter: data.tatorter,
    bbox: data.meta.bbox,
  };
}

/**
 * DeSO features with every indicator's value and year (`ind_<key>`, `ind_<key>_year`; null when
 * SCB gives none) for the popups.
 */
function desoWithIndicators(data: AppData): MapData['deso'] {
  const byCode = new Map(data.need.indicators.map((d) => [d.deso_code, d]));
  return {
    ...data.deso,
    features: data.deso.features.map((f) => {
      const d = byCode.get(f.properties.deso_code);
      const extra: Record<string, number | null> = {};
      for (const k of INDICATOR_KEYS) {
        extra[`ind_${k}`] = d?.values[k] ?? null;
        extra[`ind_${k}_year`] = d?.years[k] ?? null;
      }
      return { ...f, properties: { ...f.properties, ...extra } };
    }),
  };
}

let gridLayer: Promise<MapData['deso']> | null = null;
/** The 1 km grid's polygons, fetched once on first use (the density and travel-time layers draw them). */
function loadGridLayer(): Promise<MapData['deso']> {
  gridLayer ??= fetch(dataUrl(LAZY_DATA_FILES.gridLayer)).then((r) => {
    if (!r.ok) throw new Error(`${LAZY_DATA_FILES.gridLayer}: HTTP ${r.status}`);
    return r.json();
  });
  gridLayer.catch(() => (gridLayer = null));
  return gridLayer;
}
