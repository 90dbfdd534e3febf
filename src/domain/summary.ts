import type { CoverageAnalysis, KommunRow } from './analysis';
import type { CoverageStats } from './coverage';
import type { KommunGap } from './gaps';
import type { NetworkFlags } from './network/flags';
import type { ScenarioParams } from './scenario';
import type { SiteSetInfo } from './siteSets';
import type { Omradestyp } from './types';

/** A coverage result small enough to post from a worker (per-unit arrays are typed). */
export interface CoverageAnalysisSummary {
  siteSet: SiteSetInfo;
  params: ScenarioParams;
  county: CoverageStats;
  byOmradestyp: [Omradestyp, CoverageStats][];
  rows: KommunRow[];
  total: KommunRow;
  gaps: KommunGap[];
  siteIds: string[];
  /** Per demand unit, in the order of the chosen demand: minutes to the nearest site (Infinity = none). */
  minutes: Float64Array;
  /** Index into `siteIds` of each unit's nearest site; -1 = none. */
  nearest: Int32Array;
  missingPairs: number;
  /** Where the road graph is thin (network travel model only). */
  networkFlags: NetworkFlags | null;
}

/** Both named sets of one request: what every view shows (today, and the proposal beside it). */
export interface CoverageSets {
  today: CoverageAnalysisSummary;
  proposal: CoverageAnalysisSummary;
  /** Time the worker took, ms. */
  elapsedMs: number;
}

export function summariseAnalysis(a: CoverageAnalysis): CoverageAnalysisSummary {
  return {
    siteSet: a.siteSet,
    params: a.params,
    county: a.coverage.county,
    byOmradestyp: [...a.coverage.byOmradestyp],
    rows: a.rows,
    total: a.total,
    gaps: a.gaps,
    siteIds: a.sites.map((s) => s.id),
    minutes: a.coverage.assignment.minutes,
    nearest: a.coverage.assignment.nearest,
    missingPairs: a.missingPairs,
    networkFlags: a.networkFlags,
  };
}

/** The set a view shows by default: the proposal when the scenario has candidates, else today. */
export function shownSet(sets: CoverageSets): CoverageAnalysisSummary {
  return sets.proposal.siteSet.candidates > 0 ? sets.proposal : sets.today;
}

