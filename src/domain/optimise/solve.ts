import type { Highs } from 'highs';
import { greedy, heuristic, simpleBound } from './heuristic';
import { pmedianSizeBefore, solveLscp, solveMclp, solvePmedian, type MilpOutcome } from './milp';
import { solvePmedianLarge } from './pmedianLarge';
import { LARGE_PMEDIAN_PAIRS } from './pmedianSearch';
import { solveRobustMclp } from './robust';
import { better, evaluate, infeasibility, toInstance, type Instance, type SolveMessage, type ModelSize, type SolveProblem, type SolveResult } from './problem';
import { RULE_MESSAGE_CODES, applyMinBase, groupInfeasibility, groupsSatisfied, type RuleMessage } from './rules';

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

function result(inst: Instance, open: Uint8Array, status: SolveResult['status'], method: NonNullable<SolveResult['method']>, bound: number | null, t0: number, now: () => number, size?: ModelSize): SolveResult {
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
    ...(size ? { model_size: size } : {}),
  };
}

/** The result with `message` as its message (replacing any earlier one). */
function withMessage(r: SolveResult, message: SolveMessage): SolveResult {
  const { message_code: _code, message_params: _params, ...rest } = r;
  return { ...rest, message_code: message.code, ...(message.params ? { message_params: message.params } : {}) };
}

/** p-median with more than LARGE_PMEDIAN_PAIRS demand × site pairs goes the Lagrangian way (pmedianLarge.ts). */
function isLargePmedian(inst: Instance): boolean {
  return inst.model === 'pmedian' && inst.n * inst.m > LARGE_PMEDIAN_PAIRS;
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
  const values = candidateRadii(inst.cost, lb, upper);
  let lo = 0;
  let hi = values.length - 1;
  let proven = true;
  let bestOpen: Uint8Array | null = null;
  let provenLower = values[0] ?? lb;
  let size: ModelSize | undefined;
  let milps = 0;
  const feasible = (r: number): Uint8Array | null | 'unknown' => {
    const left = (deadline - now()) / 1000;
    if (left <= 0) return 'unknown';
    // Feasibility only: a cover within r by at most p new sites (reduced, see reduce.ts).
    const out = solveLscp(h, inst, left, r, true, { maxSites: inst.p });
    milps++;
    if (out.size && (!size || out.size.nonzeros > size.nonzeros)) size = out.size;
    if (out.status === 'infeasible') return null;
    if (out.open && out.objective !== null && newCount(out.open) <= inst.p) return out.open;
    return 'unknown';
  };
  const newCount = (o: Uint8Array) => o.reduce((s, v, j) => s + (v && !inst.fixed[j] ? 1 : 0), 0);
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const f = feasible(values[mid]);
    if (f === 'unknown') {
      proven = false;
      lo = mid + 1; // cannot prove; search above, keeping the heuristic's radius as fallback
      continue;
    }
    if (f) {
      // The cover's own largest cost may be below the radius tried.
      const reached = evaluate(inst, f).max_cost;
      let k = mid;
      while (k > lo && values[k - 1] >= reached - 1e-12) k--;
      hi = k;
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
  const sized = size ? { ...size, milps } : undefined;
  if (!bestOpen) return { status: proven ? 'infeasible' : 'unknown', open: null, objective: null, bound: provenLower, size: sized };
  // Fill up to exactly p new sites (greedy on the same lexicographic score), keeping the radius.
  const filled = greedy({ ...inst, fixed: bestOpen, p: inst.p - newCount(bestOpen) });
  const open = Uint8Array.from(filled);
  const objective = evaluate(inst, open).objective;
  return { status: proven ? 'optimal' : 'feasible', open, objective, bound: proven ? objective : provenLower, size: sized };
}

/** The distinct finite costs in [lb, upper], ascending (the radii p-center can take). */
function candidateRadii(cost: Float64Array, lb: number, upper: number): Float64Array {
  let count = 0;
  for (let k = 0; k < cost.length; k++) {
    const v = cost[k];
    if (v >= lb - 1e-12 && v <= upper + 1e-12) count++;
  }
  const vals = new Float64Array(count);
  let q = 0;
  for (let k = 0; k < cost.length; k++) {
    const v = cost[k];
    if (v >= lb - 1e-12 && v <= upper + 1e-12) vals[q++] = v;
  }
  vals.sort();
  let u = 0;
  for (let k = 0; k < vals.length; k++) if (k === 0 || vals[k] !== vals[u - 1]) vals[u++] = vals[k];
  return vals.subarray(0, u);
}

/**
 * Solves a location problem: the heuristic first (greedy + swap, or greedy cover for LSCP) as an
 * instant preview and fallback, then the exact MILP with HiGHS under the time limit. The result
 * says whether it is proven optimal and, if not, its gap to the best known bound. Siting rules
 * (rules.ts) are applied first: sites below the minimum base are left out, needed groups get a
 * site; what they did is reported in `rules`, and an impossibility they cause in
 * `rule_message_code`.
 */
export function solve(problem: SolveProblem, opts: SolveOptions = {}): SolveResult {
  const now = opts.now ?? (() => Date.now());
  const t0 = now();
  const prep = applyMinBase(problem);
  if ('message' in prep) return { ...ruleInfeasible(prep.message), elapsed_ms: now() - t0 };
  const report = prep.report;
  const attach = (r: SolveResult): SolveResult => (report ? { ...r, rules: report } : r);
  const inst = toInstance(prep.problem);
  const dropped = report?.min_base_dropped.length ?? 0;
  // What is impossible with every site comes first; then what the minimum base made impossible.
  const full = dropped ? toInstance(problem) : inst;
  const whyFull: SolveMessage | RuleMessage | null = infeasibility(full) ?? groupInfeasibility(full);
  const why = whyFull ?? (dropped ? (infeasibility(inst) ?? groupInfeasibility(inst)) : null);
  if (why) {
    if (!whyFull) {
      const rules = problem.rules!;
      let kept = 0;
      for (let j = 0; j < inst.m; j++) if (!inst.fixed[j]) kept++;
      const params = { ...(why.params ?? {}), min_base: rules.min_base!, base_radius: rules.min_base_radius ?? problem.radius!, dropped, kept, reason: why.code };
      return attach({ ...ruleInfeasible({ code: 'min_base_infeasible', params }), elapsed_ms: now() - t0 });
    }
    const r = isRuleMessage(why) ? ruleInfeasible(why) : emptyResult('infeasible', why);
    return attach({ ...r, elapsed_ms: now() - t0 });
  }
  const onPreview = opts.onPreview;
  return attach(solveInstance(inst, problem.time_limit_s, { ...opts, ...(onPreview ? { onPreview: (r: SolveResult) => onPreview(attach(r)) } : {}) }, t0, now));
}

function isRuleMessage(m: SolveMessage | RuleMessage): m is RuleMessage {
  return (RULE_MESSAGE_CODES as readonly string[]).includes(m.code);
}

/** An infeasible result for a siting rule's reason: message_code 'no_solution', the rule's code beside it. */
function ruleInfeasible(m: RuleMessage): SolveResult {
  return { ...emptyResult('infeasible', { code: 'no_solution' }), rule_message_code: m.code, ...(m.params ? { rule_message_params: m.params } : {}) };
}

/** The heuristic, then the exact solve, of an instance that passed the checks (see solve). */
function solveInstance(inst: Instance, timeLimitS: number | undefined, opts: SolveOptions, t0: number, now: () => number): SolveResult {
  const hOpen = heuristic(inst);

  // p-median and p-center need every unit (p-median: every unit with demand) to reach an open site.
  const hFeasible = (!mustReachAll(inst) || unreachedUnits(inst, hOpen) === 0) && groupsSatisfied(inst.rules?.rule, hOpen);
  const preview = hFeasible
    ? result(inst, hOpen, 'feasible', 'heuristic', simpleBound(inst), t0, now)
    : { ...emptyResult('infeasible', { code: 'heuristic_no_solution', params: { p: inst.p, unreached: unreachedUnits(inst, hOpen) } }), elapsed_ms: now() - t0 };
  opts.onPreview?.(preview);
  if (!opts.highs || opts.heuristicOnly) return preview;

  const limit = (timeLimitS ?? DEFAULT_TIME_LIMIT_S) * 1000;
  // HiGHS stops a little after its limit and the result still has to be put together: keep a margin.
  const deadline = t0 + limit - Math.min(1000, 0.03 * limit);
  const left = () => Math.max(0.01, (deadline - now()) / 1000);
  let out: MilpOutcome;
  switch (inst.model) {
    case 'mclp':
      out = inst.robust ? solveRobustMclp(opts.highs, inst, left(), now) : solveMclp(opts.highs, inst, left(), { known: hOpen, now });
      break;
    case 'pmedian':
      out =
        hFeasible && isLargePmedian(inst)
          ? solvePmedianLarge(opts.highs, inst, hOpen, left(), { before: pmedianSizeBefore(inst), now })
          : solvePmedian(opts.highs, inst, left(), { known: hFeasible ? hOpen : null, now });
      break;
    case 'lscp':
      // No start for LSCP: on the Dalarna cases HiGHS was slower with the greedy cover as a start.
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
    return withMessage(result(inst, hOpen, 'feasible', 'heuristic', bound, t0, now, out.size), { code: 'timeout_heuristic_shown' });
  }
  const exact = result(inst, out.open, out.status === 'optimal' ? 'optimal' : 'feasible', out.method ?? 'exact', out.status === 'optimal' ? evaluate(inst, out.open).objective : bound, t0, now, out.size);
  if (exact.status !== 'optimal' && hFeasible && better(inst.model, preview.objective, exact.objective)) {
    return withMessage(result(inst, hOpen, 'feasible', 'heuristic', bound, t0, now, out.size), { code: 'timeout_heuristic_better' });
  }
  if (exact.status !== 'optimal' && out.method === 'lagrangian' && exact.gap !== null) return withMessage(exact, { code: 'lagrangian_gap', params: { gap: exact.gap } });
  if (exact.status !== 'optimal') return withMessage(exact, { code: 'timeout_not_proven' });
  return exact;
}

