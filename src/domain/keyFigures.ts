import type { CoverageStats } from './coverage';
import type { Omradestyp, Site } from './types';

/** The figures a presentation shows for a situation (today or a proposal). */
export interface KeyFigures {
  children_0_6: number;
  /** 0–1 */
  coverage_share: number;
  threshold: number;
  /** Kommuner with no open family centre (or candidate) inside them. */
  kommuner_without_centre: number;
  kommuner_without_names: string[];
  /** Coverage (0–1) of children living in områdestyp 1–2; null without such children. */
  coverage_share_ot12: number | null;
  /** Open sites (family centres counted in the situation plus candidates). */
  sites: number;
}

/**
 * Key figures from a coverage result and the open sites. A kommun counts as having a family
 * centre when any open site lies in it.
 */
export function keyFigures(
  county: CoverageStats,
  byOmradestyp: readonly (readonly [Omradestyp, CoverageStats])[],
  sites: readonly Site[],
  kommuner: readonly { kommun_code: string; kommun_name: string }[],
  threshold: number,
): KeyFigures {
  const withSite = new Set(sites.map((s) => s.kommun_code).filter(Boolean));
  const without = kommuner.filter((k) => !withSite.has(k.kommun_code)).map((k) => k.kommun_name);
  const ot12 = byOmradestyp.filter(([t]) => t <= 2).map(([, s]) => s);
  const c12 = ot12.reduce((a, s) => a + s.children_0_6, 0);
  const cov12 = ot12.reduce((a, s) => a + s.covered_children, 0);
  return {
    children_0_6: county.children_0_6,
    coverage_share: county.coverage_share,
    threshold,
    kommuner_without_centre: without.length,
    kommuner_without_names: without,
    coverage_share_ot12: c12 > 0 ? cov12 / c12 : null,
    sites: sites.length,
  };
}
