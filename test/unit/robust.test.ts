import { beforeAll, describe, expect, it } from 'vitest';
import highsLoader, { type Highs } from 'highs';
import { evaluate, toInstance, type SolveProblem, type SolveResult } from '../../src/domain/optimise/problem';
import { robustBound } from '../../src/domain/optimise/robust';
import type { RobustSpec } from '../../src/domain/optimise/robustYears';
import { solve } from '../../src/domain/optimise/solve';
import { solveMessageText } from '../../src/i18n/messages';
import { rng } from './helpers';

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

const text = (r: SolveResult) => (r.message_code ? solveMessageText(r.message_code, r.message_params) : '');
const exactAndHeuristic = (pr: SolveProblem) => [solve(pr, { highs }), solve(pr, { highs, heuristicOnly: true })];
const shares = (r: SolveResult) => r.by_year!.map((y) => y.covered_share);

// Radius 10. A covers d1, B covers d2, C covers d3 and d4 (all other costs 30).
//        2025 weight   2035 weight
//   d1   50            5
//   d2   10            25
//   d3   20            10
//   d4   20            10
//   sum  100           50
// Shares (2025, 2035) with one new site:
//   A: 50/100 = 0.5, 5/50 = 0.1      → worse 0.1
//   B: 10/100 = 0.1, 25/50 = 0.5     → worse 0.1
//   C: 40/100 = 0.4, 20/50 = 0.4     → worse 0.4   ← maxmin picks C
// 2025 alone picks A (50), 2035 alone picks B (25).
const cost = [
  [5, 30, 30],
  [30, 5, 30],
  [30, 30, 5],
  [30, 30, 8],
];
const w2025 = [50, 10, 20, 20];
const w2035 = [5, 25, 10, 10];
const years = [
  { label: '2025', weights: w2025 },
  { label: '2035', weights: w2035 },
];
const problem = (robust: RobustSpec | undefined, over: Partial<SolveProblem> = {}): SolveProblem => ({
  model: 'mclp',
  p: 1,
  radius: 10,
  demand: w2025.map((w, i) => ({ id: `d${i + 1}`, weight: w })),
  sites: [{ id: 'A' }, { id: 'B' }, { id: 'C' }],
  cost,
  time_limit_s: 10,
  ...(robust ? { robust } : {}),
  ...over,
});

describe('robust MCLP, hand-solved', () => {
  it('each year alone picks a different site (A for 2025, B for 2035)', () => {
    expect(solve(problem(undefined), { highs }).selected).toEqual(['A']);
    expect(solve(problem(undefined, { demand: w2035.map((w, i) => ({ id: `d${i + 1}`, weight: w })) }), { highs }).selected).toEqual(['B']);
  });

  it('maxmin picks the compromise C: worse share 0.4 (A and B only 0.1)', () => {
    for (const r of exactAndHeuristic(problem({ mode: 'maxmin', years }))) {
      expect(r.selected).toEqual(['C']);
      expect(r.objective).toBeCloseTo(0.4, 12);
      expect(r.by_year).toEqual([
        { label: '2025', covered_weight: 40, covered_share: 0.4 },
        { label: '2035', covered_weight: 20, covered_share: 0.4 },
      ]);
      // the plain fields still describe demand.weight (here the 2025 weights)
      expect(r.covered_weight).toBe(40);
    }
    expect(solve(problem({ mode: 'maxmin', years }), { highs })).toMatchObject({ method: 'exact', status: 'optimal', gap: 0 });
    // The heuristic's bound is the worse of the years' single bounds: min(0.5, 0.5) = 0.5, gap (0.5 − 0.4)/0.4.
    const h = solve(problem({ mode: 'maxmin', years }), { heuristicOnly: true });
    expect(h).toMatchObject({ method: 'heuristic', status: 'feasible' });
    expect(h.bound).toBeCloseTo(0.5, 12);
    expect(h.gap).toBeCloseTo(0.25, 12);
  });

  it('weighted, alpha 0.5: A 0.3, B 0.3, C 0.4 → C', () => {
    for (const r of exactAndHeuristic(problem({ mode: 'weighted', alpha: 0.5, years }))) {
      expect(r.selected).toEqual(['C']);
      expect(r.objective).toBeCloseTo(0.4, 12);
    }
    // alpha defaults to 0.5
    expect(solve(problem({ mode: 'weighted', years }), { highs }).selected).toEqual(['C']);
  });

  it('weighted, alpha 0.8: A 0.8·0.5 + 0.2·0.1 = 0.42 > C 0.4; alpha 0.2: B 0.42', () => {
    for (const r of exactAndHeuristic(problem({ mode: 'weighted', alpha: 0.8, years }))) {
      expect(r.selected).toEqual(['A']);
      expect(r.objective).toBeCloseTo(0.42, 12);
    }
    for (const r of exactAndHeuristic(problem({ mode: 'weighted', alpha: 0.2, years }))) {
      expect(r.selected).toEqual(['B']);
      expect(r.objective).toBeCloseTo(0.42, 12);
    }
  });

  it('weighted with alpha 1 is plain MCLP of the first year, alpha 0 of the second', () => {
    for (const r of exactAndHeuristic(problem({ mode: 'weighted', alpha: 1, years }))) {
      expect(r.selected).toEqual(['A']);
      expect(r.objective).toBeCloseTo(0.5, 12);
    }
    for (const r of exactAndHeuristic(problem({ mode: 'weighted', alpha: 0, years }))) {
      expect(r.selected).toEqual(['B']);
      expect(r.objective).toBeCloseTo(0.5, 12);
    }
  });

  it('maxmin with identical years is plain MCLP (objective = its covered share)', () => {
    // The MCLP instance of optimise.test.ts: p = 1 → C (60 of 100), p = 2 → B + C (90).
    const pr: SolveProblem = {
      model: 'mclp',
      radius: 10,
      demand: [10, 20, 30, 40].map((w, i) => ({ id: `d${i + 1}`, weight: w })),
      sites: [{ id: 'A' }, { id: 'B' }, { id: 'C' }],
      cost: [
        [5, 30, 25],
        [10, 20, 8],
        [40, 3, 35],
        [50, 30, 9],
      ],
      time_limit_s: 10,
    };
    const same = { mode: 'maxmin' as const, years: [0, 1].map((k) => ({ label: `y${k}`, weights: [10, 20, 30, 40] })) };
    for (const p of [1, 2]) {
      const plain = solve({ ...pr, p }, { highs });
      for (const r of exactAndHeuristic({ ...pr, p, robust: same })) {
        expect(r.selected).toEqual(plain.selected);
        expect(r.objective).toBeCloseTo(plain.covered_share, 12);
      }
    }
  });

  it('fixed sites count: with F covering d3 and d4, A and B tie at 0.5 and the tie goes to 2025 (A)', () => {
    // F fixed covers d3, d4: 40 % of 2025 and 40 % of 2035. Adding
    //   A: 2025 (50 + 40)/100 = 0.9, 2035 (5 + 20)/50 = 0.5 → worse 0.5
    //   B: 2025 (10 + 40)/100 = 0.5, 2035 (25 + 20)/50 = 0.9 → worse 0.5
    //   C: adds nothing → 0.4, 0.4
    // A and B tie on the worse year; the first year's share breaks the tie: A.
    const pr = problem(
      { mode: 'maxmin', years },
      {
        sites: [{ id: 'F', fixed: true }, { id: 'A' }, { id: 'B' }, { id: 'C' }],
        cost: cost.map((row, i) => [i >= 2 ? 7 : 30, ...row]),
      },
    );
    for (const r of exactAndHeuristic(pr)) {
      expect(r.selected).toEqual(['F', 'A']);
      expect(r.objective).toBeCloseTo(0.5, 12);
      expect(shares(r)[0]).toBeCloseTo(0.9, 12);
      expect(shares(r)[1]).toBeCloseTo(0.5, 12);
    }
    // p = 0: only the fixed site, 0.4 both years
    const none = solve({ ...pr, p: 0 }, { highs });
    expect(none.selected).toEqual(['F']);
    expect(none.objective).toBeCloseTo(0.4, 12);
  });

  it('when no choice changes the worse year, maxmin ties go to the best first year (plain MCLP of it)', () => {
    // The second year's demand sits only on d5, which no site reaches: its share is 0 whatever is
    // chosen, so every choice ties at 0 and the first year's share decides.
    const tieYears = [
      { label: '2025', weights: [...w2025, 0] },
      { label: '2035', weights: [0, 0, 0, 0, 7] },
    ];
    const pr = problem({ mode: 'maxmin', years: tieYears }, { demand: [...w2025, 0].map((w, i) => ({ id: `d${i + 1}`, weight: w })), cost: [...cost, [null, null, null]] });
    for (const p of [1, 2]) {
      const plain = solve({ ...pr, p, robust: undefined }, { highs });
      for (const r of exactAndHeuristic({ ...pr, p })) {
        expect(r.objective).toBe(0);
        expect(r.selected).toEqual(plain.selected);
        expect(shares(r)[0]).toBeCloseTo(plain.covered_share, 12);
      }
    }
  });

  it('years compare as shares, so a year with fewer children weighs as much', () => {
    // d1 (A covers): 40 in 2025, 2 in 2035; d2 (B covers): 30 and 10; d3 (nobody): 30 and 8.
    // Totals 100 and 20. Shares: A 0.4, 0.1 → mean 0.25; B 0.3, 0.5 → mean 0.4 → B.
    // (Summed children would pick A: 42 against 40.)
    const pr: SolveProblem = {
      model: 'mclp',
      p: 1,
      radius: 10,
      demand: [40, 30, 30].map((w, i) => ({ id: `d${i + 1}`, weight: w })),
      sites: [{ id: 'A' }, { id: 'B' }],
      cost: [
        [1, 20],
        [20, 1],
        [20, 20],
      ],
      robust: { mode: 'weighted', alpha: 0.5, years: [{ label: '2025', weights: [40, 30, 30] }, { label: '2035', weights: [2, 10, 8] }] },
    };
    for (const r of exactAndHeuristic(pr)) {
      expect(r.selected).toEqual(['B']);
      expect(r.objective).toBeCloseTo(0.4, 12);
    }
  });

  it('evaluate gives by_year and the robust objective; without robust nothing changes', () => {
    const inst = toInstance(problem({ mode: 'maxmin', years }));
    const ev = evaluate(inst, [1, 0, 0]);
    expect(ev.objective).toBeCloseTo(0.1, 12);
    expect(ev.by_year!.map((y) => y.covered_weight)).toEqual([50, 5]);
    const plain = evaluate(toInstance(problem(undefined)), [1, 0, 0]);
    expect(plain.objective).toBe(50);
    expect(plain).not.toHaveProperty('by_year');
    expect(solve(problem(undefined), { highs })).not.toHaveProperty('by_year');
  });

  it('other models and years without demand are refused with a message', () => {
    const r = solve(problem({ mode: 'maxmin', years }, { model: 'pmedian' }), { highs });
    expect(r).toMatchObject({ status: 'infeasible', message_code: 'robust_mclp_only' });
    expect(text(r)).toContain('bara mclp');
    const empty = solve(problem({ mode: 'maxmin', years: [years[0], { label: '2035', weights: [0, 0, 0, 0] }] }), { highs });
    expect(empty).toMatchObject({ status: 'infeasible', message_code: 'robust_empty_year', message_params: { year: '2035' } });
    expect(() => toInstance(problem({ mode: 'maxmin', years: [{ label: 'x', weights: [1, 2] }] }))).toThrow(/weights has 2 values, demand has 4/);
  });
});

/** Best robust objective over every choice of p new sites, and the best first-year share among those. */
function bruteForce(pr: SolveProblem): { objective: number; firstShare: number } {
  const inst = toInstance(pr);
  const free = pr.sites.map((s, j) => (s.fixed ? -1 : j)).filter((j) => j >= 0);
  let best = { objective: -Infinity, firstShare: -Infinity };
  const pick = (start: number, left: number, open: Uint8Array) => {
    if (left === 0) {
      const ev = evaluate(inst, open);
      const first = ev.by_year![0].covered_share;
      if (ev.objective > best.objective + 1e-9 || (ev.objective > best.objective - 1e-9 && first > best.firstShare)) best = { objective: ev.objective, firstShare: first };
      return;
    }
    for (let q = start; q < free.length; q++) {
      open[free[q]] = 1;
      pick(q + 1, left - 1, open);
      open[free[q]] = 0;
    }
  };
  pick(0, pr.p!, Uint8Array.from(inst.fixed));
  return best;
}

describe('robust MCLP against enumeration on random instances', () => {
  for (const mode of ['maxmin', 'weighted'] as const) {
    it(`${mode}: exact = brute force; the heuristic is never better and its bound holds`, () => {
      const rand = rng(mode.length * 313 + 5);
      for (let trial = 0; trial < 25; trial++) {
        const n = 5 + Math.floor(rand() * 6);
        const m = 4 + Math.floor(rand() * 5);
        const sites = Array.from({ length: m }, (_, j) => ({ id: `s${j}`, fixed: rand() < 0.15 }));
        const free = sites.filter((s) => !s.fixed).length;
        const cost = Array.from({ length: n }, () => Array.from({ length: m }, () => (rand() < 0.15 ? null : Math.round(rand() * 60))));
        const first = Array.from({ length: n }, () => 1 + Math.round(rand() * 50));
        // the second year: each row changes by −60 % … +20 %
        const second = first.map((w) => Math.round(w * (0.4 + rand() * 0.8)));
        const pr: SolveProblem = {
          model: 'mclp',
          demand: first.map((w, i) => ({ id: `d${i}`, weight: w })),
          sites,
          cost,
          radius: 15 + Math.round(rand() * 25),
          p: Math.min(free, 1 + Math.floor(rand() * 3)),
          time_limit_s: 10,
          robust: { mode, alpha: Math.round(rand() * 10) / 10, years: [{ label: 'a', weights: first }, { label: 'b', weights: second }] },
        };
        const brute = bruteForce(pr);
        const exact = solve(pr, { highs });
        expect(exact.status, JSON.stringify(pr)).toBe('optimal');
        expect(exact.objective, JSON.stringify(pr)).toBeCloseTo(brute.objective, 9);
        // ties go to the larger first-year share
        expect(exact.by_year![0].covered_share, JSON.stringify(pr)).toBeCloseTo(brute.firstShare, 9);
        const h = solve(pr, { highs, heuristicOnly: true });
        expect(h.objective).toBeLessThanOrEqual(brute.objective + 1e-12);
        expect(robustBound(toInstance(pr))).toBeGreaterThanOrEqual(brute.objective - 1e-12);
        if (h.gap !== null) expect(h.gap).toBeGreaterThanOrEqual(0);
        for (const s of sites) if (s.fixed) expect(exact.selected).toContain(s.id);
        expect(exact.by_year!.map((y) => y.label)).toEqual(['a', 'b']);
      }
    });
  }
});
