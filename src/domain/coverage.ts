import type { CostTable } from './travel';
import type { Omradestyp, OmradestypYear } from './types';
import { isCovered, omradestypOf } from './views';

/** What the coverage core needs of a demand unit. */
export interface CoverageUnit {
  id: string;
  kommun_code: string;
  omradestyp_2022: Omradestyp;
  omradestyp_2023: Omradestyp;
  children_0_6: number;
}

/** Nearest open site per demand unit. `nearest` = -1 and minutes = Infinity where none is reachable. */
export interface Assignment {
  nearest: Int32Array;
  minutes: Float64Array;
  km: Float64Array;
}

/**
 * Assigns every origin (row) of a cost table to its nearest open destination by minutes.
 * Ties go to the destination with the smaller id (string order), so results are deterministic.
 * NaN (unknown) costs are never chosen.
 *
 * @param open optional mask over destinations; closed ones are ignored
 */
export function assignNearest(table: CostTable, destIds: readonly string[], open?: ArrayLike<boolean | number>): Assignment {
  const { nOrigins, nDest, minutes, km } = table;
  const nearest = new Int32Array(nOrigins).fill(-1);
  const best = new Float64Array(nOrigins).fill(Infinity);
  const bestKm = new Float64Array(nOrigins).fill(NaN);
  for (let i = 0; i < nOrigins; i++) {
    let b = -1;
    let bm = Infinity;
    const row = i * nDest;
    for (let j = 0; j < nDest; j++) {
      if (open && !open[j]) continue;
      const m = minutes[row + j];
      if (!(m <= bm)) continue; // skips NaN
      if (m < bm || b < 0 || destIds[j] < destIds[b]) {
        b = j;
        bm = m;
      }
    }
    nearest[i] = b;
    best[i] = b < 0 ? Infinity : bm;
    bestKm[i] = b < 0 ? NaN : km[row + b];
  }
  return { nearest, minutes: best, km: bestKm };
}

/** Travel-time bands (minutes) as Tillväxtverket reports access to vårdcentral. */
export const BAND_KEYS = ['lt_5', 'from_5_to_10', 'from_10_to_30', 'over_30'] as const;
export type BandKey = (typeof BAND_KEYS)[number];

/**
 * Band of a travel time: < 5; 5 to < 10; 10 to ≤ 30; > 30 (unreachable counts as > 30).
 */
export function bandOf(minutes: number): BandKey {
  if (minutes < 5) return 'lt_5';
  if (minutes < 10) return 'from_5_to_10';
  if (minutes <= 30) return 'from_10_to_30';
  return 'over_30';
}

/** Coverage figures for a set of demand units (children 0–6 are the weights). */
export interface CoverageStats {
  children_0_6: number;
  /** Children whose nearest centre is within the threshold (minutes ≤ T). */
  covered_children: number;
  /** covered / children, 0–1; 0 when there are no children. */
  coverage_share: number;
  /** Child-weighted mean minutes to the nearest centre over reachable children; null if none. */
  mean_minutes: number | null;
  /** Child-weighted median minutes (first unit where cumulative weight ≥ half); null if unreachable. */
  median_minutes: number | null;
  /** Children more than 30 minutes away, unreachable included. */
  children_over_30_min: number;
  bands: Record<BandKey, number>;
  /** Children with no reachable centre (no centre at all, or an imported matrix lacks the pairs). */
  unreachable_children: number;
}

/**
 * Aggregates coverage over the units listed in `indices`.
 * @param thresholdMinutes T; covered when minutes ≤ T (`isCovered`)
 */
export function summarise(
  units: readonly CoverageUnit[],
  minutes: ArrayLike<number>,
  indices: readonly number[],
  thresholdMinutes: number,
): CoverageStats {
  const bands: Record<BandKey, number> = { lt_5: 0, from_5_to_10: 0, from_10_to_30: 0, over_30: 0 };
  let total = 0;
  let covered = 0;
  let reachW = 0;
  let reachWM = 0;
  let unreachable = 0;
  const pairs: [number, number][] = [];
  for (const i of indices) {
    const w = units[i].children_0_6;
    if (!(w > 0)) continue;
    const m = minutes[i];
    total += w;
    bands[bandOf(m)] += w;
    if (isCovered(m, thresholdMinutes)) covered += w;
    if (Number.isFinite(m)) {
      reachW += w;
      reachWM += w * m;
    } else unreachable += w;
    pairs.push([m, w]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  let median: number | null = null;
  let cum = 0;
  for (const [m, w] of pairs) {
    cum += w;
    if (cum >= total / 2) {
      median = Number.isFinite(m) ? m : null;
      break;
    }
  }
  return {
    children_0_6: total,
    covered_children: covered,
    coverage_share: total > 0 ? covered / total : 0,
    mean_minutes: reachW > 0 ? reachWM / reachW : null,
    median_minutes: median,
    children_over_30_min: bands.over_30,
    bands,
    unreachable_children: unreachable,
  };
}

export interface CoverageResult {
  thresholdMinutes: number;
  omradestypYear: OmradestypYear;
  assignment: Assignment;
  county: CoverageStats;
  byKommun: Map<string, CoverageStats>;
  byOmradestyp: Map<Omradestyp, CoverageStats>;
}

/** County, per-kommun and per-områdestyp coverage from an assignment. */
export function coverageFromAssignment(
  units: readonly CoverageUnit[],
  assignment: Assignment,
  thresholdMinutes: number,
  omradestypYear: OmradestypYear,
): CoverageResult {
  const all = units.map((_, i) => i);
  const groups = <K>(key: (u: CoverageUnit) => K) => {
    const m = new Map<K, number[]>();
    units.forEach((u, i) => {
      const k = key(u);
      const list = m.get(k);
      if (list) list.push(i);
      else m.set(k, [i]);
    });
    return m;
  };
  const byKommun = new Map<string, CoverageStats>();
  for (const [k, idx] of [...groups((u) => u.kommun_code)].sort((a, b) => a[0].localeCompare(b[0]))) {
    byKommun.set(k, summarise(units, assignment.minutes, idx, thresholdMinutes));
  }
  const byOmradestyp = new Map<Omradestyp, CoverageStats>();
  const otGroups = groups((u) => omradestypOf(u, omradestypYear));
  for (const t of [1, 2, 3, 4, 5] as Omradestyp[]) {
    byOmradestyp.set(t, summarise(units, assignment.minutes, otGroups.get(t) ?? [], thresholdMinutes));
  }
  return {
    thresholdMinutes,
    omradestypYear,
    assignment,
    county: summarise(units, assignment.minutes, all, thresholdMinutes),
    byKommun,
    byOmradestyp,
  };
}
