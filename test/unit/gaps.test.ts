import { describe, expect, it } from 'vitest';
import type { CoverageStats } from '../../src/domain/coverage';
import { kommunGaps } from '../../src/domain/gaps';
import type { FamilyCentre, FamilyCentreStatus } from '../../src/domain/types';

const fc = (id: string, kommun: string, status: FamilyCentreStatus): FamilyCentre => ({
  id, name: id, status, kommun_code: kommun, kommun_name: kommun, lon: 15, lat: 60, coord_precision: 'town',
  position_note: '', host_health_centre_id: '', opened: '',
});
const cov = (children: number, covered: number): CoverageStats => ({
  children_0_6: children, covered_children: covered, coverage_share: children ? covered / children : 0, mean_minutes: null,
  median_minutes: null, children_over_30_min: 0, bands: { lt_5: 0, from_5_to_10: 0, from_10_to_30: 0, over_30: 0 }, unreachable_children: 0,
});

const kommuner = [
  { kommun_code: 'A', kommun_name: 'Avesta' },
  { kommun_code: 'B', kommun_name: 'Smedjebacken' },
  { kommun_code: 'C', kommun_name: 'Orsa' },
  { kommun_code: 'D', kommun_name: 'Malung-Sälen' },
];
const centres = [fc('a', 'A', 'existing'), fc('b', 'B', 'planned'), fc('c', 'C', 'family_unit'), fc('d1', 'D', 'intent'), fc('d2', 'D', 'intent')];
const coverage = new Map([
  ['A', cov(100, 49.9)],
  ['B', cov(100, 50)],
  ['C', cov(100, 0)],
  ['D', cov(0, 0)],
]);

describe('kommunGaps', () => {
  const g = Object.fromEntries(kommunGaps(kommuner, centres, coverage, 0.5).map((x) => [x.kommun_code, x]));
  it('flags a kommun with an existing centre only when coverage is below the limit', () => {
    expect(g.A.flags).toEqual(['low_coverage']);
    expect(g.A.reasons).toEqual(['Täckning 49,9 % av barnen 0–6 år, under 50,0 %']);
  });
  it('flags no existing centre and only planned; exactly 50 % is not low', () => {
    expect(g.B.flags).toEqual(['no_existing', 'only_planned_or_intent']);
    expect(g.B.reasons).toEqual(['Ingen befintlig familjecentral', 'Endast 1 planerad']);
  });
  it('names a family unit in the reason', () => {
    expect(g.C.flags).toEqual(['no_existing', 'low_coverage']);
    expect(g.C.reasons[0]).toBe('Ingen befintlig familjecentral (har en familjeenhet)');
  });
  it('counts letters of intent, and skips the coverage flag without children', () => {
    expect(g.D.flags).toEqual(['no_existing', 'only_planned_or_intent']);
    expect(g.D.reasons[1]).toBe('Endast 2 med avsiktsförklaring');
    expect(g.D.centres).toEqual({ existing: 0, planned: 0, intent: 2, family_unit: 0 });
    expect(g.D.coverage_share).toBeNull();
  });
  it('the limit is editable', () => {
    const strict = kommunGaps(kommuner, centres, coverage, 0.4);
    expect(strict[0].flags).toEqual([]);
  });
});
