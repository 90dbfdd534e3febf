import type { CoverageStats } from './coverage';
import type { FamilyCentre, FamilyCentreStatus, Site, SiteStatus } from './types';
import type { KommunRef } from './views';

/**
 * Why a kommun is flagged, for one set of sites (today or the proposal):
 * - `no_centre`: no familjecentral of the set lies in the kommun. Family units never count as a
 *   familjecentral; planned and letter-of-intent centres count only when the planner switches
 *   them on; candidates count in the proposal.
 * - `only_planned_or_intent`: the set's familjecentraler in the kommun are all planned or only
 *   have a letter of intent (counted because the planner switched them on).
 * - `low_coverage`: less than `lowCoverageShare` of the kommun's children 0–6 are within T.
 */
export type GapFlag = 'no_centre' | 'only_planned_or_intent' | 'low_coverage';

export interface KommunGap {
  kommun_code: string;
  kommun_name: string;
  flags: GapFlag[];
  /** Family centres in the kommun by status (all of them, counted or not). */
  centres: Record<FamilyCentreStatus, number>;
  /** Sites of the set in the kommun by status (what the set counts). */
  counted: Record<SiteStatus, number>;
  /** Coverage share (0–1) of the kommun's children in this set; null without children. */
  coverage_share: number | null;
  /** The threshold of `low_coverage` (0–1). */
  low_coverage_share: number;
}

const zeroStatus = (): Record<SiteStatus, number> => ({ existing: 0, planned: 0, intent: 0, family_unit: 0, candidate: 0 });

/**
 * Flags kommuner that still lack a family centre or coverage in a set of sites. The reasons are
 * data (counts and shares); the i18n layer words them (`gapReasons`).
 *
 * @param sites the set's sites (today's counted centres, or the proposal with candidates)
 * @param coverageByKommun coverage of the same set per kommun code
 * @param lowCoverageShare 0–1, default 0.5
 */
export function kommunGaps(
  kommuner: readonly KommunRef[],
  familyCentres: readonly FamilyCentre[],
  sites: readonly Site[],
  coverageByKommun: ReadonlyMap<string, CoverageStats>,
  lowCoverageShare = 0.5,
): KommunGap[] {
  return kommuner.map((k) => {
    const centres: Record<FamilyCentreStatus, number> = { existing: 0, planned: 0, intent: 0, family_unit: 0 };
    for (const f of familyCentres) if (f.kommun_code === k.kommun_code) centres[f.status]++;
    const counted = zeroStatus();
    for (const s of sites) if (s.kommun_code === k.kommun_code) counted[s.status]++;
    const familjecentraler = counted.existing + counted.planned + counted.intent + counted.candidate;
    const flags: GapFlag[] = [];
    if (familjecentraler === 0) flags.push('no_centre');
    else if (counted.existing + counted.candidate === 0) flags.push('only_planned_or_intent');
    const cov = coverageByKommun.get(k.kommun_code);
    const share = cov && cov.children_0_6 > 0 ? cov.coverage_share : null;
    if (share !== null && share < lowCoverageShare) flags.push('low_coverage');
    return { kommun_code: k.kommun_code, kommun_name: k.kommun_name, flags, centres, counted, coverage_share: share, low_coverage_share: lowCoverageShare };
  });
}

/** Codes of the kommuner with at least one flag (the map's gap outlines). */
export function flaggedKommuner(gaps: readonly KommunGap[]): string[] {
  return gaps.filter((g) => g.flags.length > 0).map((g) => g.kommun_code);
}

/** Names of the kommuner without a familjecentral in the set (`no_centre`). */
export function kommunerWithoutCentre(gaps: readonly KommunGap[]): string[] {
  return gaps.filter((g) => g.flags.includes('no_centre')).map((g) => g.kommun_name);
}
