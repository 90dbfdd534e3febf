import type { CoverSets } from './coverSets';
import { mclpInterchange } from './mclpSearch';
import { groupsSatisfied, type GroupRule } from './rules';

/**
 * Lagrangian relaxation of the MCLP coverage rows (Galvão & ReVelle 1996; Galvão, Espejo &
 * Boffey 2000) for an upper bound, feasible solutions and reduced-cost site fixing.
 *
 * The MCLP over rows g (weight W_g, covering free sites N(g)) and free sites j, after the exact
 * reductions of reduce.ts (B = the weight fixed sites cover):
 *
 *   max B + Σ_g W_g y_g   s.t.  y_g ≤ Σ_{j ∈ N(g)} x_j,  Σ_j x_j = p,  x, y ∈ {0, 1}.
 *
 * Relaxing the coverage rows with multipliers λ_g ≥ 0 gives, for every λ,
 *
 *   L(λ) = B + Σ_g max(0, W_g − λ_g) + Σ_{j ∈ S(λ)} c_j,   c_j = Σ_{g ∋ j} λ_g,
 *   S(λ) = the p sites with the largest c_j,
 *
 * and L(λ) ≥ the optimum (weak duality). λ_g above W_g never lowers L, so λ stays in [0, W]
 * and the first sum is Σ_g (W_g − λ_g). The best λ is sought by subgradient optimisation:
 * s_g = (number of sites of S(λ) covering g) − 1, a Polyak step toward the best known value,
 * λ_g ← clamp(λ_g − t d_g, 0, W_g) with the deflected direction d = s + ½ d_previous (Camerini,
 * Fratta & Maffioli 1975), θ halved after `patience` iterations without a better bound. The
 * minimum over λ equals the LP relaxation's value (the relaxed problem has the integrality
 * property), so the bound is at best the LP bound.
 *
 * Every S(λ) is a feasible solution (p sites); the better ones are improved by interchange
 * (mclpSearch.ts) and may replace the incumbent.
 *
 * Reduced-cost fixing (exact): forcing x_j = 1 in the relaxation gives the bound
 * L_j⁺ = L − c_(p) + c_j for j ∉ S (unchanged for j ∈ S), and forcing x_j = 0 gives
 * L_j⁻ = L − c_j + c_(p+1) for j ∈ S (unchanged otherwise); c_(k) is the k-th largest. When
 * L_j⁺ < T, no solution containing j reaches T, so j is dropped; when L_j⁻ < T, every solution
 * reaching T contains j, so j is forced open. T is the value a solution must reach to beat the
 * incumbent (see `threshold`). When L rounded down to the objective's unit is the incumbent's
 * value (or, for continuous weights, L is within the tolerance of it), the incumbent is optimal.
 */

/** Where the relaxation stands at one λ. */
export interface RelaxedPoint {
  /** L(λ), base included. */
  bound: number;
  /** c_j for each local site (−∞ for banned sites). */
  c: Float64Array;
  /** Local sites in S(λ) (the p largest c, ties to the lowest index), then the (p+1)-th (or −1). */
  top: Int32Array;
  next: number;
}

/**
 * The smallest value a solution must reach to be better than `incumbent`: incumbent + unit when
 * every objective value is a multiple of `unit` (> 0), else the incumbent itself; minus `tol`
 * (float sums), so that the tests built on it stay on the safe side.
 */
export function threshold(incumbent: number, unit: number, tol: number): number {
  return unit > 0 ? incumbent + unit - tol : incumbent - tol;
}

/**
 * True when an upper bound proves the incumbent optimal: with a unit, no multiple of it lies
 * between them (the bound rounded down is the incumbent); without, they agree within `tol`.
 */
export function boundCloses(bound: number, incumbent: number, unit: number, tol: number): boolean {
  return unit > 0 ? bound < incumbent + unit - tol : bound <= incumbent + tol;
}

/**
 * The granularity of covered weights: 10^−k for the smallest k ≤ 6 at which every weight (and
 * the fixed-covered base) is a whole number of units, or 0 when there is none. Used to round the
 * Lagrangian bound down (a covered weight is a sum of weights).
 */
export function weightUnit(weights: ArrayLike<number>, base: number): number {
  for (let k = 0; k <= 6; k++) {
    const s = 10 ** k;
    const whole = (v: number) => Math.abs(v * s - Math.round(v * s)) <= 1e-7 * Math.max(1, Math.abs(v * s));
    let ok = whole(base);
    for (let g = 0; ok && g < weights.length; g++) ok = whole(weights[g]);
    if (ok) return 1 / s;
  }
  return 0;
}

/** The p largest entries of c (ties to the lowest index) and the (p+1)-th, by insertion. */
function topP(c: Float64Array, p: number, top: Int32Array): number {
  let size = 0;
  let next = -1;
  const better = (a: number, b: number) => c[a] > c[b] || (c[a] === c[b] && a < b);
  for (let k = 0; k < c.length; k++) {
    if (c[k] === -Infinity) continue;
    if (size < p) {
      let q = size++;
      while (q > 0 && better(k, top[q - 1])) {
        top[q] = top[q - 1];
        q--;
      }
      top[q] = k;
      continue;
    }
    if (p > 0 && !better(k, top[p - 1])) {
      if (next < 0 || better(k, next)) next = k;
      continue;
    }
    // k enters the top; the p-th leaves and becomes the candidate for the (p+1)-th.
    const out = p > 0 ? top[p - 1] : k;
    if (p > 0) {
      let q = p - 1;
      while (q > 0 && better(k, top[q - 1])) {
        top[q] = top[q - 1];
        q--;
      }
      top[q] = k;
    }
    if (next < 0 || better(out, next)) next = out;
  }
  return next;
}

/** L(λ) and the relaxed solution; `banned` sites (local) are left out. */
export function relaxed(cs: CoverSets, p: number, lambda: Float64Array, banned?: ArrayLike<number> | null): RelaxedPoint {
  const { G, K, weight, sStart, sGroups } = cs;
  let bound = cs.base;
  for (let g = 0; g < G; g++) bound += weight[g] - lambda[g];
  const c = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    if (banned && banned[k]) {
      c[k] = -Infinity;
      continue;
    }
    let v = 0;
    for (let e = sStart[k]; e < sStart[k + 1]; e++) v += lambda[sGroups[e]];
    c[k] = v;
  }
  const top = new Int32Array(p);
  const next = topP(c, p, top);
  for (let q = 0; q < p; q++) bound += c[top[q]];
  return { bound, c, top, next };
}

export interface SubgradientOptions {
  p: number;
  /** Best known solution: its covered weight (base included) and local open mask. */
  incumbent: number;
  incumbentOpen: Uint8Array;
  /** Objective granularity (weightUnit); 0 when values are continuous. */
  unit: number;
  /** Float tolerance on covered weights. */
  tol: number;
  /** Starting multipliers (default W_g / 2). */
  lambda?: Float64Array;
  maxIterations?: number;
  /** Iterations without a better bound before θ is halved (default 50). */
  patience?: number;
  deadline?: number;
  now?: () => number;
  /**
   * Needed groups (rules.ts, local numbering): relaxed sets that leave one empty are not
   * solutions and are skipped; the interchange keeps them. The bound needs no change (the
   * relaxation without the group rows is still a relaxation).
   */
  groups?: GroupRule | null;
}

export interface SubgradientResult {
  /** Best bound L found (base included). */
  bound: number;
  /** Multipliers that gave `bound`. */
  lambda: Float64Array;
  /** Best solution known at the end (the given one or a better relaxed one, interchanged). */
  incumbent: number;
  incumbentOpen: Uint8Array;
  iterations: number;
  /** True when the bound proves the incumbent optimal (L below the threshold). */
  proven: boolean;
}

/** Subgradient optimisation of L(λ) (see the module comment). */
export function mclpSubgradient(cs: CoverSets, opts: SubgradientOptions): SubgradientResult {
  const { G, K, weight, sStart, sGroups } = cs;
  const { p, unit, tol } = opts;
  const now = opts.now ?? (() => Date.now());
  const lambda = opts.lambda ? Float64Array.from(opts.lambda) : Float64Array.from(weight, (w) => w / 2);
  // λ = 0 gives the trivial bound B + Σ W (all coverable weight); the search starts from `lambda`.
  let best = cs.base;
  for (let g = 0; g < G; g++) best += weight[g];
  let bestLambda = new Float64Array(G);
  let incumbent = opts.incumbent;
  let incumbentOpen: Uint8Array = Uint8Array.from(opts.incumbentOpen);
  const maxIt = opts.maxIterations ?? 3000;
  const patience = opts.patience ?? 50;
  const dir = new Float64Array(G);
  const cnt = new Int32Array(G);
  const mask = new Uint8Array(K);
  let theta = 2;
  let stall = 0;
  let it = 0;
  const proven = () => boundCloses(best, incumbent, unit, tol);
  for (; it < maxIt && !proven(); it++) {
    if (opts.deadline !== undefined && now() > opts.deadline) break;
    const r = relaxed(cs, p, lambda);
    if (r.bound < best - tol) {
      best = r.bound;
      bestLambda = Float64Array.from(lambda);
      stall = 0;
    } else if (++stall >= patience) {
      theta /= 2;
      stall = 0;
    }
    // The relaxed set as a solution.
    cnt.fill(0);
    let value = cs.base;
    for (let q = 0; q < p; q++) {
      const k = r.top[q];
      for (let e = sStart[k]; e < sStart[k + 1]; e++) {
        const g = sGroups[e];
        if (cnt[g]++ === 0) value += weight[g];
      }
    }
    if (value > incumbent + tol || it % 100 === 99) {
      mask.fill(0);
      for (let q = 0; q < p; q++) mask[r.top[q]] = 1;
      const better = groupsSatisfied(opts.groups, mask) ? mclpInterchange(cs, mask, { groups: opts.groups }) : null;
      if (better && better.value > incumbent + tol) {
        incumbent = better.value;
        incumbentOpen = better.open;
      }
    }
    if (proven() || theta < 1e-6) break;
    let norm = 0;
    for (let g = 0; g < G; g++) {
      let s = cnt[g] - 1;
      if ((s < 0 && lambda[g] >= weight[g]) || (s > 0 && lambda[g] <= 0)) s = 0;
      const d = s + 0.5 * dir[g];
      dir[g] = d;
      norm += d * d;
    }
    if (norm === 0) break;
    const step = (theta * Math.max(r.bound - incumbent, tol)) / norm;
    for (let g = 0; g < G; g++) {
      let v = lambda[g] - step * dir[g];
      if (v < 0) v = 0;
      else if (v > weight[g]) v = weight[g];
      lambda[g] = v;
    }
  }
  return { bound: best, lambda: bestLambda, incumbent, incumbentOpen, iterations: it, proven: proven() };
}

/** The outcome of reduced-cost fixing: local masks of dropped and forced sites, and the bound used. */
export interface Fixing {
  dropped: Uint8Array;
  forced: Uint8Array;
  droppedCount: number;
  forcedCount: number;
  bound: number;
}

/**
 * Reduced-cost fixing at λ against the threshold T (see the module comment): sites whose forced-in
 * bound is below T are dropped, sites whose forced-out bound is below T are forced open.
 */
export function mclpFixing(cs: CoverSets, p: number, lambda: Float64Array, T: number): Fixing {
  const r = relaxed(cs, p, lambda);
  const dropped = new Uint8Array(cs.K);
  const forced = new Uint8Array(cs.K);
  let droppedCount = 0;
  let forcedCount = 0;
  const inTop = new Uint8Array(cs.K);
  for (let q = 0; q < p; q++) inTop[r.top[q]] = 1;
  const cp = p > 0 ? r.c[r.top[p - 1]] : Infinity;
  const cNext = r.next >= 0 ? r.c[r.next] : -Infinity;
  for (let k = 0; k < cs.K; k++) {
    if (inTop[k]) {
      if (r.bound - r.c[k] + cNext < T) {
        forced[k] = 1;
        forcedCount++;
      }
    } else if (r.bound - cp + r.c[k] < T) {
      dropped[k] = 1;
      droppedCount++;
    }
  }
  return { dropped, forced, droppedCount, forcedCount, bound: r.bound };
}
