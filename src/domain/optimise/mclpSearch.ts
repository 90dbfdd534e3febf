import type { CoverSets } from './coverSets';
import { GroupTracker, type GroupRule } from './rules';

/**
 * Fast MCLP heuristic on a covering problem in compact form (coverSets.ts): greedy by largest
 * gain, then the fast interchange (vertex substitution) in the form Whitaker (1983) and Resende &
 * Werneck (2007) give for the p-median, written for coverage: with cnt(g) the number of open
 * sites covering row g,
 *
 *   gain(t)   = Σ_{g ∈ R(t), cnt(g) = 0} w_g        (opening t),
 *   loss(s)   = Σ_{g ∈ R(s), cnt(g) = 1} w_g        (closing s),
 *   extra(s,t)= Σ_{g ∈ R(s) ∩ R(t), cnt(g) = 1} w_g  (rows only s covers that t covers too),
 *
 * and swapping s for t changes the covered weight by gain(t) − loss(s) + extra(s, t). One full
 * scan of the swap neighbourhood costs one pass over the incidence (plus, per row covered once,
 * its covering sites) instead of p × K evaluations. The best swap is made while it improves.
 *
 * Sites forced open stay open and banned sites stay closed; with needed groups (rules.ts, in
 * local numbering) the greedy fills them when the picks left equal the groups left, and a swap
 * never empties a needed group. Ties go to the lowest local index
 * (= the lowest site index), so the result is deterministic. Only covered weight counts (the
 * small-instance heuristic in heuristic.ts also breaks ties by Σ weight × cost).
 */

export interface SearchOptions {
  /** Local sites that must be open (counted in p). */
  forced?: ArrayLike<number> | null;
  /** Local sites that must stay closed. */
  banned?: ArrayLike<number> | null;
  /** At most this many improving swaps (default 10 000). */
  maxSwaps?: number;
  /** Needed groups (rules.ts) over the local sites. */
  groups?: GroupRule | null;
}

/** The greedy set: forced sites, then the largest gain (lowest index on ties) until p are open. */
export function mclpGreedy(cs: CoverSets, p: number, opts: SearchOptions = {}): Uint8Array {
  const { G, K, weight, gStart, gSites, sStart, sGroups } = cs;
  const open = new Uint8Array(K);
  const covered = new Uint8Array(G);
  const gain = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    let v = 0;
    for (let e = sStart[k]; e < sStart[k + 1]; e++) v += weight[sGroups[e]];
    gain[k] = v;
  }
  const openSite = (k: number) => {
    open[k] = 1;
    for (let e = sStart[k]; e < sStart[k + 1]; e++) {
      const g = sGroups[e];
      if (covered[g]) continue;
      covered[g] = 1;
      const w = weight[g];
      for (let f = gStart[g]; f < gStart[g + 1]; f++) gain[gSites[f]] -= w;
    }
  };
  let count = 0;
  const groups = new GroupTracker(opts.groups, open);
  if (opts.forced) for (let k = 0; k < K; k++) if (opts.forced[k] && !open[k]) {
    openSite(k);
    groups.add(k);
    count++;
  }
  while (count < p) {
    let pick = -1;
    for (let k = 0; k < K; k++) {
      if (open[k] || (opts.banned && opts.banned[k]) || !groups.canPick(k, p - count)) continue;
      if (pick < 0 || gain[k] > gain[pick]) pick = k;
    }
    if (pick < 0) break;
    openSite(pick);
    groups.add(pick);
    count++;
  }
  return open;
}

/** Covered weight of the open local sites (base included), and each row's cover count. */
export function coverCounts(cs: CoverSets, open: ArrayLike<number>): { value: number; cnt: Int32Array } {
  const cnt = new Int32Array(cs.G);
  for (let k = 0; k < cs.K; k++) {
    if (!open[k]) continue;
    for (let e = cs.sStart[k]; e < cs.sStart[k + 1]; e++) cnt[cs.sGroups[e]]++;
  }
  let value = cs.base;
  for (let g = 0; g < cs.G; g++) if (cnt[g] > 0) value += cs.weight[g];
  return { value, cnt };
}

/**
 * Best-improvement interchange from `start` (a mask over local sites with p open); returns the
 * improved mask and its covered weight (base included).
 */
export function mclpInterchange(cs: CoverSets, start: ArrayLike<number>, opts: SearchOptions = {}): { open: Uint8Array; value: number } {
  const { G, K, weight, gStart, gSites, sStart, sGroups } = cs;
  const open = Uint8Array.from(start as ArrayLike<number>);
  let total = 0;
  for (let g = 0; g < G; g++) total += weight[g];
  const eps = 1e-9 * Math.max(1, total);
  const gain = new Float64Array(K);
  const loss = new Float64Array(K);
  const maxSwaps = opts.maxSwaps ?? 10_000;
  let { value, cnt } = coverCounts(cs, open);
  const groups = new GroupTracker(opts.groups, open);
  for (let swap = 0; swap < maxSwaps; swap++) {
    const openList: number[] = [];
    const slot = new Int32Array(K).fill(-1);
    for (let k = 0; k < K; k++) if (open[k] && !(opts.forced && opts.forced[k])) {
      slot[k] = openList.length;
      openList.push(k);
    }
    if (!openList.length) break;
    gain.fill(0);
    loss.fill(0);
    const extra = new Float64Array(openList.length * K);
    for (let g = 0; g < G; g++) {
      const c = cnt[g];
      if (c > 1) continue;
      const w = weight[g];
      const a = gStart[g];
      const b = gStart[g + 1];
      if (c === 0) {
        for (let e = a; e < b; e++) gain[gSites[e]] += w;
        continue;
      }
      // Covered once: by which open site?
      let s = -1;
      for (let e = a; e < b; e++) if (open[gSites[e]]) {
        s = gSites[e];
        break;
      }
      loss[s] += w;
      const q = slot[s];
      if (q < 0) continue; // a forced site is never closed
      const off = q * K;
      for (let e = a; e < b; e++) extra[off + gSites[e]] += w;
    }
    let bestDelta = eps;
    let bestS = -1;
    let bestT = -1;
    for (let q = 0; q < openList.length; q++) {
      const s = openList[q];
      const off = q * K;
      const ls = loss[s];
      // The last open site of a needed group only goes for another site of that group.
      const only = groups.canClose(s) ? -1 : opts.groups!.of[s];
      for (let t = 0; t < K; t++) {
        if (open[t] || (opts.banned && opts.banned[t]) || (only >= 0 && opts.groups!.of[t] !== only)) continue;
        const d = gain[t] - ls + extra[off + t];
        if (d > bestDelta) {
          bestDelta = d;
          bestS = s;
          bestT = t;
        }
      }
    }
    if (bestS < 0) break;
    open[bestS] = 0;
    open[bestT] = 1;
    groups.remove(bestS);
    groups.add(bestT);
    for (let e = sStart[bestS]; e < sStart[bestS + 1]; e++) cnt[sGroups[e]]--;
    for (let e = sStart[bestT]; e < sStart[bestT + 1]; e++) cnt[sGroups[e]]++;
    value += bestDelta;
  }
  // Recount (no drift from summed deltas).
  return { open, value: coverCounts(cs, open).value };
}

/** Greedy followed by interchange: a local optimum with p open local sites. */
export function mclpSearch(cs: CoverSets, p: number, opts: SearchOptions = {}): { open: Uint8Array; value: number } {
  return mclpInterchange(cs, mclpGreedy(cs, p, opts), opts);
}
