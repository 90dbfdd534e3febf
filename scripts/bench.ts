/**
 * Benchmarks (`npm run bench`): timings of the analysis core on the real Dalarna data and on a
 * synthetic demand. Prints median and min of several runs; nothing here is asserted.
 */
import { performance } from 'node:perf_hooks';
import { analyseCandidates, analyseCoverage, analyseSiteSets, type AnalysisInput } from '../src/domain/analysis';
import { kommunRefs } from '../src/domain/views';
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
const kommuner = kommunRefs(ds.kommuner);
const input = (demand: DemandUnit[], cands: Site[]): AnalysisInput => ({ demand, familyCentres: ds.familyCentres, candidates: cands, kommuner, params: DEFAULT_PARAMS });

console.log(`\nEfterfrågan: rutnät ${ds.demand.grid.length} enheter, DeSO ${ds.demand.deso.length}, syntetisk ${synthetic.length}; 500 kandidater; modellerad väg, T = 20 min\n`);
time('Poängsätt 500 kandidater mot rutnätet (4 113 enheter)', 7, () => analyseCandidates(input(ds.demand.grid, candidates), { stops, healthCentres }));
time('Poängsätt 500 kandidater mot 175 DeSO', 15, () => analyseCandidates(input(ds.demand.deso, candidates), { stops, healthCentres }));
time('Poängsätt 500 kandidater mot 10 000 syntetiska enheter', 5, () => analyseCandidates(input(synthetic, candidates), { stops, healthCentres }));
time('Full täckningskörning, rutnätet, i dag (9 centra)', 15, () => analyseCoverage(input(ds.demand.grid, []), 'today'));
time('Täckning i dag och förslaget (9 centra + 500 kandidater), rutnätet, en kostnadstabell', 5, () => analyseSiteSets(input(ds.demand.grid, candidates)));
time('Full täckningskörning, 10 000 syntetiska enheter', 15, () => analyseCoverage(input(synthetic, []), 'today'));
const mem = process.memoryUsage();
console.log(`\nMinne: heap ${(mem.heapUsed / 1e6).toFixed(0)} MB, rss ${(mem.rss / 1e6).toFixed(0)} MB`);

// ---------------------------------------------------------------------------------------------
// Road network: graph load, one search, the optimisation candidate sets, a parameter change.
{
  const { roadGraph } = await import('../src/domain/network/graph');
  const { NetworkRouter, DEFAULT_NETWORK } = await import('../src/domain/network/router');
  const { gridCandidates } = await import('../src/domain/optimise/candidateSets');
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { dataDir } = await import('../src/cli/rawInputs');
  const once = (label: string, fn: () => unknown) => {
    const t = performance.now();
    fn();
    console.log(`${label.padEnd(58)} ${(performance.now() - t).toFixed(1).padStart(8)} ms`);
  };
  console.log('\nVägnät (unionsgrafen: 26 427 noder, 42 382 länkar)');
  let text = '';
  once('Läs road-graph (JSON, 2,2 MB) från disk', () => (text = readFileSync(join(dataDir(), 'roads', 'dalarna_union_graph.json'), 'utf8')));
  const { graphColumns } = await import('../src/domain/network/build');
  let g = roadGraph(graphColumns(JSON.parse(text)));
  once('Tolka JSON och bygg grafen (CSR)', () => (g = roadGraph(graphColumns(JSON.parse(text)))));
  let router = new NetworkRouter(g);
  once('Index för närmaste nod (KDBush)', () => (router = new NetworkRouter(g)));
  const grid = ds.demand.grid;
  const hc = ds.healthCentres.map((h) => ({ lon: h.lon, lat: h.lat }));
  const tat = ds.tatorter.features.map((t) => ({ lon: t.geometry.coordinates[0], lat: t.geometry.coordinates[1] }));
  const gc = gridCandidates(ds.demand.grid);
  once('En sökning (1 plats → 4 113 rutor, inkl. snappning)', () => router.costs(grid, hc.slice(0, 1), DEFAULT_NETWORK));
  once(`29 vårdcentraler + 108 tätorter (${hc.length + tat.length} sökningar)`, () => router.costs(grid, [...hc, ...tat], DEFAULT_NETWORK));
  once(`5 km-rutnätets kandidater (${gc.length} sökningar)`, () => router.costs(grid, gc, DEFAULT_NETWORK));
  once('Samma igen (cache: inga nya sökningar)', () => router.costs(grid, [...hc, ...tat, ...gc], DEFAULT_NETWORK));
  once('En flyttad kandidat (1 ny sökning)', () => router.costs(grid, [...hc, { lon: 15.0, lat: 60.7 }], DEFAULT_NETWORK));
  once(`Ny hastighetsparameter (${hc.length + tat.length} nya sökningar)`, () => router.costs(grid, [...hc, ...tat], { ...DEFAULT_NETWORK, ruralKmh: 70 }));
  time('Full täckningskörning, rutnätet, i dag, vägnät (cache varm)', 10, () => analyseCoverage({ ...input(ds.demand.grid, []), params: { ...DEFAULT_PARAMS, travel: DEFAULT_NETWORK }, router }, 'today'));
  console.log(`  sökningar totalt ${router.searches}`);
}

// ---------------------------------------------------------------------------------------------
// Site optimisation: exact (HiGHS) and heuristic.
const { default: highsLoader } = await import('highs');
const { solve } = await import('../src/domain/optimise/solve');
const { siteProblem } = await import('../src/domain/optimise/fromScenario');
const highs = await highsLoader();
const fixed: Site[] = ds.familyCentres.filter((f) => f.status === 'existing').map((f) => ({ id: f.id, name: f.name, status: f.status, lon: f.lon, lat: f.lat }));
const siteCandidates: Site[] = [
  ...ds.healthCentres.map((h) => ({ id: h.id, name: h.name, status: 'candidate' as const, lon: h.lon, lat: h.lat })),
  ...ds.tatorter.features.map((t) => ({ id: t.properties.tatort_code, name: t.properties.name, status: 'candidate' as const, lon: t.geometry.coordinates[0], lat: t.geometry.coordinates[1] })),
];
console.log(`\nOptimering: Dalarna, 175 DeSO × ${siteCandidates.length} kandidater (29 vårdcentraler + 108 tätorter) + 9 fasta befintliga; vikt = barn × deprivationsvikt; T = 20 min`);
const fmtRes = (r: { status: string; objective: number; gap: number | null; elapsed_ms?: number }) =>
  `${r.status.padEnd(9)} mål ${r.objective.toFixed(2).padStart(10)}  gap ${r.gap === null ? '  –   ' : (r.gap * 100).toFixed(2).padStart(5) + ' %'}  ${String(r.elapsed_ms ?? 0).padStart(6)} ms`;
for (const model of ['mclp', 'pmedian', 'pcenter'] as const) {
  for (let p = 1; p <= 5; p++) {
    const pr = siteProblem({ model, demand: ds.demand.deso, fixed, candidates: siteCandidates, travel: DEFAULT_PARAMS.travel, thresholdMinutes: 20, p, deprivationWeights: DEFAULT_PARAMS.deprivationWeights, omradestypYear: 2023, timeLimitS: 60 });
    const exact = solve(pr, { highs });
    const heur = solve(pr, { highs, heuristicOnly: true });
    console.log(`  ${model.padEnd(8)} p=${p}  exakt: ${fmtRes(exact)}   heuristik: ${fmtRes(heur)}`);
  }
}
{
  const pr = siteProblem({ model: 'lscp', demand: ds.demand.deso, fixed, candidates: siteCandidates, travel: DEFAULT_PARAMS.travel, thresholdMinutes: 20, targetShare: 0.9, deprivationWeights: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 }, omradestypYear: 2023, timeLimitS: 60 });
  console.log(`  lscp     90 % av barnen inom 20 min: exakt: ${fmtRes(solve(pr, { highs }))}   heuristik: ${fmtRes(solve(pr, { highs, heuristicOnly: true }))}`);
}

// Synthetic 6 000 demand × 1 000 sites, MCLP within 20 minutes (straight line at 50 km/h).
{
  const r2 = rng(6000);
  const dem = Array.from({ length: 6000 }, (_, i) => ({ id: `d${i}`, lon: minLon + r2() * (maxLon - minLon), lat: minLat + r2() * (maxLat - minLat), w: r2() * 10 }));
  const sts = Array.from({ length: 1000 }, (_, j) => ({ id: `s${String(j).padStart(4, '0')}`, lon: minLon + r2() * (maxLon - minLon), lat: minLat + r2() * (maxLat - minLat) }));
  const { buildCostTable } = await import('../src/domain/travel');
  const t = buildCostTable(dem, sts, { kind: 'straight', speedKmh: 50 });
  const cost = dem.map((_, i) => Array.from(t.minutes.subarray(i * 1000, (i + 1) * 1000)));
  console.log('\nSyntetisk: 6 000 efterfrågepunkter × 1 000 platser, MCLP, radie 20 min, tidsgräns 60 s');
  for (const p of [5, 20]) {
    const pr = { model: 'mclp' as const, p, radius: 20, demand: dem.map((d) => ({ id: d.id, weight: d.w })), sites: sts.map((s) => ({ id: s.id })), cost, time_limit_s: 60 };
    console.log(`  mclp     p=${p}  exakt: ${fmtRes(solve(pr, { highs }))}   heuristik: ${fmtRes(solve(pr, { highs, heuristicOnly: true }))}`);
  }
}
