import { isCovered } from '../views';

/**
 * Demand no possible site reaches within T (issue 12, item 8): before solving, the units that
 * neither today's sites nor any candidate of the set reach within the threshold. No choice of sites
 * can cover them, so an LSCP target above what the rest make up is capped instead of failing.
 */

export interface ReachInput {
  /**
   * Demand rows: unit id, its children 0–6 (head count) and its demand weight (children × need
   * weight, what the solver's coverage share counts).
   */
  demand: readonly { id: string; children: number; weight: number }[];
  /** Minutes from demand row i to site j (every possible site: today's and the candidates); null = no route. */
  cost: readonly (readonly (number | null)[])[];
  /** The threshold T, minutes (covered when minutes ≤ T). */
  thresholdMinutes: number;
}

export interface ReachSummary {
  /** Ids of the units with children that no possible site reaches within T, in row order. */
  ids: string[];
  /** Their children 0–6. */
  children: number;
  /** All children 0–6 of the rows. */
  total_children: number;
  /** Share (0–1) of the children some possible site reaches within T; 1 when there are no children. */
  reachable_share: number;
  /**
   * Share (0–1) of the demand weight some possible site reaches within T: the highest coverage
   * target an LSCP can meet (its target counts weight); 1 when the total weight is 0.
   */
  reachable_weight_share: number;
}

/** The units no possible site reaches within T, and what share can be reached at most. */
export function reachSummary(input: ReachInput): ReachSummary {
  const ids: string[] = [];
  let children = 0;
  let total = 0;
  let weight = 0;
  let lostWeight = 0;
  input.demand.forEach((d, i) => {
    total += d.children;
    weight += d.weight;
    if (input.cost[i].some((c) => c !== null && isCovered(c, input.thresholdMinutes))) return;
    lostWeight += d.weight;
    if (!(d.children > 0)) return;
    ids.push(d.id);
    children += d.children;
  });
  return {
    ids,
    children,
    total_children: total,
    reachable_share: total > 0 ? (total - children) / total : 1,
    reachable_weight_share: weight > 0 ? (weight - lostWeight) / weight : 1,
  };
}

/** An LSCP target as requested and as solved. */
export interface TargetCap {
  /** The share the planner asked for (0–1; 1 = all children). */
  requested: number;
  /** The share solved for: the requested one, or at most the reachable weight share. */
  target: number;
  /** True when the request was above what can be reached and was lowered. */
  capped: boolean;
}

/**
 * Caps an LSCP coverage target (0–1; undefined = all demand) at the reachable weight share.
 * A target of all demand stays "all" (undefined in the problem) when every unit can be reached.
 */
export function capTarget(requested: number | undefined, reach: Pick<ReachSummary, 'reachable_weight_share'>): TargetCap {
  const want = requested ?? 1;
  const max = reach.reachable_weight_share;
  return want > max ? { requested: want, target: max, capped: true } : { requested: want, target: want, capped: false };
}
