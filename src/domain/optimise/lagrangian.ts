import type { Instance } from './problem';
import { pmedianInterchange, pmedianValue } from './pmedianSearch';
import { groupsSatisfied } from './rules';

/**
 * Lagrangian relaxation of the p-median problem (Cornuéjols, Fisher & Nemhauser 1977; Beasley
 * 1993) for a lower bound, and reduced-cost pruning of the MILP's assignment pairs.
 *
 * The p-median MILP over units i with weight w_i > 0 and sites j (F = fixed sites, always open):
 *
 *   min Σ_ij w_i c_ij z_ij   s.t.  Σ_j z_ij = 1 (each unit assigned),  z_ij ≤ x_j,
 *                                  Σ_{j free} x_j = p,  x_j = 1 (j ∈ F),  x, z ∈ {0, 1}.
 *
 * Pairs: a unit never needs a site costlier than its nearest fixed site f(i), so the pairs are
 * P = {(i, j): j free, c_ij < c_i,f(i)} ∪ {(i, f(i))}; the optimum over P equals the full one.
 *
 * Relaxing the assignment rows with multipliers λ_i gives, for any λ,
 *
 *   L(λ) = Σ_i λ_i + Σ_i min(0, w_i c_i,f(i) − λ_i) + Σ_{j ∈ S(λ)} ρ_j,
 *   ρ_j  = Σ_{i: (i,j) ∈ P} min(0, w_i c_ij − λ_i),   S(λ) = the p free sites with the smallest ρ_j,
 *
 * and L(λ) ≤ the optimum (weak duality) for every λ. The best λ is sought by subgradient
 * optimisation from λ_i = w_i × (cost to the nearest site) (where L is the trivial bound
 * Σ w_i min_j c_ij): g_i = 1 − Σ_{j open in the relaxation} z_ij, a Polyak step in the metric of
 * the weights, λ_i += θ (UB − L) / Σ_k w_k g_k² · w_i g_i (so every unit's threshold λ_i / w_i, a
 * cost, moves alike), θ = 2 halved after `patience` iterations without a better bound. Each unit
 * keeps its K cheapest sites sorted (PmedianContext), so an evaluation only walks the pairs with a
 * negative reduced cost; λ_i stays below w_i × its K-th cost when the list is not complete (any λ
 * is a valid bound). Every relaxed S(λ) is also a feasible p-median solution; the best of them,
 * improved by interchange, can replace the upper bound UB.
 *
 * Reduced-cost pruning (exact): forcing z_ij = 1 in the relaxation raises its value to
 * L_ij = L + max(0, w_i c_ij − λ_i) + (j ∉ S ? ρ_j − ρ_(p) : 0) (ρ_(p) = the p-th smallest ρ);
 * L_ij is a lower bound on every solution that assigns i to j. When L_ij > UB, no solution at
 * least as good as the known one uses the pair, so it is left out of the MILP; a site whose
 * L − ρ_(p) + ρ_j > UB is closed, and one in S with L − ρ_j + ρ_(p+1) > UB is forced open. The
 * known solution's pairs always survive, so the reduced MILP has the same optimum.
 */

export interface LagrangianOptions {
  /** Value of a known feasible solution (the upper bound); its open-site mask. */
  upper: number;
  upperOpen: Uint8Array;
  /** Stop after this many subgradient iterations (default 3 000). */
  maxIterations?: number;
  /** Stop at this wall-clock time (ms, same clock as `now`). */
  deadline?: number;
  now?: () => number;
  /** Stop when (UB − L) ≤ gapTolerance × UB (default 1e-9). */
  gapTolerance?: number;
  /** Iterations without a better bound before θ is halved (default 30; pmedianLarge uses 100). */
  patience?: number;
  /** A context built before (pmedianContext), to share it with prunePmedian. */
  context?: PmedianContext;
  /**
   * Continue an earlier run (its `state`; the units must be the same, the sites may be fewer).
   * Default: λ_i = w_i × nearest cost, θ = 2.
   */
  resume?: SubgradientState;
}

/** Where a subgradient run stopped: current multipliers, step factor, stall count and best bound. */
export interface SubgradientState {
  lambda: Float64Array;
  theta: number;
  stall: number;
  best: number;
}

export interface LagrangianResult {
  /** Best lower bound L(λ) found. */
  bound: number;
  /** Multipliers that gave `bound`. */
  lambda: Float64Array;
  /** Best feasible solution known at the end (the given one or a better relaxed one). */
  upper: number;
  upperOpen: Uint8Array;
  iterations: number;
  /** To continue with `resume`. */
  state: SubgradientState;
}

/**
 * What every evaluation of L(λ) needs: per unit its nearest fixed site and that cost (Infinity /
 * -1 without), the free sites, and per unit its K cheapest eligible free sites sorted by cost (ties
 * by index). An evaluation only walks a unit's list while the reduced cost w·c − λ is negative; a
 * unit whose threshold λ/w passes its K-th cost is scanned in full, so L(λ) is always exact.
 */
export interface PmedianContext {
  cap: Float64Array;
  fixedJ: Int32Array;
  free: Int32Array;
  K: number;
  len: Int32Array;
  /** The unit's list holds every eligible pair. */
  complete: Uint8Array;
  site: Int32Array;
  cost: Float64Array;
  /** Scratch: list entries below the threshold per unit; a site mask. */
  visited: Int32Array;
  mark: Uint8Array;
}

/** Builds the context (one pass over the matrix; a bounded heap per unit). */
export function pmedianContext(inst: Instance, K = defaultK(inst)): PmedianContext {
  const { n, m, cost, fixed, weight } = inst;
  const cap = new Float64Array(n).fill(Infinity);
  const fixedJ = new Int32Array(n).fill(-1);
  const fixedList: number[] = [];
  const freeList: number[] = [];
  for (let j = 0; j < m; j++) (fixed[j] ? fixedList : freeList).push(j);
  for (let i = 0; i < n; i++) {
    for (const j of fixedList) {
      const c = cost[i * m + j];
      if (c < cap[i]) {
        cap[i] = c;
        fixedJ[i] = j;
      }
    }
  }
  K = Math.max(1, Math.min(K, freeList.length || 1));
  const len = new Int32Array(n);
  const complete = new Uint8Array(n);
  const site = new Int32Array(n * K);
  const lc = new Float64Array(n * K);
  const hc = new Float64Array(K);
  const hj = new Int32Array(K);
  // Max-heap on (cost, index).
  const gt = (a: number, b: number) => hc[a] > hc[b] || (hc[a] === hc[b] && hj[a] > hj[b]);
  const swap = (a: number, b: number) => {
    const c = hc[a];
    hc[a] = hc[b];
    hc[b] = c;
    const j = hj[a];
    hj[a] = hj[b];
    hj[b] = j;
  };
  const down = (k: number, size: number) => {
    for (;;) {
      const l = 2 * k + 1;
      if (l >= size) return;
      const r = l + 1;
      const big = r < size && gt(r, l) ? r : l;
      if (!gt(big, k)) return;
      swap(big, k);
      k = big;
    }
  };
  for (let i = 0; i < n; i++) {
    if (!(weight[i] > 0)) {
      complete[i] = 1;
      continue;
    }
    const off = i * m;
    const cp = cap[i];
    let size = 0;
    let count = 0;
    for (const j of freeList) {
      const v = cost[off + j];
      if (!(v < cp)) continue;
      count++;
      if (size < K) {
        hc[size] = v;
        hj[size] = j;
        let k = size++;
        while (k > 0) {
          const parent = (k - 1) >> 1;
          if (!gt(k, parent)) break;
          swap(k, parent);
          k = parent;
        }
      } else if (v < hc[0] || (v === hc[0] && j < hj[0])) {
        hc[0] = v;
        hj[0] = j;
        down(0, size);
      }
    }
    len[i] = size;
    complete[i] = count <= K ? 1 : 0;
    const base = i * K;
    for (let k = size - 1; k >= 0; k--) {
      lc[base + k] = hc[0];
      site[base + k] = hj[0];
      hc[0] = hc[k];
      hj[0] = hj[k];
      down(0, k);
    }
  }
  return { cap, fixedJ, free: Int32Array.from(freeList), K, len, complete, site, cost: lc, visited: new Int32Array(n), mark: new Uint8Array(m) };
}

/** List length: about three times the sites per median, within 32–512. */
function defaultK(inst: Instance): number {
  return Math.max(32, Math.min(512, Math.ceil((3 * inst.m) / Math.max(1, inst.p))));
}

/** One evaluation of L(λ): the bound, ρ, the chosen set S (free site indices) and the subgradient. */
interface Relaxation {
  value: number;
  rho: Float64Array;
  chosen: Int32Array;
  /** Free sites sorted by ρ ascending (ties by index). */
  order: Int32Array;
}

/**
 * Calls visit(j, c) for every free site j with c_ij < thr (and c_ij below the unit's fixed cap):
 * from the sorted list when it reaches thr, else by scanning the row.
 */
function forEachBelow(inst: Instance, ctx: PmedianContext, i: number, thr: number, visit: (j: number, c: number) => void): void {
  const base = i * ctx.K;
  const len = ctx.len[i];
  if (ctx.complete[i] || (len > 0 && thr <= ctx.cost[base + len - 1])) {
    for (let k = 0; k < len; k++) {
      const c = ctx.cost[base + k];
      if (!(c < thr)) break;
      visit(ctx.site[base + k], c);
    }
    return;
  }
  const { m, cost, fixed } = inst;
  const off = i * m;
  for (let j = 0; j < m; j++) {
    const c = cost[off + j];
    if (c < thr && !fixed[j]) visit(j, c);
  }
}

function relax(inst: Instance, ctx: PmedianContext, lambda: Float64Array, rho: Float64Array, g: Float64Array | null): Relaxation {
  const { n, weight, p } = inst;
  rho.fill(0);
  let value = 0;
  const K = ctx.K;
  const lc = ctx.cost;
  const ls = ctx.site;
  // Per unit: how many list entries are below the threshold (-1: the row was scanned in full).
  const visited = ctx.visited;
  for (let i = 0; i < n; i++) {
    const w = weight[i];
    if (!(w > 0)) continue;
    const l = lambda[i];
    value += l;
    const capW = w * ctx.cap[i];
    if (capW < l) value += capW - l;
    const thr = Math.min(l / w, ctx.cap[i]);
    const base = i * K;
    const len = ctx.len[i];
    if (ctx.complete[i] || (len > 0 && thr <= lc[base + len - 1])) {
      let k = 0;
      for (; k < len; k++) {
        const c = lc[base + k];
        if (!(c < thr)) break;
        rho[ls[base + k]] += w * c - l;
      }
      visited[i] = k;
    } else {
      visited[i] = -1;
      forEachBelow(inst, ctx, i, thr, (j, c) => (rho[j] += w * c - l));
    }
  }
  const order = Int32Array.from(ctx.free).sort((a, b) => rho[a] - rho[b] || a - b);
  const chosen = order.subarray(0, p);
  for (const j of chosen) value += rho[j];
  if (g) {
    // g_i = 1 − (assigned to the fixed site) − #{j ∈ S: c_ij < threshold}.
    const inS = ctx.mark;
    inS.fill(0);
    for (const j of chosen) inS[j] = 1;
    for (let i = 0; i < n; i++) {
      const w = weight[i];
      if (!(w > 0)) {
        g[i] = 0;
        continue;
      }
      const l = lambda[i];
      let s = w * ctx.cap[i] < l ? 1 : 0;
      const v = visited[i];
      if (v >= 0) {
        const base = i * K;
        for (let k = 0; k < v; k++) s += inS[ls[base + k]];
      } else {
        forEachBelow(inst, ctx, i, Math.min(l / w, ctx.cap[i]), (j) => (s += inS[j]));
      }
      g[i] = 1 - s;
    }
  }
  return { value, rho, chosen, order };
}

/**
 * Subgradient optimisation of L(λ) from λ_i = w_i × (cost to the nearest site), where L equals
 * the trivial bound Σ w_i min_j c_ij. Returns the best bound, its λ, and the best feasible
 * solution seen (relaxed solutions are evaluated; the best new one is improved by interchange).
 */
export function pmedianLagrangian(inst: Instance, opts: LagrangianOptions): LagrangianResult {
  const { n, m, weight } = inst;
  const now = opts.now ?? (() => Date.now());
  const maxIt = opts.maxIterations ?? 3000;
  const tolGap = opts.gapTolerance ?? 1e-9;
  const patience = opts.patience ?? 30;
  const ctx = opts.context ?? pmedianContext(inst);
  const lambda = new Float64Array(n);
  if (opts.resume) lambda.set(opts.resume.lambda);
  else {
    for (let i = 0; i < n; i++) {
      const w = weight[i];
      if (!(w > 0)) continue;
      // The cheapest eligible site: the list's first entry, or the fixed cap.
      const first = ctx.len[i] > 0 ? ctx.cost[i * ctx.K] : Infinity;
      lambda[i] = w * Math.min(first, ctx.cap[i]);
    }
  }
  let upper = opts.upper;
  let upperOpen = opts.upperOpen;
  let bestBound = -Infinity;
  let bestLambda = Float64Array.from(lambda);
  const rho = new Float64Array(m);
  const g = new Float64Array(n);
  let theta = opts.resume?.theta ?? 2;
  let stall = opts.resume?.stall ?? 0;
  // The stall count compares with the best bound of the whole run, resumed parts included.
  let runBest = opts.resume?.best ?? -Infinity;
  let it = 0;
  let relaxedBest = Infinity;
  let relaxedOpen: Uint8Array | null = null;
  let lastKey = '';
  const openMask = new Uint8Array(m);
  for (; it < maxIt; it++) {
    if (opts.deadline !== undefined && now() > opts.deadline) break;
    const r = relax(inst, ctx, lambda, rho, g);
    if (r.value > bestBound) {
      bestBound = r.value;
      bestLambda = Float64Array.from(lambda);
    }
    if (r.value > runBest + 1e-12 * Math.abs(r.value)) {
      runBest = r.value;
      stall = 0;
    } else if (++stall >= patience) {
      theta /= 2;
      stall = 0;
    }
    // The relaxed sites as a feasible solution (when they changed).
    const key = Array.from(r.chosen).sort((a, b) => a - b).join(',');
    if (key !== lastKey) {
      lastKey = key;
      openMask.set(inst.fixed);
      for (const j of r.chosen) openMask[j] = 1;
      // With needed groups (rules.ts) a relaxed set that leaves one empty is no solution.
      const v = groupsSatisfied(inst.rules?.rule, openMask) ? pmedianValue(inst, openMask) : Infinity;
      if (v < relaxedBest) {
        relaxedBest = v;
        relaxedOpen = Uint8Array.from(openMask);
      }
      if (v < upper) {
        upper = v;
        upperOpen = Uint8Array.from(openMask);
      }
    }
    if (upper - bestBound <= tolGap * Math.max(1, Math.abs(upper))) break;
    if (theta < 1e-6) break;
    // Step in the metric of the weights: λ_i moves in proportion to w_i, so every unit's
    // threshold λ_i / w_i (a cost) moves alike: λ += θ (UB − L) / Σ w_i g_i² · w ∘ g.
    let norm = 0;
    for (let i = 0; i < n; i++) norm += weight[i] > 0 ? weight[i] * g[i] * g[i] : 0;
    if (norm === 0) break; // the relaxed solution is feasible, so optimal for this λ
    const step = (theta * (upper - r.value)) / norm;
    for (let i = 0; i < n; i++) {
      const w = weight[i];
      if (!(w > 0)) continue;
      let l = lambda[i] + step * w * g[i];
      // Keep the threshold within the unit's list when the list is not complete (any λ gives a
      // valid bound; this only keeps every evaluation on the sorted lists).
      if (!ctx.complete[i]) {
        const top = w * ctx.cost[i * ctx.K + ctx.len[i] - 1];
        if (l > top) l = top;
      }
      lambda[i] = l;
    }
  }
  // Improve the best relaxed solution by interchange when it differs from the known one.
  if (relaxedOpen && upper - bestBound > tolGap * Math.max(1, Math.abs(upper)) && !sameMask(relaxedOpen, upperOpen)) {
    const improved = pmedianInterchange(inst, relaxedOpen);
    const v = pmedianValue(inst, improved);
    if (v < upper) {
      upper = v;
      upperOpen = improved;
    }
  }
  return { bound: bestBound, lambda: bestLambda, upper, upperOpen, iterations: it, state: { lambda: Float64Array.from(lambda), theta, stall, best: runBest } };
}

function sameMask(a: Uint8Array, b: Uint8Array): boolean {
  for (let j = 0; j < a.length; j++) if (!a[j] !== !b[j]) return false;
  return true;
}

/** The pairs and sites the reduced p-median MILP keeps. */
export interface PmedianPruning {
  /** Free sites that can be open (ascending). */
  sites: number[];
  /** Free sites that must be open. */
  forcedOpen: Uint8Array;
  /** CSR over units: pairs of unit i are pairSite[pairStart[i] … pairStart[i + 1]) (fixed site included). */
  pairStart: Int32Array;
  pairSite: Int32Array;
  /** Pairs in the unpruned sparse formulation (the set P). */
  pairsBefore: number;
  /** L(λ) recomputed for the λ used. */
  bound: number;
}

/**
 * Reduced-cost pruning for multipliers λ and a known solution of value `upper` (see the module
 * comment). `tolerance` (relative) keeps pairs whose bound exceeds UB only by rounding.
 */
export function prunePmedian(inst: Instance, lambda: Float64Array, upper: number, upperOpen: Uint8Array, tolerance = 1e-9, context?: PmedianContext): PmedianPruning {
  const { n, m, cost, weight } = inst;
  const ctx = context ?? pmedianContext(inst);
  const fx = ctx;
  const st = pmedianSiteTest(inst, lambda, upper, upperOpen, tolerance, ctx);
  const { L, rho, rhoP, inS, siteOk, limit } = st;
  // Pairs: the unit's nearest fixed site, and free kept sites cheaper than it passing the test.
  const starts = new Int32Array(n + 1);
  const list: number[] = [];
  let before = 0;
  for (let i = 0; i < n; i++) {
    starts[i] = list.length;
    const w = weight[i];
    if (!(w > 0)) continue;
    const l = lambda[i];
    const cap = fx.cap[i];
    const off = i * m;
    // The known solution's assignment (nearest open site) always stays.
    let keepJ = -1;
    let keepC = cap;
    for (let j = 0; j < m; j++) {
      const c = cost[off + j];
      if (upperOpen[j] && !inst.fixed[j] && c < keepC) {
        keepC = c;
        keepJ = j;
      }
    }
    if (fx.fixedJ[i] >= 0) {
      list.push(fx.fixedJ[i]);
      before++;
    }
    for (let j = 0; j < m; j++) {
      const c = cost[off + j];
      if (!(c < cap) || inst.fixed[j]) continue;
      before++;
      if (!siteOk[j]) continue;
      const red = w * c - l;
      const lij = L + (red > 0 ? red : 0) + (inS[j] ? 0 : rho[j] - rhoP);
      if (lij <= limit || j === keepJ) list.push(j);
    }
  }
  starts[n] = list.length;
  return { sites: st.sites, forcedOpen: st.forcedOpen, pairStart: starts, pairSite: Int32Array.from(list), pairsBefore: before, bound: L };
}

/** The site part of the reduced-cost test (see the module comment). */
export interface SiteTest {
  /** Free sites that can be open (ascending); the known solution's sites always stay. */
  sites: number[];
  siteOk: Uint8Array;
  forcedOpen: Uint8Array;
  /** L(λ), ρ, the relaxed set S as a mask, ρ_(p), and UB + tolerance. */
  L: number;
  rho: Float64Array;
  inS: Uint8Array;
  rhoP: number;
  limit: number;
}

/**
 * Sites that can be open in a solution at least as good as `upper` (L − ρ_(p) + ρ_j ≤ UB for j
 * outside S), and sites of S that must be open (L − ρ_j + ρ_(p+1) > UB).
 */
export function pmedianSiteTest(inst: Instance, lambda: Float64Array, upper: number, upperOpen: Uint8Array, tolerance = 1e-9, context?: PmedianContext): SiteTest {
  const { m, p } = inst;
  const ctx = context ?? pmedianContext(inst);
  const rho = new Float64Array(m);
  const r = relax(inst, ctx, lambda, rho, null);
  const L = r.value;
  const limit = upper + tolerance * Math.max(1, Math.abs(upper));
  const inS = new Uint8Array(m);
  for (const j of r.chosen) inS[j] = 1;
  const rhoP = p > 0 ? rho[r.order[p - 1]] : 0;
  const rhoNext = p < r.order.length ? rho[r.order[p]] : Infinity;
  const siteOk = new Uint8Array(m);
  const forcedOpen = new Uint8Array(m);
  const sites: number[] = [];
  for (const j of ctx.free) {
    if (upperOpen[j] || inS[j] || L - rhoP + rho[j] <= limit) {
      siteOk[j] = 1;
      sites.push(j);
    }
    if (inS[j] && upperOpen[j] && L - rho[j] + rhoNext > limit) forcedOpen[j] = 1;
  }
  return { sites, siteOk, forcedOpen, L, rho, inS, rhoP, limit };
}

/** L(λ) for multipliers λ: a lower bound on the p-median optimum, whatever λ is. */
export function pmedianBound(inst: Instance, lambda: Float64Array, context?: PmedianContext): number {
  const ctx = context ?? pmedianContext(inst);
  return relax(inst, ctx, lambda, new Float64Array(inst.m), null).value;
}
