import type { DemandUnit } from './types';
import { isCovered } from './views';

/** Coverage of one DeSO, aggregated from its demand units (grid cells or the DeSO point). */
export interface DesoResult {
  deso_code: string;
  children_0_6: number;
  covered_children: number;
  /** 0–1; null without children. */
  coverage_share: number | null;
  /** Child-weighted mean minutes to the nearest site over reachable units; null if none. */
  mean_minutes: number | null;
  /** Site nearest to most of the DeSO's children (ties: smaller id); null if none reachable. */
  main_site_id: string | null;
}

/**
 * Aggregates per-unit results to DeSO. `minutes[i]` and `nearest[i]` belong to `units[i]`;
 * covered when minutes ≤ T (`isCovered`).
 */
export function desoResults(
  units: readonly DemandUnit[],
  minutes: ArrayLike<number>,
  nearest: ArrayLike<number>,
  siteIds: readonly string[],
  thresholdMinutes: number,
): Map<string, DesoResult> {
  const acc = new Map<string, { c: number; cov: number; w: number; wm: number; bySite: Map<string, number> }>();
  units.forEach((u, i) => {
    const a = acc.get(u.deso_code) ?? { c: 0, cov: 0, w: 0, wm: 0, bySite: new Map() };
    const w = u.children_0_6;
    const m = minutes[i];
    a.c += w;
    if (isCovered(m, thresholdMinutes)) a.cov += w;
    if (Number.isFinite(m) && w > 0) {
      a.w += w;
      a.wm += w * m;
      const site = siteIds[nearest[i]];
      a.bySite.set(site, (a.bySite.get(site) ?? 0) + w);
    }
    acc.set(u.deso_code, a);
  });
  const out = new Map<string, DesoResult>();
  for (const [code, a] of acc) {
    const main = [...a.bySite.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0];
    out.set(code, {
      deso_code: code,
      children_0_6: a.c,
      covered_children: a.cov,
      coverage_share: a.c > 0 ? a.cov / a.c : null,
      mean_minutes: a.w > 0 ? a.wm / a.w : null,
      main_site_id: main ? main[0] : null,
    });
  }
  return out;
}
