import type { Site } from '../types';

/**
 * What a site of a catchment is: a family centre by its status, a candidate the planner added,
 * or a candidate that came from an adopted suggestion (Föreslå → "Lägg till i scenariot").
 * The app keeps adopted suggestions as ordinary candidates, so the caller says which ids they are.
 */
export type CatchmentSiteKind = 'existing' | 'planned' | 'intent' | 'family_unit' | 'candidate' | 'suggestion';

export const CATCHMENT_SITE_KINDS: readonly CatchmentSiteKind[] = ['existing', 'planned', 'intent', 'family_unit', 'candidate', 'suggestion'];

/** A site as catchments, flows and belonging read it. `kommun_code` is '' when unknown. */
export interface CatchmentSite {
  id: string;
  name: string;
  /** SCB kommun code of the site's position; '' when the site carries none. */
  kommun_code: string;
  kind: CatchmentSiteKind;
}

/**
 * The catchment sites of a site set, in the same order as `sites` (so an index of a
 * `CoverageAnalysisSummary.nearest` array stays valid).
 *
 * @param sites the set's sites in `siteIds` order
 * @param adoptedSuggestionIds ids of candidates that came from an adopted suggestion
 * @example catchmentSites([{ id: 'c1', name: 'C', status: 'candidate', lon: 0, lat: 0 }], new Set(['c1']))
 *   // → [{ id: 'c1', name: 'C', kommun_code: '', kind: 'suggestion' }]
 */
export function catchmentSites(sites: readonly Site[], adoptedSuggestionIds?: ReadonlySet<string>): CatchmentSite[] {
  return sites.map((s) => ({
    id: s.id,
    name: s.name,
    kommun_code: s.kommun_code ?? '',
    kind: s.status === 'candidate' && adoptedSuggestionIds?.has(s.id) ? 'suggestion' : s.status,
  }));
}
