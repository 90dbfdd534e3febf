import { describe, expect, it } from 'vitest';
import { greatCircleKm } from '../../src/geo/distance';
import { NearestPointIndex } from '../../src/geo/nearestPoint';
import { rng } from './helpers';

describe('NearestPointIndex', () => {
  it('agrees with a brute-force search on random points across Dalarna', () => {
    const rand = rng(7);
    const pts = Array.from({ length: 800 }, () => ({ lon: 12 + rand() * 5, lat: 59.7 + rand() * 2.7 }));
    const idx = new NearestPointIndex(pts);
    for (let q = 0; q < 300; q++) {
      const lon = 11.5 + rand() * 6;
      const lat = 59.5 + rand() * 3.2;
      let best = -1;
      let bestKm = Infinity;
      pts.forEach((p, i) => {
        const d = greatCircleKm(lon, lat, p.lon, p.lat);
        if (d < bestKm) {
          bestKm = d;
          best = i;
        }
      });
      const hit = idx.nearest(lon, lat)!;
      expect(hit.index).toBe(best);
      expect(hit.km).toBeCloseTo(bestKm, 12);
    }
  });
  it('finds a far point when nothing is near, and null when empty', () => {
    const idx = new NearestPointIndex([{ lon: 14, lat: 61 }]);
    expect(idx.nearest(16.5, 60)!.km).toBeCloseTo(greatCircleKm(16.5, 60, 14, 61), 12);
    expect(new NearestPointIndex([]).nearest(15, 60)).toBeNull();
  });
});
