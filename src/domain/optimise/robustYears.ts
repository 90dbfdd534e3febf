/**
 * The years of a robust MCLP (see robust.ts): the spec as a solve problem gives it, in arrays, and
 * the arithmetic of year shares. Kept free of the other optimise modules (problem.ts imports it).
 */

export type RobustMode = 'maxmin' | 'weighted';

/** The robust part of a solve problem (SolveProblem.robust). */
export interface RobustSpec {
  mode: RobustMode;
  /** Weighted mode: weight (0–1) of the first year; default 0.5. Ignored by maxmin. */
  alpha?: number;
  /** One entry per year: a label (e.g. "2035") and a demand weight per demand row, in demand order. */
  years: { label: string; weights: number[] }[];
}

/** Year k's coverage in a result (SolveResult.by_year). */
export interface YearCoverage {
  label: string;
  /** Covered weight of the year (same unit as its weights). */
  covered_weight: number;
  /** covered_weight / the year's total weight, 0–1. */
  covered_share: number;
}

/** The robust spec in arrays. */
export interface RobustInstance {
  mode: RobustMode;
  labels: string[];
  /** weight[k][i]: weight of demand row i in year k. */
  weight: Float64Array[];
  /** Total weight per year. */
  total: Float64Array;
  /** Objective coefficient per year's share (weighted mode; maxmin: all 1, unused). */
  coef: Float64Array;
}

const DEFAULT_ALPHA = 0.5;

/** The spec in arrays; throws when a year's weights do not match the n demand rows (checked when parsing). */
export function robustInstance(spec: RobustSpec, n: number): RobustInstance {
  const K = spec.years.length;
  if (K === 0) throw new RangeError('robust.years is empty');
  const alpha = spec.alpha ?? DEFAULT_ALPHA;
  if (!(alpha >= 0 && alpha <= 1)) throw new RangeError(`robust.alpha = ${alpha} is not within 0–1`);
  const weight = spec.years.map((y, k) => {
    if (y.weights.length !== n) throw new RangeError(`robust.years[${k}].weights has ${y.weights.length} values, demand has ${n}`);
    return Float64Array.from(y.weights);
  });
  const coef = new Float64Array(K).fill(1);
  if (spec.mode === 'weighted' && K > 1) {
    coef[0] = alpha;
    for (let k = 1; k < K; k++) coef[k] = (1 - alpha) / (K - 1);
  }
  return {
    mode: spec.mode,
    labels: spec.years.map((y) => y.label),
    weight,
    total: Float64Array.from(weight.map((w) => w.reduce((a, b) => a + b, 0))),
    coef,
  };
}

/** The robust objective (a share 0–1) from the years' shares. */
export function robustObjective(r: RobustInstance, shares: ArrayLike<number>): number {
  if (r.mode === 'maxmin') {
    let min = Infinity;
    for (let k = 0; k < shares.length; k++) min = Math.min(min, shares[k]);
    return min;
  }
  let s = 0;
  for (let k = 0; k < shares.length; k++) s += r.coef[k] * shares[k];
  return s;
}

/** Each year's covered weight and share for a mask of covered demand rows. */
export function yearCoverage(r: RobustInstance, covered: ArrayLike<number>): YearCoverage[] {
  return r.labels.map((label, k) => {
    let w = 0;
    const wk = r.weight[k];
    for (let i = 0; i < wk.length; i++) if (covered[i]) w += wk[i];
    return { label, covered_weight: w, covered_share: r.total[k] > 0 ? w / r.total[k] : 0 };
  });
}
