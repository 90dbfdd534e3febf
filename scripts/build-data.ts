/**
 * Data build: reads the team's shared Dalarna data (`../shared/data`, or `$FCP_DATA_DIR`) and
 * writes compact app-ready files to `public/data/` (ignored by git). Run with `npm run data`
 * (also part of `npm run build` and `npm run dev`). Nothing of the shared data is copied into the project.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDataset, type Dataset } from '../src/domain/dataset';
import { DataDirError, dataDir, readRawInputs } from '../src/cli/rawInputs';
import { appDataFromDataset, DATA_FILES, LAZY_DATA_FILES, lazyDataFromDataset, type AppData, type LazyData } from '../src/io/dataManifest';

export { readRawInputs };

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** JSON with non-integer numbers rounded to 6 decimals (coordinates ≈ 0,1 m). */
function compact(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1e6) / 1e6 : v));
}

/** Writes every file of the manifest; returns their paths. */
export function writeDataset(ds: Dataset, outDir = join(root, 'public', 'data')): string[] {
  mkdirSync(outDir, { recursive: true });
  const app = appDataFromDataset(ds);
  const lazy = lazyDataFromDataset(ds);
  const write = (name: string, value: unknown) => {
    const p = join(outDir, name);
    writeFileSync(p, compact(value));
    return p;
  };
  return [
    ...(Object.keys(DATA_FILES) as (keyof AppData)[]).map((key) => write(DATA_FILES[key], app[key])),
    ...(Object.keys(LAZY_DATA_FILES) as (keyof LazyData)[]).map((key) => write(LAZY_DATA_FILES[key], lazy[key])),
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  try {
    const dir = dataDir();
    const ds = buildDataset(readRawInputs(dir));
    const files = writeDataset(ds);
    const t = ds.totals;
    console.log(
      `data: läste ${dir}; ${ds.deso.features.length} DeSO, ${ds.grid.features.length} rutor, ${ds.healthCentres.length} vårdcentraler, ` +
        `${ds.familyCentres.length} familjecentraler, vägnät ${ds.roadGraph.u.length} länkar (unionsgrafen som levererad); befolkning ${t.population}, barn 0–6 (uppskattat, Sprague) ${t.children_0_6.toFixed(1)}; ` +
        `${files.length} filer till public/data på ${Date.now() - t0} ms`,
    );
  } catch (e) {
    if (e instanceof DataDirError) {
      console.error(`data: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
}
