import { describe, expect, it } from 'vitest';
import type { CoverageStats } from '../../src/domain/coverage';
import { flaggedKommuner, kommunGaps, kommunerWithoutCentre } from '../../src/domain/gaps';
import { siteSetSites, todaySites } from '../../src/domain/siteSets';
import { gapReasons } from '../../src/i18n/describe';
import type { FamilyCentre, FamilyCentreStatus, Site } from '../../src/domain/types';

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

const cand = (id: string, kommun: string): Site => ({ id, name: id, status: 'candidate', lon: 15, lat: 60, kommun_code: kommun });
const none = { planned: false, intent: false, family_unit: false };

describe('kommunGaps for a site set', () => {
  // Today, nothing switched on: only the existing centre in A counts.
  const today = todaySites(centres, none).map((s) => s);
  const g = Object.fromEntries(kommunGaps(kommuner, centres, today, coverage, 0.5).map((x) => [x.kommun_code, x]));
  it('flags a kommun with an existing centre only when coverage is below the limit', () => {
    expect(g.A.flags).toEqual(['low_coverage']);
    expect(gapReasons(g.A, 'today')).toEqual(['Täckning 49,9\u00a0% av barnen 0–6 år, under 50,0\u00a0%']);
  });
  it('a planned centre that is not switched on does not count; exactly 50 % is not low', () => {
    expect(g.B.flags).toEqual(['no_centre']);
    expect(gapReasons(g.B, 'today')).toEqual(['Ingen familjecentral i dag (1 planerad räknas inte)']);
  });
  it('a family unit never counts as a familjecentral and is named in the reason', () => {
    expect(g.C.flags).toEqual(['no_centre', 'low_coverage']);
    expect(gapReasons(g.C, 'today')[0]).toBe('Ingen familjecentral i dag (har en familjeenhet)');
  });
  it('letters of intent, and no coverage flag without children', () => {
    expect(g.D.flags).toEqual(['no_centre']);
    expect(gapReasons(g.D, 'today')).toEqual(['Ingen familjecentral i dag (2 med avsiktsförklaring räknas inte)']);
    expect(g.D.centres).toEqual({ existing: 0, planned: 0, intent: 2, family_unit: 0 });
    expect(g.D.coverage_share).toBeNull();
  });
  it('switched-on planned and intent centres count, flagged as only planned/intent', () => {
    const all = { planned: true, intent: true, family_unit: true };
    const h = Object.fromEntries(kommunGaps(kommuner, centres, todaySites(centres, all), coverage, 0.5).map((x) => [x.kommun_code, x]));
    expect(h.B.flags).toEqual(['only_planned_or_intent']);
    expect(gapReasons(h.B, 'today')).toEqual(['Endast 1 planerad (räknas som öppen)']);
    expect(gapReasons(h.D, 'today')).toEqual(['Endast 2 med avsiktsförklaring (räknas som öppen)']);
    // The family unit counts for travel but the kommun still has no familjecentral.
    expect(h.C.flags).toEqual(['no_centre', 'low_coverage']);
    expect(kommunerWithoutCentre(kommunGaps(kommuner, centres, todaySites(centres, all), coverage, 0.5))).toEqual(['Orsa']);
  });
  it('in the proposal a candidate gives the kommun a familjecentral', () => {
    const proposal = siteSetSites('proposal', centres, none, [cand('k1', 'B'), cand('k2', 'C')]);
    const p = Object.fromEntries(kommunGaps(kommuner, centres, proposal, coverage, 0.5).map((x) => [x.kommun_code, x]));
    expect(p.B.flags).toEqual([]);
    expect(p.C.flags).toEqual(['low_coverage']);
    expect(p.B.counted.candidate).toBe(1);
    expect(gapReasons(p.D, 'proposal')).toEqual(['Ingen familjecentral i förslaget (2 med avsiktsförklaring räknas inte)']);
    // Today: B, C, D lack a centre; the proposal with candidates in B and C: only D.
    expect(kommunerWithoutCentre(Object.values(g))).toEqual(['Smedjebacken', 'Orsa', 'Malung-Sälen']);
    expect(kommunerWithoutCentre(Object.values(p))).toEqual(['Malung-Sälen']);
    expect(flaggedKommuner(Object.values(p))).toEqual(['A', 'C', 'D']);
  });
  it('the limit is editable', () => {
    const strict = kommunGaps(kommuner, centres, today, coverage, 0.4);
    expect(strict[0].flags).toEqual([]);
  });
  it('words the reasons in English too', () => {
    expect(gapReasons(g.B, 'today', 'en')).toEqual(['No family centre today (1 planned not counted)']);
    expect(gapReasons(g.A, 'today', 'en')).toEqual(['Coverage 49.9% of children aged 0–6, below 50.0%']);
  });
});
