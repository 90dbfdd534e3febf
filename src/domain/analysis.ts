import { formCounting } from './services/siteCounting';
import { assignNearest, coverageFromAssignment, summarise, type CoverageResult, type CoverageStats } from './coverage';
import { kommunGaps, type KommunGap } from './gaps';
import type { ScenarioParams } from './scenario';
import { scoreCandidates, type CandidateScore, type HealthCentreListing, type StopArea } from './scoring';
import { siteSetInfo, siteSetSites, todaySites, type SiteSetInfo, type SiteSetKey } from './siteSets';
import { networkFlags, type NetworkFlags } from './network/flags';
import { needWeightOf, projectedDemand, type NeedInputs, type NeedWeightOf } from './need/demand';
import type { ForecastRow } from './need/projection';
import type { NetworkRouter } from './network/router';
import { buildCostTable } from './travel';
import type { DemandUnit, FamilyCentre, FamilyCentreStatus, Site, TravelMatrix } from './types';
import { demandUnits, type KommunRef } from './views';

/** What the planner asks: the parameters, the scenario's candidates and the imported matrix. */
export interface AnalysisRequest {
  params: ScenarioParams;
  /** The scenario's candidate sites (counted in the proposal, never today). */
  candidates: readonly Site[];
  /** The imported travel matrix; used only when params.travel.kind === 'matrix'. */
  matrix: TravelMatrix | null;
  /** The planner's imported forecast; used only when params.projection.source === 'imported'. */
  forecast?: ForecastRow[] | null;
}

/** The loaded data an analysis reads (the app's data, the CLI's dataset, a worker's copy). */
export interface AnalysisData {
  demand: { readonly grid: readonly DemandUnit[]; readonly deso: readonly DemandUnit[] };
  familyCentres: readonly FamilyCentre[];
  kommuner: readonly KommunRef[];
  /** Routes on the road graph; needed by the network travel model. */
  router?: NetworkRouter | null;
  /** Indicators and projections (the needs index, years after 2025). */
  need?: NeedInputs | null;
}

export interface AnalysisInput {
  demand: readonly DemandUnit[];
  familyCentres: readonly FamilyCentre[];
  candidates: readonly Site[];
  kommuner: readonly KommunRef[];
  params: ScenarioParams;
  /** Required when params.travel.kind === 'matrix'. */
  matrix?: TravelMatrix | null;
  /** Required when params.travel.kind === 'network'. */
  router?: NetworkRouter | null;
  /** Progress of road-network searches (done, total), for long runs. */
  onProgress?: (done: number, total: number) => void;
  /** The demand weight of need per unit (params.need); the områdestyp weights when absent. */
  needWeight?: NeedWeightOf;
  /** Kommuner a projection source had no value for (their children stay at 2025). */
  projectionMissing?: string[];
}

/** The input of an analysis from the data and a request: the chosen demand, the matrix only for the matrix model. */
export function analysisInput(data: AnalysisData, req: AnalysisRequest): AnalysisInput {
  const projected = projectedDemand(demandUnits(data.demand, req.params.demand), req.params, data.need, req.params.projection.source === 'imported' ? (req.forecast ?? null) : null);
  return {
    demand: projected.demand,
    projectionMissing: projected.missing,
    needWeight: needWeightOf(req.params, data.need),
    familyCentres: data.familyCentres,
    candidates: req.candidates,
    kommuner: data.kommuner,
    params: req.params,
    matrix: req.params.travel.kind === 'matrix' ? req.matrix : null,
    router: data.router ?? null,
  };
}

/** The cost table of an analysis input (travel model, matrix and router applied in one place). */
export function costTable(input: AnalysisInput, sites: readonly Site[]) {
  return buildCostTable(input.demand, sites, input.params.travel, input.matrix, input.router, input.onProgress);
}

/** One row of the per-kommun statistics (also the county total row, code "20"), for one site set. */
export interface KommunRow {
  /** Which sites the row counts: `today` or `proposal`. */
  site_set: SiteSetKey;
  kommun_code: string;
  kommun_name: string;
  children_0_6: number;
  covered_children: number;
  coverage_pct: number;
  mean_minutes: number | null;
  median_minutes: number | null;
  children_over_30_min: number;
  children_lt_5_min: number;
  children_5_10_min: number;
  children_10_30_min: number;
  unreachable_children: number;
  centres_existing: number;
  centres_planned: number;
  centres_intent: number;
  centres_family_unit: number;
  /** Candidate sites in the kommun counted by this set (0 today). */
  candidates: number;
  flags: string;
}

/** Coverage of one site set: the sites, per-unit assignment, aggregates, gap flags and rows. */
export interface CoverageAnalysis {
  /** Where the road graph is thin (network travel model only). */
  networkFlags: NetworkFlags | null;
  siteSet: SiteSetInfo;
  params: ScenarioParams;
  sites: Site[];
  coverage: CoverageResult;
  gaps: KommunGap[];
  rows: KommunRow[];
  total: KommunRow;
  /** Demand × site pairs an imported matrix lacked (never filled in). */
  missingPairs: number;
}

export const COUNTY_CODE = '20';
export const COUNTY_NAME = 'Dalarnas län';

function row(
  siteSet: SiteSetKey,
  code: string,
  name: string,
  s: CoverageStats,
  centres: Record<FamilyCentreStatus, number>,
  candidates: number,
  flags: string,
): KommunRow {
  return {
    site_set: siteSet,
    kommun_code: code,
    kommun_name: name,
    children_0_6: s.children_0_6,
    covered_children: s.covered_children,
    coverage_pct: s.coverage_share * 100,
    mean_minutes: s.mean_minutes,
    median_minutes: s.median_minutes,
    children_over_30_min: s.children_over_30_min,
    children_lt_5_min: s.bands.lt_5,
    children_5_10_min: s.bands.from_5_to_10,
    children_10_30_min: s.bands.from_10_to_30,
    unreachable_children: s.unreachable_children,
    centres_existing: centres.existing,
    centres_planned: centres.planned,
    centres_intent: centres.intent,
    centres_family_unit: centres.family_unit,
    candidates,
    flags,
  };
}

/** Aggregates, gap flags and rows of one set from its nearest-site assignment. */
function summariseSet(input: AnalysisInput, key: SiteSetKey, sites: Site[], coverage: CoverageResult, missingPairs: number): CoverageAnalysis {
  const { params } = input;
  const gaps = kommunGaps(input.kommuner, input.familyCentres, sites, coverage.byKommun, params.lowCoverageShare, formCounting(params.gapFormMode, params.siteServices));
  const empty: CoverageStats = summarise([], [], [], params.thresholdMinutes);
  const candidatesIn = (code: string) => sites.filter((s) => s.status === 'candidate' && s.kommun_code === code).length;
  const rows = gaps.map((g) => row(key, g.kommun_code, g.kommun_name, coverage.byKommun.get(g.kommun_code) ?? empty, g.centres, candidatesIn(g.kommun_code), g.flags.join('|')));
  const allCentres: Record<FamilyCentreStatus, number> = { existing: 0, planned: 0, intent: 0, family_unit: 0 };
  for (const f of input.familyCentres) allCentres[f.status]++;
  const flagged = gaps.filter((g) => g.flags.length > 0).length;
  const nCandidates = sites.filter((s) => s.status === 'candidate').length;
  const total = row(key, COUNTY_CODE, COUNTY_NAME, coverage.county, allCentres, nCandidates, flagged ? `kommuner_flaggade=${flagged}` : '');
  const flags = input.router && params.travel.kind === 'network' ? networkFlags(input.router, input.demand, sites, coverage.assignment) : null;
  return { siteSet: siteSetInfo(key, params.include, nCandidates), params, sites, coverage, gaps, rows, total, missingPairs, networkFlags: flags };
}

/**
 * Coverage of one named site set (`today` or `proposal`, see siteSets.ts) for the chosen demand:
 * county, kommun and områdestyp aggregates, kommun gap flags and the statistics rows.
 */
export function analyseCoverage(input: AnalysisInput, key: SiteSetKey): CoverageAnalysis {
  const sites = siteSetSites(key, input.familyCentres, input.params.include, input.candidates);
  const table = costTable(input, sites);
  const assignment = assignNearest(table, sites.map((s) => s.id));
  const coverage = coverageFromAssignment(input.demand, assignment, input.params.thresholdMinutes, input.params.omradestypYear);
  return summariseSet(input, key, sites, coverage, table.missingPairs);
}

/**
 * Today and the proposal from one cost table (today's sites are a subset of the proposal's), so
 * the two figures every view shows side by side always come from the same computation.
 */
export function analyseSiteSets(input: AnalysisInput): Record<SiteSetKey, CoverageAnalysis> {
  const proposalSites = siteSetSites('proposal', input.familyCentres, input.params.include, input.candidates);
  const today = new Set(todaySites(input.familyCentres, input.params.include).map((s) => s.id));
  const ids = proposalSites.map((s) => s.id);
  const table = costTable(input, proposalSites);
  const run = (open?: Uint8Array) => {
    const assignment = assignNearest(table, ids, open);
    return coverageFromAssignment(input.demand, assignment, input.params.thresholdMinutes, input.params.omradestypYear);
  };
  const mask = Uint8Array.from(proposalSites, (s) => (today.has(s.id) ? 1 : 0));
  const todayCoverage = run(mask);
  // Today's assignment reports indices into the proposal's site list; re-index to today's own list.
  const todayList = proposalSites.filter((s) => today.has(s.id));
  const toToday = new Int32Array(proposalSites.length).fill(-1);
  let k = 0;
  mask.forEach((open, j) => {
    if (open) toToday[j] = k++;
  });
  todayCoverage.assignment.nearest = todayCoverage.assignment.nearest.map((j) => (j < 0 ? -1 : toToday[j]));
  // Pairs an imported matrix lacks: count only those of today's sites for today.
  const missingToday = countMissing(table.minutes, table.nDest, mask);
  return {
    today: summariseSet(input, 'today', todayList, todayCoverage, missingToday),
    proposal: summariseSet(input, 'proposal', proposalSites, run(), table.missingPairs),
  };
}

function countMissing(minutes: Float64Array, nDest: number, open: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < minutes.length; i++) if (open[i % nDest] && Number.isNaN(minutes[i])) n++;
  return n;
}

export interface ScoringContext {
  stops: readonly StopArea[];
  healthCentres: readonly HealthCentreListing[];
}

/** Scores the candidates against today (each candidate alone added to today's sites). */
export function analyseCandidates(input: AnalysisInput, ctx: ScoringContext): CandidateScore[] {
  const { params } = input;
  const sites = todaySites(input.familyCentres, params.include);
  const baseline = assignNearest(costTable(input, sites), sites.map((s) => s.id));
  const candTable = costTable(input, input.candidates);
  return scoreCandidates({
    units: input.demand,
    baseline,
    candidateCosts: candTable,
    candidates: input.candidates,
    thresholdMinutes: params.thresholdMinutes,
    omradestypYear: params.omradestypYear,
    deprivationWeights: params.deprivationWeights,
    needWeight: input.needWeight,
    criterionWeights: params.criterionWeights,
    stops: ctx.stops,
    minDepartures: params.minDepartures,
    maxWalkM: params.maxWalkM,
    healthCentres: ctx.healthCentres,
  });
}
