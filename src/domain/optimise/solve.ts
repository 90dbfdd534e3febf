import type { Highs } from 'highs';
import { greedy, heuristic, simpleBound } from './heuristic';
import { solveLscp, solveMclp, solvePmedian, type MilpOutcome } from './milp';
import { solveRobustMclp } from './robust';
import { better, evaluate, infeasibility, toInstance, type Instance, type SolveMessage, type SolveProblem, type SolveResult } from './problem';

export interface SolveOptions {
  /** HiGHS runtime for the exact solve; without it the heuristic answers. */
  highs?: Highs | null;
  /** Force the heuristic even when HiGHS is available. */
  heuristicOnly?: boolean;
  /** Called with the heuristic's result before the exact solve starts (instant preview). */
  onPreview?: (r: SolveResult) => void;
  /** Wall clock, ms; injectable for tests. */
  now?: () => number;
}

const DEFAULT_TIME_LIMIT_S = 30;

function relGap(model: Instance['model'], objective: number, bound: number | null): number | null {
  if (bound === null || !Number.isFinite(bound)) return null;
  const diff = model === 'mclp' ? bound - objective : objective - bound;
  if (diff <= 1e-9 * Math.max(1, Math.abs(objective))) return 0;
  return diff / Math.max(Math.abs(objective), 1e-9);
}

function result(inst: Instance, open: Uint8Array, status: SolveResult['status'], method: 'exact' | 'heuristic', bound: number | null, t0: number, now: () => number): SolveResult {
  const ev = evaluate(inst, open);
  const gap = relGap(inst.model, ev.objective, bound);
  return {
    status: gap === 0 ? 'optimal' : status,
    objective: ev.objective,
    selected: inst.siteIds.filter((_, j) => open[j]),
    covered_weight: ev.covered_weight,
    covered_share: ev.covered_share,
    covered_count: ev.covered_count,
    mean_cost: ev.mean_cost,
    max_cost: ev.max_cost,
    ...(ev.by_year ? { by_year: ev.by_year } : {}),
    gap,
    bound,
    method,
    elapsed_ms: now() - t0,
  };
}

/** The result with `message` as its message (replacing any earlier one). */
function withMessage(r: SolveResult, message: SolveMessage): SolveResult {
  const { message_code: _code, message_params: _params, ...rest } = r;
  return { ...rest, message_code: message.code, ...(message.params ? { message_params: message.params } : {}) };
}

function mustReachAll(inst: Instance): boolean {
  return inst.model === 'pmedian' || inst.model === 'pcenter';
}

/** Units that must reach an open site but do not. */
function unreachedUnits(inst: Instance, open: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < inst.n; i++) {
    if (inst.model === 'pmedian' && !(inst.weight[i] > 0)) continue;
    let ok = false;
    for (let j = 0; j < inst.m && !ok; j++) if (open[j] && !Number.isNaN(inst.cost[i * inst.m + j])) ok = true;
    if (!ok) count++;
  }
  return count;
}

function emptyResult(status: SolveResult['status'], message: SolveMessage): SolveResult {
  return withMessage({ status, objective: 0, selected: [], covered_weight: 0, covered_share: 0, covered_count: 0, mean_cost: 0, max_cost: 0, gap: null }, message);
}

/**
 * p-center exactly: the smallest radius r (among the matrix's cost values) for which at most p
 * new sites cover every unit within r, found by bisection over LSCP feasibility MILPs; then
 * filled up to p sites greedily. Proven optimal when every MILP was proven.
 */
function solvePcenter(h: Highs, inst: Instance, deadline: number, now: () => number, upper: number): MilpOutcome & { open: Uint8Array | null } {
  let lb = 0;
  for (let i = 0; i < inst.n; i++) {
    let b = Infinity;
    for (let j = 0; j < inst.m; j++) b = Math.min(b, Number.isNaN(inst.cost[i * inst.m + j]) ? Infinity : inst.cost[i * inst.m + j]);
    lb = Math.max(lb, b);
  }
  const values = [...new Set(Array.from(inst.cost).filter((v) => Number.isFinite(v) && v >= lb - 1e-12 && v <= upper + 1e-12))].sort((a, b) => a - b);
  let lo = 0;
  let hi = values.length - 1;
  let proven = true;
  let bestOpen: Uint8Array | null = null;
  let provenLower = values[0] ?? lb;
  const feasible = (r: number): Uint8Array | null | 'unknown' => {
    const left = (deadline - now()) / 1000;
    if (left <= 0) return 'unknown';
    const out = solveLscp(h, inst, left, r, true);
    if (out.status === 'infeasible') return null;
    if (out.status === 'optimal') return out.objective !== null && out.objective <= inst.p + 1e-9 ? out.open : null;
    if (out.open && out.objective !== null && out.objective <= inst.p + 1e-9) return out.open;
    return 'unknown';
  };
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const f = feasible(values[mid]);
    if (f === 'unknown') {
      proven = false;
      lo = mid + 1; // cannot prove; search above, keeping the heuristic's radius as fallback
      continue;
    }
    if (f) {
      hi = mid;
      bestOpen = f;
    } else {
      lo = mid + 1;
      provenLower = values[lo] ?? provenLower;
    }
  }
  if (!bestOpen) {
    const f = values.length ? feasible(values[hi]) : null;
    if (f && f !== 'unknown') bestOpen = f;
  }
  if (!bestOpen) return { status: proven ? 'infeasible' : 'unknown', open: null, objective: null, bound: provenLower };
  // Fill up to exactly p new sites (greedy on the same lexicographic score), keeping the radius.
  const newCount = (o: Uint8Array) => o.reduce((s, v, j) => s + (v && !inst.fixed[j] ? 1 : 0), 0);
  const filled = greedy({ ...inst, fixed: bestOpen, p: inst.p - newCount(bestOpen) });
  const open = Uint8Array.from(filled);
  const objective = evaluate(inst, open).objective;
  return { status: proven ? 'optimal' : 'feasible', open, objective, bound: proven ? objective : provenLower };
}

/**
 * Solves a location problem: the heuristic first (greedy + swap, or greedy cover for LSCP) as an
 * instant preview and fallback, then the exact MILP with HiGHS under the time limit. The result
 * says whether it is proven optimal and, if not, its gap to the best known bound.
 */
export function solve(problem: SolveProblem, opts: SolveOptions = {}): SolveResult {
  const now = opts.now ?? (() => Date.now());
  const t0 = now();
  const inst = toInstance(problem);
  const why = infeasibility(inst);
  if (why) return { ...emptyResult('infeasible', why), elapsed_ms: now() - t0 };

  const hOpen = heuristic(inst);

  // p-median and p-center need every unit (p-median: every unit with demand) to reach an open site.
  const hFeasible = !mustReachAll(inst) || unreachedUnits(inst, hOpen) === 0;
  const preview = hFeasible
    ? result(inst, hOpen, 'feasible', 'heuristic', simpleBound(inst), t0, now)
    : { ...emptyResult('infeasible', { code: 'heuristic_no_solution', params: { p: inst.p, unreached: unreachedUnits(inst, hOpen) } }), elapsed_ms: now() - t0 };
  opts.onPreview?.(preview);
  if (!opts.highs || opts.heuristicOnly) return preview;


  const limit = (problem.time_limit_s ?? DEFAULT_TIME_LIMIT_S) * 1000;
  const deadline = t0 + limit;
  const left = () => Math.max(0.01, (deadline - now()) / 1000);
  let out: MilpOutcome;
  switch (inst.model) {
    case 'mclp':
      out = inst.robust ? solveRobustMclp(opts.highs, inst, left(), now) : solveMclp(opts.highs, inst, left());
      break;
    case 'pmedian':
      out = solvePmedian(opts.highs, inst, left());
      break;
    case 'lscp':
      out = solveLscp(opts.highs, inst, left());
      break;
    case 'pcenter':
      out = solvePcenter(opts.highs, inst, deadline, now, hFeasible ? preview.objective : Infinity);
      break;
  }
  if (out.status === 'infeasible') {
    return { ...emptyResult('infeasible', { code: 'no_solution' }), elapsed_ms: now() - t0 };
  }
  const bound = out.bound ?? preview.bound ?? null;
  if (!out.open) {
    if (!hFeasible) return withMessage(preview, { code: 'timeout_no_solution' });
    return withMessage(result(inst, hOpen, 'feasible', 'heuristic', bound, t0, now), { code: 'timeout_heuristic_shown' });
  }
  const exact = result(inst, out.open, out.status === 'optimal' ? 'optimal' : 'feasible', 'exact', out.status === 'optimal' ? evaluate(inst, out.open).objective : bound, t0, now);
  if (exact.status !== 'optimal' && hFeasible && better(inst.model, preview.objective, exact.objective)) {
    return withMessage(result(inst, hOpen, 'feasible', 'heuristic', bound, t0, now), { code: 'timeout_heuristic_better' });
  }
  if (exact.status !== 'optimal') return withMessage(exact, { code: 'timeout_not_proven' });
  return exact;
}

