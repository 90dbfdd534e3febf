import type { Highs } from 'highs';
import type { Instance, ModelSize } from './problem';
import { pmedianModel, runModel, type MilpOutcome } from './milp';
import { pmedianContext, pmedianLagrangian, pmedianSiteTest, prunePmedian, type SubgradientState } from './lagrangian';

/** Iterations without a better bound before the step factor halves. */
const PATIENCE = 100;
import { pmedianValue } from './pmedianSearch';
import { restrictRule } from './rules';

/**
 * p-median at national scale (thousands of units × about a thousand sites, where the dense MILP
 * does not fit in HiGHS's 2 GiB):
 *
 * 1. Lagrangian relaxation (lagrangian.ts) in rounds of 150 subgradient iterations. After each
 *    round the reduced-cost site test drops the sites that cannot be in a solution as good as the
 *    best known one, and the next round continues on the smaller instance (cheaper iterations; the
 *    smaller instance has the same optimum, because the known solution stays in it and any better
 *    solution uses kept sites only). Every relaxed solution is a feasible one; the best is improved
 *    by interchange. Stops when the bound meets the best solution (proven optimal), when the step
 *    has shrunk to nothing, or at its share of the time limit.
 * 2. If not proven and the pairs that pass the reduced-cost test are few enough for HiGHS
 *    (MAX_MILP_PAIRS), the pruned sparse MILP runs in the time left, started from the best solution.
 *
 * The result is the best solution with the best bound: 'optimal' when they meet (within 1e-9,
 * relative), else 'feasible' with the bound (and so the gap).
 */

/** The pruned MILP is tried up to this many assignment pairs. */
const MAX_MILP_PAIRS = 200_000;

/** Instance restricted to the fixed sites and the kept free sites; `orig` maps new → old site index. */
export function restrictSites(inst: Instance, keep: ArrayLike<number>): { inst: Instance; orig: Int32Array } {
  const orig: number[] = [];
  for (let j = 0; j < inst.m; j++) if (inst.fixed[j] || keep[j]) orig.push(j);
  const m2 = orig.length;
  const cost = new Float64Array(inst.n * m2);
  for (let i = 0; i < inst.n; i++) {
    const off = i * inst.m;
    const off2 = i * m2;
    for (let q = 0; q < m2; q++) cost[off2 + q] = inst.cost[off + orig[q]];
  }
  return {
    inst: {
      ...inst,
      m: m2,
      cost,
      fixed: Uint8Array.from(orig, (j) => inst.fixed[j]),
      siteIds: orig.map((j) => inst.siteIds[j]),
      rules: inst.rules ? { ...inst.rules, rule: restrictRule(inst.rules.rule, orig) } : null,
    },
    orig: Int32Array.from(orig),
  };
}

function mapMask(mask: Uint8Array, orig: Int32Array, m: number): Uint8Array {
  const out = new Uint8Array(m);
  orig.forEach((j, q) => (out[j] = mask[q]));
  return out;
}

function freeCount(inst: Instance): number {
  let c = 0;
  for (let j = 0; j < inst.m; j++) if (!inst.fixed[j]) c++;
  return c;
}

export interface LargeOptions {
  /** Size of the unreduced (classical sparse) model, for model_size. */
  before: { rows: number; cols: number; nonzeros: number };
  now: () => number;
  /** Share of the time limit for the Lagrangian rounds (default 0.6). */
  lagrangianShare?: number;
}

/** Large p-median: Lagrangian rounds with site reduction, then the pruned MILP when small (see the module comment). */
export function solvePmedianLarge(h: Highs, inst: Instance, known: Uint8Array, timeLimitS: number, opts: LargeOptions): MilpOutcome {
  const now = opts.now;
  const t0 = now();
  const deadline = t0 + timeLimitS * 1000;
  const lagDeadline = t0 + timeLimitS * 1000 * (opts.lagrangianShare ?? 0.6);
  const closed = (ub: number, lb: number) => ub - lb <= 1e-9 * Math.max(1, Math.abs(ub));

  let cur = inst;
  let orig = Int32Array.from({ length: inst.m }, (_, j) => j);
  let upper = pmedianValue(inst, known);
  let upperOpen: Uint8Array = Uint8Array.from(known);
  let bound = -Infinity;
  let lambda: Float64Array | undefined;
  let state: SubgradientState | undefined;
  let ctx = pmedianContext(cur);
  let milps = 0;
  const done = (status: 'optimal' | 'feasible', method: 'exact' | 'lagrangian', size: ModelSize): MilpOutcome => ({
    status,
    open: mapMask(upperOpen, orig, inst.m),
    objective: upper,
    bound: status === 'optimal' ? upper : bound,
    size: { ...size, rows_before: opts.before.rows, cols_before: opts.before.cols, nonzeros_before: opts.before.nonzeros, milps },
    method,
  });

  // 1. Lagrangian rounds; shrink the site set whenever the test drops enough sites.
  const rounds = (until: number) => {
    for (let round = 0; round < 1000; round++) {
      const lag = pmedianLagrangian(cur, { context: ctx, upper, upperOpen, resume: state, maxIterations: 150, deadline: until, now, patience: PATIENCE });
      if (lag.bound > bound) {
        bound = lag.bound;
        lambda = lag.lambda;
      }
      upper = lag.upper;
      upperOpen = lag.upperOpen;
      state = lag.state;
      if (closed(upper, bound)) return;
      const stopped = lag.iterations < 150 || state.theta < 1e-6 || now() > until;
      const st = pmedianSiteTest(cur, lambda ?? state.lambda, upper, upperOpen, 1e-9, ctx);
      if (st.sites.length < 0.9 * freeCount(cur)) {
        const r = restrictSites(cur, st.siteOk);
        upperOpen = Uint8Array.from(r.orig, (j) => upperOpen[j]);
        orig = Int32Array.from(r.orig, (j) => orig[j]);
        cur = r.inst;
        ctx = pmedianContext(cur);
      }
      if (stopped) return;
    }
  };
  rounds(lagDeadline);
  let pr = prunePmedian(cur, lambda ?? state!.lambda, upper, upperOpen, 1e-9, ctx);
  if (!closed(upper, bound) && pr.pairSite.length > MAX_MILP_PAIRS && state!.theta >= 1e-6 && now() < deadline - 500) {
    // Too big for the MILP: the rest of the time goes to the bound.
    rounds(deadline - 300);
    pr = prunePmedian(cur, lambda ?? state!.lambda, upper, upperOpen, 1e-9, ctx);
  }

  // 2. The pruned sparse MILP, when small enough.
  bound = Math.max(bound, pr.bound);
  let size: ModelSize = { rows: 0, cols: 0, nonzeros: 0 };
  let method: 'exact' | 'lagrangian' = 'lagrangian';
  const left = (deadline - now()) / 1000;
  if (!closed(upper, bound) && pr.pairSite.length <= MAX_MILP_PAIRS && left > 0.5) {
    const model = pmedianModel(h, cur, pr.sites, pr.forcedOpen, pr.pairStart, pr.pairSite, upperOpen);
    const out = runModel(h, model.data, Math.max(0.05, (deadline - now()) / 1000), model.xCols, cur, { start: model.start });
    milps++;
    size = { rows: out.size!.rows, cols: out.size!.cols, nonzeros: out.size!.nonzeros };
    const lb = out.status === 'optimal' ? out.objective : out.bound;
    if (lb !== null && Number.isFinite(lb)) bound = Math.max(bound, lb);
    if (out.open) {
      const v = pmedianValue(cur, out.open);
      if (v < upper || (out.status === 'optimal' && v <= upper)) {
        upper = v;
        upperOpen = out.open;
        method = 'exact';
      }
    }
  } else {
    // Not solved (proven already, or too big): the size of the pruned model, for the record.
    let fixedPairs = 0;
    for (const j of pr.pairSite) if (cur.fixed[j]) fixedPairs++;
    let units = 0;
    for (let i = 0; i < cur.n; i++) if (pr.pairStart[i + 1] > pr.pairStart[i]) units++;
    const linked = pr.pairSite.length - fixedPairs;
    size = { rows: units + linked + 1, cols: pr.sites.length + pr.pairSite.length, nonzeros: pr.pairSite.length + 2 * linked + pr.sites.length };
  }
  if (bound > upper) bound = upper;
  return done(closed(upper, bound) ? 'optimal' : 'feasible', method, size);
}
