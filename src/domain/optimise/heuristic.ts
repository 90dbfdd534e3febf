import { coverableMask, type Instance } from './problem';
import { isCovered } from '../views';
import { robustBound, sharesFromBest } from './robust';
import { robustObjective } from './robustYears';
import { LARGE_PMEDIAN_PAIRS, pmedianHeuristic } from './pmedianSearch';
import { coverSetsOfInstance } from './coverSets';
import { mclpSearch } from './mclpSearch';
import { GroupTracker, restrictRule } from './rules';

/** Cost used by the heuristic for an unreachable pair (so objectives stay finite). */
const BIG = 1e9;

/** [primary, secondary] objective, lower is better (MCLP is negated). Compared lexicographically. */
type Score = [number, number];

const lexLess = (a: Score, b: Score, eps = 1e-9) => a[0] < b[0] - eps || (Math.abs(a[0] - b[0]) <= eps && a[1] < b[1] - eps);

/** Cost of unit i at site j for the heuristic: BIG for unreachable. */
function c(inst: Instance, i: number, j: number): number {
  const v = inst.cost[i * inst.m + j];
  return Number.isNaN(v) ? BIG : v;
}

/** Score of a set given each unit's best cost among the open sites. */
function scoreOf(inst: Instance, best: Float64Array): Score {
  const { n, weight, radius } = inst;
  if (inst.robust && inst.model === 'mclp') {
    // Robust MCLP: the robust objective (a share), ties by the first year's share.
    const shares = sharesFromBest(inst, best);
    return [-robustObjective(inst.robust, shares), -shares[0]];
  }
  let covered = 0;
  let total = 0;
  let worst = 0;
  for (let i = 0; i < n; i++) {
    const b = best[i];
    if (isCovered(b, radius)) covered += weight[i];
    total += weight[i] * b;
    if (b > worst) worst = b;
  }
  return scoreFromTotals(inst.model, covered, total, worst);
}

/**
 * The costs site by site (column-major, unreachable = BIG), made once per cost matrix: the
 * heuristic reads one site's column at a time, which in the row-major matrix jumps m values per
 * read. Same values, so the same results, only faster on large matrices.
 */
const columns = new WeakMap<Float64Array, Float64Array>();
function colMajor(inst: Instance): Float64Array {
  let t = columns.get(inst.cost);
  if (!t) {
    const { n, m, cost } = inst;
    t = new Float64Array(n * m);
    for (let i = 0; i < n; i++) {
      const off = i * m;
      for (let j = 0; j < m; j++) {
        const v = cost[off + j];
        t[j * n + i] = Number.isNaN(v) ? BIG : v;
      }
    }
    columns.set(inst.cost, t);
  }
  return t;
}

function bestCosts(inst: Instance, open: Uint8Array, skip = -1): Float64Array {
  const best = new Float64Array(inst.n).fill(BIG * 10);
  const t = colMajor(inst);
  const n = inst.n;
  for (let j = 0; j < inst.m; j++) {
    if (!open[j] || j === skip) continue;
    const off = j * n;
    for (let i = 0; i < n; i++) {
      const v = t[off + i];
      if (v < best[i]) best[i] = v;
    }
  }
  return best;
}

/**
 * Score if site j were added to the set whose best costs are `best`. One pass without a copy; the
 * same arithmetic in the same order as scoreOf over the updated costs, so the same score.
 */
function scoreWith(inst: Instance, best: Float64Array, j: number): Score {
  if (inst.robust && inst.model === 'mclp') {
    const tmp = new Float64Array(best);
    for (let i = 0; i < inst.n; i++) {
      const v = c(inst, i, j);
      if (v < tmp[i]) tmp[i] = v;
    }
    return scoreOf(inst, tmp);
  }
  const { n, weight, radius } = inst;
  const col = colMajor(inst);
  const off = j * n;
  let covered = 0;
  let total = 0;
  let worst = 0;
  for (let i = 0; i < n; i++) {
    const v = col[off + i];
    const bi = best[i];
    const b = v < bi ? v : bi;
    if (isCovered(b, radius)) covered += weight[i];
    total += weight[i] * b;
    if (b > worst) worst = b;
  }
  return scoreFromTotals(inst.model, covered, total, worst);
}

/** Site order for deterministic ties: by id. */
function idOrder(inst: Instance): number[] {
  return inst.siteIds.map((_, j) => j).sort((a, b) => (inst.siteIds[a] < inst.siteIds[b] ? -1 : inst.siteIds[a] > inst.siteIds[b] ? 1 : 0));
}

/**
 * Greedy: opens fixed sites, then repeatedly the site that improves the score most (ties by
 * id) until p new sites are open (MCLP, p-median, p-center). With needed groups (rules.ts), once
 * the picks left equal the groups without a site, only their sites are picked.
 */
export function greedy(inst: Instance): Uint8Array {
  const open = Uint8Array.from(inst.fixed);
  const order = idOrder(inst);
  const groups = new GroupTracker(inst.rules?.rule, open);
  let best = bestCosts(inst, open);
  for (let k = 0; k < inst.p; k++) {
    let pick = -1;
    let pickScore: Score = [Infinity, Infinity];
    for (const j of order) {
      if (open[j] || !groups.canPick(j, inst.p - k)) continue;
      const sc = scoreWith(inst, best, j);
      if (pick < 0 || lexLess(sc, pickScore)) {
        pick = j;
        pickScore = sc;
      }
    }
    if (pick < 0) break;
    open[pick] = 1;
    groups.add(pick);
    best = bestCosts(inst, open);
  }
  return open;
}

/**
 * Swap improvement (vertex substitution): exchanges an open, non-fixed site for a closed one
 * whenever that improves the score; repeats until no exchange helps. Deterministic scan order.
 * A needed group's last open site is only swapped for another site of the same group.
 */
export function swapImprove(inst: Instance, start: Uint8Array, maxPasses = 50): Uint8Array {
  const open = Uint8Array.from(start);
  const order = idOrder(inst);
  const groups = new GroupTracker(inst.rules?.rule, open);
  let current = scoreOf(inst, bestCosts(inst, open));
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    for (const s of order) {
      if (!open[s] || inst.fixed[s]) continue;
      const without = bestCosts(inst, open, s);
      let bestT = -1;
      let bestScore = current;
      for (const t of order) {
        if (open[t] || !groups.canSwap(s, t)) continue;
        const sc = scoreWith(inst, without, t);
        if (lexLess(sc, bestScore)) {
          bestT = t;
          bestScore = sc;
        }
      }
      if (bestT >= 0) {
        open[s] = 0;
        open[bestT] = 1;
        groups.remove(s);
        groups.add(bestT);
        current = bestScore;
        improved = true;
      }
    }
    if (!improved) break;
  }
  return open;
}

/**
 * LSCP: greedy by newly covered weight (ties by id) until all coverable demand — or the target
 * share — is covered, then a site in each needed group still without one (rules.ts), then drops
 * sites that became redundant (latest id first; never a needed group's last site).
 */
export function greedyCover(inst: Instance): Uint8Array {
  const { n, m, weight, radius } = inst;
  const open = Uint8Array.from(inst.fixed);
  const order = idOrder(inst);
  const coverable = coverableMask(inst);
  const covered = new Uint8Array(n);
  const mark = (j: number) => {
    for (let i = 0; i < n; i++) if (isCovered(inst.cost[i * m + j], radius)) covered[i] = 1;
  };
  for (let j = 0; j < m; j++) if (open[j]) mark(j);
  const need = inst.targetShare === null ? null : inst.targetShare * inst.totalWeight;
  const done = () => {
    let w = 0;
    for (let i = 0; i < n; i++) {
      if (need === null && weight[i] > 0 && coverable[i] && !covered[i]) return false;
      if (covered[i]) w += weight[i];
    }
    return need === null ? true : w >= need - 1e-9;
  };
  const groups = new GroupTracker(inst.rules?.rule, open);
  const gainOf = (j: number) => {
    let g = 0;
    for (let i = 0; i < n; i++) if (!covered[i] && isCovered(inst.cost[i * m + j], radius)) g += weight[i] > 0 ? weight[i] : 0;
    return g;
  };
  /** Opens the free site with the largest gain above `floor` among those `allowed` (ties: the first in `order`); false when none. */
  const openBest = (floor: number, allowed: (j: number) => boolean): boolean => {
    let pick = -1;
    let gain = floor;
    for (const j of order) {
      if (open[j] || !allowed(j)) continue;
      const g = gainOf(j);
      if (g > gain) {
        gain = g;
        pick = j;
      }
    }
    if (pick < 0) return false;
    open[pick] = 1;
    groups.add(pick);
    mark(pick);
    return true;
  };
  while (!done() && openBest(0, () => true));
  // Needed groups without a site (rules.ts): their site with the largest gain (ties by id).
  while (groups.unsatisfied > 0 && openBest(-1, (j) => groups.canPick(j, 0)));
  // Remove redundant sites (never a needed group's last one).
  for (const j of [...order].reverse()) {
    if (!open[j] || inst.fixed[j] || !groups.canClose(j)) continue;
    open[j] = 0;
    covered.fill(0);
    for (let k = 0; k < m; k++) if (open[k]) mark(k);
    if (!done()) {
      open[j] = 1;
      mark(j);
    } else groups.remove(j);
  }
  return open;
}

/**
 * Heuristic solution for any model. Large p-median instances (more than LARGE_PMEDIAN_PAIRS
 * demand × site pairs) use the fast greedy + interchange of pmedianSearch.ts, which scores by
 * Σ weight × cost alone; large MCLP instances (not robust) the fast greedy + interchange of
 * mclpSearch.ts, which scores by covered weight alone.
 */
export function heuristic(inst: Instance): Uint8Array {
  if (inst.model === 'lscp') return greedyCover(inst);
  if (inst.model === 'pmedian' && !inst.robust && inst.n * inst.m > LARGE_PMEDIAN_PAIRS) return pmedianHeuristic(inst);
  if (inst.model === 'mclp' && !inst.robust && inst.n * inst.m > LARGE_PMEDIAN_PAIRS) return mclpHeuristic(inst);
  return swapImprove(inst, greedy(inst));
}

/** MCLP by mclpSearch.ts on the unreduced cover sets: fixed sites plus p free ones (index order fills when fewer cover anything). */
function mclpHeuristic(inst: Instance): Uint8Array {
  const cs = coverSetsOfInstance(inst);
  const { open: local } = mclpSearch(cs, Math.min(inst.p, cs.K), { groups: inst.rules ? restrictRule(inst.rules.rule, cs.site) : null });
  const open = Uint8Array.from(inst.fixed);
  for (let k = 0; k < cs.K; k++) if (local[k]) open[cs.site[k]] = 1;
  let count = 0;
  for (let j = 0; j < inst.m; j++) if (open[j] && !inst.fixed[j]) count++;
  for (let j = 0; j < inst.m && count < inst.p; j++) if (!open[j]) {
    open[j] = 1;
    count++;
  }
  return open;
}

/**
 * A cheap valid bound on the optimum, for the heuristic's gap (null when none is known):
 * MCLP: covered by fixed sites + the p largest single-site gains (submodularity), or all the
 * weight any site covers when that is less (robust MCLP: the same per year, see robustBound);
 * p-median: every unit at its nearest site among all sites; p-center: the largest such cost.
 */
export function simpleBound(inst: Instance): number | null {
  const { n, m, weight, radius } = inst;
  if (inst.model === 'lscp') return null;
  if (inst.model === 'mclp' && inst.robust) return robustBound(inst);
  if (inst.model === 'mclp') {
    const base = new Uint8Array(n);
    let fixedW = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        if (inst.fixed[j] && isCovered(inst.cost[i * m + j], radius)) {
          base[i] = 1;
          break;
        }
      }
      if (base[i]) fixedW += weight[i];
    }
    const gains: number[] = [];
    const reach = new Uint8Array(n);
    for (let j = 0; j < m; j++) {
      if (inst.fixed[j]) continue;
      let g = 0;
      for (let i = 0; i < n; i++) if (!base[i] && isCovered(inst.cost[i * m + j], radius)) {
        g += weight[i];
        reach[i] = 1;
      }
      gains.push(g);
    }
    gains.sort((a, b) => b - a);
    let coverable = fixedW;
    for (let i = 0; i < n; i++) if (reach[i]) coverable += weight[i];
    return Math.min(coverable, fixedW + gains.slice(0, inst.p).reduce((a, b) => a + b, 0));
  }
  let total = 0;
  let worst = 0;
  for (let i = 0; i < n; i++) {
    let b = Infinity;
    for (let j = 0; j < m; j++) {
      const v = inst.cost[i * m + j];
      if (v < b) b = v;
    }
    if (b === Infinity) continue;
    total += weight[i] * b;
    if (b > worst) worst = b;
  }
  return inst.model === 'pmedian' ? total : worst;
}

/** The lexicographic score of a model from a set's covered weight, Σ weight × cost and largest cost. */
function scoreFromTotals(model: Instance['model'], covered: number, total: number, worst: number): Score {
  switch (model) {
    case 'mclp':
    case 'lscp':
      return [-covered, total];
    case 'pmedian':
      return [total, worst];
    case 'pcenter':
      return [worst, total];
  }
}
