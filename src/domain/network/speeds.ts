import type { RoadGraph } from './graph';

/**
 * Speeds of the road-network travel model. Edge minutes apply them linearly:
 * `t_posted_min / speedFactor + 60 × (urban_m / urbanKmh + rural_m / ruralKmh + 1.2 × gap_m / ruralKmh) / 1000`
 * (the formula of the shared union graph; gap chords are straight lines, so their length is
 * lengthened by 1.2 before the rural speed applies).
 */
export interface NetworkSpeeds {
  /** Share of the posted speed limit actually driven on roads with a limit (0–1.5). */
  speedFactor: number;
  /** km/h on roads without a posted limit inside tätorter. */
  urbanKmh: number;
  /** km/h on roads without a posted limit outside tätorter (and on gap chords). */
  ruralKmh: number;
}

/** Gap chords are straight: their road length is taken as 1.2 × the chord. */
export const GAP_CHORD_FACTOR = 1.2;

/** Minutes to drive each edge with the given speeds. */
export function edgeMinutes(g: RoadGraph, s: NetworkSpeeds): Float64Array {
  const out = new Float64Array(g.edgeCount);
  const f = 60 / 1000;
  for (let e = 0; e < g.edgeCount; e++) {
    out[e] = g.tPostedMin[e] / s.speedFactor + f * (g.urbanM[e] / s.urbanKmh + g.ruralM[e] / s.ruralKmh + (GAP_CHORD_FACTOR * g.gapM[e]) / s.ruralKmh);
  }
  return out;
}
