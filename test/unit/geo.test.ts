import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon, centroid } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { greatCircleKm } from '../../src/geo/distance';
import { PolygonIndex } from '../../src/geo/polygonIndex';
import { representativePoint } from '../../src/geo/representativePoint';

describe('greatCircleKm', () => {
  it('one degree of latitude is 111.195 km on the mean Earth sphere', () => {
    expect(greatCircleKm(15, 60, 15, 61)).toBeCloseTo(111.1951, 3);
  });
  it('one degree of longitude at 60°N: the great circle is a little shorter than the parallel', () => {
    // sin(θ/2) = cos 60° · sin 0.5° = 0.0043632678 → θ = 0.0087265632 rad → × 6371.0088 km
    expect(greatCircleKm(15, 60, 16, 60)).toBeCloseTo(55.5970, 3);
    // the arc along the parallel would be 111.1951 × cos 60° = 55.5975 km
    expect(greatCircleKm(15, 60, 16, 60)).toBeLessThan(55.5975);
    expect(greatCircleKm(0, 0, 1, 0)).toBeCloseTo(111.1951, 3);
  });
  it('is zero for the same point and symmetric', () => {
    expect(greatCircleKm(15.6, 60.6, 15.6, 60.6)).toBe(0);
    expect(greatCircleKm(15.6, 60.6, 15.4, 60.5)).toBeCloseTo(greatCircleKm(15.4, 60.5, 15.6, 60.6), 12);
  });
});

// A U shape: its centroid lies in the notch, outside the polygon.
const uShape: Polygon = {
  type: 'Polygon',
  coordinates: [[[15, 60], [15.3, 60], [15.3, 60.3], [15.2, 60.3], [15.2, 60.05], [15.1, 60.05], [15.1, 60.3], [15, 60.3], [15, 60]]],
};

describe('representativePoint', () => {
  it('lies inside a concave polygon whose centroid does not', () => {
    const c = centroid(uShape).geometry.coordinates;
    expect(booleanPointInPolygon(c, uShape)).toBe(false);
    const p = representativePoint(uShape);
    expect(booleanPointInPolygon(p, uShape, { ignoreBoundary: true })).toBe(true);
  });
  it('picks the largest part of a multipolygon', () => {
    const small = [[[16, 61], [16.01, 61], [16.01, 61.01], [16, 61.01], [16, 61]]];
    const p = representativePoint({ type: 'MultiPolygon', coordinates: [small, uShape.coordinates] });
    expect(booleanPointInPolygon(p, uShape)).toBe(true);
  });
});

describe('PolygonIndex', () => {
  const sq = (x: number, y: number, id: string): Feature<Polygon, { id: string }> => ({
    type: 'Feature',
    properties: { id },
    geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] },
  });
  const idx = new PolygonIndex([sq(0, 0, 'a'), sq(1, 0, 'b'), sq(0, 1, 'c')]);
  it('finds the polygon containing a point', () => {
    expect(idx.find(0.5, 0.5)).toBe(0);
    expect(idx.find(1.5, 0.5)).toBe(1);
    expect(idx.find(0.5, 1.5)).toBe(2);
  });
  it('returns -1 outside every polygon and all hits on a shared edge', () => {
    expect(idx.find(1.5, 1.5)).toBe(-1);
    expect(idx.findAll(1, 0.5)).toEqual([0, 1]);
  });
});
