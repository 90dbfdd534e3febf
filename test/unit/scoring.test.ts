import { describe, expect, it } from 'vitest';
import { assignNearest } from '../../src/domain/coverage';
import { DEFAULT_CRITERION_WEIGHTS, DEFAULT_DEPRIVATION_WEIGHTS } from '../../src/domain/scenario';
import { economicsAt, nearestStop, scoreCandidates, type ScoringInput } from '../../src/domain/scoring';
import type { Site } from '../../src/domain/types';
import { table, unit } from './helpers';

const units = [unit('u1', 'A', 1, 10), unit('u2', 'A', 3, 20), unit('u3', 'B', 4, 30), unit('u4', 'B', 2, 0)];
// Baseline: sites s1, s2 → nearest minutes 5, 20, 35, 1 (T = 20 covers u1, u2).
const baseline = assignNearest(table([[5, 25], [20, 30], [40, 35], [1, 1]]), ['s1', 's2']);
const site = (id: string): Site => ({ id, name: id.toUpperCase(), status: 'candidate', lon: 15, lat: 60 });

function input(candidateRows: number[][], candidates: Site[], over: Partial<ScoringInput> = {}): ScoringInput {
  return {
    units,
    baseline,
    candidateCosts: table(candidateRows),
    candidates,
    thresholdMinutes: 20,
    omradestypYear: 2023,
    deprivationWeights: DEFAULT_DEPRIVATION_WEIGHTS,
    criterionWeights: DEFAULT_CRITERION_WEIGHTS,
    stops: [],
    minDepartures: 10,
    maxWalkM: 1000,
    healthCentres: [],
    ...over,
  };
}

describe('scoreCandidates on a hand-computed instance', () => {
  // Columns: c1 reaches the uncovered u3; c2 sits on top of s1; c3 is a bit nearer u1.
  const rows = [
    [50, 5, 3],
    [50, 20, 25],
    [10, 40, 60],
    [10, 1, 0],
  ];
  const scores = scoreCandidates(input(rows, [site('c1'), site('c2'), site('c3')]));
  const by = Object.fromEntries(scores.map((s) => [s.id, s]));

  it('reach, new reach and deprivation', () => {
    expect(by.c1).toMatchObject({ reach_children: 30, new_reach_children: 30, new_reach_share_ot12: 0, deprivation_weighted_new_reach: 22.5 });
    // c2 reaches u1 and u2 (u2 exactly at 20 min) but both are covered already
    expect(by.c2).toMatchObject({ reach_children: 30, new_reach_children: 0, new_reach_share_ot12: null, deprivation_weighted_new_reach: 0 });
    expect(by.c3).toMatchObject({ reach_children: 10, new_reach_children: 0 });
  });

  it('travel: drop in county mean minutes and mean minutes of the children served', () => {
    // c1 serves u3: 30 × (35 − 10) = 750 child-minutes over 60 children = 12.5
    expect(by.c1.mean_minutes_reduction).toBeCloseTo(12.5, 12);
    expect(by.c1).toMatchObject({ served_children: 30, served_mean_minutes: 10 });
    // a candidate on top of an existing centre serves nobody and saves nothing
    expect(by.c2).toMatchObject({ mean_minutes_reduction: 0, served_children: 0, served_mean_minutes: null });
    // c3 serves u1: 10 × (5 − 3) / 60
    expect(by.c3.mean_minutes_reduction).toBeCloseTo(20 / 60, 12);
    expect(by.c3.served_mean_minutes).toBe(3);
  });

  it('composite = weight-normalised sum of criteria as a share of the best, with breakdown', () => {
    expect(by.c1.criteria).toEqual({ reach: 1, newReach: 1, deprivation: 1, travel: 1, transit: 0 });
    expect(by.c1.composite).toBeCloseTo(0.9, 12);
    expect(by.c2.composite).toBeCloseTo(0.15, 12);
    // 0.15 × 10/30 + 0.2 × (1/3)/12.5
    expect(by.c3.composite).toBeCloseTo(0.05 + 0.2 * (1 / 3 / 12.5), 12);
    for (const s of scores) expect(Object.values(s.breakdown).reduce((a, b) => a + b, 0)).toBeCloseTo(s.composite, 12);
    expect(scores.map((s) => [s.id, s.rank])).toEqual([['c1', 1], ['c2', 2], ['c3', 3]]);
  });

  it('orders ties by id', () => {
    const tied = scoreCandidates(input([[1, 1], [1, 1], [1, 1], [1, 1]], [site('b'), site('a')]));
    expect(tied.map((s) => s.id)).toEqual(['a', 'b']);
    expect(tied[0].composite).toBe(tied[1].composite);
  });

  it('against an empty scenario every reach is new and the mean change is undefined', () => {
    const empty = assignNearest(table(units.map(() => [])), []);
    const [s] = scoreCandidates(input([[5], [25], [10], [0]], [site('c')], { baseline: empty }));
    expect(s.new_reach_children).toBe(40);
    expect(s.reach_children).toBe(40);
    expect(s.mean_minutes_reduction).toBeNull();
    expect(s.served_children).toBe(60);
    // share in områdestyp 1–2: u1 (10) of 40
    expect(s.new_reach_share_ot12).toBe(0.25);
    // 2.0 × 10 + 0.75 × 30
    expect(s.deprivation_weighted_new_reach).toBe(42.5);
  });

  it('deprivation weights are editable', () => {
    const w = { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 } as const;
    const [s] = scoreCandidates(input([[50], [50], [10], [10]], [site('c1')], { deprivationWeights: w }));
    expect(s.deprivation_weighted_new_reach).toBe(30);
  });
});

describe('access without a car', () => {
  const stops = [
    { id: 'far', name: 'Långt bort', lon: 15, lat: 60.05, departures: 200 },
    { id: 'near-quiet', name: 'Tyst', lon: 15, lat: 60.001, departures: 4 },
    { id: 'near', name: 'Torget', lon: 15, lat: 60.0045, departures: 12 },
  ];
  it('finds the nearest stop with at least N weekday departures', () => {
    const t = nearestStop(15, 60, stops, 10)!;
    expect(t.stop_id).toBe('near');
    // 0.0045° of latitude = 0.0045 × 111 195.08 m
    expect(t.walk_m).toBeCloseTo(500.378, 2);
    expect(t.departures).toBe(12);
    expect(nearestStop(15, 60, stops, 3)!.stop_id).toBe('near-quiet');
    expect(nearestStop(15, 60, stops, 1000)).toBeNull();
  });
  it('scores 1 at the stop, falling linearly to 0 at the walk limit', () => {
    const [s] = scoreCandidates(input([[50], [50], [50], [50]], [site('c')], { stops }));
    expect(s.criteria.transit).toBeCloseTo(1 - 0.500378, 5);
  });
});

describe('economics at a health centre', () => {
  const hc = { id: 'hc-x', name: 'Vårdcentral X', lon: 15, lat: 60, children_0_6: 100, women_16_54: 200, source: 'modelled' as const };
  it('90 kr per listed child and 55 kr per listed woman', () => {
    expect(economicsAt(site('hc-x'), [hc])).toMatchObject({ yearly_sek: 20_000, source: 'modelled', health_centre_id: 'hc-x' });
  });
  it('applies within 150 m, not beyond', () => {
    expect(economicsAt({ ...site('c'), lat: 60.001 }, [hc])?.health_centre_id).toBe('hc-x'); // ≈ 111 m
    expect(economicsAt({ ...site('c'), lat: 60.002 }, [hc])).toBeNull(); // ≈ 222 m
  });
  it('counts children only when women are unknown', () => {
    expect(economicsAt(site('hc-x'), [{ ...hc, women_16_54: null }])!.yearly_sek).toBe(9_000);
  });
});
