import KDBush from 'kdbush';
import { greatCircleKm } from './distance';

const KM_PER_DEG = 111.195;

/**
 * Nearest-point queries by great-circle distance over a fixed set of WGS84 points, using a
 * KDBush index on a local equirectangular projection (km) and an exact check of the hits.
 * The search radius grows until the best exact hit is provably nearer than anything outside it
 * (the projection's scale error over the points' latitude span is bounded by `slack`).
 */
export class NearestPointIndex {
  private readonly index: KDBush;
  private readonly cos0: number;
  private readonly slack: number;

  constructor(private readonly points: readonly { lon: number; lat: number }[]) {
    const lats = points.map((p) => p.lat);
    const minLat = Math.min(...lats, 90);
    const maxLat = Math.max(...lats, -90);
    const lat0 = points.length ? (minLat + maxLat) / 2 : 0;
    this.cos0 = Math.cos((lat0 * Math.PI) / 180);
    // Worst ratio between projected and true east–west scale across the span, plus a margin.
    const span = points.length ? Math.max(Math.abs(maxLat - lat0), Math.abs(minLat - lat0)) + 1 : 1;
    const cosFar = Math.cos((Math.min(89, Math.abs(lat0) + span) * Math.PI) / 180);
    this.slack = Math.max(this.cos0 / cosFar, 1) * 1.02;
    this.index = new KDBush(Math.max(1, points.length));
    for (const p of points) this.index.add(p.lon * KM_PER_DEG * this.cos0, p.lat * KM_PER_DEG);
    if (points.length === 0) this.index.add(0, 0);
    this.index.finish();
  }

  /** Index of the nearest point and its great-circle distance in km; ties go to the lower index. */
  nearest(lon: number, lat: number): { index: number; km: number } | null {
    if (this.points.length === 0) return null;
    const qx = lon * KM_PER_DEG * this.cos0;
    const qy = lat * KM_PER_DEG;
    for (let r = 0.5; r < 5000; r *= 4) {
      const hits = this.index.within(qx, qy, r);
      if (!hits.length) continue;
      const best = this.exactBest(hits, lon, lat);
      if (best.km * this.slack <= r) return best;
    }
    return this.exactBest(this.points.map((_, i) => i), lon, lat);
  }

  private exactBest(ids: readonly number[], lon: number, lat: number): { index: number; km: number } {
    let index = -1;
    let km = Infinity;
    for (const i of ids) {
      const d = greatCircleKm(lon, lat, this.points[i].lon, this.points[i].lat);
      if (d < km || (d === km && i < index)) {
        km = d;
        index = i;
      }
    }
    return { index, km };
  }
}
