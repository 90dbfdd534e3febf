import * as v from 'valibot';
import type { SolveProblem } from '../domain/optimise/problem';
import type { InputIssue, IssueCode, IssueParams, Parsed } from './issues';

/**
 * Valibot's message for each check is a key of what was expected ('integer', 'share' …); the
 * 'solve_invalid_field' message puts it into words (SOLVE_EXPECTATION in src/i18n/messages.ts).
 * Checks without a key keep valibot's own (English) message, which is shown as it is.
 */
const Schema = v.object({
  model: v.picklist(['mclp', 'pmedian', 'lscp', 'pcenter'], 'model'),
  p: v.optional(v.pipe(v.number('integer'), v.integer('integer'), v.minValue(0, 'non_negative_count'))),
  radius: v.optional(v.pipe(v.number('number'), v.minValue(0, 'non_negative'))),
  target_share: v.optional(v.pipe(v.number('number'), v.minValue(0, 'share'), v.maxValue(1, 'share'))),
  demand: v.array(
    v.object({
      id: v.string('string'),
      weight: v.pipe(v.number('number'), v.finite('finite'), v.minValue(0, 'non_negative')),
      // The head count the minimum base counts (rules.min_base); default: the weight.
      population: v.optional(v.pipe(v.number('number'), v.finite('finite'), v.minValue(0, 'non_negative'))),
    }),
    'demand_list',
  ),
  // `group`: e.g. a kommun code, matched by rules.require_groups.
  sites: v.array(v.object({ id: v.string('string'), fixed: v.optional(v.boolean('boolean')), group: v.optional(v.string('string')) }), 'sites_list'),
  cost: v.array(v.array(v.nullable(v.number('cost_value')), 'cost_row'), 'cost_rows'),
  time_limit_s: v.optional(v.pipe(v.number('number'), v.minValue(0.01, 'min_time'))),
  robust: v.optional(
    v.object({
      mode: v.picklist(['maxmin', 'weighted'], 'robust_mode'),
      alpha: v.optional(v.pipe(v.number('number'), v.minValue(0, 'share'), v.maxValue(1, 'share'))),
      years: v.pipe(
        v.array(
          v.object({
            label: v.string('string'),
            weights: v.array(v.pipe(v.number('number'), v.finite('finite'), v.minValue(0, 'non_negative')), 'weights_list'),
          }),
          'robust_years',
        ),
        v.minLength(1, 'robust_years'),
      ),
    }),
  ),
  // Siting rules (src/domain/optimise/rules.ts). Keys of new expectations: group_list, rules_object.
  rules: v.optional(
    v.object(
      {
        require_groups: v.optional(v.array(v.string('string'), 'group_list')),
        min_base: v.optional(v.pipe(v.number('number'), v.finite('finite'), v.minValue(0, 'non_negative'))),
        min_base_radius: v.optional(v.pipe(v.number('number'), v.finite('finite'), v.minValue(0, 'non_negative'))),
      },
      'rules_object',
    ),
  ),
});

/**
 * Reads and checks a solve problem given as JSON (the CLI's `solve` format). Every problem found
 * names its place (field, row, column); the value is null when the problem cannot be solved as given.
 */
export function parseSolveJson(text: string): Parsed<SolveProblem | null> {
  const issues: InputIssue[] = [];
  const err = (code: IssueCode, params?: IssueParams) => issues.push({ severity: 'error', code, ...(params ? { params } : {}) });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    err('solve_invalid_json', { error: (e as Error).message });
    return { value: null, issues };
  }
  const r = v.safeParse(Schema, raw);
  if (!r.success) {
    for (const i of r.issues.slice(0, 20)) {
      // An empty path is the document itself; the message names it.
      const path = (i.path ?? []).map((p) => String(p.key)).join('.');
      if (i.input === undefined) err('solve_missing_field', { path });
      else err('solve_invalid_field', { path, expected: i.message });
    }
    return { value: null, issues };
  }
  const pr = r.output as SolveProblem;
  const n = pr.demand.length;
  const m = pr.sites.length;
  if (n === 0) err('solve_empty_demand');
  if (m === 0) err('solve_empty_sites');
  if (pr.cost.length !== n) err('solve_cost_rows', { rows: pr.cost.length, demand: n });
  pr.cost.forEach((row, i) => {
    if (row.length !== m) err('solve_cost_row_length', { i, values: row.length, sites: m });
    row.forEach((c, j) => {
      if (c !== null && (!Number.isFinite(c) || c < 0)) err('solve_bad_cost', { i, j, value: c });
    });
  });
  const dup = (ids: string[], field: 'demand' | 'sites') => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) err('solve_duplicate_id', { field, id });
      seen.add(id);
    }
  };
  dup(pr.demand.map((d) => d.id), 'demand');
  dup(pr.sites.map((s) => s.id), 'sites');
  if ((pr.model === 'mclp' || pr.model === 'pmedian' || pr.model === 'pcenter') && pr.p === undefined) err('solve_needs_p', { model: pr.model });
  if ((pr.model === 'mclp' || pr.model === 'lscp') && pr.radius === undefined) err('solve_needs_radius', { model: pr.model });
  if (pr.model !== 'lscp' && pr.target_share !== undefined) err('solve_target_share_lscp_only');
  if (pr.robust) {
    if (pr.model !== 'mclp') err('solve_robust_mclp_only', { model: pr.model });
    pr.robust.years.forEach((y, index) => {
      if (y.weights.length !== n) err('solve_robust_weights_length', { index, values: y.weights.length, demand: n });
      else if (!(y.weights.reduce((a, b) => a + b, 0) > 0)) err('solve_robust_empty_year', { index });
    });
  }
  return { value: issues.length ? null : pr, issues };
}
