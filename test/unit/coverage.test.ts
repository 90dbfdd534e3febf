import { describe, expect, it } from 'vitest';
import { assignNearest, bandOf, coverageFromAssignment } from '../../src/domain/coverage';
import { rng, table, unit } from './helpers';

// Hand-computed fixture (see the expectations for the arithmetic).
const units = [unit('u1', 'A', 1, 10), unit('u2', 'A', 3, 20), unit('u3', 'B', 4, 30), unit('u4', 'B', 2, 0)];
const costs = table([
  [5, 25],
  [20, 30],
  [40, 35],
  [1, 1],
]);
const ids = ['s1', 's2'];

describe('assignNearest', () => {
  it('picks the nearest site and breaks ties by the smaller id', () => {
    const a = assignNearest(costs, ids);
    expect(Array.from(a.nearest)).toEqual([0, 0, 1, 0]);
    expect(Array.from(a.minutes)).toEqual([5, 20, 35, 1]);
    const b = assignNearest(table([[3, 3]]), ['z', 'a']);
    expect(b.nearest[0]).toBe(1);
  });
  it('ignores closed sites and NaN costs; none reachable gives -1 and Infinity', () => {
    const a = assignNearest(costs, ids, [0, 1]);
    expect(Array.from(a.nearest)).toEqual([1, 1, 1, 1]);
    const n = assignNearest(table([[NaN, 4], [NaN, NaN]]), ids);
    expect(Array.from(n.nearest)).toEqual([1, -1]);
    expect(n.minutes[1]).toBe(Infinity);
  });
});

describe('coverage', () => {
  const r = coverageFromAssignment(units, assignNearest(costs, ids), 20, 2023);
  it('county: covered is inclusive at the threshold, zero-children units do not count', () => {
    // covered u1 (5 min, 10 children) + u2 (exactly 20 min, 20 children) = 30 of 60
    expect(r.county.children_0_6).toBe(60);
    expect(r.county.covered_children).toBe(30);
    expect(r.county.coverage_share).toBe(0.5);
    // mean (10·5 + 20·20 + 30·35) / 60 = 1500 / 60 = 25
    expect(r.county.mean_minutes).toBe(25);
    // cumulative 10, 30 ≥ 60/2 at 20 min
    expect(r.county.median_minutes).toBe(20);
    expect(r.county.children_over_30_min).toBe(30);
    expect(r.county.bands).toEqual({ lt_5: 0, from_5_to_10: 10, from_10_to_30: 20, over_30: 30 });
    expect(r.county.unreachable_children).toBe(0);
  });
  it('a unit just beyond the threshold is not covered', () => {
    const r2 = coverageFromAssignment(units, assignNearest(costs, ids), 19.999, 2023);
    expect(r2.county.covered_children).toBe(10);
  });
  it('per kommun', () => {
    expect(r.byKommun.get('A')).toMatchObject({ children_0_6: 30, covered_children: 30, coverage_share: 1, mean_minutes: 15, median_minutes: 20 });
    expect(r.byKommun.get('B')).toMatchObject({ children_0_6: 30, covered_children: 0, coverage_share: 0, mean_minutes: 35, median_minutes: 35, children_over_30_min: 30 });
    expect([...r.byKommun.keys()]).toEqual(['A', 'B']);
  });
  it('per områdestyp, all five present even when empty', () => {
    expect([...r.byOmradestyp.keys()]).toEqual([1, 2, 3, 4, 5]);
    expect(r.byOmradestyp.get(1)).toMatchObject({ children_0_6: 10, coverage_share: 1 });
    expect(r.byOmradestyp.get(2)).toMatchObject({ children_0_6: 0, coverage_share: 0, mean_minutes: null, median_minutes: null });
    expect(r.byOmradestyp.get(4)).toMatchObject({ children_0_6: 30, coverage_share: 0 });
  });
  it('an empty scenario covers nobody and everybody is beyond 30 minutes', () => {
    const e = coverageFromAssignment(units, assignNearest(table(units.map(() => [])), []), 20, 2023);
    expect(e.county).toMatchObject({ children_0_6: 60, covered_children: 0, coverage_share: 0, mean_minutes: null, median_minutes: null, children_over_30_min: 60, unreachable_children: 60 });
  });
  it('bands: < 5, 5 to < 10, 10 to ≤ 30, > 30', () => {
    expect([4.999, 5, 9.999, 10, 30, 30.001, Infinity].map(bandOf)).toEqual(['lt_5', 'from_5_to_10', 'from_5_to_10', 'from_10_to_30', 'from_10_to_30', 'over_30', 'over_30']);
  });
});

describe('invariants on random instances', () => {
  it('adding a site never lowers coverage or raises mean minutes; covered ≤ total', () => {
    const rand = rng(42);
    for (let trial = 0; trial < 50; trial++) {
      const n = 30;
      const m = 6;
      const us = Array.from({ length: n }, (_, i) => unit(`u${i}`, rand() < 0.5 ? 'A' : 'B', (1 + Math.floor(rand() * 5)) as 1, Math.floor(rand() * 20)));
      const t = table(Array.from({ length: n }, () => Array.from({ length: m }, () => rand() * 60)));
      const sid = Array.from({ length: m }, (_, j) => `s${j}`);
      let prevCovered = -1;
      let prevMean = Infinity;
      for (let k = 1; k <= m; k++) {
        const open = sid.map((_, j) => j < k);
        const c = coverageFromAssignment(us, assignNearest(t, sid, open), 20, 2023).county;
        expect(c.covered_children).toBeLessThanOrEqual(c.children_0_6);
        expect(c.covered_children).toBeGreaterThanOrEqual(prevCovered);
        expect(c.mean_minutes!).toBeLessThanOrEqual(prevMean + 1e-9);
        prevCovered = c.covered_children;
        prevMean = c.mean_minutes!;
      }
    }
  });
});
