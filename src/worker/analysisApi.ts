import { analyseCoverage, type KommunRow } from '../domain/analysis';
import type { CoverageStats } from '../domain/coverage';
import type { KommunGap } from '../domain/gaps';
import type { ScenarioParams } from '../domain/scenario';
import type { DemandUnit, FamilyCentre, Omradestyp, Site, TravelMatrix } from '../domain/types';

/** What the analysis worker keeps between calls. */
export interface AnalysisData {
  demand: { grid: DemandUnit[]; deso: DemandUnit[] };
  familyCentres: FamilyCentre[];
  kommuner: { kommun_code: string; kommun_name: string }[];
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
