import { useEffect, useRef } from 'react';
import { kommunList, useAnalysisRequest } from '../state/selectors';
import { usePlanner } from '../state/store';
import { appNeedInputs } from './useDerived';
import { dataUrl } from '../io/appData';
import { LAZY_DATA_FILES } from '../io/dataManifest';
import { analysisWorker, Comlink } from '../worker/client';
import { firstMapDrawn } from '../state/firstMap';

declare global {
  interface Window {
    /** How many analyses the app asked its workers for (tests check that typing and weights ask for none). */
    __analysisRuns?: Record<string, number>;
  }
}

/** Counts a worker analysis by kind, for tests and the console. */
export function countRun(kind: string): void {
  const runs = (window.__analysisRuns ??= {});
  runs[kind] = (runs[kind] ?? 0) + 1;
}

/**
 * Reports road-search progress to the store (at most every 100 ms, and only for the current
 * request), so a long first run of the network model shows a progress bar.
 */
function progressReporter(my: number, seq: { current: number }) {
  let last = 0;
  return (done: number, total: number) => {
    const now = performance.now();
    if (my !== seq.current || (now - last < 100 && done < total)) return;
    last = now;
    usePlanner.getState().setAnalysisProgress(done < total ? { done, total } : null);
  };
}

/**
 * Keeps today's and the proposal's coverage current: whenever the data or the analysis request
 * (parameters, candidates, matrix) change, the analysis worker recomputes both sets (debounced);
 * a late answer to an older request is dropped. While the request cannot run (the matrix model
 * without a matrix) no result is shown rather than a stale one.
 */
export function useLiveCoverage(): void {
  const data = usePlanner((s) => s.data);
  const req = useAnalysisRequest();
  const seq = useRef(0);
  const ready = useRef<Promise<void> | null>(null);

  useEffect(() => {
    if (!data) return;
    ready.current = firstMapDrawn.then(() => analysisWorker().init({
      demand: data.demand,
      familyCentres: data.familyCentres,
      kommuner: kommunList(data),
      need: appNeedInputs(data),
      roadGraphUrl: dataUrl(LAZY_DATA_FILES.roadGraph),
      stops: data.stopAreas.features.map((f) => ({
        id: f.properties.stop_area_id,
        name: f.properties.name,
        lon: f.geometry.coordinates[0],
        lat: f.geometry.coordinates[1],
        departures: f.properties.dep_weekday_avg,
      })),
    }));
  }, [data]);

  useEffect(() => {
    if (!data || !ready.current) return;
    const my = ++seq.current;
    const { setCoverage } = usePlanner.getState();
    if (!req) {
      setCoverage(null, 'blocked');
      return;
    }
    setCoverage(null, 'running');
    const timer = setTimeout(async () => {
      try {
        await ready.current;
        countRun('coverage');
        const result = await analysisWorker().coverage(req, Comlink.proxy(progressReporter(my, seq)));
        if (my === seq.current) {
          setCoverage(result, 'idle');
          usePlanner.getState().setAnalysisProgress(null);
        }
      } catch (e) {
        if (my === seq.current) setCoverage(null, 'error', e instanceof Error ? e.message : String(e));
      }
    }, 120);
    return () => clearTimeout(timer);
  }, [data, req]);
}
