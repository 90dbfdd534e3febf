import type { CoverageStats } from './coverage';
import type { FamilyCentre, FamilyCentreStatus, Site, SiteStatus } from './types';
import type { KommunRef } from './views';

/**
 * Why a kommun is flagged, for one set of sites (today or the proposal):
 * - `no_centre`: no site of the set in the kommun counts as a family centre (`counting`: by
 *   default family units never count; planned and letter-of-intent centres count only when the
 *   planner switches them on; candidates count in the proposal; with service forms, the gap
 *   switch decides which forms count).
 * - `form_uncertain`: no site counts for sure, but one might (its unknown services decide).
 * - `only_planned_or_intent`: the set's familjecentraler in the kommun are all planned or only
 *   have a letter of intent (counted because the planner switched them on).
 * - `low_coverage`: less than `lowCoverageShare` of the kommun's children 0–6 are within T.
 */
export type GapFlag = 'no_centre' | 'form_uncertain' | 'only_planned_or_intent' | 'low_coverage';

/**
 * How a site of the set stands for the gap flags (src/domain/services/gapForm.ts `gapCount`): it
 * counts as a family centre, it might (unknown services decide), or it does not.
 */
export type SiteCounting = (site: Site) => 'counts' | 'uncertain' | 'does_not_count';

/** The rule before service forms: family units never count, every other site of the set does. */
export const STATUS_COUNTING: SiteCounting = (s) => (s.status === 'family_unit' ? 'does_not_count' : 'counts');

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
 * @param counting whether a site counts as a family centre (default STATUS_COUNTING)
 */
export function kommunGaps(
  kommuner: readonly KommunRef[],
  familyCentres: readonly FamilyCentre[],
  sites: readonly Site[],
  coverageByKommun: ReadonlyMap<string, CoverageStats>,
  lowCoverageShare = 0.5,
  counting: SiteCounting = STATUS_COUNTING,
): KommunGap[] {
  return kommuner.map((k) => {
    const centres: Record<FamilyCentreStatus, number> = { existing: 0, planned: 0, intent: 0, family_unit: 0 };
    for (const f of familyCentres) if (f.kommun_code === k.kommun_code) centres[f.status]++;
    const counted = zeroStatus();
    let counts = 0;
    let firm = 0;
    let uncertain = 0;
    for (const s of sites) {
      if (s.kommun_code !== k.kommun_code) continue;
      counted[s.status]++;
      const c = counting(s);
      if (c === 'counts') {
        counts++;
        if (s.status !== 'planned' && s.status !== 'intent') firm++;
      } else if (c === 'uncertain') uncertain++;
    }
    const flags: GapFlag[] = [];
    if (counts === 0) flags.push(uncertain > 0 ? 'form_uncertain' : 'no_centre');
    else if (firm === 0) flags.push('only_planned_or_intent');
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
