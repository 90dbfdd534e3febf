import type { Highs } from 'highs';
import { isCovered } from '../views';
import { Builder, fillTo, fixedCovered, groupRows, groupRowsBefore, pRow, runModel, siteColumns, type MilpOutcome } from './milp';
import { reduceCover } from './reduce';
import type { Instance } from './problem';
import { robustObjective } from './robustYears';

/**
 * Siting that holds up when demand changes: MCLP over several years' demand (e.g. children 0–6 in
 * 2025 and as projected for 2035). The same sites, radius and costs serve every year; only the
 * demand weights differ. Year k's coverage is a share (0–1): covered weight of year k / total
 * weight of year k, so a year with fewer children counts as much as one with more.
 *
 * - `maxmin`: maximise the worse (smallest) of the years' shares.
 * - `weighted`: maximise Σ_k a_k · share_k with a_1 = alpha and the rest, 1 − alpha, split evenly
 *   over the other years (two years: alpha · share_1 + (1 − alpha) · share_2).
 *
 * Ties (several selections with the same objective) go to the larger share of the first year, in
 * the exact solver (a second MILP with the objective held at its optimum) and in the heuristic.
 * The spec, its arrays and the share arithmetic are in robustYears.ts.
 */

/** Slack when holding the first MILP's objective in the tie-break MILP (shares). */
const HOLD_EPS = 1e-9;

/** Each year's share (0–1) when every row whose best cost is within the radius is covered. */
export function sharesFromBest(inst: Instance, best: ArrayLike<number>): Float64Array {
  const r = inst.robust!;
  const out = new Float64Array(r.labels.length);
  for (let i = 0; i < inst.n; i++) {
    if (!isCovered(best[i], inst.radius)) continue;
    for (let k = 0; k < out.length; k++) out[k] += r.weight[k][i];
  }
  for (let k = 0; k < out.length; k++) out[k] = r.total[k] > 0 ? out[k] / r.total[k] : 0;
  return out;
}

/** Each year's share for an open-site mask. */
function sharesOf(inst: Instance, open: ArrayLike<number>): Float64Array {
  const best = new Float64Array(inst.n).fill(Infinity);
  for (let i = 0; i < inst.n; i++) {
    for (let j = 0; j < inst.m; j++) {
      const c = inst.cost[i * inst.m + j];
      if (open[j] && c < best[i]) best[i] = c;
    }
  }
  return sharesFromBest(inst, best);
}

/**
 * A valid upper bound on the robust objective (for the heuristic's gap): per year, the share
 * covered by fixed sites plus the p largest single-site gains (capped at 1); then the minimum
 * (maxmin) or the weighted sum of these.
 */
export function robustBound(inst: Instance): number {
  const r = inst.robust!;
  const { n, m, radius } = inst;
  const base = fixedCovered(inst, radius);
  const ub = r.labels.map((_, k) => {
    const w = r.weight[k];
    let fixedW = 0;
    for (let i = 0; i < n; i++) if (base[i]) fixedW += w[i];
    const gains: number[] = [];
    for (let j = 0; j < m; j++) {
      if (inst.fixed[j]) continue;
      let g = 0;
      for (let i = 0; i < n; i++) if (!base[i] && isCovered(inst.cost[i * m + j], radius)) g += w[i];
      gains.push(g);
    }
    gains.sort((a, b) => b - a);
    const cov = fixedW + gains.slice(0, inst.p).reduce((a, b) => a + b, 0);
    return r.total[k] > 0 ? Math.min(1, cov / r.total[k]) : 0;
  });
  return robustObjective(r, ub);
}

/**
 * Robust MCLP as a MILP, exactly p new sites (x_j binary), rows i not covered by a fixed site
 * get y_i ∈ [0, 1] with y_i ≤ Σ_{j covers i} x_j. With s_k = (fixed-covered weight of year k +
 * Σ_i w_ki y_i) / total_k, the year-k share:
 *
 * - maxmin: maximise z subject to z ≤ s_k for every year k;
 * - weighted: maximise Σ_k c_k s_k (c = RobustInstance.coef: alpha, then 1 − alpha split evenly).
 *
 * When the first MILP is proven optimal, a second MILP holds its objective (within 1e-9) and
 * maximises the first year's share, so ties go the same way as in the heuristic. The objective
 * and bound are shares 0–1; the bound is the first MILP's.
 */
export function solveRobustMclp(h: Highs, inst: Instance, timeLimitS: number, now: () => number = () => Date.now(), opts: { reduce?: boolean } = {}): MilpOutcome {
  const t0 = now();
  const r = inst.robust!;
  const K = r.labels.length;
  const reduce = opts.reduce !== false;
  // Rows with the same covering sites merge (their year weights add up) and dominated sites go:
  // a dominating site covers at least as much in every year, so neither the robust objective nor
  // the first year's share (the tie-break) can get worse (reduce.ts).
  const red = reduceCover(inst, {
    radius: inst.radius,
    active: (i) => r.weight.some((w) => w[i] > 0),
    mergeRows: reduce,
    dominateSites: reduce,
  });
  const baseShare = new Float64Array(K);
  for (let i = 0; i < inst.n; i++) {
    if (!red.base[i]) continue;
    for (let k = 0; k < K; k++) if (r.total[k] > 0) baseShare[k] += r.weight[k][i] / r.total[k];
  }
  /** Coefficient of y (group q) in year k's share. */
  const aGroup = red.groups.map((g) =>
    Array.from({ length: K }, (_, k) => {
      if (!(r.total[k] > 0)) return 0;
      let v = 0;
      for (const i of g.members) v += r.weight[k][i] / r.total[k];
      return v;
    }),
  );
  const a = (k: number, q: number) => aGroup[q][k];
  const nBefore = red.before;

  const build = (phase: 1 | 2, hold: number) => {
    const b = new Builder(h);
    const { xOf, xCols } = siteColumns(b, inst, red.sites, () => 0);
    const ys: number[] = [];
    const rows: number[] = [];
    red.groups.forEach((g, q) => {
      const y = b.col(0, 0, 1, false);
      b.row([y, ...g.sites.map((j) => xOf[j])], [1, ...g.sites.map(() => -1)], -h.infinity, 0);
      ys.push(y);
      rows.push(q);
    });
    pRow(b, xCols, inst.p);
    const groupRowCount = groupRows(h, b, inst, xOf, red.sites);
    let offset = 0;
    let extraRows = 0;
    if (r.mode === 'maxmin') {
      // z ≤ s_k  ⇔  z − Σ_q a_kq y_q ≤ baseShare_k
      const z = b.col(phase === 1 ? 1 : 0, phase === 1 ? 0 : hold, 1, false);
      for (let k = 0; k < K; k++) b.row([z, ...ys], [1, ...rows.map((q) => -a(k, q))], -h.infinity, baseShare[k]);
      extraRows = K;
    } else {
      const c = rows.map((q) => {
        let v = 0;
        for (let k = 0; k < K; k++) v += r.coef[k] * a(k, q);
        return v;
      });
      let base1 = 0;
      for (let k = 0; k < K; k++) base1 += r.coef[k] * baseShare[k];
      if (phase === 1) {
        ys.forEach((y, q) => (b.colCost[y] = c[q]));
        offset = base1;
      } else {
        b.row(ys, c, hold - base1, h.infinity);
        extraRows = 1;
      }
    }
    if (phase === 2) {
      ys.forEach((y, q) => (b.colCost[y] = a(0, rows[q])));
      offset = baseShare[0];
    }
    const zCols = r.mode === 'maxmin' ? 1 : 0;
    const gb = groupRowCount ? groupRowsBefore(inst) : { rows: 0, nonzeros: 0 };
    const before = {
      rows: nBefore.rows + 1 + extraRows + gb.rows,
      cols: nBefore.sites + nBefore.rows + zCols,
      nonzeros: nBefore.pairs + nBefore.rows + nBefore.sites + extraRows * (zCols + nBefore.rows) + gb.nonzeros,
    };
    return { data: b.model(true, offset), xCols, before };
  };
  const run = (m: ReturnType<typeof build>, limit: number): MilpOutcome => {
    const out = runModel(h, m.data, limit, m.xCols, inst, { before: m.before });
    return out.open ? { ...out, open: fillTo(inst, out.open, inst.p, red.sites) } : out;
  };

  const one = build(1, 0);
  const first = run(one, timeLimitS);
  if (!first.open) return first;
  const s1 = sharesOf(inst, first.open);
  const obj1 = robustObjective(r, s1);
  const outcome: MilpOutcome = { ...first, objective: obj1, bound: first.status === 'optimal' ? obj1 : first.bound };
  // The tie-break changes nothing when the objective already is the first year's share.
  const trivial = r.mode === 'weighted' && (K === 1 || r.coef[0] === 1);
  const left = timeLimitS - (now() - t0) / 1000;
  if (first.status !== 'optimal' || trivial || left < 0.05) return outcome;
  const two = build(2, obj1 - HOLD_EPS);
  const second = run(two, left);
  if (!second.open) return outcome;
  const s2 = sharesOf(inst, second.open);
  const obj2 = robustObjective(r, s2);
  if (obj2 >= obj1 - HOLD_EPS && s2[0] > s1[0] + 1e-12) return { ...outcome, open: second.open, objective: obj2, bound: Math.max(obj2, obj1) };
  return outcome;
}
