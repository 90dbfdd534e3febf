import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AnalysisRequest } from '../domain/analysis';
import { DEFAULT_CRITERION_WEIGHTS, type ScenarioParams } from '../domain/scenario';
import { weighScores, type CandidateScore } from '../domain/scoring';
import type { Site } from '../domain/types';
import type { SiteSetKey } from '../domain/siteSets';
import type { CoverageAnalysisSummary } from '../domain/summary';
import { kommunRefs, type KommunRef } from '../domain/views';
import type { AppData } from '../io/appData';
import { usePlanner, type PlannerState } from './store';

/**
 * The one place that turns the store into what the workers compute on: the active scenario's
 * parameters, its candidates and — only for the matrix model — the imported matrix. Null while
 * the request cannot run (the matrix model without a matrix): views then show "no result".
 */
export function analysisRequest(s: Pick<PlannerState, 'params' | 'candidates' | 'matrix'>): AnalysisRequest | null {
  const forecast = s.params.projection.source === 'imported' ? (s.params.projection.imported?.rows ?? null) : null;
  if (s.params.travel.kind === 'matrix') return s.matrix ? { params: s.params, candidates: s.candidates, matrix: s.matrix.matrix, forecast } : null;
  return { params: s.params, candidates: s.candidates, matrix: null, forecast };
}

/** What of a candidate the analysis depends on (not its name). */
const candidateKey = (c: Site) => `${c.id}|${c.lon}|${c.lat}|${c.kommun_code ?? ''}`;

/**
 * `analysisRequest` as a hook, stable while what the analysis depends on is unchanged: renaming
 * a candidate or changing a criterion weight does not make a new request (names are taken from
 * the store where shown; weights only re-combine cached criteria, see `useScores`).
 */
export function useAnalysisRequest(): AnalysisRequest | null {
  const params = usePlanner((s) => s.params);
  const candidates = usePlanner((s) => s.candidates);
  const matrix = usePlanner((s) => s.matrix);
  // The weights, the vårdval amounts and the hosts do not change coverage: no new analysis for them.
  const paramsKey = JSON.stringify({ ...params, criterionWeights: null, vardval: null, hosts: null });
  const candidatesKey = candidates.map(candidateKey).join(';');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on what the analysis reads
  const core = useMemo(() => ({ ...params, criterionWeights: DEFAULT_CRITERION_WEIGHTS }), [paramsKey]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const sites = useMemo(() => candidates, [candidatesKey]);
  return useMemo(() => analysisRequest({ params: core, candidates: sites, matrix }), [core, sites, matrix]);
}

/**
 * The scenario's parameters for panels that do not show the criterion weights: a weight dragged
 * in the ranking does not re-render them (the weights are replaced by the defaults here).
 */
export function useParamsWithoutWeights(): ScenarioParams {
  return usePlanner(useShallow((s) => ({ ...s.params, criterionWeights: DEFAULT_CRITERION_WEIGHTS })));
}

/** The ranking from the worker's criteria, the weights and the candidates' current names. */
function rankedScores(raw: PlannerState['scores'], weights: PlannerState['params']['criterionWeights'], candidates: readonly Site[]): CandidateScore[] | null {
  if (!raw) return null;
  const names = new Map(candidates.map((c) => [c.id, c.name]));
  return weighScores(raw.map((x) => ({ ...x, name: names.get(x.id) ?? x.name })), weights);
}

/**
 * The candidate ranking as shown: the worker's criteria combined with the current weights
 * (`weighScores`, instant) and the candidates' current names.
 */
export function useScores(): CandidateScore[] | null {
  const raw = usePlanner((s) => s.scores);
  const weights = usePlanner((s) => s.params.criterionWeights);
  const candidates = usePlanner((s) => s.candidates);
  return useMemo(() => rankedScores(raw, weights, candidates), [raw, weights, candidates]);
}

/** The ranking as shown, read once (for an export at a click; no re-render on every weight change). */
export function scoresNow(s: PlannerState = usePlanner.getState()): CandidateScore[] | null {
  return rankedScores(s.scores, s.params.criterionWeights, s.candidates);
}

/** The set the map shows: the planner's choice, but today when the scenario has no candidates. */
export function mapSet(s: Pick<PlannerState, 'mapSiteSet' | 'candidates'>): SiteSetKey {
  return s.candidates.length > 0 ? s.mapSiteSet : 'today';
}

/** The coverage result of the set the map shows, or null. */
export function useMapCoverage(): CoverageAnalysisSummary | null {
  const coverage = usePlanner((s) => s.coverage);
  const key = usePlanner(mapSet);
  return coverage ? coverage[key] : null;
}

const kommunCache = new WeakMap<AppData, KommunRef[]>();
/** The kommun list of the loaded data (computed once per data). */
export function kommunList(data: AppData): KommunRef[] {
  let k = kommunCache.get(data);
  if (!k) kommunCache.set(data, (k = kommunRefs(data.kommuner)));
  return k;
}

/** The open scenario's name (for export file names and stated lines). */
export function activeScenarioName(s: Pick<PlannerState, 'scenarios' | 'activeScenarioId'> = usePlanner.getState()): string {
  return s.scenarios.find((x) => x.id === s.activeScenarioId)?.name ?? 'Scenario';
}
