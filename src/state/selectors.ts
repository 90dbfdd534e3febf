import { useMemo } from 'react';
import type { AnalysisRequest } from '../domain/analysis';
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
  if (s.params.travel.kind === 'matrix') return s.matrix ? { params: s.params, candidates: s.candidates, matrix: s.matrix.matrix } : null;
  return { params: s.params, candidates: s.candidates, matrix: null };
}

/** `analysisRequest` as a hook, stable while its parts are unchanged. */
export function useAnalysisRequest(): AnalysisRequest | null {
  const params = usePlanner((s) => s.params);
  const candidates = usePlanner((s) => s.candidates);
  const matrix = usePlanner((s) => s.matrix);
  return useMemo(() => analysisRequest({ params, candidates, matrix }), [params, candidates, matrix]);
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
