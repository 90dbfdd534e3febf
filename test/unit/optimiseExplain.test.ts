import { describe, expect, it } from 'vitest';
import { countyFigures, explainSuggestion, objectiveMeasure } from '../../src/domain/optimise/explain';
import { capTarget, reachSummary } from '../../src/domain/optimise/reach';

/**
 * A hand-made county: three demand units, two sites open today (F1, F2), one suggested (N1), and
 * T = 20 min. Minutes (null = no route):
 *
 *            F1    F2    N1    children
 *   A        10    40    25    100
 *   B        35    30    15     50
 *   C       null   50    18     30
 */
const base = {
  demand: [
    { id: 'A', children: 100 },
    { id: 'B', children: 50 },
    { id: 'C', children: 30 },
  ],
  siteIds: ['F1', 'F2', 'N1'],
  cost: [
    [10, 40, 25],
    [35, 30, 15],
    [null, 50, 18],
  ],
  thresholdMinutes: 20,
  today: ['F1', 'F2'],
  added: ['N1'],
};

describe('explainSuggestion: before → after in each model\'s terms', () => {
  // Before (F1, F2): A 10 min (within T), B 30, C 50 → 100 of 180 children within T;
  //   mean (100·10 + 50·30 + 30·50) / 180 = 4000 / 180 = 22,222… min; longest 50 min, at C.
  // After (+ N1): A 10, B 15, C 18 → all 180 within T; mean (1000 + 750 + 540) / 180 = 2290 / 180
  //   = 12,722… min; longest 18 min, at C. N1 adds 180 − 100 = 80 children within T.
  for (const model of ['mclp', 'lscp', 'pmedian', 'pcenter'] as const) {
    it(`${model}: the same county figures, its own measure`, () => {
      const e = explainSuggestion({ ...base, model });
      expect(e.measure).toBe({ mclp: 'covered_children', lscp: 'covered_children', pmedian: 'mean_minutes', pcenter: 'max_minutes' }[model]);
      expect(e.total_children).toBe(180);
      expect(e.threshold_minutes).toBe(20);
      expect(e.before.covered_children).toBe(100);
      expect(e.before.covered_share).toBeCloseTo(100 / 180, 12);
      expect(e.before.mean_minutes).toBeCloseTo(4000 / 180, 12);
      expect(e.before.max_minutes).toBe(50);
      expect(e.before.max_unit_id).toBe('C');
      expect(e.before.unreachable_children).toBe(0);
      expect(e.after.covered_children).toBe(180);
      expect(e.after.covered_share).toBe(1);
      expect(e.after.mean_minutes).toBeCloseTo(2290 / 180, 12);
      expect(e.after.max_minutes).toBe(18);
      expect(e.after.max_unit_id).toBe('C');
      expect(e.adds).toEqual([{ site_id: 'N1', adds_children: 80 }]);
    });
  }

  it('each suggested site adds what only it covers (marginal)', () => {
    // N2 reaches only B, in 12 min. With N1 and N2: all 180 within T.
    // Without N1: A 10, B 12, C 50 → 150 within T, so N1 adds 180 − 150 = 30 (C's children).
    // Without N2: A 10, B 15, C 18 → 180, so N2 adds 0 (N1 already brings B within T).
    const e = explainSuggestion({
      ...base,
      model: 'mclp',
      siteIds: ['F1', 'F2', 'N1', 'N2'],
      cost: [
        [10, 40, 25, null],
        [35, 30, 15, 12],
        [null, 50, 18, null],
      ],
      added: ['N1', 'N2'],
    });
    expect(e.adds).toEqual([
      { site_id: 'N1', adds_children: 30 },
      { site_id: 'N2', adds_children: 0 },
    ]);
    // After: B goes to N2 (12 min): mean (1000 + 600 + 540) / 180 = 2140 / 180.
    expect(e.after.mean_minutes).toBeCloseTo(2140 / 180, 12);
  });

  it('children no open site reaches count in the share\'s total but not in the mean or the longest trip', () => {
    // D (20 children) has no route to any site. Today: A 10, B 30, C 50; D unreached.
    // Within T: 100 of 200 = 0,5; mean over reached (4000 / 180); longest 50 at C; 20 unreachable.
    const f = countyFigures(
      { demand: [...base.demand, { id: 'D', children: 20 }], siteIds: base.siteIds, cost: [...base.cost, [null, null, null]], thresholdMinutes: 20 },
      new Set(['F1', 'F2']),
    );
    expect(f).toEqual({ covered_children: 100, covered_share: 0.5, mean_minutes: 4000 / 180, max_minutes: 50, max_unit_id: 'C', unreachable_children: 20 });
  });

  it('nothing reached: no mean, no longest trip; a tie names the first unit', () => {
    expect(countyFigures({ ...base, thresholdMinutes: 20 }, new Set())).toEqual({
      covered_children: 0,
      covered_share: 0,
      mean_minutes: null,
      max_minutes: null,
      max_unit_id: null,
      unreachable_children: 180,
    });
    // Only F2: A 40, B 30, C 50; with C at 40 instead, A and C tie at 40 → A (first row).
    const tie = countyFigures({ ...base, cost: [[10, 40, 25], [35, 30, 15], [null, 40, 18]] }, new Set(['F2']));
    expect(tie.max_minutes).toBe(40);
    expect(tie.max_unit_id).toBe('A');
  });

  it('objectiveMeasure', () => {
    expect(objectiveMeasure('mclp')).toBe('covered_children');
    expect(objectiveMeasure('pmedian')).toBe('mean_minutes');
  });
});

describe('reachSummary and capTarget: demand no possible site reaches within T', () => {
  // The county above with D (20 children, no route anywhere). Need weights: A ×2, B ×1, C ×0,5, D ×1
  // → weights 200, 50, 15, 20 (total 285).
  const demand = [
    { id: 'A', children: 100, weight: 200 },
    { id: 'B', children: 50, weight: 50 },
    { id: 'C', children: 30, weight: 15 },
    { id: 'D', children: 20, weight: 20 },
  ];
  const cost = [...base.cost, [null, null, null]];

  it('T = 20: only D is out of reach', () => {
    // Quickest possible site: A 10, B 15, C 18 (all ≤ 20), D none.
    const r = reachSummary({ demand, cost, thresholdMinutes: 20 });
    expect(r.ids).toEqual(['D']);
    expect(r.children).toBe(20);
    expect(r.total_children).toBe(200);
    expect(r.reachable_share).toBeCloseTo(180 / 200, 12);
    // (285 − 20) / 285 = 265 / 285 = 0,9298…
    expect(r.reachable_weight_share).toBeCloseTo(265 / 285, 12);
    // All children asked for: capped at 265 / 285. 90 % asked: below the cap, kept.
    expect(capTarget(undefined, r)).toEqual({ requested: 1, target: r.reachable_weight_share, capped: true });
    expect(capTarget(0.9, r)).toEqual({ requested: 0.9, target: 0.9, capped: false });
  });

  it('T = 12: B and C are out of reach too (their quickest sites take 15 and 18 min)', () => {
    const r = reachSummary({ demand, cost, thresholdMinutes: 12 });
    expect(r.ids).toEqual(['B', 'C', 'D']);
    expect(r.children).toBe(100);
    expect(r.reachable_share).toBe(0.5);
    // Reachable weight: A's 200 of 285.
    expect(r.reachable_weight_share).toBeCloseTo(200 / 285, 12);
    expect(capTarget(0.9, r).capped).toBe(true);
    expect(capTarget(0.9, r).target).toBeCloseTo(200 / 285, 12);
  });

  it('T exactly equal to a unit\'s quickest minutes counts as reached (≤ T)', () => {
    expect(reachSummary({ demand: demand.slice(0, 3), cost: base.cost, thresholdMinutes: 18 }).ids).toEqual([]);
    expect(capTarget(undefined, reachSummary({ demand: demand.slice(0, 3), cost: base.cost, thresholdMinutes: 18 }))).toEqual({ requested: 1, target: 1, capped: false });
  });
});
