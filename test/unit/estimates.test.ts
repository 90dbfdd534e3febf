import { describe, expect, it } from 'vitest';
import { estimateAge5to6, estimateChildren0to6, estimateWomen16to54, evenSplitChildren0to6, SPRAGUE_NEXT_TO_FIRST } from '../../src/domain/estimates';
import { positionNote, publicFamilyCentreName } from '../../src/domain/publicFacility';

/** Five-year band sums of a single-age curve y(x), x = 0…19. */
const bandsOf = (y: (x: number) => number) => {
  const band = (a: number) => [0, 1, 2, 3, 4].reduce((s, k) => s + y(a + k), 0);
  return { age_0_4: band(0), age_5_9: band(5), age_10_14: band(10), age_15_19: band(15) };
};

describe('children 0–6 by Sprague interpolation', () => {
  it('each band column of the multipliers sums to 1 (its own band) or 0 (the others)', () => {
    const col = (j: number) => SPRAGUE_NEXT_TO_FIRST.reduce((s, r) => s + r[j], 0);
    expect(col(0)).toBeCloseTo(0, 12);
    expect(col(1)).toBeCloseTo(1, 12);
    expect(col(2)).toBeCloseTo(0, 12);
    expect(col(3)).toBeCloseTo(0, 12);
  });

  it('reproduces a flat age curve: the even split', () => {
    // 100 per single year: 0–6 = 700 = 500 + 0.4 × 500
    const b = bandsOf(() => 100);
    expect(estimateChildren0to6(b)).toBeCloseTo(700, 10);
    expect(evenSplitChildren0to6(b)).toBeCloseTo(700, 10);
  });

  it('reproduces a linear age curve exactly (older cohorts larger, as when births fall)', () => {
    // y = x: bands 10, 35, 60, 85; ages 5 + 6 = 11, so 0–6 = 10 + 11 = 21.
    // By hand: 0,0416·10 + 0,4592·35 − 0,1232·60 + 0,0224·85 = 0,416 + 16,072 − 7,392 + 1,904 = 11,0
    const b = bandsOf((x) => x);
    expect(b).toEqual({ age_0_4: 10, age_5_9: 35, age_10_14: 60, age_15_19: 85 });
    expect(estimateAge5to6(b)).toBeCloseTo(11, 10);
    expect(estimateChildren0to6(b)).toBeCloseTo(21, 10);
    // The even split would say 10 + 0.4 × 35 = 24: too many 5–6-year-olds.
    expect(evenSplitChildren0to6(b)).toBeCloseTo(24, 10);
  });

  it('reproduces a cubic age curve exactly', () => {
    // y = x³: bands 100, 1 925, 9 000, 25 075; ages 5 + 6 = 125 + 216 = 341
    const b = bandsOf((x) => x ** 3);
    expect(estimateAge5to6(b)).toBeCloseTo(341, 8);
  });

  it('a real DeSO: 2021A0010 (Vansbro)', () => {
    // SCB TAB6574 2025, men + women: 0–4 31+23 = 54, 5–9 34+31 = 65, 10–14 32+37 = 69, 15–19 45+45 = 90
    // 5–6 = 0,0416·54 + 0,4592·65 − 0,1232·69 + 0,0224·90 = 2,2464 + 29,848 − 8,5008 + 2,016 = 25,6096
    const b = { age_0_4: 54, age_5_9: 65, age_10_14: 69, age_15_19: 90 };
    expect(estimateChildren0to6(b)).toBeCloseTo(79.6096, 10);
  });

  it('keeps the 5–6 split within 0 … the 5–9 band', () => {
    expect(estimateAge5to6({ age_0_4: 0, age_5_9: 1, age_10_14: 100, age_15_19: 0 })).toBe(0);
    expect(estimateAge5to6({ age_0_4: 100, age_5_9: 1, age_10_14: 0, age_15_19: 100 })).toBe(1);
  });

  it('Dalarna 2025: 18 890,3 instead of the even split 19 074,8', () => {
    // 12 660 + 0,0416·12 660 + 0,4592·16 037 − 0,1232·16 502 + 0,0224·16 630
    // = 12 660 + 526,656 + 7 364,1904 − 2 033,0464 + 372,512 = 18 890,312
    const b = { age_0_4: 12_660, age_5_9: 16_037, age_10_14: 16_502, age_15_19: 16_630 };
    expect(estimateChildren0to6(b)).toBeCloseTo(18_890.312, 6);
    expect(evenSplitChildren0to6(b)).toBeCloseTo(19_074.8, 9);
  });

  it('women 16–54 = women 15–54 × 39/40', () => {
    expect(estimateWomen16to54(40)).toBe(39);
    expect(estimateWomen16to54(271)).toBeCloseTo(264.225, 10);
    expect(estimateWomen16to54(62_202)).toBeCloseTo(60_646.95, 8);
  });
});

describe('public family-centre fields', () => {
  it('replaces working names with Swedish display names', () => {
    expect(publicFamilyCentreName('Familjecentral Leksand (name not found)', 'existing', 'Leksand')).toBe('Familjecentralen i Leksand');
    expect(publicFamilyCentreName('Familjeenhet Älvdalen (name not found)', 'family_unit', 'Älvdalen')).toBe('Familjeenheten i Älvdalen');
    expect(publicFamilyCentreName('Familjecentral Vansbro (intent)', 'intent', 'Vansbro')).toBe('Familjecentral Vansbro');
    expect(publicFamilyCentreName('Familjens hus (Mockfjärd)', 'existing', 'Gagnef')).toBe('Familjens hus (Mockfjärd)');
  });
  it('states position precision in Swedish where the point is not the building', () => {
    expect(positionNote('town')).toBe('Läge: ortens centrum, ±1–2 km');
    expect(positionNote('site')).toBe('');
    expect(positionNote('property')).toBe('');
  });
});
