import { beforeAll, describe, expect, it } from 'vitest';
import highsLoader, { type Highs } from 'highs';
import { evaluate, toInstance, type ModelKind, type SolveProblem, type SolveResult } from '../../src/domain/optimise/problem';
import { solve } from '../../src/domain/optimise/solve';
import { solveMessageText } from '../../src/i18n/messages';
import { rng } from './helpers';

/** The result's message in Swedish ('' when it has none). */
const text = (r: SolveResult) => (r.message_code ? solveMessageText(r.message_code, r.message_params) : '');

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

// Hand-solvable instance. Radius 10: A covers d1, d2 (exactly 10); B covers d3; C covers d2, d4.
const cost = [
  [5, 30, 25],
  [10, 20, 8],
  [40, 3, 35],
  [50, 30, 9],
];
const base = (over: Partial<SolveProblem>): SolveProblem => ({
  model: 'mclp',
  demand: [
    { id: 'd1', weight: 10 },
    { id: 'd2', weight: 20 },
    { id: 'd3', weight: 30 },
    { id: 'd4', weight: 40 },
  ],
  sites: [{ id: 'A' }, { id: 'B' }, { id: 'C' }],
  cost,
  radius: 10,
  time_limit_s: 10,
  ...over,
});
const both = (pr: SolveProblem) => [solve(pr, { highs }), solve(pr, { highs, heuristicOnly: true })];

describe('MCLP', () => {
  it('p = 1 picks C (covers d2 + d4 = 60)', () => {
    for (const r of both(base({ p: 1 }))) {
      expect(r).toMatchObject({ status: 'optimal', objective: 60, selected: ['C'], covered_weight: 60, covered_share: 0.6, covered_count: 2, gap: 0 });
    }
  });
  it('p = 2 picks B and C (90)', () => {
    const [exact] = both(base({ p: 2 }));
    expect(exact).toMatchObject({ status: 'optimal', objective: 90, selected: ['B', 'C'], method: 'exact' });
  });
  it('fixed sites are always open and do not count toward p', () => {
    const r = solve(base({ p: 1, sites: [{ id: 'A' }, { id: 'B' }, { id: 'C', fixed: true }] }), { highs });
    expect(r.selected).toEqual(['B', 'C']);
    expect(r.objective).toBe(90);
  });
  it('coverage is inclusive at exactly the radius', () => {
    const fixedA = { sites: [{ id: 'A', fixed: true }, { id: 'B' }, { id: 'C' }], p: 0 };
    expect(solve(base({ ...fixedA, radius: 10 }), { highs }).covered_weight).toBe(30);
    expect(solve(base({ ...fixedA, radius: 9.999 }), { highs }).covered_weight).toBe(10);
  });
});

describe('p-median', () => {
  it('p = 1: C with Σ weight × cost = 1 820', () => {
    for (const r of both(base({ model: 'pmedian', p: 1, radius: undefined }))) expect(r).toMatchObject({ objective: 1820, selected: ['C'] });
  });
  it('p = 2: B and C, 860; mean 8.6, max 25', () => {
    const r = solve(base({ model: 'pmedian', p: 2, radius: undefined }), { highs });
    expect(r).toMatchObject({ status: 'optimal', objective: 860, selected: ['B', 'C'], mean_cost: 8.6, max_cost: 25, gap: 0 });
    // without a radius, covered means reachable
    expect(r.covered_share).toBe(1);
  });
  it('a unit no site can reach gives a clear message', () => {
    const r = solve(base({ model: 'pmedian', p: 1, cost: [...cost.slice(0, 3), [null, null, null]] }), { highs });
    expect(r.status).toBe('infeasible');
    expect(text(r)).toContain('d4');
  });
});

describe('LSCP', () => {
  it('covering all demand within 10 needs all three sites', () => {
    expect(solve(base({ model: 'lscp' }), { highs })).toMatchObject({ status: 'optimal', objective: 3, selected: ['A', 'B', 'C'], covered_share: 1 });
  });
  it('a target share of 90 % needs two (B, C); 60 % needs one (C)', () => {
    expect(solve(base({ model: 'lscp', target_share: 0.9 }), { highs })).toMatchObject({ objective: 2, selected: ['B', 'C'], covered_share: 0.9 });
    expect(solve(base({ model: 'lscp', target_share: 0.6 }), { highs })).toMatchObject({ objective: 1, selected: ['C'] });
    expect(solve(base({ model: 'lscp', target_share: 0.9 }), { highs, heuristicOnly: true }).objective).toBe(2);
  });
  it('unreachable targets and uncoverable units are infeasible with a message', () => {
    const r = solve(base({ model: 'lscp', radius: 4 }), { highs });
    expect(r.status).toBe('infeasible');
    expect(text(r)).toContain('d1');
    const t = solve(base({ model: 'lscp', radius: 4, target_share: 0.95 }), { highs });
    expect(t.status).toBe('infeasible');
    expect(text(t)).toContain('30,0 %'.replace(',', '.'));
  });
});

describe('p-center', () => {
  it('p = 1: B (worst 30); p = 2: B and C (worst 25)', () => {
    expect(solve(base({ model: 'pcenter', p: 1, radius: undefined }), { highs })).toMatchObject({ status: 'optimal', objective: 30, selected: ['B'], max_cost: 30 });
    for (const r of both(base({ model: 'pcenter', p: 2, radius: undefined }))) expect(r).toMatchObject({ objective: 25, selected: ['B', 'C'] });
  });
});

describe('impossible requests', () => {
  it('p larger than the number of candidates', () => {
    const r = solve(base({ p: 4 }), { highs });
    expect(r.status).toBe('infeasible');
    expect(text(r)).toMatch(/p = 4 är större än antalet valbara platser \(3\)/);
  });
});

/** Brute force over every subset of free sites of size p (or every size for LSCP). */
function bruteForce(pr: SolveProblem): number | null {
  const inst = toInstance(pr);
  const free = pr.sites.map((s, j) => (s.fixed ? -1 : j)).filter((j) => j >= 0);
  let best: number | null = null;
  for (let mask = 0; mask < 1 << free.length; mask++) {
    const chosen = free.filter((_, k) => mask & (1 << k));
    if (pr.model !== 'lscp' && chosen.length !== pr.p) continue;
    const open = pr.sites.map((s, j) => (s.fixed || chosen.includes(j) ? 1 : 0));
    const ev = evaluate(inst, open);
    let value: number;
    if (pr.model === 'lscp') {
      const ok = pr.target_share !== undefined ? ev.covered_share >= pr.target_share - 1e-9 : pr.demand.every((d, i) => d.weight <= 0 || pr.cost[i].some((c, j) => open[j] && c !== null && c <= pr.radius!));
      if (!ok) continue;
      value = chosen.length;
    } else {
      if (ev.unreachable > 0 && pr.model !== 'mclp') continue;
      value = ev.objective;
    }
    if (best === null || (pr.model === 'mclp' ? value > best + 1e-9 : value < best - 1e-9)) best = value;
  }
  return best;
}

describe('agreement with exhaustive enumeration on random instances', () => {
  const models: ModelKind[] = ['mclp', 'pmedian', 'lscp', 'pcenter'];
  for (const model of models) {
    it(`${model}: exact = brute force; the heuristic is never better`, () => {
      const rand = rng(model.length * 101 + 7);
      for (let trial = 0; trial < 25; trial++) {
        const n = 6 + Math.floor(rand() * 6);
        const m = 4 + Math.floor(rand() * 5);
        const sites = Array.from({ length: m }, (_, j) => ({ id: `s${j}`, fixed: rand() < 0.15 }));
        const free = sites.filter((s) => !s.fixed).length;
        const cost = Array.from({ length: n }, () => {
          const row: (number | null)[] = Array.from({ length: m }, () => (rand() < 0.15 ? null : Math.round(rand() * 60)));
          if (!row.some((c) => c !== null)) row[0] = Math.round(rand() * 60);
          return row;
        });
        const pr: SolveProblem = {
          model,
          demand: Array.from({ length: n }, (_, i) => ({ id: `d${i}`, weight: Math.round(rand() * 50) })),
          sites,
          cost,
          radius: 15 + Math.round(rand() * 25),
          p: model === 'lscp' ? undefined : Math.min(free, 1 + Math.floor(rand() * 3)),
          target_share: model === 'lscp' && rand() < 0.5 ? 0.5 : undefined,
          time_limit_s: 10,
        };
        const brute = bruteForce(pr);
        const exact = solve(pr, { highs });
        if (brute === null) {
          expect(exact.status, JSON.stringify(pr)).toBe('infeasible');
          continue;
        }
        expect(exact.status, JSON.stringify(pr)).toBe('optimal');
        expect(exact.objective, JSON.stringify(pr)).toBeCloseTo(brute, 6);
        const h = solve(pr, { highs, heuristicOnly: true });
        if (model === 'mclp') expect(h.objective).toBeLessThanOrEqual(brute + 1e-9);
        else expect(h.objective).toBeGreaterThanOrEqual(brute - 1e-9);
        if (h.gap !== null) expect(h.gap).toBeGreaterThanOrEqual(0);
        // selected always contains every fixed site
        for (const s of sites) if (s.fixed) expect(exact.selected).toContain(s.id);
      }
    });
  }
  it('is deterministic: the same problem gives the same sites', () => {
    const pr = base({ p: 1, cost: [[5, 5, 5], [5, 5, 5], [5, 5, 5], [5, 5, 5]] });
    const a = solve(pr, { highs });
    const b = solve(pr, { highs });
    expect(a.selected).toEqual(b.selected);
    expect(solve(pr, { highs, heuristicOnly: true }).selected).toEqual(['A']);
  });
});
