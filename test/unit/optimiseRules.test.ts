import { beforeAll, describe, expect, it } from 'vitest';
import highsLoader, { type Highs } from 'highs';
import { evaluate, toInstance, type Instance, type SolveProblem, type SolveResult } from '../../src/domain/optimise/problem';
import { solve } from '../../src/domain/optimise/solve';
import { pmedianSizeBefore, solveMclp } from '../../src/domain/optimise/milp';
import { solvePmedianLarge } from '../../src/domain/optimise/pmedianLarge';
import { reduceCover } from '../../src/domain/optimise/reduce';
import { heuristic } from '../../src/domain/optimise/heuristic';
import { applyMinBase, groupsSatisfied } from '../../src/domain/optimise/rules';
import { siteProblem } from '../../src/domain/optimise/fromScenario';
import { coverSets } from '../../src/domain/optimise/coverSets';
import { mclpSubgradient } from '../../src/domain/optimise/mclpLagrangian';
import { mclpSearch } from '../../src/domain/optimise/mclpSearch';
import { parseSolveJson } from '../../src/io/solveJson';
import type { DemandUnit, Site } from '../../src/domain/types';
import { subsets } from './optimiseBrute';
import { rng } from './helpers';

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

/**
 * Hand instance (radius 10). Free sites A, B (kommun K1), C (K2), D (K3); F fixed (K3).
 *   cost   A   B   C   D   F   weight
 *   d1     5  20  30  40  40     50
 *   d2    20   5  30  40  40     40
 *   d3     8   8  30  40  40     30
 *   d4    40  40   5  40  40     10
 *   d5    40  40  40   5   5      5
 * Covers within 10: A {d1, d3} = 80, B {d2, d3} = 70, C {d4} = 10, D {d5} = 5 (F covers d5 anyway).
 * Population base (= weight) within 10: A 80, B 70, C 10, D 5.
 */
function hand(over: Partial<SolveProblem> = {}, fGroup: string | null = 'K3'): SolveProblem {
  return {
    model: 'mclp',
    p: 2,
    radius: 10,
    demand: [50, 40, 30, 10, 5].map((w, i) => ({ id: `d${i + 1}`, weight: w })),
    sites: [
      { id: 'A', group: 'K1' },
      { id: 'B', group: 'K1' },
      { id: 'C', group: 'K2' },
      { id: 'D', group: 'K3' },
      { id: 'F', fixed: true, ...(fGroup ? { group: fGroup } : {}) },
    ],
    cost: [
      [5, 20, 30, 40, 40],
      [20, 5, 30, 40, 40],
      [8, 8, 30, 40, 40],
      [40, 40, 5, 40, 40],
      [40, 40, 40, 5, 5],
    ],
    time_limit_s: 10,
    ...over,
  };
}

const both = (pr: SolveProblem) => [solve(pr, { highs }), solve(pr, { heuristicOnly: true })];

describe('at least one site per kommun (require_groups), by hand', () => {
  it('MCLP p = 2: without the rule {A, B} = 80 + 70 − 30 + 5 = 125; with K1 and K2 required {A, C} = 50 + 30 + 10 + 5 = 95', () => {
    expect(solve(hand(), { highs })).toMatchObject({ status: 'optimal', objective: 125, selected: ['A', 'B', 'F'] });
    for (const r of both(hand({ rules: { require_groups: ['K1', 'K2'] } }))) {
      expect(r.objective).toBe(95);
      expect(r.selected).toEqual(['A', 'C', 'F']);
      expect(r.rules).toEqual({ min_base_dropped: [], groups_needed: ['K1', 'K2'] });
    }
    // K3 is met by the fixed site F: it needs no new site.
    expect(solve(hand({ rules: { require_groups: ['K1', 'K2', 'K3'] } }), { highs })).toMatchObject({ objective: 95, rules: { groups_needed: ['K1', 'K2'] } });
  });

  it('a fixed site counts only when it carries the group: F without K3 makes three kommuner need a site with p = 2 (infeasible, groups_exceed_p)', () => {
    const r = solve(hand({ rules: { require_groups: ['K1', 'K2', 'K3'] } }, null), { highs });
    expect(r).toMatchObject({ status: 'infeasible', message_code: 'no_solution', rule_message_code: 'groups_exceed_p', rule_message_params: { p: 2, needed: 3, groups: 'K1, K2, K3' } });
    // p = 3: {A, C, D} = 95 (D adds nothing new, F covers d5).
    expect(solve(hand({ p: 3, rules: { require_groups: ['K1', 'K2', 'K3'] } }, null), { highs })).toMatchObject({ status: 'optimal', objective: 95, selected: ['A', 'C', 'D', 'F'] });
  });

  it('a required kommun without any site is named (group_no_site)', () => {
    for (const model of ['mclp', 'lscp', 'pmedian', 'pcenter'] as const) {
      const r = solve(hand({ model, p: 1, rules: { require_groups: ['K1', 'K9', 'K8'] } }), { highs });
      expect(r, model).toMatchObject({ status: 'infeasible', rule_message_code: 'group_no_site', rule_message_params: { group: 'K9', count: 2, groups: 'K9, K8' } });
    }
  });

  it('LSCP: covering all needs {A, B, C} = 3; 50 % (67.5 of 135) needs {A} (F 5 + A 80 = 85), with K2 required {A, C} = 2', () => {
    expect(solve(hand({ model: 'lscp' }), { highs })).toMatchObject({ status: 'optimal', objective: 3, selected: ['A', 'B', 'C', 'F'] });
    expect(solve(hand({ model: 'lscp', target_share: 0.5 }), { highs })).toMatchObject({ objective: 1, selected: ['A', 'F'] });
    for (const r of both(hand({ model: 'lscp', target_share: 0.5, rules: { require_groups: ['K2'] } }))) expect(r).toMatchObject({ objective: 2, selected: ['A', 'C', 'F'] });
    // Cover all with K3 required and F not counting: D is added, 4 sites.
    expect(solve(hand({ model: 'lscp', rules: { require_groups: ['K3'] } }, null), { highs })).toMatchObject({ objective: 4, selected: ['A', 'B', 'C', 'D', 'F'] });
  });

  it('p-median p = 1: A = 250 + 800 + 240 + 400 + 25 = 1 715; K2 required: C = 1 500 + 1 200 + 900 + 50 + 25 = 3 675; p = 2 with K2: {A, C} = 250 + 800 + 240 + 50 + 25 = 1 365', () => {
    expect(solve(hand({ model: 'pmedian', p: 1 }), { highs })).toMatchObject({ objective: 1715, selected: ['A', 'F'] });
    for (const r of both(hand({ model: 'pmedian', p: 1, rules: { require_groups: ['K2'] } }))) expect(r).toMatchObject({ objective: 3675, selected: ['C', 'F'] });
    for (const r of both(hand({ model: 'pmedian', p: 2, rules: { require_groups: ['K2'] } }))) expect(r).toMatchObject({ objective: 1365, selected: ['A', 'C', 'F'] });
  });

  it('p-center p = 1: C (largest cost 30); with K1 required A or B (40)', () => {
    expect(solve(hand({ model: 'pcenter', p: 1 }), { highs })).toMatchObject({ status: 'optimal', objective: 30, selected: ['C', 'F'] });
    for (const r of both(hand({ model: 'pcenter', p: 1, rules: { require_groups: ['K1'] } }))) {
      expect(r.objective).toBe(40);
      expect(['A', 'B']).toContain(r.selected[0]);
    }
  });

  it('site dominance stays within a needed kommun: C ⊂ A (both cover d4) is dropped without the rule, kept with K2 required', () => {
    // As the hand instance, but A also covers d4 (cost 5): R(C) = {d4} ⊂ R(A) = {d1, d3, d4}.
    const pr = hand({ rules: { require_groups: ['K2'] } });
    pr.cost[3] = [5, 40, 5, 40, 40];
    const plain = reduceCover(toInstance({ ...pr, rules: undefined }), { radius: 10, active: () => true });
    expect(plain.sites).not.toContain(2);
    const inst = toInstance(pr);
    const red = reduceCover(inst, { radius: 10, active: () => true });
    expect(red.sites).toContain(2);
    // The optimum with K2: C plus the best other site: A covers d1, d3, d4 (90), so {A, C} or
    // {B, C}: {B, C} = d2 + d3 + d4 = 80 < {A, C} = 90; with F 95 and 85 → {A, C} = 95.
    expect(solve(pr, { highs })).toMatchObject({ status: 'optimal', objective: 95, selected: ['A', 'C', 'F'] });
  });
});

describe('the group rule inside the MCLP Lagrangian step and its search, by hand', () => {
  // Rows g1 (6) {A}, g2 (6) {A, B}, g3 (5) {B}, g4 (3) {C}, g5 (2) {B, C}; p = 2. Without a rule
  // {A, B} = 19; with C's group needed: {A, C} = g1 g2 g4 g5 = 17, {B, C} = g2 g3 g4 g5 = 16.
  const cs = coverSets([6, 6, 5, 3, 2], [[0], [0, 1], [1], [2], [1, 2]], Int32Array.from([0, 1, 2]), 0);
  const groups = { of: Int32Array.from([-1, -1, 0]), count: 1 };

  it('greedy + interchange: {A, B} = 19 without the rule, {A, C} = 17 with it', () => {
    expect(mclpSearch(cs, 2)).toMatchObject({ value: 19 });
    const r = mclpSearch(cs, 2, { groups });
    expect(r.value).toBe(17);
    expect(Array.from(r.open)).toEqual([1, 0, 1]);
  });

  it('the subgradient from {B, C} = 16 finds {A, C} = 17 and never takes {A, B} = 19 as incumbent', () => {
    const r = mclpSubgradient(cs, { p: 2, incumbent: 16, incumbentOpen: Uint8Array.from([0, 1, 1]), unit: 1, tol: 1e-9, groups });
    expect(r.incumbent).toBe(17);
    expect(Array.from(r.incumbentOpen)).toEqual([1, 0, 1]);
    // The bound is the relaxation's without the group row: at least 19, so 17 is not proven here.
    expect(r.bound).toBeGreaterThanOrEqual(19);
    expect(r.proven).toBe(false);
  });
});

describe('minimum population base for a new site (min_base), by hand', () => {
  it('min base 60 drops C (10) and D (5); MCLP p = 2 is still {A, B} = 125 and the result lists what was dropped', () => {
    const r = solve(hand({ rules: { min_base: 60 } }), { highs });
    expect(r).toMatchObject({ status: 'optimal', objective: 125, selected: ['A', 'B', 'F'] });
    expect(r.rules).toEqual({ min_base_dropped: [{ id: 'C', base: 10 }, { id: 'D', base: 5 }], groups_needed: [] });
  });

  it('population counts instead of the weight when given: the weights doubled, populations as before, same sites dropped', () => {
    const pr = hand({ rules: { min_base: 60 } });
    pr.demand = pr.demand.map((d) => ({ ...d, weight: 2 * d.weight, population: d.weight }));
    const prep = applyMinBase(pr);
    expect('message' in prep).toBe(false);
    if (!('message' in prep)) expect(prep.problem.sites.map((s) => s.id)).toEqual(['A', 'B', 'F']);
  });

  it('min base 75 leaves A only: p = 2 is impossible because of the minimum (min_base_infeasible, reason too_few_sites)', () => {
    const r = solve(hand({ rules: { min_base: 75 } }), { highs });
    expect(r).toMatchObject({
      status: 'infeasible',
      message_code: 'no_solution',
      rule_message_code: 'min_base_infeasible',
      rule_message_params: { min_base: 75, base_radius: 10, dropped: 3, kept: 1, reason: 'too_few_sites', p: 2, free: 1 },
    });
    expect(r.rules!.min_base_dropped.map((d) => d.id)).toEqual(['B', 'C', 'D']);
  });

  it('min base 60 with K2 required: K2’s only site C is below the minimum (min_base_infeasible, reason group_no_site K2)', () => {
    const r = solve(hand({ rules: { min_base: 60, require_groups: ['K2'] } }), { highs });
    expect(r).toMatchObject({ status: 'infeasible', rule_message_code: 'min_base_infeasible', rule_message_params: { reason: 'group_no_site', group: 'K2', dropped: 2, kept: 2 } });
  });

  it('its own radius: within 20 (min_base_radius) A reaches d1 d2 d3 = 120, B 120, C 10, D 5; min base 100 keeps A and B', () => {
    const prep = applyMinBase(hand({ rules: { min_base: 100, min_base_radius: 20 } }));
    expect('message' in prep ? null : prep.report!.min_base_dropped).toEqual([{ id: 'C', base: 10 }, { id: 'D', base: 5 }]);
  });

  it('without any radius the minimum cannot be applied (min_base_no_radius); an LSCP that only dropped sites could cover is named', () => {
    const pr = hand({ model: 'pmedian', p: 1, radius: undefined, rules: { min_base: 10 } });
    expect(solve(pr, { highs })).toMatchObject({ status: 'infeasible', rule_message_code: 'min_base_no_radius', rule_message_params: { min_base: 10 } });
    // Cover all: d4 only C covers; min base 60 drops C.
    const r = solve(hand({ model: 'lscp', rules: { min_base: 60 } }), { highs });
    expect(r).toMatchObject({ status: 'infeasible', rule_message_code: 'min_base_infeasible', rule_message_params: { reason: 'uncoverable_demand', count: 1, examples: 'd4' } });
  });

  it('fixed sites are never dropped, whatever their base', () => {
    const r = solve(hand({ rules: { min_base: 1000 } , p: 0 }), { highs });
    expect(r).toMatchObject({ status: 'optimal', selected: ['F'], objective: 5 });
    expect(r.rules!.min_base_dropped.map((d) => d.id)).toEqual(['A', 'B', 'C', 'D']);
  });
});

/** Every rule-respecting set of exactly p (null: any number of) new sites, with `allowed` free sites only. */
function* ruleSets(inst: Instance, k: number | null, allowed: Uint8Array): Generator<Uint8Array> {
  for (const open of subsets(inst, k)) {
    let ok = groupsSatisfied(inst.rules?.rule, open);
    for (let j = 0; j < inst.m && ok; j++) if (open[j] && !inst.fixed[j] && !allowed[j]) ok = false;
    if (ok) yield open;
  }
}

/** Brute-force optimum under the rules (null: no set qualifies), with the model's own feasibility. */
function bruteRules(inst: Instance, allowed: Uint8Array): number | null {
  let best: number | null = null;
  for (const open of ruleSets(inst, inst.model === 'lscp' ? null : inst.p, allowed)) {
    const ev = evaluate(inst, open);
    let v = ev.objective;
    if (inst.model === 'lscp') {
      if (inst.targetShare !== null) {
        if (ev.covered_share < inst.targetShare - 1e-9) continue;
      } else {
        let ok = true;
        for (let i = 0; i < inst.n && ok; i++) {
          if (!(inst.weight[i] > 0)) continue;
          let c = false;
          for (let j = 0; j < inst.m; j++) if (open[j] && inst.cost[i * inst.m + j] <= inst.radius) c = true;
          ok = c;
        }
        if (!ok) continue;
      }
    } else if (inst.model === 'pmedian' || inst.model === 'pcenter') {
      let reach = true;
      for (let i = 0; i < inst.n && reach; i++) {
        if (inst.model === 'pmedian' && !(inst.weight[i] > 0)) continue;
        let r = false;
        for (let j = 0; j < inst.m; j++) if (open[j] && !Number.isNaN(inst.cost[i * inst.m + j])) r = true;
        reach = r;
      }
      if (!reach) continue;
      if (inst.model === 'pmedian') {
        v = 0;
        for (let i = 0; i < inst.n; i++) {
          if (!(inst.weight[i] > 0)) continue;
          let b = Infinity;
          for (let j = 0; j < inst.m; j++) if (open[j]) b = Math.min(b, Number.isNaN(inst.cost[i * inst.m + j]) ? Infinity : inst.cost[i * inst.m + j]);
          v += inst.weight[i] * b;
        }
      }
    }
    if (best === null || (inst.model === 'mclp' ? v > best + 1e-9 : v < best - 1e-9)) best = v;
  }
  return best;
}

/** A random instance with kommuner (groups), a required subset, some fixed sites and perhaps a minimum base. */
function randomRulesProblem(rand: () => number, model: SolveProblem['model']): SolveProblem {
  const n = 6 + Math.floor(rand() * 8);
  const m = 4 + Math.floor(rand() * 6);
  const kommuner = ['K1', 'K2', 'K3', 'K4'];
  const sites = Array.from({ length: m }, (_, j) => {
    const fixed = rand() < 0.15;
    const group = rand() < 0.85 ? kommuner[Math.floor(rand() * kommuner.length)] : undefined;
    return { id: `s${j}`, ...(fixed ? { fixed: true } : {}), ...(group ? { group } : {}) };
  });
  const cost: (number | null)[][] = Array.from({ length: n }, () => Array.from({ length: m }, () => (rand() < 0.08 ? null : 5 * Math.floor(rand() * 10))));
  for (const row of cost) if (!row.some((c) => c !== null)) row[0] = 5;
  if (m > 2 && rand() < 0.4) for (const row of cost) row[m - 1] = row[0];
  const required = kommuner.filter(() => rand() < 0.45);
  const minBase = rand() < 0.4 ? Math.round(rand() * 40) : undefined;
  const free = sites.filter((s) => !s.fixed).length;
  return {
    model,
    p: Math.min(free, 1 + Math.floor(rand() * 3)),
    radius: 10 + 5 * Math.floor(rand() * 3),
    ...(model === 'lscp' && rand() < 0.4 ? { target_share: 0.5 } : {}),
    demand: Array.from({ length: n }, (_, i) => ({ id: `d${i}`, weight: rand() < 0.1 ? 0 : 1 + Math.floor(rand() * 20) })),
    sites,
    cost,
    rules: { ...(required.length ? { require_groups: required } : {}), ...(minBase !== undefined ? { min_base: minBase } : {}) },
    time_limit_s: 10,
  };
}

/** Free sites (of the full problem) the minimum base allows. */
function allowedSites(pr: SolveProblem): Uint8Array {
  const prep = applyMinBase(pr);
  const keep = new Set(('message' in prep ? pr : prep.problem).sites.map((s) => s.id));
  return Uint8Array.from(pr.sites, (s) => (keep.has(s.id) ? 1 : 0));
}

function selectedMask(inst: Instance, r: SolveResult): Uint8Array {
  const ids = new Set(r.selected);
  return Uint8Array.from(inst.siteIds, (id) => (ids.has(id) ? 1 : 0));
}

describe('siting rules: exact = enumeration on seeded random instances', () => {
  for (const model of ['mclp', 'pmedian', 'pcenter', 'lscp'] as const) {
    it(`${model}: the exact result equals enumeration over the rule-respecting sets; infeasible exactly when none exists; the heuristic respects the rules`, () => {
      const rand = rng(1101 + ['mclp', 'pmedian', 'pcenter', 'lscp'].indexOf(model));
      const seen = { feasible: 0, infeasible: 0, withGroups: 0, withMinBase: 0 };
      for (let trial = 0; trial < 45; trial++) {
        const pr = randomRulesProblem(rand, model);
        const inst = toInstance(pr);
        const allowed = allowedSites(pr);
        const b = bruteRules(inst, allowed);
        const r = solve(pr, { highs });
        if (pr.rules?.require_groups) seen.withGroups++;
        if (pr.rules?.min_base !== undefined) seen.withMinBase++;
        if (b === null) {
          seen.infeasible++;
          expect(r.status, JSON.stringify(pr)).toBe('infeasible');
          continue;
        }
        seen.feasible++;
        expect(r.status, JSON.stringify(pr)).toBe('optimal');
        expect(r.objective, JSON.stringify(pr)).toBeCloseTo(b, 6);
        const open = selectedMask(inst, r);
        expect(groupsSatisfied(inst.rules?.rule, open)).toBe(true);
        for (let j = 0; j < inst.m; j++) if (open[j] && !inst.fixed[j]) expect(allowed[j], JSON.stringify(pr)).toBe(1);
        const h = solve(pr, { heuristicOnly: true });
        if (h.status !== 'infeasible') {
          const ho = selectedMask(inst, h);
          expect(groupsSatisfied(inst.rules?.rule, ho), JSON.stringify(pr)).toBe(true);
          for (let j = 0; j < inst.m; j++) if (ho[j] && !inst.fixed[j]) expect(allowed[j]).toBe(1);
          expect(model === 'mclp' ? h.objective <= b + 1e-9 : h.objective >= b - 1e-9).toBe(true);
        }
      }
      for (const [k, v] of Object.entries(seen)) expect(v, k).toBeGreaterThan(0);
    });
  }

  it('robust MCLP (two years) keeps the rules too (enumeration over rule-respecting sets)', () => {
    const rand = rng(1106);
    let checked = 0;
    for (let trial = 0; trial < 30; trial++) {
      const pr = randomRulesProblem(rand, 'mclp');
      pr.robust = { mode: trial % 2 ? 'maxmin' : 'weighted', alpha: 0.4, years: [{ label: 'a', weights: pr.demand.map((d) => d.weight) }, { label: 'b', weights: pr.demand.map(() => Math.floor(rand() * 20)) }] };
      const inst = toInstance(pr);
      if (inst.robust!.total.some((t) => !(t > 0))) continue;
      const b = bruteRules(inst, allowedSites(pr));
      const r = solve(pr, { highs });
      if (b === null) {
        expect(r.status).toBe('infeasible');
        continue;
      }
      expect(r.status, JSON.stringify(pr)).toBe('optimal');
      expect(r.objective, JSON.stringify(pr)).toBeCloseTo(b, 9);
      expect(groupsSatisfied(inst.rules?.rule, selectedMask(inst, r))).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('MCLP through the Lagrangian step and p-median through the large-instance path keep the group rule (enumeration)', () => {
    const rand = rng(1105);
    let checked = 0;
    for (let trial = 0; trial < 40; trial++) {
      const model = trial % 2 ? 'pmedian' : 'mclp';
      const pr = randomRulesProblem(rand, model);
      delete pr.rules!.min_base;
      const inst = toInstance(pr);
      const b = bruteRules(inst, new Uint8Array(inst.m).fill(1));
      if (b === null || !solve(pr, { heuristicOnly: true }).selected.length) continue;
      const known = heuristic(inst);
      if (!groupsSatisfied(inst.rules?.rule, known)) continue;
      const out = model === 'mclp' ? solveMclp(highs, inst, 10, { known, lagrangian: true }) : solvePmedianLarge(highs, inst, known, 10, { before: pmedianSizeBefore(inst), now: () => Date.now() });
      expect(out.status, JSON.stringify(pr)).toBe('optimal');
      expect(groupsSatisfied(inst.rules?.rule, out.open!)).toBe(true);
      const v = model === 'mclp' ? evaluate(inst, out.open!).covered_weight : out.objective!;
      expect(v, JSON.stringify(pr)).toBeCloseTo(b, 6);
      checked++;
    }
    expect(checked).toBeGreaterThan(15);
  });
});

describe('siting rules in the solve JSON and from the scenario', () => {
  const base = { model: 'mclp', p: 1, radius: 10, demand: [{ id: 'd', weight: 3, population: 2 }], sites: [{ id: 'A', group: '2080' }], cost: [[5]] };

  it('reads rules, site groups and demand populations', () => {
    const r = parseSolveJson(JSON.stringify({ ...base, rules: { require_groups: ['2080'], min_base: 2, min_base_radius: 15 } }));
    expect(r.issues).toEqual([]);
    expect(r.value).toMatchObject({ rules: { require_groups: ['2080'], min_base: 2, min_base_radius: 15 }, sites: [{ id: 'A', group: '2080' }], demand: [{ population: 2 }] });
  });

  it('names a bad rule field and what was expected', () => {
    const neg = parseSolveJson(JSON.stringify({ ...base, rules: { min_base: -1 } }));
    expect(neg.value).toBeNull();
    expect(neg.issues).toEqual([{ severity: 'error', code: 'solve_invalid_field', params: { path: 'rules.min_base', expected: 'non_negative' } }]);
    const list = parseSolveJson(JSON.stringify({ ...base, rules: { require_groups: '2080' } }));
    expect(list.issues).toEqual([{ severity: 'error', code: 'solve_invalid_field', params: { path: 'rules.require_groups', expected: 'group_list' } }]);
    const group = parseSolveJson(JSON.stringify({ ...base, sites: [{ id: 'A', group: 2080 }] }));
    expect(group.issues).toEqual([{ severity: 'error', code: 'solve_invalid_field', params: { path: 'sites.0.group', expected: 'string' } }]);
  });

  it('siteProblem: kommun as group (or none, by the caller’s choice), children as population, the rules', () => {
    const unit = (id: string, children: number): DemandUnit =>
      ({ id, kind: 'deso', lon: 0, lat: 0, deso_code: id, regso_code: 'r', kommun_code: '2080', omradestyp_2022: 3, omradestyp_2023: 3, population: 100, children_0_6: children, women_16_54: 0 }) as DemandUnit;
    const site = (id: string, status: Site['status'], kommun: string): Site => ({ id, name: id, status, lon: 0, lat: 0, kommun_code: kommun });
    const fixed = [site('F1', 'existing', '2080'), site('F2', 'planned', '2021')];
    const candidates = [site('C1', 'candidate', '2023')];
    const matrix = { origins: ['u1', 'u2'], destinations: ['F1', 'F2', 'C1'], minutes: Float64Array.from([5, 30, 12, 25, 8, 40]), km: null };
    const pr = siteProblem({
      model: 'mclp',
      p: 1,
      demand: [unit('u1', 4), unit('u2', 6)],
      fixed,
      candidates,
      travel: { kind: 'matrix', source: 'm.csv' },
      matrix,
      thresholdMinutes: 20,
      deprivationWeights: { 1: 2, 2: 2, 3: 1, 4: 1, 5: 1 },
      omradestypYear: 2023,
      requireKommuner: ['2080', '2021', '2023'],
      kommunOf: (s) => (s.status === 'planned' ? null : s.kommun_code),
      minChildren: 5,
    });
    expect(pr.sites).toEqual([
      { id: 'F1', fixed: true, group: '2080' },
      { id: 'F2', fixed: true },
      { id: 'C1', fixed: false, group: '2023' },
    ]);
    expect(pr.demand).toEqual([
      { id: 'u1', weight: 4, population: 4 },
      { id: 'u2', weight: 6, population: 6 },
    ]);
    expect(pr.rules).toEqual({ require_groups: ['2080', '2021', '2023'], min_base: 5 });
    // 2021 counts no site (F2 is planned, and the caller does not count planned): no site → named.
    expect(solve(pr, { highs })).toMatchObject({ status: 'infeasible', rule_message_code: 'group_no_site', rule_message_params: { group: '2021' } });
    // Within 20 min C1 reaches u1 (12) only: 4 children < 5 → dropped.
    const r = solve({ ...pr, rules: { min_base: 5 } }, { highs });
    expect(r).toMatchObject({ status: 'infeasible', rule_message_code: 'min_base_infeasible', rule_message_params: { reason: 'too_few_sites', dropped: 1, kept: 0 } });
  });
});
