import { assignNearest, coverageFromAssignment, summarise, type CoverageResult, type CoverageStats } from './coverage';
import { kommunGaps, type KommunGap } from './gaps';
import { scenarioSites, type ScenarioParams } from './scenario';
import { scoreCandidates, type CandidateScore, type HealthCentreListing, type StopArea } from './scoring';
import { buildCostTable } from './travel';
import type { DemandUnit, FamilyCentre, FamilyCentreStatus, Site, TravelMatrix } from './types';

export interface AnalysisInput {
  demand: readonly DemandUnit[];
  familyCentres: readonly FamilyCentre[];
  candidates: readonly Site[];
  kommuner: readonly { kommun_code: string; kommun_name: string }[];
  params: ScenarioParams;
  /** Required when params.travel.kind === 'matrix'. */
  matrix?: TravelMatrix | null;
}

/** One row of the per-kommun statistics (also the county total row, code "20"). */
export interface KommunRow {
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
  candidates: number;
  flags: string;
}

export interface CoverageAnalysis {
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
  code: string,
  name: string,
  s: CoverageStats,
  centres: Record<FamilyCentreStatus, number>,
  candidates: number,
  flags: string,
): KommunRow {
  return {
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

/**
 * Coverage of a scenario (included family centres + candidates) for the chosen demand, with
 * county, kommun and områdestyp aggregates, kommun gap flags and the statistics rows.
 */
export function analyseCoverage(input: AnalysisInput): CoverageAnalysis {
  const { params } = input;
  const sites = scenarioSites(input.familyCentres, params.include, input.candidates);
  const table = buildCostTable(input.demand, sites, params.travel, input.matrix);
  const assignment = assignNearest(
    table,
    sites.map((s) => s.id),
  );
  const coverage = coverageFromAssignment(input.demand, assignment, params.thresholdMinutes, params.omradestypYear);
  const gaps = kommunGaps(input.kommuner, input.familyCentres, coverage.byKommun, params.lowCoverageShare);
  const empty: CoverageStats = summarise([], [], [], params.thresholdMinutes);
  const rows = gaps.map((g) =>
    row(
      g.kommun_code,
      g.kommun_name,
      coverage.byKommun.get(g.kommun_code) ?? empty,
      g.centres,
      input.candidates.filter((c) => c.kommun_code === g.kommun_code).length,
      g.flags.join('|'),
    ),
  );
  const allCentres: Record<FamilyCentreStatus, number> = { existing: 0, planned: 0, intent: 0, family_unit: 0 };
  for (const f of input.familyCentres) allCentres[f.status]++;
  const flagged = gaps.filter((g) => g.flags.length > 0).length;
  const total = row(COUNTY_CODE, COUNTY_NAME, coverage.county, allCentres, input.candidates.length, flagged ? `kommuner_flaggade=${flagged}` : '');
  return { params, sites, coverage, gaps, rows, total, missingPairs: table.missingPairs };
}

export interface ScoringContext {
  stops: readonly StopArea[];
  healthCentres: readonly HealthCentreListing[];
}

/**
 * Scores the candidates against the scenario without them (included family centres only).
 */
export function analyseCandidates(input: AnalysisInput, ctx: ScoringContext): CandidateScore[] {
  const { params } = input;
  const sites = scenarioSites(input.familyCentres, params.include, []);
  const baseTable = buildCostTable(input.demand, sites, params.travel, input.matrix);
  const baseline = assignNearest(
    baseTable,
    sites.map((s) => s.id),
  );
  const candTable = buildCostTable(input.demand, input.candidates, params.travel, input.matrix);
  return scoreCandidates({
    units: input.demand,
    baseline,
    candidateCosts: candTable,
    candidates: input.candidates,
    thresholdMinutes: params.thresholdMinutes,
    omradestypYear: params.omradestypYear,
    deprivationWeights: params.deprivationWeights,
    criterionWeights: params.criterionWeights,
    stops: ctx.stops,
    minDepartures: params.minDepartures,
    maxWalkM: params.maxWalkM,
    healthCentres: ctx.healthCentres,
  });
}
