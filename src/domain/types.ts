/**
 * Core data types shared by the data build, the analysis core and the app.
 * Coordinates are WGS84 (EPSG:4326) longitude/latitude in decimal degrees.
 */

/** SCB socioeconomic area type of a RegSO: 1 = major challenges … 5 = very good conditions. */
export type Omradestyp = 1 | 2 | 3 | 4 | 5;

/** Years for which områdestyp is available in the bundled data. */
export type OmradestypYear = 2022 | 2023;

export const OMRADESTYP_VALUES: readonly Omradestyp[] = [1, 2, 3, 4, 5];

/** A DeSO with its 2025 population figures and derived estimates. */
export interface DesoUnit {
  deso_code: string;
  regso_code: string;
  regso_name: string;
  kommun_code: string;
  kommun_name: string;
  omradestyp_2022: Omradestyp;
  omradestyp_2023: Omradestyp;
  /** SCB TAB6574, 31 Dec 2025. */
  population: number;
  age_0_4: number;
  age_5_9: number;
  /** SCB TAB6574 2025, men + women (used to split the 5–9 band). */
  age_10_14: number;
  age_15_19: number;
  women_15_54: number;
  /** Estimated: age_0_4 + ages 5–6 by Sprague interpolation (see estimates.ts). */
  children_0_6: number;
  /** Estimated: women_15_54 × 39/40. */
  women_16_54: number;
  /** Polygon area, km² (geodesic). */
  area_km2: number;
  /** Representative point, guaranteed inside the polygon. */
  lon: number;
  lat: number;
}

/** A weighted demand point: a 1 km grid cell, or a DeSO point where no cell centre falls in the DeSO. */
export interface DemandUnit {
  id: string;
  kind: 'grid' | 'deso';
  lon: number;
  lat: number;
  deso_code: string;
  regso_code: string;
  kommun_code: string;
  omradestyp_2022: Omradestyp;
  omradestyp_2023: Omradestyp;
  /** Grid: census 2021 residents in the cell; DeSO point: 2025 DeSO population. */
  population: number;
  /** Estimated children 0–6 (2025), spread from the DeSO. */
  children_0_6: number;
  /** Estimated women 16–54 (2025), spread from the DeSO. */
  women_16_54: number;
}

export type Ownership = 'region' | 'private';

export interface HealthCentre {
  id: string;
  name: string;
  ownership: Ownership;
  operator: string;
  kommun_code: string;
  kommun_name: string;
  lon: number;
  lat: number;
  coord_precision: string;
  confidence: string;
}

export type FamilyCentreStatus = 'existing' | 'planned' | 'intent' | 'family_unit';

export const FAMILY_CENTRE_STATUSES: readonly FamilyCentreStatus[] = [
  'existing',
  'planned',
  'intent',
  'family_unit',
];

/**
 * A family centre as the app and every export show it: public fields only. The data team's
 * notes, source references and confidence grades stay in the shared data and never reach a user.
 */
export interface FamilyCentre {
  id: string;
  /** Public Swedish display name (a generic "Familjecentralen i …" where the real name is unknown). */
  name: string;
  status: FamilyCentreStatus;
  kommun_code: string;
  kommun_name: string;
  lon: number;
  lat: number;
  /** How exact the point is: property, site, site_adjacent, near_site, point or town. */
  coord_precision: string;
  /** Short Swedish note on position precision, e.g. "Läge: ortens centrum, ±1–2 km"; '' when the point is the building. */
  position_note: string;
  host_health_centre_id: string;
  /** Opening month as given by the source (YYYY-MM), or ''. */
  opened: string;
}

/** Listed children (and optionally women) per health centre, imported or modelled. */
export interface ListingRecord {
  health_centre_id: string;
  year: number;
  children_0_6: number;
  women_16_54: number | null;
}

export type ListingSource = 'modelled' | 'imported';

/** Status of a site in a scenario: a family centre's status, or a candidate under study. */
export type SiteStatus = FamilyCentreStatus | 'candidate';

/** A place that can serve demand: a family centre or a candidate site (WGS84). */
export interface Site {
  id: string;
  name: string;
  status: SiteStatus;
  lon: number;
  lat: number;
  kommun_code?: string;
}

/**
 * An imported origin × destination travel matrix (e.g. from OSRM, Valhalla, openrouteservice or
 * an NVDB tool). Row-major: value for origin i and destination j is at i × destinations.length + j.
 * Missing pairs are NaN (never filled in).
 */
export interface TravelMatrix {
  origins: string[];
  destinations: string[];
  /** Minutes; NaN = pair missing from the file. */
  minutes: Float64Array;
  /** Km, or null when the file gave no distances; NaN = missing. */
  km: Float64Array | null;
}
