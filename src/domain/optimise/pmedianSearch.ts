import type { Instance } from './problem';
import { GroupTracker } from './rules';

/**
 * Fast p-median heuristic for large instances: greedy (largest saving first) and then the fast
 * vertex-substitution (interchange) of Whitaker (1983) in the form of Resende & Werneck (2007):
 * for every closed candidate t the saving of opening it, and for every open site r the loss of
 * closing it, come from each unit's nearest and second-nearest open site, so one full scan of the
 * swap neighbourhood costs one pass over the cost matrix instead of p passes.
 *
 * Only units with weight > 0 count (as in the MILP). Unreachable pairs cost `BIG`. Sites are
 * scanned in index order, so the result is deterministic.
 */

const BIG = 1e9;

/**
 * Above this many demand × site pairs a p-median instance is large: the fast heuristic here
 * replaces greedy + swap, and the Lagrangian bound alone may prove the result (milp.ts).
 */
export const LARGE_PMEDIAN_PAIRS = 500_000;

/** Objective Σ weight × cost to the nearest open site over units with weight > 0 (BIG when unreachable). */
export function pmedianValue(inst: Instance, open: ArrayLike<number>): number {
  const { n, m, cost, weight } = inst;
  const openList: number[] = [];
  for (let j = 0; j < m; j++) if (open[j]) openList.push(j);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weight[i];
    if (!(w > 0)) continue;
    let best = BIG;
    const off = i * m;
    for (const j of openList) {
      const c = cost[off + j];
      if (c < best) best = c;
    }
    total += w * best;
  }
  return total;
}

/** Nearest and second-nearest open site of every unit. */
interface Nearest {
  d1: Float64Array;
  c1: Int32Array;
  d2: Float64Array;
}

function nearest(inst: Instance, open: Uint8Array): Nearest {
  const { n, m, cost } = inst;
  const openList: number[] = [];
  for (let j = 0; j < m; j++) if (open[j]) openList.push(j);
  const d1 = new Float64Array(n).fill(BIG * 10);
  const d2 = new Float64Array(n).fill(BIG * 10);
  const c1 = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const off = i * m;
    let a = BIG * 10;
    let b = BIG * 10;
    let ja = -1;
    for (const j of openList) {
      let c = cost[off + j];
      if (Number.isNaN(c)) c = BIG;
      if (c < a) {
        b = a;
        a = c;
        ja = j;
      } else if (c < b) b = c;
    }
    d1[i] = a;
    d2[i] = b;
    c1[i] = ja;
  }
  return { d1, c1, d2 };
}

/**
 * Greedy: fixed sites open, then p times the free site with the largest saving (ties: lowest
 * index); needed groups (rules.ts) are filled when the picks left equal the groups left.
 */
export function pmedianGreedy(inst: Instance): Uint8Array {
  const { n, m, cost, weight, fixed } = inst;
  const open = Uint8Array.from(fixed);
  const d1 = nearest(inst, open).d1;
  const gain = new Float64Array(m);
  const groups = new GroupTracker(inst.rules?.rule, open);
  for (let k = 0; k < inst.p; k++) {
    gain.fill(0);
    for (let i = 0; i < n; i++) {
      const w = weight[i];
      if (!(w > 0)) continue;
      const off = i * m;
      const d = d1[i];
      for (let t = 0; t < m; t++) {
        const c = cost[off + t];
        if (c < d) gain[t] += w * (d - c);
      }
    }
    let pick = -1;
    for (let t = 0; t < m; t++) if (!open[t] && groups.canPick(t, inst.p - k) && (pick < 0 || gain[t] > gain[pick])) pick = t;
    if (pick < 0) break;
    open[pick] = 1;
    groups.add(pick);
    for (let i = 0; i < n; i++) {
      let c = cost[i * m + pick];
      if (Number.isNaN(c)) c = BIG;
      if (c < d1[i]) d1[i] = c;
    }
  }
  return open;
}

/**
 * Best-improvement interchange until no swap (one open free site out, one closed site in) lowers
 * the objective by more than a relative 1e-12; at most `maxSwaps` swaps. A needed group's last
 * open site is only swapped for another site of its group.
 */
export function pmedianInterchange(inst: Instance, start: Uint8Array, maxSwaps = 10_000): Uint8Array {
  const { n, m, cost, weight, fixed } = inst;
  const open = Uint8Array.from(start);
  const gain = new Float64Array(m);
  const loss = new Float64Array(m);
  const rule = inst.rules?.rule ?? null;
  const groups = new GroupTracker(rule, open);
  for (let swaps = 0; swaps < maxSwaps; swaps++) {
    const openFree: number[] = [];
    for (let j = 0; j < m; j++) if (open[j] && !fixed[j]) openFree.push(j);
    if (!openFree.length) break;
    const P = openFree.length;
    const pos = new Int32Array(m).fill(-1);
    openFree.forEach((j, q) => (pos[j] = q));
    const { d1, c1, d2 } = nearest(inst, open);
    gain.fill(0);
    loss.fill(0);
    const extra = new Float64Array(m * P);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const w = weight[i];
      if (!(w > 0)) continue;
      const a = d1[i];
      const b = d2[i];
      total += w * a;
      const r = pos[c1[i]] ?? -1;
      if (r >= 0) loss[c1[i]] += w * (b - a);
      const off = i * m;
      for (let t = 0; t < m; t++) {
        const c = cost[off + t];
        if (!(c < b)) continue;
        if (c < a) gain[t] += w * (a - c);
        if (r >= 0) extra[t * P + r] += w * (b - (c > a ? c : a));
      }
    }
    let best = 1e-12 * Math.max(1, total);
    let bestIn = -1;
    let bestOut = -1;
    for (let t = 0; t < m; t++) {
      if (open[t]) continue;
      for (let q = 0; q < P; q++) {
        const r = openFree[q];
        if (rule && !groups.canSwap(r, t)) continue;
        const profit = gain[t] - loss[r] + extra[t * P + q];
        if (profit > best) {
          best = profit;
          bestIn = t;
          bestOut = r;
        }
      }
    }
    if (bestIn < 0) break;
    open[bestOut] = 0;
    open[bestIn] = 1;
    groups.remove(bestOut);
    groups.add(bestIn);
  }
  return open;
}

/** Greedy + interchange (the heuristic for large p-median instances). */
export function pmedianHeuristic(inst: Instance): Uint8Array {
  return pmedianInterchange(inst, pmedianGreedy(inst));
}
