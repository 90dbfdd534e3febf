import { analyseCandidates, analyseCoverage, analyseSiteSets, analysisInput, costTable, type AnalysisData, type AnalysisRequest, type KommunRow } from '../domain/analysis';
import type { TravelParams } from '../domain/travel';
import { assignNearest } from '../domain/coverage';
import type { CandidateScore, HealthCentreListing, StopArea } from '../domain/scoring';
import { todaySites } from '../domain/siteSets';
import { summariseAnalysis, type CoverageAnalysisSummary, type CoverageSets } from '../domain/summary';
import type { FamilyCentre, Site } from '../domain/types';
import { isCovered, type DemandKind } from '../domain/views';
import type { RoadGraphColumns } from '../domain/network/graph';
import { LazyRouter } from './roadGraphSource';

export type { CoverageSets };

/** What the analysis worker keeps between calls. */
export interface WorkerData extends Omit<AnalysisData, 'router'> {
  /** Bus stop areas with weekday departures (for access without a car). */
  stops?: StopArea[];
  /** URL of the built road graph, fetched on first use of the network model. */
  roadGraphUrl?: string;
}

/** Progress of road searches: done and total. */
export type Progress = (done: number, total: number) => void;

/** What one candidate does, for highlighting on the map. */
export interface CandidateDetail {
  id: string;
  /** DeSO with at least one demand unit within T of the candidate. */
  reachedDeso: string[];
  /** Demand units within T of the candidate and not covered today (grid ids or DeSO codes). */
  addedIds: string[];
  demand: DemandKind;
}

/** Today's rows under two travel models (same order of kommuner, county last). */
export interface TravelComparison {
  models: [TravelParams, TravelParams];
  rows: [KommunRow[], KommunRow[]];
}

/** Per-kommun effect of adding one candidate to today's sites (without the other candidates). */
export interface CandidateEffect {
  id: string;
  /** kommun code → [covered children today, with the candidate]. */
  byKommun: Record<string, [number, number]>;
  countyBefore: number;
  countyAfter: number;
}

/**
 * The worker's API: it holds the data and marshals; the analysis is the domain's. Also called
 * directly in Node tests.
 */
export class AnalysisApi {
  private data: WorkerData | null = null;
  private readonly roads: LazyRouter;

  constructor(loadGraph?: (url: string) => Promise<RoadGraphColumns>) {
    this.roads = new LazyRouter(loadGraph);
  }

  init(data: WorkerData): void {
    this.data = data;
    this.roads.setUrl(data.roadGraphUrl);
  }

  /** The data with the router the request's travel model needs. */
  private async need(req: AnalysisRequest): Promise<AnalysisData & WorkerData> {
    if (!this.data) throw new Error('analysis worker not initialised');
    return { ...this.data, router: await this.roads.forTravel(req.params.travel) };
  }

  /** Today and the proposal, from one cost table. */
  async coverage(req: AnalysisRequest, onProgress?: Progress): Promise<CoverageSets> {
    const t0 = performance.now();
    const input = analysisInput(await this.need(req), req);
    const sets = analyseSiteSets({ ...input, onProgress });
    return { today: summariseAnalysis(sets.today, input), proposal: summariseAnalysis(sets.proposal, input), elapsedMs: performance.now() - t0 };
  }

  /**
   * A documented snapshot's sites (src/domain/history: `snapshotFamilyCentres`) analysed as the
   * *today* set in place of the data's family centres: the request's parameters, year (demand of
   * `params.projection.year`, so children are today's estimate or its projection — the data has no
   * children for 2019) and travel model, the same cost model, gap flags and catchments as
   * `coverage`. The scenario's candidates are not counted.
   *
   * Which sites count is the request's `include`, the one rule today uses: by default only the
   * operating centres (`existing`), which is what the documents count as their centres (eight in
   * 2019, nine in 2026); planned, letter-of-intent and family-unit sites then count only as the
   * planner switches them on, and the gap flags name them as not counted. The 2019 snapshot has
   * operating centres only, so the switches change nothing there.
   *
   * @param familyCentres the snapshot's sites as family centres (statuses of the snapshot)
   */
  async snapshot(req: AnalysisRequest, familyCentres: FamilyCentre[], onProgress?: Progress): Promise<CoverageAnalysisSummary> {
    const snapReq: AnalysisRequest = { ...req, candidates: [] };
    const input = analysisInput({ ...(await this.need(snapReq)), familyCentres }, snapReq);
    return summariseAnalysis(analyseCoverage({ ...input, onProgress }, 'today'), input);
  }

  /** Scores the candidates, each added alone to today's sites. */
  async score(req: AnalysisRequest, healthCentres: HealthCentreListing[], onProgress?: Progress): Promise<CandidateScore[]> {
    const d = await this.need(req);
    return analyseCandidates({ ...analysisInput(d, req), onProgress }, { stops: d.stops ?? [], healthCentres });
  }

  /** The DeSO a candidate reaches within T and the demand units it newly covers (against today). */
  async detail(req: AnalysisRequest, candidate: Site): Promise<CandidateDetail> {
    const d = await this.need(req);
    const input = analysisInput(d, req);
    const T = req.params.thresholdMinutes;
    const sites = todaySites(d.familyCentres, req.params.include);
    const base = assignNearest(costTable(input, sites), sites.map((x) => x.id));
    const c = costTable(input, [candidate]);
    const reached = new Set<string>();
    const added: string[] = [];
    input.demand.forEach((u, i) => {
      if (!isCovered(c.minutes[i], T)) return;
      reached.add(u.deso_code);
      if (!isCovered(base.minutes[i], T) && u.children_0_6 > 0) added.push(u.id);
    });
    return { id: candidate.id, reachedDeso: [...reached].sort(), addedIds: added, demand: req.params.demand };
  }

  /**
   * Today's coverage per kommun under two travel models (the request's and `other`), for the
   * comparison view: rows in kommun order plus the county row.
   */
  async compareTravel(req: AnalysisRequest, other: TravelParams): Promise<TravelComparison> {
    const a = analyseCoverage(analysisInput(await this.need(req), req), 'today');
    const otherReq = { ...req, params: { ...req.params, travel: other } };
    const b = analyseCoverage(analysisInput(await this.need(otherReq), otherReq), 'today');
    return { models: [req.params.travel, other], rows: [[...a.rows, a.total], [...b.rows, b.total]] };
  }

  /** For each candidate, covered children per kommun today and with it added. */
  async effects(req: AnalysisRequest): Promise<CandidateEffect[]> {
    const d = await this.need(req);
    const before = analyseCoverage(analysisInput(d, { ...req, candidates: [] }), 'today');
    return req.candidates.map((cand) => {
      const after = analyseCoverage(analysisInput(d, { ...req, candidates: [cand] }), 'proposal');
      const byKommun: Record<string, [number, number]> = {};
      for (const r of before.rows) byKommun[r.kommun_code] = [r.covered_children, after.rows.find((x) => x.kommun_code === r.kommun_code)?.covered_children ?? 0];
      return { id: cand.id, byKommun, countyBefore: before.total.covered_children, countyAfter: after.total.covered_children };
    });
  }
}
