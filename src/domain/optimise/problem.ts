import { isCovered } from '../views';
import { robustInstance, robustObjective, yearCoverage, type RobustInstance, type RobustSpec, type YearCoverage } from './robustYears';
import { instanceRules, type InstanceRules, type RuleMessageCode, type RulesReport, type SitingRules } from './rules';

export type { SitingRules } from './rules';
/**
 * Location-allocation problems over a demand × site cost matrix (costs in any unit, usually
 * minutes). Shared by the exact MILP solver and the heuristic.
 */

export type ModelKind = 'mclp' | 'pmedian' | 'lscp' | 'pcenter';

/** A problem as the CLI's JSON and the app give it. */
export interface SolveProblem {
  model: ModelKind;
  /** New sites to open (fixed sites do not count). MCLP, p-median, p-center. */
  p?: number;
  /** Coverage radius (cost ≤ radius is covered). MCLP and LSCP; optional elsewhere. */
  radius?: number;
  /** LSCP: cover at least this share (0–1) of the weight instead of all demand. */
  target_share?: number;
  /**
   * Demand units. `population` is the head count the minimum base counts (e.g. children 0–6
   * before any need weighting); without it the weight is counted.
   */
  demand: { id: string; weight: number; population?: number }[];
  /** Sites. `group` (e.g. a kommun code) is what `rules.require_groups` matches; see rules.ts. */
  sites: { id: string; fixed?: boolean; group?: string }[];
  /** cost[i][j] from demand i to site j; null = unreachable. */
  cost: (number | null)[][];
  /** Seconds for the exact solver. */
  time_limit_s?: number;
  /**
   * MCLP only: choose sites that do well in several years' demand (see robust.ts). The objective
   * becomes a coverage share 0–1: the worst year's (maxmin) or a weighted mean (weighted).
   */
  robust?: RobustSpec;
  /** Siting rules from the planning documents (rules.ts); every model. */
  rules?: SitingRules;
}

export type SolveStatus = 'optimal' | 'feasible' | 'infeasible' | 'error';

/**
 * Why a result is infeasible or not proven optimal. The text is rendered by `solveMessageText`
 * (src/i18n/messages.ts) from the code and its params, in Swedish or English.
 */
export const SOLVE_MESSAGE_CODES = [
  'too_few_sites',
  'unreachable_demand',
  'nothing_opened',
  'uncoverable_demand',
  'target_unreachable',
  'heuristic_no_solution',
  'no_solution',
  'timeout_no_solution',
  'timeout_heuristic_shown',
  'timeout_heuristic_better',
  'timeout_not_proven',
  'lagrangian_gap',
  'robust_mclp_only',
  'robust_empty_year',
] as const;
export type SolveMessageCode = (typeof SOLVE_MESSAGE_CODES)[number];
export type SolveMessageParams = Record<string, string | number>;

/** A message code with the values its text needs. */
export interface SolveMessage {
  code: SolveMessageCode;
  params?: SolveMessageParams;
}

export interface SolveResult {
  status: SolveStatus;
  /**
   * MCLP: covered weight; p-median: Σ weight × cost; LSCP: number of new sites; p-center: largest
   * cost. Robust MCLP: the robust objective, a share 0–1 (worst year's, or the weighted mean).
   */
  objective: number;
  /** Selected site ids, fixed included, in site order. */
  selected: string[];
  covered_weight: number;
  covered_share: number;
  covered_count: number;
  mean_cost: number;
  max_cost: number;
  /** Robust MCLP only: each year's covered weight and share (0–1) of that year's total weight. */
  by_year?: YearCoverage[];
  /** Relative gap to the best bound; 0 when proven optimal; null when no bound is known. */
  gap: number | null;
  /** Why the result is infeasible or not proven optimal; render with solveMessageText. */
  message_code?: SolveMessageCode;
  message_params?: SolveMessageParams;
  /**
   * When a siting rule (rules.ts) makes the request impossible: which rule and why (message_code
   * is then 'no_solution'). Codes: RULE_MESSAGE_CODES; their sentences are not wired yet.
   */
  rule_message_code?: RuleMessageCode;
  rule_message_params?: SolveMessageParams;
  /**
   * Which method produced `selected`: 'exact' (HiGHS MILP), 'heuristic', or 'lagrangian' (the
   * best solution of the heuristic and the Lagrangian search, proven or bounded by the Lagrangian
   * bound: p-median at large scale, see lagrangian.ts; MCLP with a large reduced model, see
   * mclpLagrangian.ts).
   */
  method?: 'exact' | 'heuristic' | 'lagrangian';
  /** Best bound on the objective, when known. */
  bound?: number | null;
  elapsed_ms?: number;
  /** Size of the model HiGHS solved, after the reductions (and before them); exact solves only. */
  model_size?: ModelSize;
  /** What the siting rules did (only when the problem has `rules`): sites left out, groups needing a site. */
  rules?: RulesReport;
}

/**
 * Rows, columns and nonzeros of the MILP given to HiGHS after the exact reductions (reduce.ts,
 * lagrangian.ts), and of the unreduced model. p-center: the largest of its bisection's models.
 */
export interface ModelSize {
  rows: number;
  cols: number;
  nonzeros: number;
  rows_before?: number;
  cols_before?: number;
  nonzeros_before?: number;
  /**
   * Number of MILPs HiGHS solved for the result (p-center: one per bisection step). 0: none was
   * needed or the pruned model was too big (p-median at large scale, proven or bounded by the
   * Lagrangian bound); rows, cols and nonzeros then describe that pruned model.
   */
  milps?: number;
}

/** The problem in arrays: costs row-major with NaN for unreachable. */
export interface Instance {
  model: ModelKind;
  n: number;
  m: number;
  weight: Float64Array;
  fixed: Uint8Array;
  cost: Float64Array;
  p: number;
  radius: number;
  targetShare: number | null;
  demandIds: string[];
  siteIds: string[];
  totalWeight: number;
  /** The years of a robust MCLP (null otherwise). */
  robust: RobustInstance | null;
  /** Groups that need a new site (rules.require_groups without a fixed site; null when none are required). */
  rules: InstanceRules | null;
}

export function toInstance(pr: SolveProblem): Instance {
  const n = pr.demand.length;
  const m = pr.sites.length;
  const cost = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) {
    const c = pr.cost[i][j];
    cost[i * m + j] = c === null || c === undefined ? NaN : c;
  }
  const weight = Float64Array.from(pr.demand.map((d) => d.weight));
  return {
    model: pr.model,
    n,
    m,
    weight,
    fixed: Uint8Array.from(pr.sites.map((s) => (s.fixed ? 1 : 0))),
    cost,
    p: pr.p ?? 0,
    radius: pr.radius ?? Infinity,
    targetShare: pr.target_share ?? null,
    demandIds: pr.demand.map((d) => d.id),
    siteIds: pr.sites.map((s) => s.id),
    totalWeight: weight.reduce((a, b) => a + b, 0),
    robust: pr.robust ? robustInstance(pr.robust, n) : null,
    rules: instanceRules(pr),
  };
}

export interface Evaluation {
  objective: number;
  covered_weight: number;
  covered_share: number;
  covered_count: number;
  mean_cost: number;
  max_cost: number;
  /** Units with no reachable selected site. */
  unreachable: number;
  /** Robust MCLP only: each year's coverage. */
  by_year?: YearCoverage[];
}

/**
 * Evaluates a selection (a mask over sites). Every unit goes to its cheapest selected site.
 * Covered = cost ≤ radius (inclusive; without a radius, reachable). `mean_cost` is weight-
 * averaged over reachable units (plain mean when all weights are 0); `max_cost` is the largest
 * cost of any reachable unit.
 */
export function evaluate(inst: Instance, open: ArrayLike<number | boolean>): Evaluation {
  const { n, m, cost, weight, radius } = inst;
  let coveredW = 0;
  let coveredN = 0;
  let wSum = 0;
  let wc = 0;
  let plainSum = 0;
  let reach = 0;
  let maxAll = -Infinity;
  let unreachable = 0;
  let newSites = 0;
  const coveredMask = inst.robust ? new Uint8Array(n) : null;
  for (let j = 0; j < m; j++) if (open[j] && !inst.fixed[j]) newSites++;
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    for (let j = 0; j < m; j++) {
      if (!open[j]) continue;
      const c = cost[i * m + j];
      if (c < best) best = c;
    }
    if (best === Infinity) {
      unreachable++;
      continue;
    }
    const w = weight[i];
    reach++;
    plainSum += best;
    wSum += w;
    wc += w * best;
    if (isCovered(best, radius)) {
      coveredW += w;
      coveredN++;
      if (coveredMask) coveredMask[i] = 1;
    }
    if (best > maxAll) maxAll = best;
  }
  const meanCost = wSum > 0 ? wc / wSum : reach > 0 ? plainSum / reach : 0;
  const maxCost = maxAll > -Infinity ? maxAll : 0;
  const byYear = inst.robust && coveredMask ? yearCoverage(inst.robust, coveredMask) : null;
  const objective =
    inst.model === 'mclp'
      ? byYear
        ? robustObjective(inst.robust!, byYear.map((y) => y.covered_share))
        : coveredW
      : inst.model === 'pmedian'
        ? wc
        : inst.model === 'lscp'
          ? newSites
          : maxCost;
  return {
    objective,
    covered_weight: coveredW,
    covered_share: inst.totalWeight > 0 ? coveredW / inst.totalWeight : 0,
    covered_count: coveredN,
    mean_cost: meanCost,
    max_cost: maxCost,
    unreachable,
    ...(byYear ? { by_year: byYear } : {}),
  };
}

/** True when objective a is better than b for the model (MCLP maximises, the others minimise). */
export function better(model: ModelKind, a: number, b: number, eps = 1e-9): boolean {
  return model === 'mclp' ? a > b + eps : a < b - eps;
}

/**
 * Problems the request itself has, before solving: returns a message code (with params) when it
 * cannot be solved as asked, or null. (Shape errors are caught when parsing the JSON.)
 */
export function infeasibility(inst: Instance): SolveMessage | null {
  if (inst.robust) {
    if (inst.model !== 'mclp') return { code: 'robust_mclp_only', params: { model: inst.model } };
    const empty = inst.robust.total.findIndex((t) => !(t > 0));
    if (empty >= 0) return { code: 'robust_empty_year', params: { year: inst.robust.labels[empty] } };
  }
  const free = inst.m - inst.fixed.reduce((a, b) => a + b, 0);
  if ((inst.model === 'mclp' || inst.model === 'pmedian' || inst.model === 'pcenter') && inst.p > free) {
    return { code: 'too_few_sites', params: { p: inst.p, free } };
  }

  if (inst.model === 'pmedian' || inst.model === 'pcenter') {
    // p-center counts every unit; p-median only units with demand.
    const lost: string[] = [];
    for (let i = 0; i < inst.n; i++) {
      if (inst.model === 'pmedian' && !(inst.weight[i] > 0)) continue;
      let any = false;
      for (let j = 0; j < inst.m; j++) if (!Number.isNaN(inst.cost[i * inst.m + j])) any = true;
      if (!any) lost.push(inst.demandIds[i]);
    }
    if (lost.length) return { code: 'unreachable_demand', params: { count: lost.length, examples: lost.slice(0, 5).join(', ') } };
    if (inst.p === 0 && !inst.fixed.some((f) => f)) return { code: 'nothing_opened' };
  }
  if (inst.model === 'lscp') {
    const coverable = coverableMask(inst);
    if (inst.targetShare === null) {
      const lost: string[] = [];
      for (let i = 0; i < inst.n; i++) if (inst.weight[i] > 0 && !coverable[i]) lost.push(inst.demandIds[i]);
      if (lost.length) return { code: 'uncoverable_demand', params: { count: lost.length, radius: inst.radius, examples: lost.slice(0, 5).join(', ') } };
    } else {
      let w = 0;
      for (let i = 0; i < inst.n; i++) if (coverable[i]) w += inst.weight[i];
      const max = inst.totalWeight > 0 ? w / inst.totalWeight : 0;
      if (max + 1e-12 < inst.targetShare) {
        return { code: 'target_unreachable', params: { target: inst.targetShare, max, radius: inst.radius } };
      }
    }
  }
  return null;
}

/** Units that at least one site covers within the radius. */
export function coverableMask(inst: Instance): Uint8Array {
  const out = new Uint8Array(inst.n);
  for (let i = 0; i < inst.n; i++) {
    for (let j = 0; j < inst.m; j++) {
      if (isCovered(inst.cost[i * inst.m + j], inst.radius)) {
        out[i] = 1;
        break;
      }
    }
  }
  return out;
}
