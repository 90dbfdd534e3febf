import { describe, expect, it } from 'vitest';
import highsLoader from 'highs';
import { analyseCoverage } from '../../src/domain/analysis';
import { buildDataset } from '../../src/domain/dataset';
import { DEFAULT_PARAMS } from '../../src/domain/scenario';
import { readRawInputs } from '../../src/cli/rawInputs';
import { healthCentreCandidates } from '../../src/domain/optimise/candidateSets';
import { OptimiseApi, type OptimiseRequest } from '../../src/worker/optimiseApi';
import { roadGraph } from '../../src/domain/network/graph';
import { NetworkRouter } from '../../src/domain/network/router';

/**
 * The worker's explanation of a suggestion (issue 12, item 8) on the Dalarna data, checked against
 * the live coverage analysis of the same sites (an independent computation: the coverage panel's
 * and the CLI's code), and the unreachable demand against the coverage of every possible site.
 */
const ds = buildDataset(readRawInputs());
const api = new OptimiseApi(() => highsLoader(), async () => ds.roadGraph);
const router = new NetworkRouter(roadGraph(ds.roadGraph));
api.init({
  roadGraphUrl: 'road-graph.json',
  demand: ds.demand,
  familyCentres: ds.familyCentres,
  healthCentres: ds.healthCentres,
  tatorter: ds.tatorter.features.map((f) => ({ code: f.properties.tatort_code, name: f.properties.name, kommun_code: f.properties.kommun_code, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] })),
});
const params = { ...DEFAULT_PARAMS, demand: 'deso' as const };
const req: OptimiseRequest = { model: 'mclp', p: 2, candidateSet: 'healthCentres', plannerCandidates: [], params, matrix: null, timeLimitS: 30 };
const kommuner = ds.kommuner.features.map((f) => f.properties);
const live = (candidates: OptimiseRequest['plannerCandidates'], key: 'today' | 'proposal', p = params) =>
  analyseCoverage({ demand: ds.demand.deso, familyCentres: ds.familyCentres, candidates, kommuner, params: p, router }, key);

describe('before → after in each model\'s terms, as the coverage analysis counts the same sites', () => {
  for (const model of ['mclp', 'pmedian', 'pcenter'] as const) {
    it(model, async () => {
      const r = await api.optimise({ ...req, model });
      expect(r.result.status).toBe('optimal');
      const today = live([], 'today');
      const after = live(r.suggested, 'proposal');
      expect(r.explain.measure).toBe({ mclp: 'covered_children', pmedian: 'mean_minutes', pcenter: 'max_minutes' }[model]);
      expect(r.explain.before.covered_children).toBeCloseTo(today.coverage.county.covered_children, 6);
      expect(r.explain.after.covered_children).toBeCloseTo(after.coverage.county.covered_children, 6);
      expect(r.explain.before.mean_minutes!).toBeCloseTo(today.coverage.county.mean_minutes!, 6);
      expect(r.explain.after.mean_minutes!).toBeCloseTo(after.coverage.county.mean_minutes!, 6);
      // The longest trip: the largest minutes of a unit with children in the analysis's assignment.
      const longest = (a: typeof today) => Math.max(...ds.demand.deso.map((u, i) => (u.children_0_6 > 0 && Number.isFinite(a.coverage.assignment.minutes[i]) ? a.coverage.assignment.minutes[i] : -Infinity)));
      expect(r.explain.before.max_minutes!).toBeCloseTo(longest(today), 6);
      expect(r.explain.after.max_minutes!).toBeCloseTo(longest(after), 6);
      const unit = ds.demand.deso.find((u) => u.id === r.explain.before.max_unit_id)!;
      expect(r.longest.before).toMatchObject({ unit_id: unit.id, kommun_code: unit.kommun_code });
      expect(r.longest.before!.place!.town.length).toBeGreaterThan(0);
      // The model's own figure improves (or holds): more within T, a shorter mean, a shorter longest trip.
      if (model === 'mclp') expect(r.explain.after.covered_children).toBeGreaterThan(r.explain.before.covered_children);
      if (model === 'pmedian') expect(r.explain.after.mean_minutes!).toBeLessThan(r.explain.before.mean_minutes!);
      if (model === 'pcenter') expect(r.explain.after.max_minutes!).toBeLessThanOrEqual(r.explain.before.max_minutes!);
      // Each site's marginal children within T: with all suggested sites minus without it.
      for (const [k, s] of r.suggested.entries()) {
        const without = live(r.suggested.filter((_, j) => j !== k), 'proposal');
        expect(s.adds_children).toBeCloseTo(after.coverage.county.covered_children - without.coverage.county.covered_children, 6);
        expect(r.explain.adds[k]).toEqual({ site_id: s.id, adds_children: s.adds_children });
      }
      expect(r.params).toEqual(params);
    });
  }
});

describe('demand no possible site reaches within T', () => {
  it('at 5 min: the units every health centre and today\'s sites leave outside T, and LSCP capped at what can be reached', async () => {
    const short = { ...params, thresholdMinutes: 5 };
    const r = await api.optimise({ ...req, model: 'lscp', p: undefined, targetShare: undefined, params: short });
    // Independent: the coverage analysis with every health centre as a candidate (all possible sites open).
    const all = live(healthCentreCandidates(ds.healthCentres), 'proposal', short);
    const expected = ds.demand.deso.filter((u, i) => u.children_0_6 > 0 && !(all.coverage.assignment.minutes[i] <= 5));
    expect(r.unreachable.ids).toEqual(expected.map((u) => u.id));
    expect(r.unreachable.ids.length).toBeGreaterThan(0);
    expect(r.unreachable.children).toBeCloseTo(expected.reduce((s, u) => s + u.children_0_6, 0), 6);
    expect(r.unreachable.children).toBeCloseTo(all.coverage.county.children_0_6 - all.coverage.county.covered_children, 6);
    expect(r.unreachable).toMatchObject({ demand: 'deso', threshold_minutes: 5 });
    // All children asked for: lowered to the reachable (need-weighted) share, solved instead of failing.
    expect(r.targetCap!.capped).toBe(true);
    expect(r.targetCap!.requested).toBe(1);
    expect(r.targetCap!.target).toBeLessThan(1);
    expect(r.result.status).toBe('optimal');
    expect(r.result.covered_share).toBeGreaterThanOrEqual(r.targetCap!.target - 1e-9);
    // Covering all that can be covered: the children within T after = all reachable children.
    expect(r.explain.after.covered_children).toBeCloseTo(r.unreachable.total_children - r.unreachable.children, 6);
  });

  it('a target below the cap is kept; other models get no cap', async () => {
    const r = await api.optimise({ ...req, model: 'lscp', p: undefined, targetShare: 0.5 });
    expect(r.targetCap).toEqual({ requested: 0.5, target: 0.5, capped: false });
    const m = await api.optimise(req);
    expect(m.targetCap).toBeNull();
    expect(m.unreachable.threshold_minutes).toBe(20);
  });

  it('onReach hears the summary before the answer', async () => {
    const heard: string[] = [];
    const r = await api.optimise({ ...req, params: { ...params, thresholdMinutes: 5 } }, undefined, undefined, (u, cap) => heard.push(`${u.ids.length}:${cap === null}`));
    expect(heard).toEqual([`${r.unreachable.ids.length}:true`]);
  });
});
