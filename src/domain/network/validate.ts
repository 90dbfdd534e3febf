import { greatCircleKm } from '../../geo/distance';
import { DETOUR_RATIO, type NetworkParams, type NetworkRouter } from './router';

/** A named point (a kommun centre, a health centre). */
export interface NamedPoint {
  name: string;
  lon: number;
  lat: number;
}

/** One pair of kommun centres: straight and network km and minutes. */
export interface CentrePair {
  from: string;
  to: string;
  straightKm: number;
  networkKm: number;
  minutes: number;
  ratio: number;
  /** True when network km exceeds 1.8 × straight km. */
  detour: boolean;
}

/** Network routes between every pair of points (each unordered pair once, in input order). */
export function centrePairs(router: NetworkRouter, points: readonly NamedPoint[], p: NetworkParams): CentrePair[] {
  const c = router.costs(points, points, p);
  const n = points.length;
  const out: CentrePair[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const straightKm = greatCircleKm(points[i].lon, points[i].lat, points[j].lon, points[j].lat);
      const networkKm = c.km[i * n + j];
      out.push({ from: points[i].name, to: points[j].name, straightKm, networkKm, minutes: c.minutes[i * n + j], ratio: networkKm / straightKm, detour: networkKm > DETOUR_RATIO * straightKm });
    }
  }
  return out;
}

/** The median of a list of numbers (mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
