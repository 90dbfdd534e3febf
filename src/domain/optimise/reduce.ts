import { isCovered } from '../views';
import type { Instance } from './problem';
import type { GroupRule } from './rules';

/**
 * Exact reductions of the covering models (MCLP, LSCP, robust MCLP, the LSCP inside p-center)
 * before they go to HiGHS. Each reduction keeps the optimum; the proofs are in the JSDoc below and
 * in docs/optimiser-performance.md.
 *
 * A covering model sees demand row i only through the set N(i) of free sites that cover it
 * (cost ≤ radius). Rows a fixed site covers are constants (covered whatever is chosen); rows
 * with an empty N(i) can never be covered by a choice. What remains:
 *
 * 1. Row merging: rows with the same N(i) are one row (weights summed; per year for robust).
 * 2. Site dominance: free site j is dominated by free site k when R(j) ⊆ R(k) (R = the model rows
 *    a site covers); with equal sets the lowest index stays. Replacing j by k in any solution
 *    covers at least as much, so an optimal solution among the undominated sites exists
 *    (dominance is a strict order, so every dropped site has an undominated dominator). With a
 *    group rule (rules.ts), a site of a needed group is only dominated by a site of the same group:
 *    across groups the swap could leave a group that needs a site without one.
 * 3. Row dominance (cover-all LSCP only): row b is implied by row a when N(a) ⊆ N(b).
 * 4. Bound fixing (MCLP only, with a known solution of value LB): site j cannot be in a solution
 *    better than LB when fixedW + G(j) + the p − 1 largest other gains < LB (coverage is
 *    submodular, so Σ gains bounds it); it is dropped.
 *
 * With an exactly-p constraint (MCLP) a solution may need dominated or dropped sites to fill p:
 * the p row becomes min(p, kept) ≤ Σx ≤ p and the caller fills up to p afterwards with any other
 * free sites — coverage never decreases when a site is added, so the filled set is optimal too.
 */

/** The covering model after reductions. */
export interface CoverModel {
  /** Free sites kept as columns, ascending site index. */
  sites: number[];
  /** Model rows: each is one or more demand rows (`members`) with the same covering sites. */
  groups: CoverGroup[];
  /** Demand rows covered by a fixed site (constants). */
  base: Uint8Array;
  /** Active rows (not fixed-covered) that no free site covers. */
  uncoverable: number[];
  /** For each site: the kept site that replaces it in a mapped solution (itself when kept; -1 when fixed or none). */
  replacement: Int32Array;
  /** Counts of the unreduced model: active rows with a cover, free sites, Σ |N(i)| over those rows. */
  before: { rows: number; sites: number; pairs: number };
  stats: { mergedRows: number; dominatedSites: number; dominatedRows: number; boundFixedSites: number };
}

export interface CoverGroup {
  /** Demand rows in the group, ascending. */
  members: number[];
  /** Kept free sites that cover the group, ascending site index. */
  sites: number[];
}

export interface CoverOptions {
  radius: number;
  /** Which rows the model has (e.g. weight > 0); rows covered by a fixed site are constants anyway. */
  active: (i: number) => boolean;
  /**
   * Free sites left out of the model (mask over sites, 1 = left out), e.g. dropped by the
   * Lagrangian reduced-cost test (mclpLagrangian.ts); they get no replacement.
   */
  exclude?: ArrayLike<number> | null;
  /** Merge rows with the same covering sites (default true; false gives the unreduced model). */
  mergeRows?: boolean;
  /** Drop dominated sites (default true). */
  dominateSites?: boolean;
  /** Drop implied rows (only for models that must cover every row: cover-all LSCP, p-center). */
  dominateRows?: boolean;
  /**
   * MCLP bound fixing: the weight of each demand row, the number of new sites p and the value LB
   * of a known solution (covered weight, fixed-covered rows included).
   */
  boundFix?: { weight: ArrayLike<number>; p: number; lowerBound: number };
}

/** Above this many group × site bits, membership tests use binary search instead of bitsets. */
const BITSET_LIMIT_BITS = 2 ** 28;

/** The covering rows and sites of `inst` at `opts.radius`, reduced (see the module comment). */
export function reduceCover(inst: Instance, opts: CoverOptions): CoverModel {
  const { n, m, cost, fixed } = inst;
  const radius = opts.radius;
  const base = new Uint8Array(n);
  const uncoverable: number[] = [];
  const rows: number[] = [];
  const sets: number[][] = [];
  let pairs = 0;
  let freeCount = 0;
  const out = (j: number) => !!opts.exclude && !!opts.exclude[j] && !fixed[j];
  for (let j = 0; j < m; j++) if (!fixed[j]) freeCount++;
  for (let i = 0; i < n; i++) {
    const off = i * m;
    let byFixed = false;
    for (let j = 0; j < m; j++) {
      if (fixed[j] && isCovered(cost[off + j], radius)) {
        byFixed = true;
        break;
      }
    }
    if (byFixed) {
      base[i] = 1;
      continue;
    }
    if (!opts.active(i)) continue;
    const near: number[] = [];
    for (let j = 0; j < m; j++) if (!fixed[j] && !out(j) && isCovered(cost[off + j], radius)) near.push(j);
    if (!near.length) {
      uncoverable.push(i);
      continue;
    }
    rows.push(i);
    sets.push(near);
    pairs += near.length;
  }

  const replacement = new Int32Array(m).fill(-1);
  let kept: number[] = [];
  for (let j = 0; j < m; j++) if (!fixed[j] && !out(j)) {
    kept.push(j);
    replacement[j] = j;
  }
  const stats = { mergedRows: 0, dominatedSites: 0, dominatedRows: 0, boundFixedSites: 0 };
  const single = rows.map((i, q) => ({ members: [i], sites: sets[q] }));
  let groups = opts.mergeRows === false ? single : merge(single);
  stats.mergedRows = rows.length - groups.length;

  for (let round = 0; round < 20; round++) {
    let changed = false;
    if (opts.dominateRows) {
      const before = groups.length;
      groups = dropImpliedRows(groups, m);
      if (groups.length < before) {
        stats.dominatedRows += before - groups.length;
        changed = true;
      }
    }
    if (opts.dominateSites !== false) {
      const dom = dominatedSites(groups, kept, m, inst.rules?.rule ?? null);
      if (dom.size) {
        for (const [j, k] of dom) replacement[j] = k;
        stats.dominatedSites += dom.size;
        kept = kept.filter((j) => !dom.has(j));
        groups = restrict(groups, kept, m);
        changed = true;
      }
    }
    if (opts.boundFix) {
      const drop = boundFixed(inst, groups, kept, opts.boundFix, base);
      if (drop.size) {
        for (const j of drop) replacement[j] = -1;
        stats.boundFixedSites += drop.size;
        kept = kept.filter((j) => !drop.has(j));
        groups = restrict(groups, kept, m);
        changed = true;
      }
    }
    if (!changed) break;
  }
  // Resolve replacement chains to kept sites (a dominator may itself have been dominated).
  const keptMask = new Uint8Array(m);
  for (const j of kept) keptMask[j] = 1;
  for (let j = 0; j < m; j++) {
    let k = replacement[j];
    let guard = 0;
    while (k >= 0 && !keptMask[k] && guard++ < m) k = replacement[k] === k ? -1 : replacement[k];
    replacement[j] = k;
  }
  return { sites: kept, groups, base, uncoverable, replacement, before: { rows: rows.length, sites: freeCount, pairs }, stats };
}

/** Groups with equal site sets merged (members concatenated, ascending); empty sets dropped. */
function merge(groups: CoverGroup[]): CoverGroup[] {
  const byKey = new Map<string, CoverGroup>();
  const out: CoverGroup[] = [];
  for (const g of groups) {
    if (!g.sites.length) continue;
    const key = g.sites.join(',');
    const seen = byKey.get(key);
    if (seen) {
      for (const i of g.members) seen.members.push(i);
    } else {
      const copy = { members: [...g.members], sites: g.sites };
      byKey.set(key, copy);
      out.push(copy);
    }
  }
  for (const g of out) g.members.sort((a, b) => a - b);
  return out;
}

/** Groups with their site sets restricted to `kept`, then merged again. */
function restrict(groups: CoverGroup[], kept: number[], m: number): CoverGroup[] {
  const mask = new Uint8Array(m);
  for (const j of kept) mask[j] = 1;
  return merge(groups.map((g) => ({ members: g.members, sites: g.sites.filter((j) => mask[j]) })));
}

/** Membership tests "site k covers group g", by bitsets when small enough, else binary search. */
function membership(groups: CoverGroup[], m: number): (g: number, k: number) => boolean {
  const words = (m + 31) >>> 5;
  if (groups.length * words * 32 <= BITSET_LIMIT_BITS) {
    const bits = new Uint32Array(groups.length * words);
    groups.forEach((g, q) => {
      for (const j of g.sites) bits[q * words + (j >>> 5)] |= 1 << (j & 31);
    });
    return (g, k) => (bits[g * words + (k >>> 5)] & (1 << (k & 31))) !== 0;
  }
  return (g, k) => {
    const s = groups[g].sites;
    let lo = 0;
    let hi = s.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid] === k) return true;
      if (s[mid] < k) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  };
}

/** Groups of each site (ascending group index). */
function rowsOfSites(groups: CoverGroup[], m: number): number[][] {
  const out: number[][] = Array.from({ length: m }, () => []);
  groups.forEach((g, q) => {
    for (const j of g.sites) out[j].push(q);
  });
  return out;
}

/**
 * Dominated sites among `kept`: j → its dominator k, where R(j) ⊆ R(k) and (R(j) ⊂ R(k) or
 * k < j). All are found against the same sets; the order is strict, so each dominated site has an
 * undominated dominator among the sites that stay. With a group rule, a site of a needed group
 * (rule.of[j] ≥ 0) is only dominated by a site of the same group, so its final dominator is in
 * that group too.
 */
export function dominatedSites(groups: CoverGroup[], kept: number[], m: number, rule: GroupRule | null = null): Map<number, number> {
  const R = rowsOfSites(groups, m);
  const has = membership(groups, m);
  const out = new Map<number, number>();
  const fits = (j: number, k: number) => !rule || rule.of[j] < 0 || rule.of[k] === rule.of[j];
  for (const j of kept) {
    const rj = R[j];
    if (!rj.length) {
      // A site covering nothing is dominated by the first site that covers something (or, if none
      // does, by the lowest-index site), among the sites it may be replaced by.
      let dom = -1;
      for (const k of kept) if (k !== j && fits(j, k) && R[k].length) {
        dom = k;
        break;
      }
      if (dom < 0) for (const k of kept) {
        if (k >= j) break;
        if (fits(j, k)) {
          dom = k;
          break;
        }
      }
      if (dom >= 0) out.set(j, dom);
      continue;
    }
    // Candidates: sites covering j's row with the fewest covering sites.
    let rare = rj[0];
    for (const g of rj) if (groups[g].sites.length < groups[rare].sites.length) rare = g;
    let best = -1;
    for (const k of groups[rare].sites) {
      if (k === j || !fits(j, k)) continue;
      const rk = R[k];
      if (rk.length < rj.length || (rk.length === rj.length && k > j)) continue;
      let all = true;
      for (const g of rj) {
        if (!has(g, k)) {
          all = false;
          break;
        }
      }
      // Prefer the dominator with the most rows, then the lowest index (deterministic).
      if (all && (best < 0 || rk.length > R[best].length || (rk.length === R[best].length && k < best))) best = k;
    }
    if (best >= 0) out.set(j, best);
  }
  return out;
}

/** Groups without the implied ones: b is dropped when some other group a has N(a) ⊆ N(b). */
function dropImpliedRows(groups: CoverGroup[], m: number): CoverGroup[] {
  const R = rowsOfSites(groups, m);
  const has = membership(groups, m);
  const drop = new Uint8Array(groups.length);
  groups.forEach((a, qa) => {
    if (drop[qa]) return;
    let rare = a.sites[0];
    for (const s of a.sites) if (R[s].length < R[rare].length) rare = s;
    for (const qb of R[rare]) {
      // Sets are distinct after merging, so N(a) ⊆ N(b) needs |N(b)| > |N(a)|.
      if (qb === qa || drop[qb] || groups[qb].sites.length <= a.sites.length) continue;
      let all = true;
      for (const s of a.sites) {
        if (!has(qb, s)) {
          all = false;
          break;
        }
      }
      if (all) drop[qb] = 1;
    }
  });
  return groups.filter((_, q) => !drop[q]);
}

/** MCLP bound fixing (see the module comment): sites that cannot be in a solution better than LB. */
function boundFixed(inst: Instance, groups: CoverGroup[], kept: number[], fix: NonNullable<CoverOptions['boundFix']>, base: Uint8Array): Set<number> {
  const out = new Set<number>();
  if (fix.p <= 0 || kept.length <= fix.p) return out;
  let fixedW = 0;
  for (let i = 0; i < inst.n; i++) if (base[i]) fixedW += fix.weight[i];
  const gain = new Float64Array(inst.m);
  for (const g of groups) {
    let w = 0;
    for (const i of g.members) w += fix.weight[i];
    for (const j of g.sites) gain[j] += w;
  }
  const sorted = kept.map((j) => gain[j]).sort((a, b) => b - a);
  let topP = 0;
  for (let k = 0; k < fix.p; k++) topP += sorted[k];
  const pth = sorted[fix.p - 1];
  const tol = 1e-9 * Math.max(1, Math.abs(fix.lowerBound));
  for (const j of kept) {
    // The p − 1 largest gains of the other sites: the top p without j when j is among them, else
    // the top p without the p-th.
    const others = gain[j] >= pth ? topP - gain[j] : topP - pth;
    if (fixedW + gain[j] + others < fix.lowerBound - tol) out.add(j);
  }
  return out;
}
