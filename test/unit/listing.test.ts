import { describe, expect, it } from 'vitest';
import { modelListing, nearestSiteIndex } from '../../src/domain/listing';

const sites = [
  { id: 'b', lon: 15.0, lat: 60.0 },
  { id: 'a', lon: 16.0, lat: 60.0 },
];

describe('nearestSiteIndex', () => {
  it('finds the nearest site by great-circle distance', () => {
    expect(nearestSiteIndex(sites, 15.2, 60.1)).toBe(0);
    expect(nearestSiteIndex(sites, 15.8, 59.9)).toBe(1);
  });
  it('breaks an exact tie by the smaller id', () => {
    expect(nearestSiteIndex(sites, 15.5, 60.0)).toBe(1); // 'a' < 'b'
  });
  it('is -1 with no sites', () => {
    expect(nearestSiteIndex([], 15, 60)).toBe(-1);
  });
});

describe('modelListing', () => {
  // Children: 30 near b, 10 + 20 near a → 30 / 30 before scaling; total 60 scaled to 120.
  const areas = [
    { lon: 15.1, lat: 60.0, children_0_6: 30, women_16_54: 100 },
    { lon: 15.9, lat: 60.0, children_0_6: 10, women_16_54: 50 },
    { lon: 16.2, lat: 60.1, children_0_6: 20, women_16_54: 70 },
  ];
  it('assigns to the nearest centre and scales children to the county total', () => {
    const r = modelListing(areas, sites, 120, 2025);
    expect(r.map((x) => x.health_centre_id)).toEqual(['b', 'a']);
    expect(r[0].children_0_6).toBeCloseTo(60, 10);
    expect(r[1].children_0_6).toBeCloseTo(60, 10);
    expect(r[0].year).toBe(2025);
  });
  it('does not scale women (no county total is published)', () => {
    const r = modelListing(areas, sites, 120, 2025);
    expect(r[0].women_16_54).toBe(100);
    expect(r[1].women_16_54).toBe(120);
  });
  it('gives zero to a centre nobody is nearest to', () => {
    const r = modelListing(areas.slice(0, 1), sites, 18_266, 2025);
    expect(r[0].children_0_6).toBeCloseTo(18_266, 8);
    expect(r[1].children_0_6).toBe(0);
  });
});
