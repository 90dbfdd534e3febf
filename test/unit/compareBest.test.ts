import { describe, expect, it } from 'vitest';
import { bestByRow, bestColumns, COMPARE_ROWS, type CompareRowKey } from '../../src/domain/compareBest';
import type { CandidateScore } from '../../src/domain/scoring';

/** A candidate score with the given figures (the rest zero / unknown). */
function score(id: string, over: Partial<CandidateScore>): CandidateScore {
  return {
    id,
    name: id,
    lon: 15,
    lat: 60,
    reach_children: 0,
    new_reach_children: 0,
    new_reach_share_ot12: null,
    deprivation_weighted_new_reach: 0,
    mean_minutes_reduction: null,
    served_children: 0,
    served_mean_minutes: null,
    transit: null,
    economics: null,
    criteria: { reach: 0, newReach: 0, deprivation: 0, travel: 0, transit: 0 },
    breakdown: { reach: 0, newReach: 0, deprivation: 0, travel: 0, transit: 0 },
    composite: 0,
    rank: 1,
    ...over,
  };
}

describe('bestColumns', () => {
  it('higher is better: the largest value is marked', () => {
    expect(bestColumns([120, 340, 95, 200], 'higher', 0)).toEqual([false, true, false, false]);
  });

  it('lower is better: the smallest value is marked', () => {
    // minutes 14,2 / 9,8 / 22,0 → 9,8 is fewest
    expect(bestColumns([14.2, 9.8, 22], 'lower', 1)).toEqual([false, true, false]);
  });

  it('ties at the best value are all marked', () => {
    expect(bestColumns([340, 120, 340], 'higher', 0)).toEqual([true, false, true]);
  });

  it('values equal as shown tie: 0,6124 and 0,6121 are both 0,612 at three decimals', () => {
    // 0,6124 → 612, 0,6121 → 612, 0,5 → 500: the two 612 tie at best
    expect(bestColumns([0.6124, 0.6121, 0.5], 'higher', 3)).toEqual([true, true, false]);
    // at four decimals 6124 > 6121: only the first
    expect(bestColumns([0.6124, 0.6121, 0.5], 'higher', 4)).toEqual([true, false, false]);
  });

  it('marks nothing when every known value is equal, or fewer than two are known', () => {
    expect(bestColumns([5, 5, 5], 'higher', 0)).toEqual([false, false, false]);
    expect(bestColumns([null, 7, null], 'higher', 0)).toEqual([false, false, false]);
    expect(bestColumns([], 'lower', 0)).toEqual([]);
  });

  it('unknown values are never best, also when lower is better', () => {
    // null must not count as 0 (which would be the "fewest" metres)
    expect(bestColumns([null, 800, 350, Number.NaN], 'lower', 0)).toEqual([false, false, true, false]);
  });

  it("a row without a direction marks nothing", () => {
    expect(bestColumns([471290, 120000], 'none', 0)).toEqual([false, false]);
  });
});

describe('COMPARE_ROWS: the direction of each figure', () => {
  const dir = Object.fromEntries(COMPARE_ROWS.map((r) => [r.key, r.better])) as Record<CompareRowKey, string>;

  it('more children and higher scores are better; fewer minutes and metres are better; the add-on has no best', () => {
    expect(dir).toEqual({
      composite: 'higher',
      'criterion:reach': 'higher',
      'criterion:newReach': 'higher',
      'criterion:deprivation': 'higher',
      'criterion:travel': 'higher',
      'criterion:transit': 'higher',
      reach: 'higher',
      newReach: 'higher',
      ot12: 'higher',
      depw: 'higher',
      meanDrop: 'higher',
      servedMean: 'lower',
      walk: 'lower',
      departures: 'higher',
      economics: 'none',
    });
  });

  it('marks the hand-picked best candidate of each row for four candidates', () => {
    const a = score('a', { composite: 0.71, new_reach_children: 410, reach_children: 1200, served_mean_minutes: 12.4, transit: { stop_id: 's1', stop_name: 'S1', walk_m: 420, departures: 30 }, economics: { health_centre_id: 'h', health_centre_name: 'H', yearly_sek: 90000, source: 'modelled' } as CandidateScore['economics'] });
    const b = score('b', { composite: 0.55, new_reach_children: 630, reach_children: 900, served_mean_minutes: 8.1, transit: { stop_id: 's2', stop_name: 'S2', walk_m: 150, departures: 12 } });
    const c = score('c', { composite: 0.62, new_reach_children: 630, reach_children: 1500, served_mean_minutes: null, transit: null, economics: { health_centre_id: 'h2', health_centre_name: 'H2', yearly_sek: 200000, source: 'modelled' } as CandidateScore['economics'] });
    const d = score('d', { composite: 0.2, new_reach_children: 5, reach_children: 80, served_mean_minutes: 30.05, transit: { stop_id: 's3', stop_name: 'S3', walk_m: 1800, departures: 2.5 } });
    const best = bestByRow([a, b, c, d]);
    // composite: 0,71 > 0,62 > 0,55 > 0,2 → a
    expect(best.get('composite')).toEqual([true, false, false, false]);
    // new reach: 630 (b) = 630 (c) > 410 > 5 → b and c tie
    expect(best.get('newReach')).toEqual([false, true, true, false]);
    // reach: 1500 (c) is most
    expect(best.get('reach')).toEqual([false, false, true, false]);
    // served mean minutes, lower better: 8,1 (b) < 12,4 < 30,05; c unknown → b
    expect(best.get('servedMean')).toEqual([false, true, false, false]);
    // walk, lower better: 150 m (b) < 420 < 1800; c has no stop → b
    expect(best.get('walk')).toEqual([false, true, false, false]);
    // departures, higher better: 30 (a) > 12 > 2,5
    expect(best.get('departures')).toEqual([true, false, false, false]);
    // the add-on: no direction, nothing marked although the values differ
    expect(best.get('economics')).toEqual([false, false, false, false]);
    // share in områdestyp 1–2: all unknown → nothing
    expect(best.get('ot12')).toEqual([false, false, false, false]);
  });
});
