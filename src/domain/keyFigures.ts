import type { CoverageAnalysisSummary } from './summary';
import { kommunerWithoutCentre } from './gaps';
import type { SiteSetInfo } from './siteSets';

/** The figures a presentation shows for one site set (today or the proposal). */
export interface KeyFigures {
  siteSet: SiteSetInfo;
  children_0_6: number;
  /** 0–1 */
  coverage_share: number;
  thresholdMinutes: number;
  /** Kommuner without a familjecentral in the set (gap flag `no_centre`; the map outlines the same kommuner). */
  kommuner_without_centre: number;
  kommuner_without_names: string[];
  /** Coverage (0–1) of children living in områdestyp 1–2; null without such children. */
  coverage_share_ot12: number | null;
  /** Sites counted by the set. */
  sites: number;
  /** The year of the children counted (2025 = estimate; later = projection). */
  year: number;
}

/** Key figures of a set, all from the same coverage result and gap flags the maps and tables use. */
export function keyFigures(a: Pick<CoverageAnalysisSummary, 'siteSet' | 'params' | 'county' | 'byOmradestyp' | 'gaps' | 'siteIds'>): KeyFigures {
  const without = kommunerWithoutCentre(a.gaps);
  const ot12 = a.byOmradestyp.filter(([t]) => t <= 2).map(([, s]) => s);
  const c12 = ot12.reduce((x, s) => x + s.children_0_6, 0);
  const cov12 = ot12.reduce((x, s) => x + s.covered_children, 0);
  return {
    siteSet: a.siteSet,
    children_0_6: a.county.children_0_6,
    coverage_share: a.county.coverage_share,
    thresholdMinutes: a.params.thresholdMinutes,
    kommuner_without_centre: without.length,
    kommuner_without_names: without,
    coverage_share_ot12: c12 > 0 ? cov12 / c12 : null,
    sites: a.siteIds.length,
    year: a.params.projection.year,
  };
}

/** Change of a share between two sets in percentage points (procentenheter), e.g. 0.763 → 0.821 = +5.8. */
export function changeInPoints(before: number | null, after: number | null): number | null {
  return before === null || after === null ? null : (after - before) * 100;
}
