import { useEffect, useRef } from 'react';
import { healthCentreListings } from '../domain/listing';
import { useAnalysisRequest } from '../state/selectors';
import { usePlanner } from '../state/store';
import { analysisWorker } from '../worker/client';
import { countRun } from './useAnalysis';
import { useListing } from './useDerived';

/** Re-scores the candidates (each against today) in the worker whenever the request or the listing change. */
export function useRanking(): void {
  const listing = useListing();
  const data = usePlanner((s) => s.data);
  const req = useAnalysisRequest();
  const seq = useRef(0);
  useEffect(() => {
    const { setScores } = usePlanner.getState();
    if (!data || !req || req.candidates.length === 0) {
      setScores(req?.candidates.length === 0 ? [] : null);
      return;
    }
    const my = ++seq.current;
    const hcs = healthCentreListings(data.healthCentres, listing);
    const timer = setTimeout(async () => {
      try {
        countRun('score');
        const scores = await analysisWorker().score(req, hcs);
        if (my === seq.current) setScores(scores);
      } catch {
        if (my === seq.current) setScores(null);
      }
    }, 150);
    return () => clearTimeout(timer);
  }, [data, req, listing]);
}
