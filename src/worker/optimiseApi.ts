import type { Highs } from 'highs';
import { gridCandidates, healthCentreCandidates, NO_CANDIDATES, placeNear, tatortCandidates, type CandidateSetKind, type PlaceNear } from '../domain/optimise/candidateSets';
import { explainSuggestion, type SuggestionExplanation } from '../domain/optimise/explain';
import { capTarget, reachSummary, type ReachSummary, type TargetCap } from '../domain/optimise/reach';
import { siteProblem } from '../domain/optimise/fromScenario';
import { formCounting } from '../domain/services/siteCounting';
import { evaluate, toInstance, type ModelKind, type SolveProblem, type SolveResult } from '../domain/optimise/problem';
import { solve } from '../domain/optimise/solve';
import type { ScenarioParams } from '../domain/scenario';
import { todaySites } from '../domain/siteSets';
import { demandUnits } from '../domain/views';
import { needWeightOf, projectedDemand, type NeedInputs } from '../domain/need/demand';
import type { ForecastRow, ProjectionYear } from '../domain/need/projection';
import type { RobustMode } from '../domain/optimise/robustYears';
import type { RoadGraphColumns } from '../domain/network/graph';
import type { NetworkRouter } from '../domain/network/router';
import { LazyRouter } from './roadGraphSource';
import type { DemandUnit, FamilyCentre, HealthCentre, Site, TravelMatrix } from '../domain/types';

export interface OptimiseData {
  /** Indicators and projections (needs index, later years). */
  need?: NeedInputs;
  /** URL of the built road graph, fetched on first use of the network model. */
  roadGraphUrl?: string;
  demand: { grid: DemandUnit[]; deso: DemandUnit[] };
  familyCentres: FamilyCentre[];
  healthCentres: HealthCentre[];
  tatorter: { code: string; name: string; kommun_code: string; lon: number; lat: number }[];
}

export interface OptimiseRequest {
  model: ModelKind;
  p?: number;
  targetShare?: number;
  candidateSet: CandidateSetKind;
  plannerCandidates: Site[];
  params: ScenarioParams;
  matrix: TravelMatrix | null;
  /** The planner's imported forecast (projection source `imported`). */
  forecast?: ForecastRow[] | null;
  timeLimitS: number;
  heuristicOnly?: boolean;
  /**
   * MCLP only: choose sites that do well for both years' demand (children 0–6 of each year × the
   * need weight): `maxmin` maximises the worse year's coverage share, `weighted` maximises
   * alpha · share(first year) + (1 − alpha) · share(second year). See docs/robust-siting.md.
   */
  robust?: { mode: RobustMode; alpha: number; years: [ProjectionYear, ProjectionYear] };
  /**
   * Siting rules from the documents (issue 11; docs/siting-rules.md): every listed kommun must have
   * a site that counts as a family centre (today's sites count by the gap switch's rule), and a new
   * site needs at least `minChildren` children 0–6 within T.
   */
  rules?: { requireKommuner: string[] | null; minChildren: number | null };
}

export interface SuggestedSite extends Site {
  /** Children 0–6 within T that only this site covers among the chosen ones (estimated). */
  adds_children: number;
  /** Children 0–6 whose nearest open site (today's and the suggestion's) this one is. */
  served_children: number;
  /** Their child-weighted mean minutes to it (the p-median's view); null when it serves none. */
  mean_minutes: number | null;
  /** The longest of their minutes (the p-center's view); null when it serves none. */
  max_minutes: number | null;
  /** Robust requests: children 0–6 within T that only this site covers, per year of `robust.years`. */
  adds_by_year?: number[];
}

/** Children 0–6 of one year within T (not need-weighted), today's sites and with the chosen ones. */
export interface YearCoverageChildren {
  year: number;
  covered_before: number;
  covered_after: number;
  total: number;
}

/** A demand unit named for a sentence: its id, kommun and where it lies from the nearest tätort. */
export interface UnitPlace {
  unit_id: string;
  kommun_code: string;
  /** null without tätorter. */
  place: PlaceNear | null;
}

/** Demand no possible site reaches within T (reachSummary), with the spread its ids belong to. */
export interface UnreachableDemand extends ReachSummary {
  /** The demand units the ids are: 1 km grid cells or DeSO. */
  demand: ScenarioParams['demand'];
  /** T, minutes. */
  threshold_minutes: number;
}

export interface OptimiseResponse {
  /** The model solved (the panel shows each model's own per-site figures). */
  model: ModelKind;
  /** The scenario parameters the run counted (year, travel model, T, spread), for the panel's words. */
  params: ScenarioParams;
  /** The county before (today) → after (today + suggested) in the model's own terms, and each suggested site's marginal children. */
  explain: SuggestionExplanation;
  /** Where the longest trip starts, today and with the suggestion (p-center's figure); null when nothing is reached. */
  longest: { before: UnitPlace | null; after: UnitPlace | null };
  /** Demand no possible site (today's and the candidate set) reaches within T, found before solving. */
  unreachable: UnreachableDemand;
  /** LSCP: the coverage target asked for and solved for (capped at what can be reached); null for other models. */
  targetCap: TargetCap | null;
  result: SolveResult;
  suggested: SuggestedSite[];
  /** Children 0–6 within T today (the fixed sites), and with the chosen sites added to today. */
  coveredBefore: number;
  coveredAfter: number;
  totalChildren: number;
  candidatesConsidered: number;
  /** Robust requests: the same per year of `robust.years`. */
  coveredByYear?: YearCoverageChildren[];
  /** True when the exact solver could not be loaded and the heuristic answered instead. */
  solverUnavailable: boolean;
}

export interface CurvePoint {
  newCentres: number;
  /** Share (0–1) of children 0–6 within T. */
  share: number;
  status: SolveResult['status'];
  gap: number | null;
}

/** Site optimisation for the browser worker (and Node tests). HiGHS is loaded lazily on first use. */
export class OptimiseApi {
  private data: OptimiseData | null = null;
  private highs: Promise<Highs> | null = null;
  private readonly roads: LazyRouter;

  constructor(
    private readonly loadHighs: () => Promise<Highs>,
    loadGraph?: (url: string) => Promise<RoadGraphColumns>,
  ) {
    this.roads = new LazyRouter(loadGraph);
  }

  init(data: OptimiseData): void {
    this.data = data;
    this.roads.setUrl(data.roadGraphUrl);
  }

  /** The candidate sites of a set (for display and for the solver). */
  candidates(set: CandidateSetKind, planner: Site[]): Site[] {
    const d = this.need();
    if (set === 'healthCentres') return healthCentreCandidates(d.healthCentres);
    if (set === 'tatorter') return tatortCandidates(d.tatorter);
    if (set === 'grid') return gridCandidates(d.demand.grid, 5, 5, d.tatorter);
    return planner;
  }

  private need(): OptimiseData {
    if (!this.data) throw new Error('optimisation worker not initialised');
    return this.data;
  }

  /** The demand units of the request, with children 0–6 of the given year (default: the scenario's year). */
  private units(req: OptimiseRequest, year: ProjectionYear = req.params.projection.year): DemandUnit[] {
    const d = this.need();
    const params = year === req.params.projection.year ? req.params : { ...req.params, projection: { ...req.params.projection, year } };
    return projectedDemand(demandUnits(d.demand, req.params.demand), params, d.need, req.params.projection.source === 'imported' ? (req.forecast ?? null) : null).demand as DemandUnit[];
  }

  private problem(req: OptimiseRequest, router: NetworkRouter | null, p?: number, onProgress?: (done: number, total: number) => void): { pr: SolveProblem; fixed: Site[]; cands: Site[]; units: DemandUnit[] } {
    const d = this.need();
    const units = this.units(req);
    const fixed = todaySites(d.familyCentres, req.params.include);
    const cands = this.candidates(req.candidateSet, req.plannerCandidates);
    const pr = siteProblem({
      model: req.model,
      demand: units,
      fixed,
      candidates: cands,
      travel: req.params.travel,
      matrix: req.params.travel.kind === 'matrix' ? req.matrix : null,
      router,
      onProgress,
      thresholdMinutes: req.params.thresholdMinutes,
      p: p ?? req.p,
      targetShare: req.targetShare,
      deprivationWeights: req.params.deprivationWeights,
      omradestypYear: req.params.omradestypYear,
      needWeight: needWeightOf(req.params, d.need),
      timeLimitS: req.timeLimitS,
      ...this.rules(req),
    });
    return { pr, fixed, cands, units };
  }

  /** The siting rules as siteProblem's options: a fixed site counts for its kommun when it counts as a family centre under the gap switch. */
  private rules(req: OptimiseRequest): Pick<Parameters<typeof siteProblem>[0], 'requireKommuner' | 'kommunOf' | 'minChildren'> {
    const r = req.rules;
    if (!r) return {};
    const counting = formCounting(req.params.gapFormMode, req.params.siteServices);
    return {
      ...(r.requireKommuner ? { requireKommuner: r.requireKommuner, kommunOf: (s: Site) => (s.status === 'candidate' || counting(s) === 'counts' ? s.kommun_code : null) } : {}),
      ...(r.minChildren ? { minChildren: r.minChildren } : {}),
    };
  }

  /**
   * The robust part of the problem: per year, each row's weight = that year's children × the same
   * need weight as the problem's rows (aligned by unit id), and the year's units (for children counts).
   */
  private robust(req: OptimiseRequest, pr: SolveProblem): { spec: NonNullable<SolveProblem['robust']>; unitsByYear: DemandUnit[][] } {
    const rb = req.robust!;
    const needW = needWeightOf(req.params, this.need().need);
    const unitsByYear = rb.years.map((y) => this.units(req, y));
    const years = rb.years.map((y, k) => {
      const byId = new Map(unitsByYear[k].map((u) => [u.id, u]));
      return {
        label: String(y),
        weights: pr.demand.map((row) => {
          const u = byId.get(row.id);
          return u ? u.children_0_6 * needW(u) : 0;
        }),
      };
    });
    return { spec: { mode: rb.mode, alpha: rb.alpha, years }, unitsByYear };
  }

  /** Children covered within the radius for a selection (weights = children, not deprivation-weighted). */
  /** Per open site: the children whose nearest open site it is, their minutes (sum × children) and the longest. */
  private served(pr: SolveProblem, units: DemandUnit[], open: Set<string>): Map<string, { children: number; minutesWeighted: number; maxMinutes: number }> {
    const children = new Map(units.map((u) => [u.id, u.children_0_6]));
    const out = new Map<string, { children: number; minutesWeighted: number; maxMinutes: number }>();
    const openIdx = pr.sites.map((st, j) => (open.has(st.id) ? j : -1)).filter((j) => j >= 0);
    pr.demand.forEach((d, i) => {
      const w = children.get(d.id) ?? 0;
      if (w <= 0) return;
      let best = -1;
      let bestMin = Infinity;
      for (const j of openIdx) {
        const c = pr.cost[i][j];
        if (c !== null && c < bestMin) {
          bestMin = c;
          best = j;
        }
      }
      if (best < 0) return;
      const id = pr.sites[best].id;
      const e = out.get(id) ?? { children: 0, minutesWeighted: 0, maxMinutes: 0 };
      e.children += w;
      e.minutesWeighted += w * bestMin;
      e.maxMinutes = Math.max(e.maxMinutes, bestMin);
      out.set(id, e);
    });
    return out;
  }

  private childrenCovered(pr: SolveProblem, units: DemandUnit[], selected: Set<string>): number {
    const children = new Map(units.map((u) => [u.id, u.children_0_6]));
    const { robust: _robust, ...plain } = pr;
    const inst = toInstance({ ...plain, model: 'mclp', demand: pr.demand.map((x) => ({ id: x.id, weight: children.get(x.id) ?? 0 })) });
    return evaluate(inst, pr.sites.map((s) => (selected.has(s.id) ? 1 : 0))).covered_weight;
  }

  /**
   * Solves the request. `onReach` hears, before solving, which demand no possible site reaches
   * within T; an LSCP target above what can be reached is lowered to it (`targetCap`).
   */
  async optimise(
    req: OptimiseRequest,
    onPreview?: (r: SolveResult) => void,
    onProgress?: (done: number, total: number) => void,
    onReach?: (u: UnreachableDemand, cap: TargetCap | null) => void,
  ): Promise<OptimiseResponse> {
    const { pr: built, fixed, cands, units } = this.problem(req, await this.roads.forTravel(req.params.travel), undefined, onProgress);
    // A code, worded by the panel in the UI language.
    if (cands.length === 0) throw new Error(NO_CANDIDATES);
    const childrenOf = new Map(units.map((u) => [u.id, u.children_0_6]));
    const reach: UnreachableDemand = {
      ...reachSummary({ demand: built.demand.map((d) => ({ id: d.id, children: childrenOf.get(d.id) ?? 0, weight: d.weight })), cost: built.cost, thresholdMinutes: req.params.thresholdMinutes }),
      demand: req.params.demand,
      threshold_minutes: req.params.thresholdMinutes,
    };
    const cap = req.model === 'lscp' ? capTarget(req.targetShare, reach) : null;
    onReach?.(reach, cap);
    const plain: SolveProblem = cap?.capped ? { ...built, target_share: cap.target } : built;
    const rb = req.robust ? this.robust(req, plain) : null;
    const pr: SolveProblem = rb ? { ...plain, robust: rb.spec } : plain;
    const highs = req.heuristicOnly ? null : await this.solver();
    const result = solve(pr, { highs, onPreview });
    const fixedIds = new Set(fixed.map((s) => s.id));
    const chosen = new Set(result.selected);
    const addedIds = result.selected.filter((id) => !fixedIds.has(id));
    const explain = explainSuggestion({
      model: req.model,
      demand: pr.demand.map((d) => ({ id: d.id, children: childrenOf.get(d.id) ?? 0 })),
      siteIds: pr.sites.map((x) => x.id),
      cost: pr.cost,
      thresholdMinutes: req.params.thresholdMinutes,
      today: [...fixedIds],
      added: addedIds,
    });
    const before = explain.before.covered_children;
    const after = explain.after.covered_children;
    const addsOf = new Map(explain.adds.map((a) => [a.site_id, a.adds_children]));
    const byId = new Map(cands.map((c) => [c.id, c]));
    const byYear = rb
      ? req.robust!.years.map((year, k) => ({
          year,
          covered_before: this.childrenCovered(pr, rb.unitsByYear[k], fixedIds),
          covered_after: this.childrenCovered(pr, rb.unitsByYear[k], chosen),
          total: rb.unitsByYear[k].reduce((s, u) => s + u.children_0_6, 0),
        }))
      : null;
    const served = this.served(pr, units, chosen);
    const suggested = addedIds.map((id) => {
      const without = new Set(chosen);
      without.delete(id);
      const sv = served.get(id);
      const site: SuggestedSite = {
        ...byId.get(id)!,
        adds_children: addsOf.get(id) ?? 0,
        served_children: sv?.children ?? 0,
        mean_minutes: sv && sv.children > 0 ? sv.minutesWeighted / sv.children : null,
        max_minutes: sv && sv.children > 0 ? sv.maxMinutes : null,
      };
      if (rb && byYear) site.adds_by_year = byYear.map((y, k) => y.covered_after - this.childrenCovered(pr, rb.unitsByYear[k], without));
      return site;
    });
    return {
      model: req.model,
      params: req.params,
      explain,
      longest: { before: this.unitPlace(units, explain.before.max_unit_id), after: this.unitPlace(units, explain.after.max_unit_id) },
      unreachable: reach,
      targetCap: cap,
      result,
      suggested,
      coveredBefore: before,
      coveredAfter: after,
      totalChildren: units.reduce((s, u) => s + u.children_0_6, 0),
      candidatesConsidered: cands.length,
      ...(byYear ? { coveredByYear: byYear } : {}),
      solverUnavailable: !req.heuristicOnly && !highs,
    };
  }

  /** A demand unit named by its kommun and where it lies from the nearest tätort. */
  private unitPlace(units: readonly DemandUnit[], id: string | null): UnitPlace | null {
    const u = id === null ? undefined : units.find((x) => x.id === id);
    if (!u) return null;
    return { unit_id: u.id, kommun_code: u.kommun_code, place: placeNear(u.lon, u.lat, this.need().tatorter) };
  }

  /**
   * HiGHS, loaded once; null when WebAssembly cannot run here (e.g. a content security policy
   * without 'wasm-unsafe-eval', or the .wasm file blocked): the caller then uses the heuristic.
   */
  private async solver(): Promise<Highs | null> {
    try {
      return await (this.highs ??= this.loadHighs());
    } catch {
      this.highs = null;
      return null;
    }
  }

  /**
   * Coverage share of children within T for 0 … k new centres (MCLP, exact when HiGHS is
   * available). Plain MCLP of the scenario's year: `robust` is not applied to the curve.
   */
  async curve(req: OptimiseRequest, k: number, onPoint?: (pt: CurvePoint) => void): Promise<CurvePoint[]> {
    const highs = req.heuristicOnly ? null : await this.solver();
    const out: CurvePoint[] = [];
    const router = await this.roads.forTravel(req.params.travel);
    for (let p = 0; p <= k; p++) {
      const { pr, units } = this.problem({ ...req, model: 'mclp' }, router, p);
      const free = pr.sites.filter((s) => !s.fixed).length;
      if (p > free) break;
      const r = solve(pr, { highs });
      const total = units.reduce((s, u) => s + u.children_0_6, 0);
      const pt: CurvePoint = { newCentres: p, share: total > 0 ? this.childrenCovered(pr, units, new Set(r.selected)) / total : 0, status: r.status, gap: r.gap };
      out.push(pt);
      onPoint?.(pt);
    }
    return out;
  }
}
