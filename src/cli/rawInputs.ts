import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawInputs } from '../domain/dataset';

/**
 * The project root: the nearest folder above this module with the project's package.json (the
 * module is src/cli/rawInputs.ts when run from source, dist-cli/cli.mjs when bundled).
 */
export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && /"name":\s*"familjecentralsplaneraren"/.test(readFileSync(pkg, 'utf8'))) return dir;
    if (dirname(dir) === dir) return resolve(from, '..', '..');
  }
}

/** Environment variable that points the data build and the CLI at another copy of the shared data. */
export const DATA_DIR_ENV = 'FCP_DATA_DIR';

/** The files of the shared data set the build reads, relative to the data folder. */
export const RAW_FILES = {
  kommuner: 'geo/kommuner.geojson',
  regso: 'geo/regso.geojson',
  deso: 'geo/deso.geojson',
  grid: 'geo/population-grid.geojson',
  tatorter: 'geo/tatorter.geojson',
  stopAreas: 'transit/stop-areas.geojson',
  populationCsv: 'geo/population-by-area.csv',
  ageSexCsv: 'geo/population-deso-age-sex-2025.csv',
  healthCentresCsv: 'facilities/health-centres.csv',
  familyCentresCsv: 'facilities/family-centres.csv',
  healthCentreOtherSitesCsv: 'facilities/health-centre-other-sites.csv',
  roadGraph: 'roads/dalarna_union_graph.json',
  desoIndicatorsCsv: 'geo/deso-indicators.csv',
  forecastCsv: 'geo/children-forecast-by-kommun.csv',
} as const satisfies Record<keyof RawInputs, string>;

/** The shared data is missing or incomplete; the message (Swedish) names the folder and the fix. */
export class DataDirError extends Error {}

/**
 * The folder of the team's shared data set: `$FCP_DATA_DIR` when set, else `../shared/data`
 * beside the project. The data is read from there at build time and never copied into the project.
 */
export function dataDir(env: Record<string, string | undefined> = process.env): string {
  const fromEnv = env[DATA_DIR_ENV];
  return fromEnv ? resolve(fromEnv) : resolve(PROJECT_ROOT, '..', 'shared', 'data');
}

/** Throws a DataDirError naming the folder and the first missing file when the data set is not there. */
export function checkDataDir(dir: string, env: Record<string, string | undefined> = process.env): void {
  const how = env[DATA_DIR_ENV]
    ? `Mappen kommer från miljövariabeln ${DATA_DIR_ENV}; rätta den eller ta bort den.`
    : `Lägg projektet bredvid mappen shared/ (…/shared/data) eller peka ut datamappen med miljövariabeln ${DATA_DIR_ENV}=/sökväg/till/shared/data.`;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new DataDirError(`Hittar inte teamets delade data i ${dir}. ${how}`);
  }
  for (const rel of Object.values(RAW_FILES)) {
    if (!existsSync(join(dir, rel))) throw new DataDirError(`Datamappen ${dir} saknar filen ${rel}. Förväntat: teamets delade data (geo/, facilities/, transit/, roads/) med sina SOURCES.md. ${how}`);
  }
}

/** Reads every raw input file of the data build from the shared data folder. Node only. */
export function readRawInputs(dir = dataDir()): RawInputs {
  checkDataDir(dir);
  const text = (p: string) => readFileSync(join(dir, p), 'utf8');
  const json = (p: string) => JSON.parse(text(p));
  return {
    kommuner: json(RAW_FILES.kommuner),
    regso: json(RAW_FILES.regso),
    deso: json(RAW_FILES.deso),
    grid: json(RAW_FILES.grid),
    tatorter: json(RAW_FILES.tatorter),
    stopAreas: json(RAW_FILES.stopAreas),
    populationCsv: text(RAW_FILES.populationCsv),
    ageSexCsv: text(RAW_FILES.ageSexCsv),
    healthCentresCsv: text(RAW_FILES.healthCentresCsv),
    familyCentresCsv: text(RAW_FILES.familyCentresCsv),
    healthCentreOtherSitesCsv: text(RAW_FILES.healthCentreOtherSitesCsv),
    roadGraph: json(RAW_FILES.roadGraph),
    desoIndicatorsCsv: text(RAW_FILES.desoIndicatorsCsv),
    forecastCsv: text(RAW_FILES.forecastCsv),
  };
}
