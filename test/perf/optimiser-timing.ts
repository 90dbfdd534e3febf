/**
 * Ad-hoc timings of the exact optimiser (not a test, not wired into npm scripts):
 *   npx tsx test/perf/optimiser-timing.ts <case> [<case> …]
 * Cases: pmedian10, mclp5, mclp10, mclp20, pcenter10 (synthetic 6 000 × 1 000, seed 1, 500 × 500 km,
 * 50 km/h, MCLP radius 20 min), densemclp5, densemclp10, densemclp20 (the solver benchmark's
 * 6 000 × 1 000 on 100 × 100 km, scripts/bench-solvers.ts LARGE: dense coverage), dalarna-rules
 * (the siting rules on the DeSO data: a site in every kommun, an example minimum base), dalarna (175 DeSO × 137 candidates + fixed, as scripts/bench.ts).
 * Each case prints status, objective, gap, bound, method, model size, heuristic preview time and
 * total time. Run one case per process when a case may exhaust HiGHS's memory.
 */
import { performance } from 'node:perf_hooks';
import highsLoader from 'highs';
import { solve } from '../../src/domain/optimise/solve';
import { syntheticProblem } from '../../src/domain/optimise/synthetic';
import type { SolveProblem, SolveResult } from '../../src/domain/optimise/problem';
import { LARGE, LARGE_RADIUS, syntheticData, syntheticProblem as benchProblem } from '../../scripts/bench-solvers';

const highs = await highsLoader();

function run(label: string, pr: SolveProblem): void {
  const t0 = performance.now();
  let tPreview = 0;
  let r: SolveResult;
  try {
    r = solve(pr, { highs, onPreview: () => (tPreview = performance.now() - t0) });
  } catch (e) {
    console.log(`${label}: THREW ${(e as Error).message} after ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return;
  }
  const total = performance.now() - t0;
  const gap = r.gap === null ? '–' : `${(r.gap * 100).toFixed(3)} %`;
  console.log(
    `${label.padEnd(34)} ${r.status.padEnd(9)} obj ${r.objective.toFixed(3).padStart(12)} bound ${r.bound == null ? '–' : r.bound.toFixed(3)} gap ${gap} method ${r.method}` +
      ` heuristic ${(tPreview / 1000).toFixed(2)} s total ${(total / 1000).toFixed(2)} s` +
      (r.model_size ? ` size ${JSON.stringify(r.model_size)}` : '') +
      (r.message_code ? ` msg ${r.message_code}` : '') +
      (r.rule_message_code ? ` rule ${r.rule_message_code} ${JSON.stringify(r.rule_message_params)}` : '') +
      (r.rules ? ` dropped ${r.rules.min_base_dropped.length} needed ${r.rules.groups_needed.length}` : ''),
  );
}

// The solver benchmark's 6 000 × 1 000 problem (100 × 100 km, so each site covers ~500 points at 20 min).
let denseData: ReturnType<typeof syntheticData> | null = null;
const dense = (model: SolveProblem['model'], p: number, radius?: number) =>
  benchProblem((denseData ??= syntheticData(LARGE)), model, { p, radius, timeLimitS: Number(process.env.LIMIT ?? 60) });

const syn = (model: SolveProblem['model'], p: number, radius?: number) =>
  syntheticProblem({ model, demand: 6000, sites: 1000, p, radius, seed: 1, time_limit_s: Number(process.env.LIMIT ?? 60) });

for (const c of process.argv.slice(2)) {
  if (c === 'pmedian10') run('synthetic pmedian p=10', syn('pmedian', 10));
  else if (/^pmedian\d+$/.test(c)) run(`synthetic pmedian p=${c.slice(7)}`, syn('pmedian', Number(c.slice(7))));
  else if (/^mclp\d+$/.test(c)) run(`synthetic mclp r=20 p=${c.slice(4)}`, syn('mclp', Number(c.slice(4)), 20));
  else if (/^densemclp\d+$/.test(c)) run(`dense (bench LARGE) mclp r=20 p=${c.slice(9)}`, dense('mclp', Number(c.slice(9)), LARGE_RADIUS));
  else if (/^pcenter\d+$/.test(c)) run(`synthetic pcenter p=${c.slice(7)}`, syn('pcenter', Number(c.slice(7))));
  else if (c === 'dalarna' || c === 'dalarna-grid') {
    const { buildDataset } = await import('../../src/domain/dataset');
    const { readRawInputs } = await import('../../src/cli/rawInputs');
    const { siteProblem } = await import('../../src/domain/optimise/fromScenario');
    const { DEFAULT_PARAMS } = await import('../../src/domain/scenario');
    const { roadGraph } = await import('../../src/domain/network/graph');
    const { NetworkRouter } = await import('../../src/domain/network/router');
    const ds = buildDataset(readRawInputs());
    const router = new NetworkRouter(roadGraph(ds.roadGraph));
    const fixed = ds.familyCentres.filter((f) => f.status === 'existing').map((f) => ({ id: f.id, name: f.name, status: f.status, lon: f.lon, lat: f.lat }));
    const candidates = [
      ...ds.healthCentres.map((h) => ({ id: h.id, name: h.name, status: 'candidate' as const, lon: h.lon, lat: h.lat })),
      ...ds.tatorter.features.map((t) => ({ id: t.properties.tatort_code, name: t.properties.name, status: 'candidate' as const, lon: t.geometry.coordinates[0], lat: t.geometry.coordinates[1] })),
    ];
    const demand = c === 'dalarna' ? ds.demand.deso : ds.demand.grid;
    const common = { demand, fixed, candidates, travel: DEFAULT_PARAMS.travel, router, thresholdMinutes: 20, deprivationWeights: DEFAULT_PARAMS.deprivationWeights, omradestypYear: 2023 as const, timeLimitS: 60 };
    for (const model of ['mclp', 'pmedian', 'pcenter'] as const) {
      for (const p of [1, 3, 5]) run(`${c} ${model} p=${p}`, siteProblem({ ...common, model, p }));
    }
    run(`${c} lscp 90 %`, siteProblem({ ...common, model: 'lscp', targetShare: 0.9, deprivationWeights: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 } }));
  } else if (c === 'dalarna-rules') {
    // The siting rules (rules.ts) on the DeSO data: a site in every kommun (existing centres count
    // for their kommun), and an example minimum of 100 children 0–6 within 20 min (an example
    // value for timing, not a figure from the documents).
    const { buildDataset } = await import('../../src/domain/dataset');
    const { readRawInputs } = await import('../../src/cli/rawInputs');
    const { siteProblem } = await import('../../src/domain/optimise/fromScenario');
    const { DEFAULT_PARAMS } = await import('../../src/domain/scenario');
    const { roadGraph } = await import('../../src/domain/network/graph');
    const { NetworkRouter } = await import('../../src/domain/network/router');
    const ds = buildDataset(readRawInputs());
    const router = new NetworkRouter(roadGraph(ds.roadGraph));
    const fixed = ds.familyCentres.filter((f) => f.status === 'existing').map((f) => ({ id: f.id, name: f.name, status: f.status, lon: f.lon, lat: f.lat, kommun_code: f.kommun_code }));
    const candidates = [
      ...ds.healthCentres.map((h) => ({ id: h.id, name: h.name, status: 'candidate' as const, lon: h.lon, lat: h.lat, kommun_code: h.kommun_code })),
      ...ds.tatorter.features.map((t) => ({ id: t.properties.tatort_code, name: t.properties.name, status: 'candidate' as const, lon: t.geometry.coordinates[0], lat: t.geometry.coordinates[1], kommun_code: t.properties.kommun_code })),
    ];
    const kommuner = [...new Set(ds.demand.deso.map((u) => u.kommun_code))].sort();
    const needed = kommuner.filter((k) => !fixed.some((f) => f.kommun_code === k)).length;
    console.log(`${kommuner.length} kommuner, ${needed} without an existing centre`);
    const common = { demand: ds.demand.deso, fixed, candidates, travel: DEFAULT_PARAMS.travel, router, thresholdMinutes: 20, deprivationWeights: DEFAULT_PARAMS.deprivationWeights, omradestypYear: 2023 as const, timeLimitS: 60, requireKommuner: kommuner };
    for (const model of ['mclp', 'pmedian', 'pcenter'] as const) {
      for (const p of [needed, needed + 2]) {
        run(`${c} ${model} p=${p}`, siteProblem({ ...common, model, p }));
        run(`${c} ${model} p=${p} min 100`, siteProblem({ ...common, model, p, minChildren: 100 }));
      }
    }
    run(`${c} lscp all kommuner 90 %`, siteProblem({ ...common, model: 'lscp', targetShare: 0.9 }));
  } else console.log(`unknown case ${c}`);
}
