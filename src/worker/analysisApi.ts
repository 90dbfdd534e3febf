import { analyseCandidates, analyseCoverage, analyseSiteSets, analysisInput, type AnalysisData, type AnalysisRequest } from '../domain/analysis';
import { assignNearest } from '../domain/coverage';
import type { CandidateScore, HealthCentreListing, StopArea } from '../domain/scoring';
import { todaySites } from '../domain/siteSets';
import { summariseAnalysis, type CoverageSets } from '../domain/summary';
import { buildCostTable } from '../domain/travel';
import type { Site } from '../domain/types';
import { isCovered, type DemandKind } from '../domain/views';

export type { CoverageSets };

/** What the analysis worker keeps between calls. */
export interface WorkerData extends AnalysisData {
  /** Bus stop areas with weekday departures (for access without a car). */
  stops?: StopArea[];
}

/** What one candidate does, for highlighting on the map. */
export interface CandidateDetail {
  id: string;
  /** DeSO with at least one demand unit within T of the candidate. */
  reachedDeso: string[];
  /** Demand units within T of the candidate and not covered today (grid ids or DeSO codes). */
  addedIds: string[];
  demand: DemandKind;
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

  init(data: WorkerData): void {
    this.data = data;
  }

  private need(): WorkerData {
    if (!this.data) throw new Error('analysis worker not initialised');
    return this.data;
  }

  /** Today and the proposal, from one cost table. */
  coverage(req: AnalysisRequest): CoverageSets {
    const t0 = performance.now();
    const sets = analyseSiteSets(analysisInput(this.need(), req));
    return { today: summariseAnalysis(sets.today), proposal: summariseAnalysis(sets.proposal), elapsedMs: performance.now() - t0 };
  }

  /** Scores the candidates, each added alone to today's sites. */
  score(req: AnalysisRequest, healthCentres: HealthCentreListing[]): CandidateScore[] {
    const d = this.need();
    return analyseCandidates(analysisInput(d, req), { stops: d.stops ?? [], healthCentres });
  }

  /** The DeSO a candidate reaches within T and the demand units it newly covers (against today). */
  detail(req: AnalysisRequest, candidate: Site): CandidateDetail {
    const d = this.need();
    const input = analysisInput(d, req);
    const T = req.params.thresholdMinutes;
    const sites = todaySites(d.familyCentres, req.params.include);
    const base = assignNearest(buildCostTable(input.demand, sites, input.params.travel, input.matrix), sites.map((x) => x.id));
    const c = buildCostTable(input.demand, [candidate], input.params.travel, input.matrix);
    const reached = new Set<string>();
    const added: string[] = [];
    input.demand.forEach((u, i) => {
      if (!isCovered(c.minutes[i], T)) return;
      reached.add(u.deso_code);
      if (!isCovered(base.minutes[i], T) && u.children_0_6 > 0) added.push(u.id);
    });
    return { id: candidate.id, reachedDeso: [...reached].sort(), addedIds: added, demand: req.params.demand };
  }

  /** For each candidate, covered children per kommun today and with it added. */
  effects(req: AnalysisRequest): CandidateEffect[] {
    const d = this.need();
    const before = analyseCoverage(analysisInput(d, { ...req, candidates: [] }), 'today');
    return req.candidates.map((cand) => {
      const after = analyseCoverage(analysisInput(d, { ...req, candidates: [cand] }), 'proposal');
      const byKommun: Record<string, [number, number]> = {};
      for (const r of before.rows) byKommun[r.kommun_code] = [r.covered_children, after.rows.find((x) => x.kommun_code === r.kommun_code)?.covered_children ?? 0];
      return { id: cand.id, byKommun, countyBefore: before.total.covered_children, countyAfter: after.total.covered_children };
    });
  }
}
