/**
 * Data build: turns the raw Dalarna files in data/ into compact app-ready files in public/data/.
 * Run with `npm run data` (also part of `npm run build` and `npm run dev`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bbox as turfBbox } from '@turf/turf';
import { buildDataset, type Dataset } from '../src/domain/dataset';
import { readRawInputs } from '../src/cli/rawInputs';

export { readRawInputs };

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Rounds every number in a JSON value: coordinates to 6 decimals, other values to 4. */
function compact(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1e6) / 1e6 : v));
}

export function writeDataset(ds: Dataset, outDir = join(root, 'public', 'data')): string[] {
  mkdirSync(outDir, { recursive: true });
  const files: Record<string, unknown> = {
    'kommuner.geojson': ds.kommuner,
    'regso.geojson': ds.regso,
    'deso.geojson': ds.deso,
    'grid.geojson': ds.grid,
    'demand.json': ds.demand,
    'health-centres.json': ds.healthCentres,
    'family-centres.json': ds.familyCentres,
    'tatorter.geojson': ds.tatorter,
    'stop-areas.geojson': ds.stopAreas,
    'listing-modelled.json': ds.listingModelled,
    'meta.json': {
      format: 1,
      bbox: turfBbox(ds.kommuner).map((v) => Math.round(v * 1e4) / 1e4),
      totals: ds.totals,
      // Fields that are estimates or models, not published figures; the UI labels them.
      estimated_fields: {
        'deso.children_0_6': 'uppskattat: age_0_4 + 0.4 × age_5_9 (SCB TAB6574, 2025)',
        'deso.women_16_54': 'uppskattat: women_15_54 × 39/40',
        'deso.children_per_km2': 'uppskattat: children_0_6 / area_km2',
        'grid.children_0_6': 'uppskattat: DeSO value spread by 2021 cell population',
        'grid.women_16_54': 'uppskattat: DeSO value spread by 2021 cell population',
        'regso.children_0_6': 'uppskattat: sum of DeSO estimates',
        'kommuner.children_0_6': 'uppskattat: sum of DeSO estimates',
        'listing-modelled.children_0_6': 'modellerat: DeSO children to nearest health centre, scaled to 18 266 (HSN 2026/4486)',
        'listing-modelled.women_16_54': 'modellerat: DeSO women 16–54 to nearest health centre, unscaled',
      },
      counts: {
        kommuner: ds.kommuner.features.length,
        regso: ds.regso.features.length,
        deso: ds.deso.features.length,
        grid_cells: ds.grid.features.length,
        grid_demand_units: ds.demand.grid.length,
        health_centres: ds.healthCentres.length,
        family_centres: ds.familyCentres.length,
        tatorter: ds.tatorter.features.length,
        stop_areas: ds.stopAreas.features.length,
      },
    },
  };
  const written: string[] = [];
  for (const [name, value] of Object.entries(files)) {
    const p = join(outDir, name);
    writeFileSync(p, compact(value));
    written.push(p);
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  const ds = buildDataset(readRawInputs());
  const files = writeDataset(ds);
  const t = ds.totals;
  console.log(
    `data: ${ds.deso.features.length} DeSO, ${ds.grid.features.length} rutor, ${ds.healthCentres.length} vårdcentraler, ` +
      `${ds.familyCentres.length} familjecentraler; befolkning ${t.population}, barn 0–6 (uppskattat) ${t.children_0_6.toFixed(1)}; ` +
      `${files.length} filer till public/data på ${Date.now() - t0} ms`,
  );
}
