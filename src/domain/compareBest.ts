import { CRITERIA, type CandidateScore, type CriterionKey } from './scoring';

/**
 * Which way a figure of the candidate comparison is better: `higher` (more children within T,
 * a larger drop in minutes, more departures), `lower` (fewer minutes, a shorter walk), or `none`
 * when neither direction is better for the planner (the vårdval add-on is income for the host
 * vårdcentral and a cost for the region), so no candidate is marked best on it.
 */
export type Better = 'higher' | 'lower' | 'none';

/** Keys of the comparison's rows, in the order the comparison shows them. */
export type CompareRowKey =
  | 'composite'
  | `criterion:${CriterionKey}`
  | 'reach'
  | 'newReach'
  | 'ot12'
  | 'depw'
  | 'meanDrop'
  | 'servedMean'
  | 'walk'
  | 'departures'
  | 'economics';

/** One figure of the comparison: how to read it from a score, how it is shown, which way is better. */
export interface CompareRowSpec {
  key: CompareRowKey;
  /** Which value is best (see `Better`). */
  better: Better;
  /**
   * Decimals the figure is shown with; values equal at this precision tie (a difference the
   * planner cannot see is not a "best"). Shares (0–1) are compared at the percent shown, so a
   * share shown with one percent decimal has `decimals` 3.
   */
  decimals: number;
  /** The figure in its unit (see the row's key); null when unknown ('uppgift saknas'). */
  value: (x: CandidateScore) => number | null;
}

/**
 * The rows of the candidate comparison, each with its "best" direction:
 * composite and the normalised criteria (0–1, 1 best) higher; children within T (reach, new reach,
 * count) higher; share of the new reach in områdestyp 1–2 (0–1) higher; deprivation-weighted new
 * reach (weighted children) higher; drop of the county's mean minutes (min) higher; mean minutes of
 * the children it would serve (min) lower; walk to the nearest stop area (m) lower; weekday
 * departures there (count) higher; vårdval add-on (SEK per year) none.
 */
export const COMPARE_ROWS: readonly CompareRowSpec[] = [
  { key: 'composite', better: 'higher', decimals: 3, value: (x) => x.composite },
  ...CRITERIA.map((k): CompareRowSpec => ({ key: `criterion:${k}`, better: 'higher', decimals: 2, value: (x) => x.criteria[k] })),
  { key: 'reach', better: 'higher', decimals: 0, value: (x) => x.reach_children },
  { key: 'newReach', better: 'higher', decimals: 0, value: (x) => x.new_reach_children },
  { key: 'ot12', better: 'higher', decimals: 3, value: (x) => x.new_reach_share_ot12 },
  { key: 'depw', better: 'higher', decimals: 1, value: (x) => x.deprivation_weighted_new_reach },
  { key: 'meanDrop', better: 'higher', decimals: 2, value: (x) => x.mean_minutes_reduction },
  { key: 'servedMean', better: 'lower', decimals: 1, value: (x) => x.served_mean_minutes },
  { key: 'walk', better: 'lower', decimals: 0, value: (x) => x.transit?.walk_m ?? null },
  { key: 'departures', better: 'higher', decimals: 1, value: (x) => x.transit?.departures ?? null },
  { key: 'economics', better: 'none', decimals: 0, value: (x) => x.economics?.yearly_sek ?? null },
];

/**
 * For one row of the comparison, whether each column (candidate) holds the best value.
 *
 * Values are compared as shown, rounded to `decimals`. Unknown values (null, NaN) are never best.
 * Ties at the best value are all marked. Nothing is marked when the row has no direction
 * (`none`), when fewer than two columns have a known value (nothing to compare with), or when
 * every known value is equal (no candidate is better than another).
 *
 * @param values one value per column, in the row's unit; null when unknown
 * @param better which way is better
 * @param decimals decimals the values are shown with (≥ 0)
 * @returns one flag per column, true where the column is best
 */
export function bestColumns(values: readonly (number | null)[], better: Better, decimals: number): boolean[] {
  const none = values.map(() => false);
  if (better === 'none') return none;
  const scale = 10 ** Math.max(0, Math.floor(decimals));
  const shown = values.map((v) => (v === null || !Number.isFinite(v) ? null : Math.round(v * scale)));
  const known = shown.filter((v): v is number => v !== null);
  if (known.length < 2) return none;
  const best = better === 'higher' ? Math.max(...known) : Math.min(...known);
  const worst = better === 'higher' ? Math.min(...known) : Math.max(...known);
  if (best === worst) return none;
  return shown.map((v) => v === best);
}

/**
 * The best columns of every comparison row for the given candidates (columns in that order).
 *
 * @returns a map from row key to one flag per candidate
 */
export function bestByRow(scores: readonly CandidateScore[], rows: readonly CompareRowSpec[] = COMPARE_ROWS): Map<CompareRowKey, boolean[]> {
  return new Map(rows.map((r) => [r.key, bestColumns(scores.map(r.value), r.better, r.decimals)]));
}
