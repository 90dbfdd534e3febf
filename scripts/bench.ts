/**
 * Benchmarks (`npm run bench`): timings of the analysis core on the real Dalarna data and on a
 * synthetic demand. Prints median and min of several runs; nothing here is asserted.
 */
import { performance } from 'node:perf_hooks';
import { analyseCandidates, analyseCoverage, type AnalysisInput } from '../src/domain/analysis';
import { buildDataset } from '../src/domain/dataset';
import { DEFAULT_PARAMS } from '../src/domain/scenario';
import type { DemandUnit, Site } from '../src/domain/types';
import { readRawInputs } from '../src/cli/rawInputs';

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function time(label: string, runs: number, fn: () => unknown): void {
  fn(); // warm-up
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  ts.sort((a, b) => a - b);
  const med = ts[Math.floor(ts.length / 2)];
  console.log(`${label.padEnd(58)} median ${med.toFixed(1).padStart(8)} ms   min ${ts[0].toFixed(1).padStart(8)} ms   (${runs} körningar)`);
}

const t0 = performance.now();
const ds = buildDataset(readRawInputs());
console.log(`Databygge (buildDataset): ${(performance.now() - t0).toFixed(0)} ms`);

const rand = rng(2026);
const cells = ds.demand.grid.filter((u) => u.kind === 'grid' && u.population >= 20);
const candidates: Site[] = Array.from({ length: 500 }, (_, i) => {
  const c = cells[Math.floor(rand() * cells.length)];
  return { id: `bench-${String(i).padStart(3, '0')}`, name: `Kandidat ${i}`, status: 'candidate', lon: c.lon + (rand() - 0.5) * 0.01, lat: c.lat + (rand() - 0.5) * 0.005, kommun_code: c.kommun_code };
});
const [minLon, minLat, maxLon, maxLat] = [12.1, 59.8, 16.8, 62.3];
const synthetic: DemandUnit[] = Array.from({ length: 10_000 }, (_, i) => {
  const ot = (1 + Math.floor(rand() * 5)) as 1 | 2 | 3 | 4 | 5;
  return {
    id: `syn-${i}`, kind: 'grid', lon: minLon + rand() * (maxLon - minLon), lat: minLat + rand() * (maxLat - minLat),
    deso_code: 'x', regso_code: 'x', kommun_code: ds.kommuner.features[i % 15].properties.kommun_code,
    omradestyp_2022: ot, omradestyp_2023: ot, population: 10, children_0_6: rand() * 5, women_16_54: rand() * 5,
  };
});

const stops = ds.stopAreas.features.map((f) => ({ id: f.properties.stop_area_id, name: f.properties.name, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], departures: f.properties.dep_weekday_avg }));
const healthCentres = ds.healthCentres.map((h, i) => ({ id: h.id, name: h.name, lon: h.lon, lat: h.lat, children_0_6: ds.listingModelled[i].children_0_6, women_16_54: ds.listingModelled[i].women_16_54, source: 'modelled' as const }));
const kommuner = ds.kommuner.features.map((f) => f.properties);
const input = (demand: DemandUnit[], cands: Site[]): AnalysisInput => ({ demand, familyCentres: ds.familyCentres, candidates: cands, kommuner, params: DEFAULT_PARAMS });

console.log(`\nEfterfrågan: rutnät ${ds.demand.grid.length} enheter, DeSO ${ds.demand.deso.length}, syntetisk ${synthetic.length}; 500 kandidater; modellerad väg, T = 20 min\n`);
time('Poängsätt 500 kandidater mot rutnätet (4 113 enheter)', 7, () => analyseCandidates(input(ds.demand.grid, candidates), { stops, healthCentres }));
time('Poängsätt 500 kandidater mot 175 DeSO', 15, () => analyseCandidates(input(ds.demand.deso, candidates), { stops, healthCentres }));
time('Poängsätt 500 kandidater mot 10 000 syntetiska enheter', 5, () => analyseCandidates(input(synthetic, candidates), { stops, healthCentres }));
time('Full täckningskörning, rutnätet, befintliga 9 centra', 15, () => analyseCoverage(input(ds.demand.grid, [])));
time('Full täckningskörning, rutnätet, 9 centra + 500 kandidater', 5, () => analyseCoverage(input(ds.demand.grid, candidates)));
time('Full täckningskörning, 10 000 syntetiska enheter', 15, () => analyseCoverage(input(synthetic, [])));
const mem = process.memoryUsage();
console.log(`\nMinne: heap ${(mem.heapUsed / 1e6).toFixed(0)} MB, rss ${(mem.rss / 1e6).toFixed(0)} MB`);
