/**
 * The built files the app loads at start (field → file name in public/data/). The manifest
 * (dataManifest.ts) types them; this module has no imports so the Vite config can read it too
 * (it preloads these files from index.html).
 */
export const START_DATA_FILES = {
  kommuner: 'kommuner.geojson',
  regso: 'regso.geojson',
  deso: 'deso.geojson',
  demand: 'demand.json',
  healthCentres: 'health-centres.json',
  healthCentreBranches: 'health-centre-branches.json',
  familyCentres: 'family-centres.json',
  tatorter: 'tatorter.geojson',
  stopAreas: 'stop-areas.geojson',
  listingModelled: 'listing-modelled.json',
  need: 'need.json',
  meta: 'meta.json',
} as const;
