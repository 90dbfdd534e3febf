import { isCovered } from '../views';
/** Values a message's text needs (the shape of SolveMessageParams in problem.ts). */
type MessageParams = Record<string, string | number>;

/**
 * Siting rules from the planning documents (issue 11 item 5), for every model:
 *
 * 1. **At least one open site per group** (`rules.require_groups`, matched against
 *    `sites[].group`, e.g. kommun codes): Region Dalarna's goal of family centres or
 *    family-centre-like services in every kommun (002, avsnitt 1 and 3.1). An open fixed site with
 *    the group counts; which existing sites carry a group (which statuses count as "a family
 *    centre") is the caller's choice. A required group with no fixed site in it is *needed*: the
 *    solution must open one of its free sites. In the MILPs this is one row Σ_{j ∈ G} x_j ≥ 1 per
 *    needed group; the heuristics keep it (greedy fills needed groups when the picks left equal the
 *    groups left; a swap never closes a needed group's last open site unless it opens another site
 *    of the same group).
 * 2. **Minimum population base for a new site** (`rules.min_base`): a free site may be opened only
 *    when the population within `min_base_radius` (default: the problem's radius) of it — Σ of
 *    demand `population` (default `weight`) over units with cost ≤ that radius — is at least
 *    `min_base`. 002 (avsnitt 3.3) names a population base as a condition for *starting* a family
 *    centre, and (avsnitt 3.4) some kommuner as having too small a base: the base of an area, not
 *    the share a centre would win from its neighbours. So the rule is static, and exact in its
 *    simplest form: free sites below the minimum are left out before solving, and the result
 *    lists them (`rules.min_base_dropped`). Fixed sites are never dropped. 002 gives no number;
 *    the minimum is the planner's.
 *
 * When a rule makes the request impossible, the result says why (RULE_MESSAGE_CODES, in
 * `rule_message_code` with `rule_message_params`; `message_code` is then 'no_solution').
 */

/**
 * Why a siting rule makes a request impossible:
 * - `group_no_site` {group, count, groups}: a needed group has no free site at all (`group`: the
 *   first, `groups`: all of them, comma-separated);
 * - `groups_exceed_p` {p, needed, groups}: more groups need a new site than p new sites (MCLP,
 *   p-median, p-center);
 * - `min_base_no_radius` {min_base}: a minimum base without a radius (neither `min_base_radius`
 *   nor the problem's `radius`);
 * - `min_base_infeasible` {min_base, base_radius, dropped, kept, reason, …}: the sites left out by
 *   the minimum base were needed: `dropped` free sites are below it, `kept` remain, and `reason`
 *   is the code (SolveMessageCode or one of these) the reduced problem fails with, its params
 *   alongside (e.g. p and free for too_few_sites, group for group_no_site).
 */
export const RULE_MESSAGE_CODES = ['group_no_site', 'groups_exceed_p', 'min_base_no_radius', 'min_base_infeasible'] as const;
export type RuleMessageCode = (typeof RULE_MESSAGE_CODES)[number];

/** A rule message code with the values its text needs. */
export interface RuleMessage {
  code: RuleMessageCode;
  params?: MessageParams;
}

/**
 * The group rule's impossibilities, before solving: a needed group with no free site; more
 * needed groups than new sites (MCLP, p-median, p-center). Null when none.
 */
export function groupInfeasibility(inst: RulesInstance): RuleMessage | null {
  if (!inst.rules) return null;
  const { rule, neededIds } = inst.rules;
  const has = new Uint8Array(rule.count);
  for (let j = 0; j < inst.m; j++) if (!inst.fixed[j] && rule.of[j] >= 0) has[rule.of[j]] = 1;
  const empty = neededIds.filter((_, g) => !has[g]);
  if (empty.length) return { code: 'group_no_site', params: { group: empty[0], count: empty.length, groups: empty.join(', ') } };
  const pModel = inst.model === 'mclp' || inst.model === 'pmedian' || inst.model === 'pcenter';
  if (pModel && rule.count > inst.p) return { code: 'groups_exceed_p', params: { p: inst.p, needed: rule.count, groups: neededIds.join(', ') } };
  return null;
}

/** Siting rules of a problem (SolveProblem.rules; see the module comment). */
export interface SitingRules {
  /**
   * Groups (matched against `sites[].group`, e.g. kommun codes) that must have at least one open
   * site; an open fixed site with the group counts.
   */
  require_groups?: string[];
  /**
   * A new (free) site may be opened only when the population (demand `population`, else
   * `weight`) within `min_base_radius` of it is at least this many.
   */
  min_base?: number;
  /** Radius (cost units, e.g. minutes) for `min_base`; default: the problem's `radius`. */
  min_base_radius?: number;
}

/** The parts of a solve problem the rules read (SolveProblem has them all). */
export interface RulesProblem {
  radius?: number;
  demand: { weight: number; population?: number }[];
  sites: { id: string; fixed?: boolean; group?: string }[];
  cost: (number | null)[][];
  rules?: SitingRules;
}

/** The parts of an instance the group check reads (Instance has them all). */
export interface RulesInstance {
  model: 'mclp' | 'pmedian' | 'lscp' | 'pcenter';
  m: number;
  p: number;
  fixed: Uint8Array;
  rules: InstanceRules | null;
}

/** Which needed group each site belongs to, in compact numbering, for greedy and swap searches. */
export interface GroupRule {
  /** Needed-group index (0 … count − 1) of each site, or −1 when its group is not needed. */
  of: Int32Array;
  /** Number of needed groups. */
  count: number;
}

/** The rules of an instance (see toInstance). */
export interface InstanceRules {
  /** Group labels of the needed groups, by needed-group index. */
  neededIds: string[];
  /** Needed-group index of each site (−1: no group, or its group is not needed). */
  rule: GroupRule;
}

/** What the rules did, reported with the result. */
export interface RulesReport {
  /** Free sites left out by the minimum base, with their base (population within the radius). */
  min_base_dropped: { id: string; base: number }[];
  /** Required groups that no fixed site satisfied, so a new site was needed in each. */
  groups_needed: string[];
}

/**
 * Needed groups of a problem: required groups (rules.require_groups) that no fixed site carries.
 * Returns null when the problem requires none.
 */
export function instanceRules(pr: Pick<RulesProblem, 'sites' | 'rules'>): InstanceRules | null {
  const required = pr.rules?.require_groups ?? [];
  if (!required.length) return null;
  const satisfied = new Set<string>();
  for (const s of pr.sites) if (s.fixed && s.group !== undefined) satisfied.add(s.group);
  const neededIds = [...new Set(required)].filter((g) => !satisfied.has(g));
  const index = new Map(neededIds.map((g, q) => [g, q]));
  const of = Int32Array.from(pr.sites, (s) => (!s.fixed && s.group !== undefined && index.has(s.group) ? index.get(s.group)! : -1));
  return { neededIds, rule: { of, count: neededIds.length } };
}

/** The rule for a subset of sites: `site[k]` is the original index of site k. */
export function restrictRule(rule: GroupRule, site: ArrayLike<number>): GroupRule {
  return { of: Int32Array.from({ length: site.length }, (_, k) => rule.of[site[k]]), count: rule.count };
}

/** Open sites per needed group of a mask (sites in `rule` numbering). */
function groupCounts(rule: GroupRule, open: ArrayLike<number>): Int32Array {
  const counts = new Int32Array(rule.count);
  for (let j = 0; j < rule.of.length; j++) if (open[j] && rule.of[j] >= 0) counts[rule.of[j]]++;
  return counts;
}

/** True when every needed group has an open site (always true without a rule). */
export function groupsSatisfied(rule: GroupRule | null | undefined, open: ArrayLike<number>): boolean {
  if (!rule || !rule.count) return true;
  const counts = groupCounts(rule, open);
  for (let g = 0; g < rule.count; g++) if (!counts[g]) return false;
  return true;
}

/**
 * Keeps track of the needed groups during a greedy or swap search over one open-site mask. Without
 * a rule every pick and swap is allowed.
 */
export class GroupTracker {
  private readonly counts: Int32Array;
  /** Needed groups with no open site. */
  unsatisfied: number;
  constructor(private readonly rule: GroupRule | null | undefined, open: ArrayLike<number>) {
    this.counts = rule ? groupCounts(rule, open) : new Int32Array(0);
    let u = 0;
    for (let g = 0; g < this.counts.length; g++) if (!this.counts[g]) u++;
    this.unsatisfied = u;
  }
  /** Site j was opened. */
  add(j: number): void {
    const g = this.rule ? this.rule.of[j] : -1;
    if (g >= 0 && this.counts[g]++ === 0) this.unsatisfied--;
  }
  /** Site j was closed. */
  remove(j: number): void {
    const g = this.rule ? this.rule.of[j] : -1;
    if (g >= 0 && --this.counts[g] === 0) this.unsatisfied++;
  }
  /**
   * May a greedy open j with `remaining` picks left (this one included)? While there are more
   * picks than unsatisfied groups, any site; then only sites of unsatisfied groups.
   */
  canPick(j: number, remaining: number): boolean {
    if (remaining > this.unsatisfied) return true;
    const g = this.rule ? this.rule.of[j] : -1;
    return g >= 0 && this.counts[g] === 0;
  }
  /** May open site `out` be swapped for closed site `into` without leaving a needed group empty? */
  canSwap(out: number, into: number): boolean {
    const g = this.rule ? this.rule.of[out] : -1;
    if (g < 0 || this.counts[g] > 1) return true;
    return this.rule!.of[into] === g;
  }
  /** May open site j be closed (without a replacement) and the needed groups stay satisfied? */
  canClose(j: number): boolean {
    const g = this.rule ? this.rule.of[j] : -1;
    return g < 0 || this.counts[g] > 1;
  }
}

/** A problem after the minimum-base rule: sites below it removed (cost columns too). */
export interface PreparedProblem<P extends RulesProblem> {
  problem: P;
  report: RulesReport | null;
}

/**
 * Applies the minimum base (rule 2): free sites whose population within the radius is below
 * `rules.min_base` are removed from the problem. Returns a message instead when the minimum
 * cannot be applied (no radius). Without rules the problem is returned as it is.
 */
export function applyMinBase<P extends RulesProblem>(pr: P): PreparedProblem<P> | { message: RuleMessage } {
  const rules = pr.rules;
  if (!rules) return { problem: pr, report: null };
  const report: RulesReport = { min_base_dropped: [], groups_needed: instanceRules(pr)?.neededIds ?? [] };
  if (rules.min_base === undefined || !(rules.min_base > 0)) return { problem: pr, report };
  const radius = rules.min_base_radius ?? pr.radius;
  if (radius === undefined) return { message: { code: 'min_base_no_radius', params: { min_base: rules.min_base } } };
  const m = pr.sites.length;
  const base = new Float64Array(m);
  pr.demand.forEach((d, i) => {
    const pop = d.population ?? d.weight;
    if (!(pop > 0)) return;
    const row = pr.cost[i];
    for (let j = 0; j < m; j++) {
      const c = row[j];
      if (c !== null && c !== undefined && isCovered(c, radius)) base[j] += pop;
    }
  });
  const tol = 1e-9 * Math.max(1, rules.min_base);
  const keep: number[] = [];
  pr.sites.forEach((s, j) => {
    if (s.fixed || base[j] + tol >= rules.min_base!) keep.push(j);
    else report.min_base_dropped.push({ id: s.id, base: base[j] });
  });
  if (keep.length === m) return { problem: pr, report };
  return {
    problem: { ...pr, sites: keep.map((j) => pr.sites[j]), cost: pr.cost.map((row) => keep.map((j) => row[j])) },
    report,
  };
}
