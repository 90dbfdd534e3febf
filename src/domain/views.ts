import type { Omradestyp, OmradestypYear } from './types';

/**
 * Pure views of the loaded data that every layer shares: which demand units an analysis uses,
 * a unit's områdestyp for a year, the kommun list and the one coverage rule. Nothing else
 * re-implements these.
 */

/** Demand resolution: 1 km grid cells (with DeSO points where no cell centre falls) or the 175 DeSO points. */
export type DemandKind = 'grid' | 'deso';

/** The demand units of a resolution. */
export function demandUnits<U>(demand: { readonly grid: readonly U[]; readonly deso: readonly U[] }, kind: DemandKind): readonly U[] {
  return kind === 'grid' ? demand.grid : demand.deso;
}

/** Anything that carries both områdestyp years (DeSO, grid cell, demand unit). */
export interface HasOmradestyp {
  omradestyp_2022: Omradestyp;
  omradestyp_2023: Omradestyp;
}

/** The property name of områdestyp for a year. */
export function omradestypKey(year: OmradestypYear): 'omradestyp_2022' | 'omradestyp_2023' {
  return year === 2022 ? 'omradestyp_2022' : 'omradestyp_2023';
}

/** A unit's områdestyp (1–5) in the chosen year. */
export function omradestypOf(u: HasOmradestyp, year: OmradestypYear): Omradestyp {
  return u[omradestypKey(year)];
}

/** A kommun as lists and tables need it. */
export interface KommunRef {
  kommun_code: string;
  kommun_name: string;
}

/** The kommun list (code and name) from the kommun features, in their order. */
export function kommunRefs(kommuner: { readonly features: readonly { readonly properties: KommunRef }[] }): KommunRef[] {
  return kommuner.features.map((f) => ({ kommun_code: f.properties.kommun_code, kommun_name: f.properties.kommun_name }));
}

/**
 * The coverage rule, inclusive: a trip of `minutes` is within the threshold T when minutes ≤ T.
 * Unknown (NaN) and unreachable (Infinity) trips are never covered.
 */
export function isCovered(minutes: number, thresholdMinutes: number): boolean {
  return minutes <= thresholdMinutes;
}
