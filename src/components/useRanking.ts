import { useEffect, useRef } from 'react';
import { healthCentreListings } from '../domain/listing';
import { useAnalysisRequest } from '../state/selectors';
import { usePlanner } from '../state/store';
import { analysisWorker, Comlink } from '../worker/client';
import { countRun } from './useAnalysis';
import { firstMapDrawn } from '../state/firstMap';
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
      usePlanner.getState().setScoringPending(false);
      setScores(req?.candidates.length === 0 ? [] : null);
      return;
    }
    const my = ++seq.current;
    const hcs = healthCentreListings(data.healthCentres, listing);
    const { setScoring, setScoringPending } = usePlanner.getState();
    setScoringPending(true);
    // Progress shows only when a run takes longer than ~200 ms (a quick run does not flicker).
    let shown = false;
    let last = { done: 0, total: 0 };
    const showAfter = setTimeout(() => {
      if (my !== seq.current) return;
      shown = true;
      setScoring(last);
    }, 200);
    const timer = setTimeout(async () => {
      try {
        // The worker is initialised after the first map is drawn (useLiveCoverage); a scenario
        // with candidates opened at start (a share link, a reload) must not score before that.
        await firstMapDrawn;
        if (my !== seq.current) return;
        countRun('score');
        const scores = await analysisWorker().score(
          req,
          hcs,
          Comlink.proxy((done: number, total: number) => {
            last = { done, total };
            if (shown && my === seq.current) setScoring(last);
          }),
        );
        if (my === seq.current) setScores(scores);
      } catch {
        if (my === seq.current) setScores(null);
      } finally {
        clearTimeout(showAfter);
        if (my === seq.current) {
          setScoring(null);
          setScoringPending(false);
        }
      }
    }, 150);
    return () => {
      clearTimeout(timer);
      clearTimeout(showAfter);
    };
  }, [data, req, listing]);
}
