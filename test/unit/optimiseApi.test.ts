import { describe, expect, it } from 'vitest';
import highsLoader from 'highs';
import { analyseCoverage } from '../../src/domain/analysis';
import { buildDataset } from '../../src/domain/dataset';
import { DEFAULT_PARAMS } from '../../src/domain/scenario';
import { readRawInputs } from '../../src/cli/rawInputs';
import { NO_CANDIDATES } from '../../src/domain/optimise/candidateSets';
import { STRINGS } from '../../src/i18n';
import { OptimiseApi, type OptimiseRequest } from '../../src/worker/optimiseApi';
import { roadGraph } from '../../src/domain/network/graph';
import { NetworkRouter } from '../../src/domain/network/router';

const ds = buildDataset(readRawInputs());
// The default travel model is the road network: the worker loads the graph through its loader.
const api = new OptimiseApi(() => highsLoader(), async () => ds.roadGraph);
const router = new NetworkRouter(roadGraph(ds.roadGraph));
api.init({
  roadGraphUrl: 'road-graph.json',
  demand: ds.demand,
  familyCentres: ds.familyCentres,
  healthCentres: ds.healthCentres,
  tatorter: ds.tatorter.features.map((f) => ({ code: f.properties.tatort_code, name: f.properties.name, kommun_code: f.properties.kommun_code, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] })),
});
const req: OptimiseRequest = {
  model: 'mclp',
  p: 2,
  candidateSet: 'healthCentres',
  plannerCandidates: [],
  params: { ...DEFAULT_PARAMS, demand: 'deso' },
  matrix: null,
  timeLimitS: 30,
};

describe('optimisation on the Dalarna data', () => {
  it('MCLP p = 2 among the health centres is proven optimal and adds coverage', async () => {
    const r = await api.optimise(req);
    expect(r.result.status).toBe('optimal');
    expect(r.suggested).toHaveLength(2);
    expect(r.candidatesConsidered).toBe(29);
    expect(r.coveredAfter).toBeGreaterThan(r.coveredBefore);
    for (const s of r.suggested) expect(s.adds_children).toBeGreaterThan(0);
    // the existing 9 are all in the selection
    expect(r.result.selected.filter((id) => id.startsWith('fc-'))).toHaveLength(9);
  });

  it('coverage before equals the live coverage of the same scenario', async () => {
    const r = await api.optimise(req);
    const live = analyseCoverage({ demand: ds.demand.deso, familyCentres: ds.familyCentres, candidates: [], kommuner: ds.kommuner.features.map((f) => f.properties), params: req.params, router }, 'today');
    expect(r.coveredBefore).toBeCloseTo(live.coverage.county.covered_children, 6);
    expect(r.totalChildren).toBeCloseTo(18_890.312, 6);
  });

  it('adding the suggested sites as candidates gives the promised coverage', async () => {
    const r = await api.optimise({ ...req, p: 3, candidateSet: 'tatorter' });
    const live = analyseCoverage({ demand: ds.demand.deso, familyCentres: ds.familyCentres, candidates: r.suggested, kommuner: ds.kommuner.features.map((f) => f.properties), params: req.params, router }, 'proposal');
    expect(live.coverage.county.covered_children).toBeCloseTo(r.coveredAfter, 6);
  });

  it('the curve of coverage against new centres never falls (diminishing returns)', async () => {
    const pts = await api.curve(req, 5);
    expect(pts.map((p) => p.newCentres)).toEqual([0, 1, 2, 3, 4, 5]);
    for (let i = 1; i < pts.length; i++) expect(pts[i].share).toBeGreaterThanOrEqual(pts[i - 1].share - 1e-12);
    expect(pts.every((p) => p.status === 'optimal')).toBe(true);
  });

  it('LSCP to 90 % and the grid candidate set', async () => {
    const r = await api.optimise({ ...req, model: 'lscp', p: undefined, targetShare: 0.9, candidateSet: 'grid', params: { ...req.params, deprivationWeights: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 } } });
    expect(r.result.status).toBe('optimal');
    expect(r.coveredAfter / r.totalChildren).toBeGreaterThanOrEqual(0.9 - 1e-9);
    expect(r.candidatesConsidered).toBeGreaterThan(100);
  });

  it('no planner candidates is a clear error', async () => {
    // The worker throws a code; the panel words it in the UI language.
    await expect(api.optimise({ ...req, candidateSet: 'planner' })).rejects.toThrow(NO_CANDIDATES);
    expect(STRINGS.sv.suggest.noCandidates).toBe('Inga kandidatplatser att välja bland.');
    expect(STRINGS.en.suggest.noCandidates).toBe('There are no candidate sites to choose from.');
  });
});

describe('without WebAssembly', () => {
  it('falls back to the heuristic and says so, instead of failing', async () => {
    const noWasm = new OptimiseApi(() => Promise.reject(new Error('CompileError: WebAssembly.instantiate(): Refused to compile or instantiate WebAssembly module')), async () => ds.roadGraph);
    noWasm.init({ roadGraphUrl: 'road-graph.json', demand: ds.demand, familyCentres: ds.familyCentres, healthCentres: ds.healthCentres, tatorter: [] });
    const r = await noWasm.optimise({ model: 'mclp', p: 2, candidateSet: 'healthCentres', plannerCandidates: [], params: DEFAULT_PARAMS, matrix: null, timeLimitS: 10 });
    expect(r.solverUnavailable).toBe(true);
    expect(r.result.method).toBe('heuristic');
    expect(r.suggested).toHaveLength(2);
    const pts = await noWasm.curve({ model: 'mclp', p: 2, candidateSet: 'healthCentres', plannerCandidates: [], params: DEFAULT_PARAMS, matrix: null, timeLimitS: 10 }, 2);
    expect(pts).toHaveLength(3);
  });
});
