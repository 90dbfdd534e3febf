import { analyseCandidates, analyseCoverage, type KommunRow } from '../domain/analysis';
import { assignNearest } from '../domain/coverage';
import { scenarioSites } from '../domain/scenario';
import type { CandidateScore, HealthCentreListing, StopArea } from '../domain/scoring';
import { buildCostTable } from '../domain/travel';
import type { CoverageStats } from '../domain/coverage';
import type { KommunGap } from '../domain/gaps';
import type { ScenarioParams } from '../domain/scenario';
import type { DemandUnit, FamilyCentre, Omradestyp, Site, TravelMatrix } from '../domain/types';

/** What the analysis worker keeps between calls. */
export interface AnalysisData {
  demand: { grid: DemandUnit[]; deso: DemandUnit[] };
  familyCentres: FamilyCentre[];
  kommuner: { kommun_code: string; kommun_name: string }[];
  /** Bus stop areas with weekday departures (for access without a car). */
  stops?: StopArea[];
}

/** What one candidate does, for highlighting on the map. */
export interface CandidateDetail {
  id: string;
  /** DeSO with at least one demand unit within T of the candidate. */
  reachedDeso: string[];
  /** Demand units within T of the candidate and not covered without it (grid ids or DeSO codes). */
  addedIds: string[];
  demand: 'grid' | 'deso';
}

/** Per-kommun effect of adding one candidate to the scenario (without the other candidates). */
export interface CandidateEffect {
  id: string;
  /** kommun code → [covered children without, with the candidate]. */
  byKommun: Record<string, [number, number]>;
  countyBefore: number;
  countyAfter: number;
}

/** A coverage run's result, small enough to post to the UI (per-unit arrays are typed). */
export interface CoverageSummary {
  params: ScenarioParams;
  county: CoverageStats;
  byOmradestyp: [Omradestyp, CoverageStats][];
  rows: KommunRow[];
  total: KommunRow;
  gaps: KommunGap[];
  siteIds: string[];
  /** Per demand unit, in the order of the chosen demand: minutes to the nearest site (Infinity = none). */
  minutes: Float64Array;
  nearest: Int32Array;
  missingPairs: number;
  elapsedMs: number;
}

/** The worker's API; also called directly in Node tests. */
export class AnalysisApi {
  private data: AnalysisData | null = null;

  init(data: AnalysisData): void {
    this.data = data;
  }

  /** Scores the candidates against the scenario without them. */
  score(params: ScenarioParams, candidates: Site[], matrix: TravelMatrix | null, healthCentres: HealthCentreListing[]): CandidateScore[] {
    const d = this.need();
    const demand = params.demand === 'grid' ? d.demand.grid : d.demand.deso;
    return analyseCandidates(
      { demand, familyCentres: d.familyCentres, candidates, kommuner: d.kommuner, params, matrix },
      { stops: d.stops ?? [], healthCentres },
    );
  }

  /** The DeSO a candidate reaches within T and the demand units it newly covers. */
  detail(params: ScenarioParams, candidate: Site, matrix: TravelMatrix | null): CandidateDetail {
    const d = this.need();
    const demand = params.demand === 'grid' ? d.demand.grid : d.demand.deso;
    const sites = scenarioSites(d.familyCentres, params.include, []);
    const base = assignNearest(buildCostTable(demand, sites, params.travel, matrix), sites.map((x) => x.id));
    const c = buildCostTable(demand, [candidate], params.travel, matrix);
    const reached = new Set<string>();
    const added: string[] = [];
    demand.forEach((u, i) => {
      if (!(c.minutes[i] <= params.thresholdMinutes)) return;
      reached.add(u.deso_code);
      if (!(base.minutes[i] <= params.thresholdMinutes) && u.children_0_6 > 0) added.push(u.id);
    });
    return { id: candidate.id, reachedDeso: [...reached].sort(), addedIds: added, demand: params.demand };
  }

  /** For each candidate, covered children per kommun without and with it. */
  effects(params: ScenarioParams, candidates: Site[], matrix: TravelMatrix | null): CandidateEffect[] {
    const d = this.need();
    const demand = params.demand === 'grid' ? d.demand.grid : d.demand.deso;
    const input = { demand, familyCentres: d.familyCentres, kommuner: d.kommuner, params, matrix };
    const before = analyseCoverage({ ...input, candidates: [] });
    return candidates.map((cand) => {
      const after = analyseCoverage({ ...input, candidates: [cand] });
      const byKommun: Record<string, [number, number]> = {};
      for (const r of before.rows) byKommun[r.kommun_code] = [r.covered_children, after.rows.find((x) => x.kommun_code === r.kommun_code)?.covered_children ?? 0];
      return { id: cand.id, byKommun, countyBefore: before.total.covered_children, countyAfter: after.total.covered_children };
    });
  }

  private need(): AnalysisData {
    if (!this.data) throw new Error('analysis worker not initialised');
    return this.data;
  }

  coverage(params: ScenarioParams, candidates: Site[], matrix: TravelMatrix | null): CoverageSummary {
    if (!this.data) throw new Error('analysis worker not initialised');
    const t0 = performance.now();
    const demand = params.demand === 'grid' ? this.data.demand.grid : this.data.demand.deso;
    const a = analyseCoverage({ demand, familyCentres: this.data.familyCentres, candidates, kommuner: this.data.kommuner, params, matrix });
    return {
      params,
      county: a.coverage.county,
      byOmradestyp: [...a.coverage.byOmradestyp],
      rows: a.rows,
      total: a.total,
      gaps: a.gaps,
      siteIds: a.sites.map((s) => s.id),
      minutes: a.coverage.assignment.minutes,
      nearest: a.coverage.assignment.nearest,
      missingPairs: a.missingPairs,
      elapsedMs: performance.now() - t0,
    };
  }
}
