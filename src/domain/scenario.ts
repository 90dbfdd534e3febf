import { DEFAULT_NETWORK } from './network/router';
import type { TravelParams } from './travel';
import { DEFAULT_NEED_COMPONENTS, type NeedComponents } from './need/needIndex';
import { DEFAULT_PROJECTION, type ProjectionParams } from './need/projection';
import type { FamilyCentreStatus, Omradestyp, OmradestypYear } from './types';
import type { DemandKind } from './views';
import { DEFAULT_VARDVAL_PARAMS, type VardvalParams } from './budget/params';
import type { GapFormMode } from './services/gapForm';
import type { SiteServices } from './services/types';
import type { StatusPeriod } from './history/types';

/** Which family-centre statuses besides `existing` count as open in a scenario. */
export interface IncludeStatuses {
  planned: boolean;
  intent: boolean;
  family_unit: boolean;
}

/** Weights of the composite candidate score; any non-negative numbers (normalised by their sum). */
export interface CriterionWeights {
  reach: number;
  newReach: number;
  deprivation: number;
  travel: number;
  transit: number;
}

/** All parameters of an analysis; they travel with every result and export. */
export interface ScenarioParams {
  include: IncludeStatuses;
  /** Coverage threshold T, minutes (covered when minutes ≤ T). */
  thresholdMinutes: number;
  travel: TravelParams;
  /** Weight per områdestyp for deprivation-weighted reach. */
  deprivationWeights: Record<Omradestyp, number>;
  criterionWeights: CriterionWeights;
  omradestypYear: OmradestypYear;
  /** A kommun is flagged when its coverage share is below this (0–1). */
  lowCoverageShare: number;
  /** Access without a car: a stop area counts when it has at least this many weekday departures. */
  minDepartures: number;
  /** Walking distance (m, straight line) at which the transit criterion reaches 0. */
  maxWalkM: number;
  demand: DemandKind;
  /** How need weights demand in scoring and optimisation. */
  need: NeedParams;
  /** Which year's children the analysis counts (2025 = today's estimate; later years projected). */
  projection: ProjectionParams;
  /** The vårdval family-centre add-on and its pot (issue 11; defaults from HSN 2026/4486). Not read by the coverage analysis. */
  vardval: VardvalParams;
  /** The planner's host vårdcentral per site id (family centre or candidate); overrides the data. */
  hosts: Record<string, string>;
  /** What counts as a family centre for the kommun gap flags: familjecentraler only, or with familjecentralsliknande (002's goal counts both). */
  gapFormMode: GapFormMode;
  /** The planner's record of the four basic services per site id (overlaid on what the documents state). */
  siteServices: Record<string, SiteServices>;
  /** The planner's status periods per site id (intent, planned, open, closed or paused). */
  statusPeriods: Record<string, StatusPeriod[]>;
}

/**
 * The demand weight of need: `omradestyp` (the weight of the unit's RegSO områdestyp, as before),
 * `index` (1 + 0,5 × the needs index of its DeSO, within 0,5–2) or `none` (every child weighs 1).
 */
export interface NeedParams {
  mode: 'omradestyp' | 'index' | 'none';
  /** Weight of each indicator in the needs index (0 = not used). */
  components: NeedComponents;
}

export const DEFAULT_NEED: NeedParams = { mode: 'omradestyp', components: DEFAULT_NEED_COMPONENTS };

export const DEFAULT_DEPRIVATION_WEIGHTS: Record<Omradestyp, number> = { 1: 2.0, 2: 1.5, 3: 1.0, 4: 0.75, 5: 0.5 };

export const DEFAULT_CRITERION_WEIGHTS: CriterionWeights = {
  reach: 0.15,
  newReach: 0.25,
  deprivation: 0.3,
  travel: 0.2,
  transit: 0.1,
};

export const DEFAULT_PARAMS: ScenarioParams = {
  include: { planned: false, intent: false, family_unit: false },
  thresholdMinutes: 20,
  travel: DEFAULT_NETWORK,
  deprivationWeights: DEFAULT_DEPRIVATION_WEIGHTS,
  criterionWeights: DEFAULT_CRITERION_WEIGHTS,
  omradestypYear: 2023,
  lowCoverageShare: 0.5,
  minDepartures: 10,
  maxWalkM: 1000,
  demand: 'grid',
  need: DEFAULT_NEED,
  projection: DEFAULT_PROJECTION,
  vardval: DEFAULT_VARDVAL_PARAMS,
  hosts: {},
  gapFormMode: 'familjecentral_only',
  siteServices: {},
  statusPeriods: {},
};

/** True when a family centre of this status is open under `include` (existing always is). */
export function isIncluded(status: FamilyCentreStatus, include: IncludeStatuses): boolean {
  return status === 'existing' || include[status];
}
