import type { ModelKind, SolveProblem } from './problem';

/**
 * Seeded synthetic location problems for benchmarks and tests: demand points and candidate sites
 * drawn uniformly in a square (default 500 × 500 km, about the size of a large Swedish county or a
 * national study area), cost = straight-line km / speed, in minutes, for every pair (dense, no
 * unreachable pairs). The same spec and seed always give the same problem.
 */

export interface SyntheticSpec {
  model: ModelKind;
  /** Number of demand points. */
  demand: number;
  /** Number of candidate sites (the first `fixed` of them are fixed, i.e. already open). */
  sites: number;
  p?: number;
  radius?: number;
  target_share?: number;
  /** Sites fixed open, taken from the start of the site list (default 0). */
  fixed?: number;
  /** Seed for the generator (default 1). */
  seed?: number;
  /** Side of the square, km (default 500). */
  sideKm?: number;
  /** Travel speed, km/h (default 50): cost = km / speed × 60 minutes. */
  speedKmh?: number;
  /** Demand weights are uniform in [0, maxWeight) (default 10). */
  maxWeight?: number;
  time_limit_s?: number;
}

/** Deterministic PRNG (mulberry32); the tests use it as `rng`. */
export function mulberry32(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A synthetic problem: demand ids `d0…`, site ids `s0000…` (zero-padded so id order = index
 * order), weights uniform in [0, maxWeight), costs in minutes rounded to 0.001 min.
 */
export function syntheticProblem(spec: SyntheticSpec): SolveProblem {
  const rand = mulberry32(spec.seed ?? 1);
  const side = spec.sideKm ?? 500;
  const minPerKm = 60 / (spec.speedKmh ?? 50);
  const maxW = spec.maxWeight ?? 10;
  const dx = new Float64Array(spec.demand);
  const dy = new Float64Array(spec.demand);
  const weights = new Float64Array(spec.demand);
  for (let i = 0; i < spec.demand; i++) {
    dx[i] = rand() * side;
    dy[i] = rand() * side;
    weights[i] = Math.round(rand() * maxW * 1000) / 1000;
  }
  const sx = new Float64Array(spec.sites);
  const sy = new Float64Array(spec.sites);
  for (let j = 0; j < spec.sites; j++) {
    sx[j] = rand() * side;
    sy[j] = rand() * side;
  }
  const width = String(Math.max(0, spec.sites - 1)).length;
  const cost: number[][] = new Array(spec.demand);
  for (let i = 0; i < spec.demand; i++) {
    const row = new Array<number>(spec.sites);
    for (let j = 0; j < spec.sites; j++) row[j] = Math.round(Math.hypot(dx[i] - sx[j], dy[i] - sy[j]) * minPerKm * 1000) / 1000;
    cost[i] = row;
  }
  const fixed = spec.fixed ?? 0;
  return {
    model: spec.model,
    ...(spec.p !== undefined ? { p: spec.p } : {}),
    ...(spec.radius !== undefined ? { radius: spec.radius } : {}),
    ...(spec.target_share !== undefined ? { target_share: spec.target_share } : {}),
    demand: Array.from(weights, (w, i) => ({ id: `d${i}`, weight: w })),
    sites: Array.from({ length: spec.sites }, (_, j) => ({ id: `s${String(j).padStart(width, '0')}`, ...(j < fixed ? { fixed: true } : {}) })),
    cost,
    ...(spec.time_limit_s !== undefined ? { time_limit_s: spec.time_limit_s } : {}),
  };
}
