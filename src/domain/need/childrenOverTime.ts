import { COUNTY_LISTED_CHILDREN_2020, COUNTY_LISTED_CHILDREN_2025, LISTED_CHANGE_BY_KOMMUN } from './listedChildren';
import { importedFactor, scbFactor, trendFactor, type ForecastRow, type ProjectionParams, type ScbBand } from './projection';

/**
 * Children 0–6 per kommun over time, every source side by side: the listed change 2020 → 2025
 * where HSN 2026/4486 names it, the 2025 estimate (SCB 31 Dec 2025, Sprague), and the projection
 * to 2030 and 2035 by each of the three sources. A value a source does not give is null (shown as
 * "uppgift saknas"), never filled in.
 */
export interface ChildrenOverTimeRow {
  kommun_code: string;
  /** Change in listed children 0–6 2020 → 2025 (HSN 2026/4486, Bilaga 3), or null when not named. */
  listedChange: number | null;
  /** Children 0–6, 2025 estimate (persons). */
  estimate2025: number;
  /** Projected children 0–6 (persons) per later year and source; null where the source has no value. */
  scb: Record<ProjectedYear, number | null>;
  trend: Record<ProjectedYear, number | null>;
  imported: Record<ProjectedYear, number | null>;
}

export type ProjectedYear = 2030 | 2035;
export const PROJECTED_YEARS: readonly ProjectedYear[] = [2030, 2035];

/**
 * One row per kommun (in the order given).
 * @param kommuner each kommun's code and 2025 estimate of children 0–6 (persons)
 * @param damping the trend's yearly damping (0–1)
 * @param imported the planner's forecast rows, or null when none is loaded
 */
export function childrenOverTime(
  kommuner: readonly { kommun_code: string; children_0_6: number }[],
  scb: ScbBand,
  damping: number,
  imported: readonly ForecastRow[] | null,
): ChildrenOverTimeRow[] {
  return kommuner.map((k) => {
    const of = (f: (y: ProjectedYear) => number | null) => Object.fromEntries(PROJECTED_YEARS.map((y) => [y, f(y)])) as Record<ProjectedYear, number | null>;
    const times = (factor: number | null) => (factor === null ? null : k.children_0_6 * factor);
    return {
      kommun_code: k.kommun_code,
      listedChange: LISTED_CHANGE_BY_KOMMUN[k.kommun_code] ?? null,
      estimate2025: k.children_0_6,
      scb: of((y) => times(scbFactor(scb, k.kommun_code, y))),
      trend: of((y) => times(trendFactor(y, damping))),
      imported: of((y) => (imported ? times(importedFactor(imported, k.kommun_code, y, k.children_0_6)) : null)),
    };
  });
}

/** The series 2025 → 2030 → 2035 of the planner's chosen source (null where it has no value). */
export function seriesOf(row: ChildrenOverTimeRow, source: ProjectionParams['source']): [number, number | null, number | null] {
  const s = row[source];
  return [row.estimate2025, s[2030], s[2035]];
}

/** Sums rows into a county row (a year is null when any kommun lacks it); the listed change is the county's (−3 788). */
export function countyRow(rows: readonly ChildrenOverTimeRow[], code = '20'): ChildrenOverTimeRow {
  const sum = (get: (r: ChildrenOverTimeRow) => number | null) => {
    let s = 0;
    for (const r of rows) {
      const v = get(r);
      if (v === null) return null;
      s += v;
    }
    return s;
  };
  const of = (src: 'scb' | 'trend' | 'imported') => Object.fromEntries(PROJECTED_YEARS.map((y) => [y, sum((r) => r[src][y])])) as Record<ProjectedYear, number | null>;
  return { kommun_code: code, listedChange: COUNTY_LISTED_CHILDREN_2025 - COUNTY_LISTED_CHILDREN_2020, estimate2025: sum((r) => r.estimate2025) ?? 0, scb: of('scb'), trend: of('trend'), imported: of('imported') };
}
