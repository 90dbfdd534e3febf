import { describe, expect, it } from 'vitest';
import highsLoader from 'highs';
import { buildDataset } from '../../src/domain/dataset';
import { DEFAULT_PARAMS } from '../../src/domain/scenario';
import { readRawInputs } from '../../src/cli/rawInputs';
import { needInputs } from '../../src/domain/need/demand';
import { OptimiseApi, type OptimiseRequest } from '../../src/worker/optimiseApi';

// Robust siting (2025 and 2035) through the worker's API on the Dalarna data, DeSO demand,
// the 29 health centres as candidates, p = 2, SCB's projection for 2035.
const ds = buildDataset(readRawInputs());
const api = new OptimiseApi(() => highsLoader(), async () => ds.roadGraph);
api.init({
  roadGraphUrl: 'road-graph.json',
  need: needInputs(ds.need, ds.kommuner.features.map((f) => f.properties)),
  demand: ds.demand,
  familyCentres: ds.familyCentres,
  healthCentres: ds.healthCentres,
  tatorter: [],
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
const year = (y: 2025 | 2035): OptimiseRequest => ({ ...req, params: { ...req.params, projection: { ...req.params.projection, year: y } } });

describe('robust siting through OptimiseApi', () => {
  it('maxmin over 2025 and 2035: proven optimal, each year counted, at least as good on the worse year as either year alone', async () => {
    const r = await api.optimise({ ...req, robust: { mode: 'maxmin', alpha: 0.5, years: [2025, 2035] } });
    expect(r.result.status).toBe('optimal');
    expect(r.result.method).toBe('exact');
    expect(r.suggested).toHaveLength(2);
    const [y25, y35] = r.result.by_year!;
    expect([y25.label, y35.label]).toEqual(['2025', '2035']);
    expect(r.result.objective).toBeCloseTo(Math.min(y25.covered_share, y35.covered_share), 12);

    // children per year: 2025 is the scenario's own year, so it matches the plain figures
    const [c25, c35] = r.coveredByYear!;
    expect(c25).toMatchObject({ year: 2025, covered_before: r.coveredBefore, covered_after: r.coveredAfter, total: r.totalChildren });
    expect(c35.year).toBe(2035);
    expect(c35.total).toBeLessThan(c25.total); // the projected decline
    expect(c35.covered_after).toBeGreaterThan(c35.covered_before);
    for (const s of r.suggested) {
      expect(s.adds_by_year).toHaveLength(2);
      expect(s.adds_by_year![0]).toBeCloseTo(s.adds_children, 9);
      expect(s.adds_by_year![1]).toBeGreaterThan(0);
    }

    // Plain MCLP of either year alone is no better on the worse year.
    const worse = (cov: { covered_after: number; total: number }[]) => Math.min(...cov.map((c) => c.covered_after / c.total));
    const robustWorse = worse(r.coveredByYear!);
    for (const y of [2025, 2035] as const) {
      const plain = await api.optimise(year(y));
      // the plain choice in both years: offer only its two sites, so p = 2 must take them
      const fixed = await api.optimise({ ...req, candidateSet: 'planner', plannerCandidates: plain.suggested, robust: { mode: 'maxmin', alpha: 0.5, years: [2025, 2035] } });
      expect(fixed.result.selected).toEqual(plain.result.selected);
      expect(worse(fixed.coveredByYear!)).toBeLessThanOrEqual(robustWorse + 1e-9);
    }
  });

  it('weighted with alpha = 1 chooses what plain MCLP of the first year chooses', async () => {
    const plain = await api.optimise(req);
    const w = await api.optimise({ ...req, robust: { mode: 'weighted', alpha: 1, years: [2025, 2035] } });
    expect(w.result.selected).toEqual(plain.result.selected);
    expect(w.result.objective).toBeCloseTo(w.result.by_year![0].covered_share, 12);
  });

  it('without robust the response has no per-year fields', async () => {
    const r = await api.optimise(req);
    expect(r).not.toHaveProperty('coveredByYear');
    expect(r.result).not.toHaveProperty('by_year');
    for (const s of r.suggested) expect(s).not.toHaveProperty('adds_by_year');
  });
});
