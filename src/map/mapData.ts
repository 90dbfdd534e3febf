import type { FamilyCentre, Site } from '../domain/types';
import type { AppData } from '../io/appData';
import type { CentreListing } from '../domain/listing';
import { candidateCollection, familyCentreCollection, healthCentreCollection, stopCollection } from './features';
import type { MapData } from './layers';

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
    deso: data.deso,
    grid: data.grid,
    healthCentres: healthCentreCollection(data.healthCentres, listing),
    familyCentres: familyCentreCollection(familyCentres),
    candidates: candidateCollection(candidates),
    stops: stopCollection(data.stopAreas),
    tatorter: data.tatorter,
    bbox: data.meta.bbox,
  };
}
