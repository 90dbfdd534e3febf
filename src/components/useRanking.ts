import { useEffect, useRef } from 'react';
import type { HealthCentreListing } from '../domain/scoring';
import { useListing } from './useDerived';
import { usePlanner } from '../state/store';
import { analysisWorker } from '../worker/client';

/** Re-scores the candidates in the worker whenever the scenario, weights or listing change. */
export function useRanking(): void {
  const listing = useListing();
  const data = usePlanner((s) => s.data);
  const params = usePlanner((s) => s.params);
  const year = usePlanner((s) => s.omradestypYear);
  const candidates = usePlanner((s) => s.candidates);
  const matrix = usePlanner((s) => s.matrix);
  const seq = useRef(0);
  useEffect(() => {
    const { setScores } = usePlanner.getState();
    if (!data || candidates.length === 0) {
      setScores(candidates.length === 0 ? [] : null);
      return;
    }
    if (params.travel.kind === 'matrix' && !matrix) return;
    const my = ++seq.current;
    const hcs: HealthCentreListing[] = data.healthCentres.map((h) => {
      const l = listing.get(h.id);
      return { id: h.id, name: h.name, lon: h.lon, lat: h.lat, children_0_6: l?.children_0_6 ?? 0, women_16_54: l?.women_16_54 ?? null, source: l?.source ?? 'modelled' };
    });
    const timer = setTimeout(async () => {
      try {
        const scores = await analysisWorker().score({ ...params, omradestypYear: year }, candidates, params.travel.kind === 'matrix' ? (matrix?.matrix ?? null) : null, hcs);
        if (my === seq.current) setScores(scores);
      } catch {
        if (my === seq.current) setScores(null);
      }
    }, 150);
    return () => clearTimeout(timer);
  }, [data, params, year, candidates, matrix, listing]);
}
