import { beforeAll, describe, expect, it } from 'vitest';
import highsLoader, { type Highs } from 'highs';
import { evaluate, toInstance, type Instance, type SolveProblem } from '../../src/domain/optimise/problem';
import { solve } from '../../src/domain/optimise/solve';
import { solveLscp, solveMclp, solvePmedian } from '../../src/domain/optimise/milp';
import { solveRobustMclp } from '../../src/domain/optimise/robust';
import { dominatedSites, reduceCover } from '../../src/domain/optimise/reduce';
import { pmedianBound, pmedianContext, pmedianLagrangian, prunePmedian } from '../../src/domain/optimise/lagrangian';
import { pmedianHeuristic, pmedianValue } from '../../src/domain/optimise/pmedianSearch';
import { restrictSites, solvePmedianLarge } from '../../src/domain/optimise/pmedianLarge';
import { pmedianSizeBefore } from '../../src/domain/optimise/milp';
import { heuristic } from '../../src/domain/optimise/heuristic';
import { syntheticProblem } from '../../src/domain/optimise/synthetic';
import { rng } from './helpers';

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

/** Every subset of free sites with exactly k (or, k = null, any number of) sites. */
function* subsets(inst: Instance, k: number | null): Generator<Uint8Array> {
  const free: number[] = [];
  for (let j = 0; j < inst.m; j++) if (!inst.fixed[j]) free.push(j);
  for (let mask = 0; mask < 1 << free.length; mask++) {
    let count = 0;
    for (let q = 0; q < free.length; q++) if (mask & (1 << q)) count++;
    if (k !== null && count !== k) continue;
    const open = Uint8Array.from(inst.fixed);
    free.forEach((j, q) => {
      if (mask & (1 << q)) open[j] = 1;
    });
    yield open;
  }
}

/** Brute-force optimum of MCLP / p-median / robust MCLP (exactly p) and LSCP (fewest sites). */
function brute(inst: Instance, radius = inst.radius, coverAll = false): number | null {
  let best: number | null = null;
  const maximise = inst.model === 'mclp';
  for (const open of subsets(inst, inst.model === 'lscp' ? null : inst.p)) {
    const r = { ...inst, radius };
    const ev = evaluate(r, open);
    let v: number;
    if (inst.model === 'lscp') {
      let ok = true;
      if (inst.targetShare !== null && !coverAll) ok = ev.covered_share >= inst.targetShare - 1e-9;
      else for (let i = 0; i < inst.n; i++) if ((coverAll || inst.weight[i] > 0) && !coveredBy(r, open, i)) ok = false;
      if (!ok) continue;
      v = 0;
      for (let j = 0; j < inst.m; j++) if (open[j] && !inst.fixed[j]) v++;
    } else if (inst.model === 'pmedian') {
      if (!reachesAll(inst, open)) continue;
      v = pmedianValue(inst, open);
    } else v = ev.objective;
    if (best === null || (maximise ? v > best + 1e-9 : v < best - 1e-9)) best = v;
  }
  return best;
}

function coveredBy(inst: Instance, open: Uint8Array, i: number): boolean {
  for (let j = 0; j < inst.m; j++) if (open[j] && inst.cost[i * inst.m + j] <= inst.radius) return true;
  return false;
}

function reachesAll(inst: Instance, open: Uint8Array): boolean {
  for (let i = 0; i < inst.n; i++) {
    if (!(inst.weight[i] > 0)) continue;
    let ok = false;
    for (let j = 0; j < inst.m; j++) if (open[j] && !Number.isNaN(inst.cost[i * inst.m + j])) ok = true;
    if (!ok) return false;
  }
  return true;
}

/**
 * A random instance built to exercise the reductions: costs on a coarse grid (so rows share
 * covering sets and sites tie), duplicated sites and demand rows, some unreachable pairs, some
 * fixed sites and zero weights.
 */
function randomProblem(rand: () => number, model: SolveProblem['model'], opts: { n?: number; m?: number; fixed?: number } = {}): SolveProblem {
  const n = opts.n ?? 5 + Math.floor(rand() * 10);
  const m = opts.m ?? 4 + Math.floor(rand() * 6);
  const sites = Array.from({ length: m }, (_, j) => ({ id: `s${j}`, fixed: rand() < (opts.fixed ?? 0.12) }));
  const base: (number | null)[][] = Array.from({ length: n }, () => Array.from({ length: m }, () => (rand() < 0.1 ? null : 5 * Math.floor(rand() * 12))));
  // Duplicate a site's column and a demand row now and then.
  if (m > 2 && rand() < 0.5) for (const row of base) row[m - 1] = row[0];
  if (n > 2 && rand() < 0.5) base[n - 1] = [...base[0]];
  for (const row of base) if (!row.some((c) => c !== null)) row[0] = 5 * Math.floor(rand() * 12);
  const free = sites.filter((s) => !s.fixed).length;
  return {
    model,
    demand: Array.from({ length: n }, (_, i) => ({ id: `d${i}`, weight: rand() < 0.1 ? 0 : Math.round(rand() * 40) })),
    sites,
    cost: base,
    radius: 10 + 5 * Math.floor(rand() * 5),
    p: Math.min(free, 1 + Math.floor(rand() * 3)),
    time_limit_s: 10,
  };
}

describe('cover reductions (reduce.ts)', () => {
  it('merges rows with the same covering sites and drops dominated sites, ties to the lowest index', () => {
    // Radius 10. s0 and s1 cover the same rows (d0, d1): s1 goes (tie → lowest index stays).
    // s2 covers d2 only, s3 covers d2 and d3: s2 is dominated by s3. d0 and d1 share {s0, s1}.
    const inst = toInstance({
      model: 'mclp',
      p: 1,
      radius: 10,
      demand: [0, 1, 2, 3].map((i) => ({ id: `d${i}`, weight: 1 })),
      sites: [0, 1, 2, 3].map((j) => ({ id: `s${j}` })),
      cost: [
        [5, 5, 50, 50],
        [10, 10, 50, 50],
        [50, 50, 10, 3],
        [50, 50, 50, 7],
      ],
    });
    const red = reduceCover(inst, { radius: 10, active: () => true });
    expect(red.sites).toEqual([0, 3]);
    expect(red.stats).toMatchObject({ mergedRows: 1, dominatedSites: 2 });
    expect(Array.from(red.replacement)).toEqual([0, 0, 3, 3]);
    // With s2 gone, d2 and d3 are both covered by s3 alone and merge too.
    expect(red.groups.map((g) => g.members)).toEqual([[0, 1], [2, 3]]);
    // Without merging or dominance the model is the original one.
    const none = reduceCover(inst, { radius: 10, active: () => true, mergeRows: false, dominateSites: false });
    expect(none.sites).toEqual([0, 1, 2, 3]);
    expect(none.groups.length).toBe(4);
  });

  it('dominance is a strict order: equal sets keep the lowest index, empty sets go to a covering site', () => {
    const groups = [
      { members: [0], sites: [1, 2, 4] },
      { members: [1], sites: [1, 2] },
    ];
    const dom = dominatedSites(groups, [0, 1, 2, 3, 4], 5);
    // 0 and 3 cover nothing → dominated by 1 (the first covering site); 2 ≡ 1 → dominated by 1; 4 ⊂ 1.
    expect([...dom.entries()].sort((a, b) => a[0] - b[0])).toEqual([
      [0, 1],
      [2, 1],
      [3, 1],
      [4, 1],
    ]);
  });

  it('drops implied rows for cover-all models (N(a) ⊆ N(b) makes row b redundant)', () => {
    const inst = toInstance({
      model: 'lscp',
      radius: 10,
      demand: [0, 1, 2].map((i) => ({ id: `d${i}`, weight: 1 })),
      sites: [0, 1, 2].map((j) => ({ id: `s${j}` })),
      cost: [
        [5, 50, 50],
        [5, 5, 50],
        [50, 5, 5],
      ],
    });
    const red = reduceCover(inst, { radius: 10, active: () => true, dominateRows: true, dominateSites: false });
    expect(red.groups.map((g) => g.members)).toEqual([[0], [2]]);
    expect(red.stats.dominatedRows).toBe(1);
  });

  it('MCLP: reduced = unreduced = brute force on random instances (fixed sites, ties, p above the kept sites)', () => {
    const rand = rng(1601);
    const seen = { merged: 0, dominated: 0, boundFixed: 0, fewerThanP: 0 };
    for (let trial = 0; trial < 60; trial++) {
      const pr = randomProblem(rand, 'mclp');
      const inst = toInstance(pr);
      const b = brute(inst);
      const known = heuristic(inst);
      const red = reduceCover(inst, { radius: inst.radius, active: (i) => inst.weight[i] > 0, boundFix: { weight: inst.weight, p: inst.p, lowerBound: evaluate(inst, known).covered_weight } });
      seen.merged += red.stats.mergedRows;
      seen.dominated += red.stats.dominatedSites;
      seen.boundFixed += red.stats.boundFixedSites;
      if (red.sites.length < inst.p) seen.fewerThanP++;
      const reduced = solveMclp(highs, inst, 10, { known });
      const plain = solveMclp(highs, inst, 10, { reduce: false });
      expect(plain.status).toBe('optimal');
      expect(reduced.status).toBe('optimal');
      const ev = evaluate(inst, reduced.open!);
      expect(ev.objective, JSON.stringify(pr)).toBeCloseTo(b!, 6);
      expect(evaluate(inst, plain.open!).objective).toBeCloseTo(b!, 6);
      // exactly p new sites, fixed sites open
      let newSites = 0;
      for (let j = 0; j < inst.m; j++) {
        if (inst.fixed[j]) expect(reduced.open![j]).toBe(1);
        else if (reduced.open![j]) newSites++;
      }
      expect(newSites).toBe(inst.p);
      expect(reduced.size!.rows).toBeLessThanOrEqual(reduced.size!.rows_before!);
      expect(reduced.size!.cols).toBeLessThanOrEqual(reduced.size!.cols_before!);
    }
    // Every reduction happened somewhere in the sample.
    for (const [k, v] of Object.entries(seen)) expect(v, k).toBeGreaterThan(0);
  });

  it('MCLP: when fewer undominated sites than p remain, the rest are filled and the optimum holds', () => {
    // Five sites with identical coverage and p = 3: one stays, two are filled in afterwards.
    const pr: SolveProblem = {
      model: 'mclp',
      p: 3,
      radius: 10,
      demand: [{ id: 'a', weight: 4 }, { id: 'b', weight: 6 }],
      sites: [0, 1, 2, 3, 4].map((j) => ({ id: `s${j}` })),
      cost: [
        [1, 1, 1, 1, 1],
        [20, 20, 20, 20, 20],
      ],
    };
    const r = solve(pr, { highs });
    expect(r).toMatchObject({ status: 'optimal', objective: 4, method: 'exact' });
    expect(r.selected).toHaveLength(3);
    expect(r.model_size).toMatchObject({ cols: 2, cols_before: 6 });
  });

  it('LSCP (cover all, target share) and the p-center feasibility form: reduced = unreduced = brute force', () => {
    const rand = rng(1602);
    let impliedRows = 0;
    for (let trial = 0; trial < 45; trial++) {
      const pr = randomProblem(rand, 'lscp', { m: 4 + Math.floor(rand() * 5) });
      if (trial % 3 === 1) pr.target_share = 0.6;
      const inst = toInstance(pr);
      impliedRows += reduceCover(inst, { radius: inst.radius, active: () => true, dominateRows: true }).stats.dominatedRows;
      const b = brute(inst);
      const reduced = solveLscp(highs, inst, 10, inst.radius, false, { known: heuristic(inst) });
      const plain = solveLscp(highs, inst, 10, inst.radius, false, { reduce: false });
      if (b === null) {
        expect(reduced.status).toBe('infeasible');
        expect(plain.status).toBe('infeasible');
        continue;
      }
      expect(reduced.status, JSON.stringify(pr)).toBe('optimal');
      expect(reduced.objective).toBeCloseTo(b, 9);
      expect(plain.objective).toBeCloseTo(b, 9);
      // p-center's question: a cover of every unit with at most k new sites?
      const all = brute(inst, inst.radius, true);
      for (const k of [0, 1, 2]) {
        const f = solveLscp(highs, inst, 10, inst.radius, true, { maxSites: k });
        const g = solveLscp(highs, inst, 10, inst.radius, true, { maxSites: k, reduce: false });
        const expected = all !== null && all <= k;
        expect(f.status === 'optimal', JSON.stringify(pr) + k).toBe(expected);
        expect(g.status === 'optimal').toBe(expected);
      }
    }
    expect(impliedRows).toBeGreaterThan(0);
  });

  it('robust MCLP: reduced = unreduced = brute force (each year’s shares too)', () => {
    const rand = rng(1603);
    for (let trial = 0; trial < 30; trial++) {
      const pr = randomProblem(rand, 'mclp');
      const w2 = pr.demand.map(() => (rand() < 0.15 ? 0 : Math.round(rand() * 40)));
      pr.robust = { mode: trial % 2 ? 'maxmin' : 'weighted', alpha: 0.3, years: [{ label: 'a', weights: pr.demand.map((d) => d.weight) }, { label: 'b', weights: w2 }] };
      const inst = toInstance(pr);
      if (inst.robust!.total.some((t) => !(t > 0))) continue;
      const b = brute(inst);
      const reduced = solveRobustMclp(highs, inst, 10);
      const plain = solveRobustMclp(highs, inst, 10, undefined, { reduce: false });
      expect(reduced.status).toBe('optimal');
      expect(reduced.objective!).toBeCloseTo(b!, 9);
      expect(plain.objective!).toBeCloseTo(b!, 9);
      // The tie-break (first year's share among optima) agrees too.
      const s1 = evaluate(inst, reduced.open!).by_year!.map((y) => y.covered_share);
      const s2 = evaluate(inst, plain.open!).by_year!.map((y) => y.covered_share);
      expect(s1[0]).toBeCloseTo(s2[0], 9);
    }
  });
});

describe('p-median: Lagrangian bound and pruned models', () => {
  // Two units, three sites, p = 1. s0: 0 + 5, s1: 5 + 0, s2: 3 + 3 → optimum 5 (s0 or s1).
  const hand = toInstance({
    model: 'pmedian',
    p: 1,
    demand: [{ id: 'u1', weight: 1 }, { id: 'u2', weight: 1 }],
    sites: [{ id: 's0' }, { id: 's1' }, { id: 's2' }],
    cost: [
      [0, 5, 3],
      [5, 0, 3],
    ],
  });

  it('L(λ) by hand: λ = (0, 0) gives 0; λ = (5, 5) gives 10 + min(−5, −5, −4) = 5, the optimum', () => {
    expect(pmedianBound(hand, Float64Array.from([0, 0]))).toBe(0);
    expect(pmedianBound(hand, Float64Array.from([5, 5]))).toBe(5);
    // Any λ gives a lower bound.
    const rand = rng(7);
    for (let k = 0; k < 200; k++) expect(pmedianBound(hand, Float64Array.from([rand() * 20 - 5, rand() * 20 - 5]))).toBeLessThanOrEqual(5 + 1e-12);
  });

  it('the subgradient closes the gap on the hand instance', () => {
    const known = Uint8Array.from([0, 0, 1]); // s2: 6
    const lag = pmedianLagrangian(hand, { upper: pmedianValue(hand, known), upperOpen: known });
    expect(lag.upper).toBe(5);
    expect(lag.bound).toBeGreaterThan(5 - 1e-6);
    expect(lag.bound).toBeLessThanOrEqual(5 + 1e-9);
  });

  it('bound ≤ optimum, pruned MILP = unpruned MILP = brute force on random instances', () => {
    const rand = rng(1604);
    for (let trial = 0; trial < 50; trial++) {
      const pr = randomProblem(rand, 'pmedian', { fixed: 0.15 });
      const inst = toInstance(pr);
      const b = brute(inst);
      if (b === null) continue;
      const known = heuristic(inst);
      if (!reachesAll(inst, known)) continue;
      const upper = pmedianValue(inst, known);
      const lag = pmedianLagrangian(inst, { upper, upperOpen: known, maxIterations: 300 });
      expect(lag.bound, JSON.stringify(pr)).toBeLessThanOrEqual(b + 1e-7 * Math.max(1, b));
      expect(lag.upper).toBeGreaterThanOrEqual(b - 1e-9);
      // The pruned pairs still hold an optimal solution.
      const pruned = solvePmedian(highs, inst, 10, { known });
      const plain = solvePmedian(highs, inst, 10, { reduce: false });
      expect(pruned.status).toBe('optimal');
      expect(pmedianValue(inst, pruned.open!)).toBeCloseTo(b, 6);
      expect(pmedianValue(inst, plain.open!)).toBeCloseTo(b, 6);
      expect(pruned.size!.cols).toBeLessThanOrEqual(pruned.size!.cols_before!);
      // Pruning at a hand-made bad λ also keeps the optimum reachable (UB = the known solution).
      const ctx = pmedianContext(inst);
      const cut = prunePmedian(inst, lag.lambda, lag.upper, lag.upperOpen, 1e-9, ctx);
      expect(cut.pairSite.length).toBeLessThanOrEqual(cut.pairsBefore);
    }
  });

  it('the large-instance path (Lagrangian rounds + radius MILPs) is exact on small random instances', () => {
    const rand = rng(1605);
    for (let trial = 0; trial < 30; trial++) {
      const pr = randomProblem(rand, 'pmedian', { fixed: 0.15, n: 8 + Math.floor(rand() * 8), m: 5 + Math.floor(rand() * 5) });
      const inst = toInstance(pr);
      const b = brute(inst);
      if (b === null) continue;
      const known = pmedianHeuristic(inst);
      if (!reachesAll(inst, known)) continue;
      const out = solvePmedianLarge(highs, inst, known, 10, { before: pmedianSizeBefore(inst), now: () => Date.now() });
      expect(out.status, JSON.stringify(pr)).toBe('optimal');
      expect(out.objective!).toBeCloseTo(b, 6);
      expect(pmedianValue(inst, out.open!)).toBeCloseTo(b, 6);
      expect(out.bound!).toBeCloseTo(b, 6);
      expect(['exact', 'lagrangian']).toContain(out.method);
    }
  });

  it('site restriction keeps costs and fixed sites and maps back', () => {
    const inst = toInstance(syntheticProblem({ model: 'pmedian', demand: 30, sites: 12, p: 2, fixed: 2, seed: 3 }));
    const keep = new Uint8Array(inst.m);
    keep[4] = keep[7] = 1;
    const r = restrictSites(inst, keep);
    expect(Array.from(r.orig)).toEqual([0, 1, 4, 7]);
    expect(r.inst.cost[5 * 4 + 3]).toBe(inst.cost[5 * inst.m + 7]);
    expect(Array.from(r.inst.fixed)).toEqual([1, 1, 0, 0]);
  });

  it('large p-median through solve(): method and model size are reported, the result is proven or bounded', () => {
    // 700 × 800 = 560 000 pairs: above LARGE_PMEDIAN_PAIRS, small enough for a unit test.
    const pr = syntheticProblem({ model: 'pmedian', demand: 700, sites: 800, p: 4, seed: 11, time_limit_s: 20 });
    const r = solve(pr, { highs });
    expect(['optimal', 'feasible']).toContain(r.status);
    expect(['exact', 'lagrangian']).toContain(r.method);
    expect(r.bound).not.toBeNull();
    expect(r.bound!).toBeLessThanOrEqual(r.objective + 1e-6);
    expect(r.gap).not.toBeNull();
    expect(r.gap!).toBeLessThanOrEqual(0.01);
    expect(r.model_size).toMatchObject({ rows_before: 700 + 700 * 800 + 1, cols_before: 800 + 700 * 800 });
    // The heuristic alone is never better than the result.
    expect(solve(pr, { highs, heuristicOnly: true }).objective).toBeGreaterThanOrEqual(r.objective - 1e-6);
  });
});

describe('model_size in the solve result', () => {
  it('MCLP by hand: bound fixing leaves C alone, d2 and d4 merge: 2 rows, 2 columns, 3 nonzeros (from 5, 7, 12)', () => {
    // Radius 10: A covers d1, d2; B covers d3; C covers d2, d4. p = 1: the heuristic's C covers 60;
    // A and B can reach at most 30 → dropped; the rows C covers merge.
    const r = solve(
      {
        model: 'mclp',
        p: 1,
        radius: 10,
        demand: [
          { id: 'd1', weight: 10 },
          { id: 'd2', weight: 20 },
          { id: 'd3', weight: 30 },
          { id: 'd4', weight: 40 },
        ],
        sites: [{ id: 'A' }, { id: 'B' }, { id: 'C' }],
        cost: [
          [5, 30, 25],
          [10, 20, 8],
          [40, 3, 35],
          [50, 30, 9],
        ],
      },
      { highs },
    );
    expect(r).toMatchObject({ status: 'optimal', objective: 60, selected: ['C'] });
    expect(r.model_size).toEqual({ rows: 2, cols: 2, nonzeros: 3, rows_before: 5, cols_before: 7, nonzeros_before: 12, milps: 1 });
  });

  it('the heuristic alone reports no model size; p-center reports its bisection', () => {
    const pr = syntheticProblem({ model: 'pcenter', demand: 40, sites: 15, p: 3, seed: 5 });
    expect(solve(pr, { highs, heuristicOnly: true }).model_size).toBeUndefined();
    const r = solve(pr, { highs });
    expect(r.status).toBe('optimal');
    expect(r.model_size!.milps).toBeGreaterThanOrEqual(1);
    expect(r.model_size!.rows).toBeLessThanOrEqual(r.model_size!.rows_before!);
  });

  it('the synthetic generator is seeded', () => {
    const a = syntheticProblem({ model: 'mclp', demand: 20, sites: 7, p: 2, radius: 20, seed: 9 });
    const b = syntheticProblem({ model: 'mclp', demand: 20, sites: 7, p: 2, radius: 20, seed: 9 });
    expect(a).toEqual(b);
    expect(syntheticProblem({ model: 'mclp', demand: 20, sites: 7, seed: 10 }).cost).not.toEqual(a.cost);
    expect(a.sites[6].id).toBe('s6');
  });
});
