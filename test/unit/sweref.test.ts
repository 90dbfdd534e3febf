import { describe, expect, it } from 'vitest';
import { swerefToWgs84, wgs84ToSweref } from '../../src/geo/sweref';

// GRS80, the ellipsoid of SWEREF 99.
const A = 6378137;
const F = 1 / 298.257222101;
const E2 = F * (2 - F);

/** Meridian arc length (m) from the equator to `latDeg`, by Simpson integration of M(φ) dφ. */
function meridianArc(latDeg: number): number {
  const phi = (latDeg * Math.PI) / 180;
  const n = 2000;
  const h = phi / n;
  let sum = 0;
  for (let k = 0; k <= n; k++) {
    const p = k * h;
    const m = (A * (1 - E2)) / (1 - E2 * Math.sin(p) ** 2) ** 1.5;
    sum += (k === 0 || k === n ? 1 : k % 2 ? 4 : 2) * m;
  }
  return (sum * h) / 3;
}

describe('SWEREF 99 TM ↔ WGS84', () => {
  it('puts E = 500 000 on the 15°E central meridian, where N = 0.9996 × meridian arc', () => {
    const [lon, lat] = swerefToWgs84(6_720_000, 500_000);
    expect(Math.abs(lon - 15)).toBeLessThan(1e-9);
    expect(lat).toBeGreaterThan(60.6);
    expect(lat).toBeLessThan(60.62);
    // On the central meridian, TM northing is the scaled meridian arc. 1e-3 m ≈ 1e-8° of latitude.
    expect(Math.abs(0.9996 * meridianArc(lat) - 6_720_000)).toBeLessThan(1e-3);
  });

  it('checks the test helper: the GRS80 quarter meridian is 10 001 965.7293 m', () => {
    // Series value a/(1+n)·(1 + n²/4 + n⁴/64)·π/2 with n = f/(2 − f).
    expect(meridianArc(90)).toBeCloseTo(10_001_965.7293, 3);
  });

  it('is symmetric about the central meridian', () => {
    const [lonEast, latEast] = swerefToWgs84(6_720_000, 534_000);
    const [lonWest, latWest] = swerefToWgs84(6_720_000, 466_000);
    expect(lonEast + lonWest).toBeCloseTo(30, 9);
    expect(latEast).toBeCloseTo(latWest, 12);
    // 34 km east at 60.6°N is about 34 / (111.4 × cos 60.6°) ≈ 0.62° of longitude.
    expect(lonEast - 15).toBeGreaterThan(0.6);
    expect(lonEast - 15).toBeLessThan(0.64);
  });

  it('goes the other way: 15°E maps to E = 500 000 m', () => {
    const [n, e] = wgs84ToSweref(15, 60.5);
    expect(Math.abs(e - 500_000)).toBeLessThan(1e-6);
    expect(n).toBeGreaterThan(6_700_000);
    expect(n).toBeLessThan(6_720_000);
  });

  it('round-trips to under 1 mm across Sweden', () => {
    const points: [number, number][] = [
      [6_720_000, 500_000],
      [6_165_000, 375_000], // Skåne
      [7_650_000, 800_000], // Norrbotten
      [6_580_000, 674_000], // Stockholm
      [6_810_000, 420_000], // northern Dalarna
    ];
    for (const [n, e] of points) {
      const [lon, lat] = swerefToWgs84(n, e);
      const [n2, e2] = wgs84ToSweref(lon, lat);
      expect(Math.abs(n2 - n)).toBeLessThan(1e-3);
      expect(Math.abs(e2 - e)).toBeLessThan(1e-3);
    }
  });
});
