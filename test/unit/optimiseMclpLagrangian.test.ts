import { beforeAll, describe, expect, it } from 'vitest';
import highsLoader, { type Highs } from 'highs';
import { evaluate, toInstance, type SolveProblem } from '../../src/domain/optimise/problem';
import { solve } from '../../src/domain/optimise/solve';
import { solveMclp } from '../../src/domain/optimise/milp';
import { reduceCover } from '../../src/domain/optimise/reduce';
import { heuristic } from '../../src/domain/optimise/heuristic';
import { coverSets, coverSetsOfInstance, coverSetsOfModel, coveredWeight } from '../../src/domain/optimise/coverSets';
import { coverCounts, mclpGreedy, mclpInterchange, mclpSearch } from '../../src/domain/optimise/mclpSearch';
import { boundCloses, mclpFixing, mclpSubgradient, relaxed, threshold, weightUnit } from '../../src/domain/optimise/mclpLagrangian';
import { syntheticProblem } from '../../src/domain/optimise/synthetic';
import { bruteMclp, randomCover } from './optimiseBrute';
import { rng } from './helpers';

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

/**
 * The hand instance: sites A, B, C (local 0, 1, 2), p = 2, rows
 *   g1 (6) {A}, g2 (6) {A, B}, g3 (5) {B}, g4 (3) {C}, g5 (2) {B, C}.
 * Pairs: {A, B} covers g1 g2 g3 g5 = 6 + 6 + 5 + 2 = 19 (the optimum), {A, C} covers g1 g2 g4 g5
 * = 17, {B, C} covers g2 g3 g4 g5 = 16.
 */
const hand = () => coverSets([6, 6, 5, 3, 2], [[0], [0, 1], [1], [2], [1, 2]], Int32Array.from([0, 1, 2]), 0);

describe('MCLP Lagrangian: arithmetic by hand', () => {
  it('the unit of the weights, the threshold to beat an incumbent, and when a bound closes', () => {
    expect(weightUnit([1, 2, 30], 0)).toBe(1);
    expect(weightUnit([0.5, 1.25], 0)).toBe(0.01);
    expect(weightUnit([0.001, 2], 1)).toBe(0.001);
    expect(weightUnit([Math.PI], 0)).toBe(0);
    // Integer weights: a better solution has at least 17 + 1.
    expect(threshold(17, 1, 1e-9)).toBeCloseTo(18 - 1e-9, 12);
    // Continuous weights: only "at least as good" can be asked for.
    expect(threshold(17, 0, 1e-9)).toBeCloseTo(17 - 1e-9, 12);
    // 17.99 rounded down is 17: closed; 18 is not.
    expect(boundCloses(17.99, 17, 1, 1e-9)).toBe(true);
    expect(boundCloses(18, 17, 1, 1e-9)).toBe(false);
    expect(boundCloses(17 + 1e-10, 17, 0, 1e-9)).toBe(true);
    expect(boundCloses(17.01, 17, 0, 1e-9)).toBe(false);
  });

  it('L(λ) by hand: λ = (6, 3, 5, 3, 1) gives Σ(W − λ) = 4, c = (9, 9, 4), S = {A, B}, L = 4 + 18 = 22', () => {
    const r = relaxed(hand(), 2, Float64Array.from([6, 3, 5, 3, 1]));
    expect(r.bound).toBe(22);
    expect(Array.from(r.c)).toEqual([9, 9, 4]);
    expect(Array.from(r.top)).toEqual([0, 1]); // tie 9 = 9 → lowest index first
    expect(r.next).toBe(2);
  });

  it('fixing by hand against incumbent 17 (T = 18): C dropped (22 − 9 + 4 = 17), A and B forced (22 − 9 + 4 = 17)', () => {
    const cs = hand();
    const f = mclpFixing(cs, 2, Float64Array.from([6, 3, 5, 3, 1]), threshold(17, 1, 1e-9));
    expect(Array.from(f.dropped)).toEqual([0, 0, 1]);
    expect(Array.from(f.forced)).toEqual([1, 1, 0]);
    expect(f.bound).toBe(22);
  });

  it('fixing by hand at λ = W: c = (12, 13, 5), L = 25; only B is forced (25 − 13 + 5 = 17 < 18), A and C stay (18)', () => {
    const f = mclpFixing(hand(), 2, Float64Array.from([6, 6, 5, 3, 2]), threshold(17, 1, 1e-9));
    expect(f.bound).toBe(25);
    expect(Array.from(f.dropped)).toEqual([0, 0, 0]);
    expect(Array.from(f.forced)).toEqual([0, 1, 0]);
    // Checked by enumeration: the only pair worth 18 or more is {A, B} = 19, which contains B.
  });

  it('the subgradient finds {A, B} = 19 from the incumbent {A, C} = 17 and proves it (L < 20)', () => {
    const cs = hand();
    const r = mclpSubgradient(cs, { p: 2, incumbent: 17, incumbentOpen: Uint8Array.from([1, 0, 1]), unit: 1, tol: 1e-9 });
    expect(r.incumbent).toBe(19);
    expect(Array.from(r.incumbentOpen)).toEqual([1, 1, 0]);
    expect(r.proven).toBe(true);
    expect(r.bound).toBeGreaterThanOrEqual(19);
    expect(r.bound).toBeLessThan(20);
  });

  it('greedy by hand: B first (gain 6 + 5 + 2 = 13), then A (6 more: g1), = 19; interchange keeps it', () => {
    const cs = hand();
    expect(Array.from(mclpGreedy(cs, 2))).toEqual([1, 1, 0]);
    expect(mclpInterchange(cs, Uint8Array.from([0, 1, 1]))).toMatchObject({ value: 19 });
    expect(coveredWeight(cs, [1, 0, 1])).toBe(17);
  });
});

describe('MCLP Lagrangian: exact on seeded random instances', () => {
  it('fixing never drops a site of, nor forces one missing from, any solution reaching T (random λ, enumeration)', () => {
    const rand = rng(1611);
    let dropped = 0;
    let forced = 0;
    for (let trial = 0; trial < 80; trial++) {
      const n = 5 + Math.floor(rand() * 8);
      const m = 4 + Math.floor(rand() * 5);
      const integer = trial % 3 !== 2;
      const data = randomCover(rand, n, m, { integer });
      const free = data.sites.filter((s) => !s.fixed).length;
      if (free < 2) continue;
      const pr: SolveProblem = { model: 'mclp', p: 1 + Math.floor(rand() * Math.min(3, free - 1)), radius: 10, ...data };
      const inst = toInstance(pr);
      // No site dominance: the model's sets are then exactly the instance's sets.
      const red = reduceCover(inst, { radius: 10, active: (i) => inst.weight[i] > 0, dominateSites: false });
      const cs = coverSetsOfModel(inst, red);
      if (cs.K <= inst.p) continue;
      const unit = weightUnit(cs.weight, cs.base);
      const lambda = Float64Array.from(cs.weight, (w) => w * [0, 1, rand()][Math.floor(rand() * 3)]);
      const opt = bruteMclp(inst)!;
      // Weak duality for every λ.
      expect(relaxed(cs, inst.p, lambda).bound).toBeGreaterThanOrEqual(opt - 1e-9);
      // Incumbents below, at and near the optimum.
      for (const inc of [opt, opt - (unit || 0.5), Math.max(0, opt - 5 * (unit || 1))]) {
        const T = threshold(inc, unit, 1e-9);
        const f = mclpFixing(cs, inst.p, lambda, T);
        for (let k = 0; k < cs.K; k++) {
          const j = cs.site[k];
          if (f.dropped[k]) {
            dropped++;
            const withJ = bruteMclp(inst, (o) => o[j] === 1);
            expect(withJ === null || withJ < T, JSON.stringify(pr)).toBe(true);
          }
          if (f.forced[k]) {
            forced++;
            const withoutJ = bruteMclp(inst, (o) => o[j] === 0);
            expect(withoutJ === null || withoutJ < T, JSON.stringify(pr)).toBe(true);
          }
        }
      }
    }
    expect(dropped).toBeGreaterThan(20);
    expect(forced).toBeGreaterThan(20);
  });

  it('the subgradient: bound ≥ optimum ≥ incumbent, the incumbent is its mask’s value, and a proof is right', () => {
    const rand = rng(1612);
    let proofs = 0;
    for (let trial = 0; trial < 60; trial++) {
      const data = randomCover(rand, 6 + Math.floor(rand() * 8), 4 + Math.floor(rand() * 6), { integer: trial % 2 === 0 });
      const free = data.sites.filter((s) => !s.fixed).length;
      if (free < 2) continue;
      const pr: SolveProblem = { model: 'mclp', p: 1 + Math.floor(rand() * Math.min(3, free - 1)), radius: 10, ...data };
      const inst = toInstance(pr);
      const cs = coverSetsOfInstance(inst);
      if (cs.K <= inst.p) continue;
      const opt = bruteMclp(inst)!;
      const start = mclpGreedy(cs, inst.p);
      const unit = weightUnit(cs.weight, cs.base);
      const r = mclpSubgradient(cs, { p: inst.p, incumbent: coveredWeight(cs, start), incumbentOpen: start, unit, tol: 1e-9, maxIterations: 500 });
      expect(r.bound).toBeGreaterThanOrEqual(opt - 1e-9);
      expect(r.incumbent).toBeLessThanOrEqual(opt + 1e-9);
      expect(coveredWeight(cs, r.incumbentOpen)).toBeCloseTo(r.incumbent, 9);
      if (r.proven) {
        proofs++;
        expect(r.incumbent).toBeCloseTo(opt, 6);
      }
    }
    expect(proofs).toBeGreaterThan(10);
  });

  it('interchange ends in a swap-optimal set (no single swap covers more; checked by enumeration)', () => {
    const rand = rng(1613);
    for (let trial = 0; trial < 40; trial++) {
      const data = randomCover(rand, 8 + Math.floor(rand() * 8), 5 + Math.floor(rand() * 5), { fixedShare: 0 });
      const p = 1 + Math.floor(rand() * 3);
      const inst = toInstance({ model: 'mclp', p, radius: 10, ...data });
      const cs = coverSetsOfInstance(inst);
      if (cs.K <= p) continue;
      const { open, value } = mclpSearch(cs, p);
      expect(value).toBeCloseTo(coverCounts(cs, open).value, 9);
      expect(open.reduce((a, b) => a + b, 0)).toBe(p);
      for (let s = 0; s < cs.K; s++) {
        if (!open[s]) continue;
        for (let t = 0; t < cs.K; t++) {
          if (open[t]) continue;
          const o = Uint8Array.from(open);
          o[s] = 0;
          o[t] = 1;
          expect(coveredWeight(cs, o)).toBeLessThanOrEqual(value + 1e-9);
        }
      }
    }
  });

  it('solveMclp with the Lagrangian step = unreduced MILP = enumeration (proofs by the bound alone and by the MILP)', () => {
    const rand = rng(1614);
    const seen = { byBound: 0, byMilp: 0, fixedSites: 0, fractional: 0 };
    for (let trial = 0; trial < 70; trial++) {
      const integer = trial % 4 !== 3;
      const data = randomCover(rand, 6 + Math.floor(rand() * 9), 4 + Math.floor(rand() * 6), { integer, fixedShare: 0.15, density: 0.2 + 0.3 * rand() });
      const free = data.sites.filter((s) => !s.fixed).length;
      if (free < 1) continue;
      const pr: SolveProblem = { model: 'mclp', p: 1 + Math.floor(rand() * Math.min(3, free)), radius: 10, ...data };
      const inst = toInstance(pr);
      const opt = bruteMclp(inst)!;
      // A weak start (the first p free sites) so that the Lagrangian step has work to do.
      const known = Uint8Array.from(inst.fixed);
      for (let j = 0, c = 0; j < inst.m && c < inst.p; j++) if (!known[j]) {
        known[j] = 1;
        c++;
      }
      const lag = solveMclp(highs, inst, 10, { known, lagrangian: true });
      const plain = solveMclp(highs, inst, 10, { reduce: false });
      expect(lag.status, JSON.stringify(pr)).toBe('optimal');
      expect(evaluate(inst, lag.open!).covered_weight, JSON.stringify(pr)).toBeCloseTo(opt, 6);
      expect(lag.objective!).toBeCloseTo(opt, 6);
      expect(evaluate(inst, plain.open!).covered_weight).toBeCloseTo(opt, 6);
      let newSites = 0;
      for (let j = 0; j < inst.m; j++) {
        if (inst.fixed[j]) expect(lag.open![j]).toBe(1);
        else if (lag.open![j]) newSites++;
      }
      expect(newSites).toBe(inst.p);
      if (lag.size?.milps === 0) seen.byBound++;
      if (lag.size?.milps === 1) seen.byMilp++;
      if (inst.fixed.some((f) => f)) seen.fixedSites++;
      if (!integer) seen.fractional++;
    }
    for (const [k, v] of Object.entries(seen)) expect(v, k).toBeGreaterThan(0);
  });

  it('a dense instance through solve(): the Lagrangian step runs by size, the result equals the plain reduced MILP', () => {
    // 100 × 100 km at 50 km/h and 20 min: each site covers about 9 % of the square.
    const pr = syntheticProblem({ model: 'mclp', demand: 1500, sites: 200, p: 3, radius: 20, sideKm: 100, seed: 5, time_limit_s: 60 });
    const r = solve(pr, { highs });
    expect(r.status).toBe('optimal');
    expect(r.model_size!.nonzeros_before).toBeGreaterThan(20_000);
    const inst = toInstance(pr);
    const plain = solveMclp(highs, inst, 60, { known: heuristic(inst), lagrangian: false });
    expect(plain.status).toBe('optimal');
    expect(r.objective).toBeCloseTo(plain.objective!, 6);
    expect(r.method === 'lagrangian' || r.method === 'exact').toBe(true);
  });
});
