import type { AnalysisInput, CoverageAnalysis, KommunRow } from './analysis';
import { catchments, type CatchmentResult } from './catchments/catchments';
import { catchmentAdjacency, colourSlots } from './catchments/colourSlots';
import { crossBorderFlows, type CrossBorderResult } from './catchments/crossBorder';
import { catchmentSites } from './catchments/siteKind';
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
  /** Each site's catchment: the children whose nearest site it is (issue 11; src/domain/catchments). */
  catchments: CatchmentResult;
  /** Kommun × site flows of those children, with each kommun's flag (own / partly / relies on a neighbour). */
  flows: CrossBorderResult;
  /** Per site (order of `siteIds`): its colour slot in the catchment palette; touching catchments differ where the palette allows. */
  catchmentSlots: Int32Array;
}

/** Both named sets of one request: what every view shows (today, and the proposal beside it). */
export interface CoverageSets {
  today: CoverageAnalysisSummary;
  proposal: CoverageAnalysisSummary;
  /** Time the worker took, ms. */
  elapsedMs: number;
}

/** Colours of the catchment layer's palette (src/map/palette.ts CATCHMENT_COLORS has as many). */
export const CATCHMENT_PALETTE_SIZE = 12;

/** The catchments of an analysis and what the map and tables show of them. */
function catchmentParts(a: CoverageAnalysis, input: Pick<AnalysisInput, 'demand' | 'kommuner'>) {
  const { nearest, minutes } = a.coverage.assignment;
  const result = catchments({ units: input.demand, nearest, minutes, sites: catchmentSites(a.sites), omradestypYear: a.params.omradestypYear });
  const weights = new Float64Array(a.sites.length);
  for (const c of result.centres) weights[c.site_index] = c.children_0_6;
  return {
    catchments: result,
    flows: crossBorderFlows(result, input.kommuner),
    catchmentSlots: colourSlots(catchmentAdjacency(input.demand, nearest, a.sites.length), weights, CATCHMENT_PALETTE_SIZE),
  };
}

/** `input`: the analysis input the result came from (its demand units, in the order of the per-unit arrays). */
export function summariseAnalysis(a: CoverageAnalysis, input: Pick<AnalysisInput, 'demand' | 'kommuner'>): CoverageAnalysisSummary {
  return {
    ...catchmentParts(a, input),
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

