import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawInputs } from '../domain/dataset';

/** The project root (two levels above this file). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Reads every raw input file of the data build from `dataDir` (default: the project's data/). Node only. */
export function readRawInputs(dataDir = join(PROJECT_ROOT, 'data')): RawInputs {
  const json = (p: string) => JSON.parse(readFileSync(join(dataDir, p), 'utf8'));
  const text = (p: string) => readFileSync(join(dataDir, p), 'utf8');
  return {
    kommuner: json('geo/kommuner.geojson'),
    regso: json('geo/regso.geojson'),
    deso: json('geo/deso.geojson'),
    grid: json('geo/population-grid.geojson'),
    tatorter: json('geo/tatorter.geojson'),
    stopAreas: json('transit/stop-areas.geojson'),
    populationCsv: text('geo/population-by-area.csv'),
    healthCentresCsv: text('facilities/health-centres.csv'),
    familyCentresCsv: text('facilities/family-centres.csv'),
  };
}
