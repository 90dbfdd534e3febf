import { isCovered } from '../views';
import type { ModelKind } from './problem';

/**
 * What a suggestion changes for the county, in each model's own terms (issue 12, item 8): today's
 * sites before, today's plus the suggested sites after. Counted in children 0–6 (head counts, not
 * need-weighted), so the figures read like the coverage panel's and the CLI's `coverage`.
 */

/** The figure a model optimises, as the panel shows it before → after. */
export type ObjectiveMeasure = 'covered_children' | 'mean_minutes' | 'max_minutes';

/**
 * MCLP and LSCP: children within T; p-median: child-weighted mean minutes; p-center: the longest
 * trip in minutes.
 */
export function objectiveMeasure(model: ModelKind): ObjectiveMeasure {
  return model === 'pmedian' ? 'mean_minutes' : model === 'pcenter' ? 'max_minutes' : 'covered_children';
}

export interface ExplainInput {
  model: ModelKind;
  /** Demand rows: unit id and its children 0–6 (a head count). */
  demand: readonly { id: string; children: number }[];
  /** Site ids, the columns of `cost`. */
  siteIds: readonly string[];
  /** Minutes from demand row i to site j; null = no route. */
  cost: readonly (readonly (number | null)[])[];
  /** The threshold T, minutes (covered when minutes ≤ T). */
  thresholdMinutes: number;
  /** Ids of the sites open today (the fixed sites). */
  today: readonly string[];
  /** Ids of the suggested sites (added to today). */
  added: readonly string[];
}

/** The county's figures for one set of open sites. Every child goes to its quickest open site. */
export interface CountyFigures {
  /** Children 0–6 within T of an open site. */
  covered_children: number;
  /** covered_children ÷ all children 0–6 (0–1); 0 when there are no children. */
  covered_share: number;
  /** Child-weighted mean minutes to the quickest open site, over children some open site reaches; null when none is reached. */
  mean_minutes: number | null;
  /** The longest of those minutes (a unit with children); null when none is reached. */
  max_minutes: number | null;
  /** The demand unit of that longest trip (the first in row order on a tie); null when none is reached. */
  max_unit_id: string | null;
  /** Children 0–6 no open site reaches at all (not in the mean or the longest trip). */
  unreachable_children: number;
}

export interface SuggestionExplanation {
  model: ModelKind;
  /** The model's own figure (see objectiveMeasure). */
  measure: ObjectiveMeasure;
  /** T, minutes. */
  threshold_minutes: number;
  /** All children 0–6 of the demand rows. */
  total_children: number;
  /** Today's sites. */
  before: CountyFigures;
  /** Today's plus the suggested sites. */
  after: CountyFigures;
  /**
   * Per suggested site (in the order given): the children 0–6 within T it adds — covered with all
   * the suggested sites minus covered without this one (marginal; a child two new sites both
   * reach counts for neither).
   */
  adds: { site_id: string; adds_children: number }[];
}

/** The county's figures with the sites `open` (ids) open. */
export function countyFigures(input: Omit<ExplainInput, 'today' | 'added' | 'model'>, open: ReadonlySet<string>): CountyFigures {
  const cols = input.siteIds.flatMap((id, j) => (open.has(id) ? [j] : []));
  let total = 0;
  let covered = 0;
  let reached = 0;
  let minutesWeighted = 0;
  let unreachable = 0;
  let max: number | null = null;
  let maxUnit: string | null = null;
  input.demand.forEach((d, i) => {
    const w = d.children;
    total += w;
    let best = Infinity;
    for (const j of cols) {
      const c = input.cost[i][j];
      if (c !== null && c < best) best = c;
    }
    if (best === Infinity) {
      unreachable += w;
      return;
    }
    if (isCovered(best, input.thresholdMinutes)) covered += w;
    if (!(w > 0)) return;
    reached += w;
    minutesWeighted += w * best;
    if (max === null || best > max) {
      max = best;
      maxUnit = d.id;
    }
  });
  return {
    covered_children: covered,
    covered_share: total > 0 ? covered / total : 0,
    mean_minutes: reached > 0 ? minutesWeighted / reached : null,
    max_minutes: max,
    max_unit_id: maxUnit,
    unreachable_children: unreachable,
  };
}

/** Before → after for the county in the model's own terms, and what each suggested site adds within T. */
export function explainSuggestion(input: ExplainInput): SuggestionExplanation {
  const today = new Set(input.today);
  const all = new Set([...input.today, ...input.added]);
  const after = countyFigures(input, all);
  return {
    model: input.model,
    measure: objectiveMeasure(input.model),
    threshold_minutes: input.thresholdMinutes,
    total_children: input.demand.reduce((s, d) => s + d.children, 0),
    before: countyFigures(input, today),
    after,
    adds: input.added.map((id) => {
      const without = new Set(all);
      // A suggested site that is also open today stays open without it.
      if (!today.has(id)) without.delete(id);
      return { site_id: id, adds_children: after.covered_children - countyFigures(input, without).covered_children };
    }),
  };
}
