import { useEffect, useRef } from 'react';
import { usePlanner } from '../state/store';
import { analysisWorker } from '../worker/client';

/**
 * Keeps the coverage of the live scenario current: whenever the data, the parameters, the
 * områdestyp year or the imported matrix change, the analysis worker recomputes (debounced);
 * a late answer to an older request is dropped.
 */
export function useLiveCoverage(): void {
  const data = usePlanner((s) => s.data);
  const params = usePlanner((s) => s.params);
  const year = usePlanner((s) => s.omradestypYear);
  const matrix = usePlanner((s) => s.matrix);
  const candidates = usePlanner((s) => s.candidates);
  const seq = useRef(0);
  const ready = useRef<Promise<void> | null>(null);

  useEffect(() => {
    if (!data) return;
    ready.current = analysisWorker().init({
      demand: data.demand,
      familyCentres: data.familyCentres,
      kommuner: data.kommuner.features.map((f) => ({
        kommun_code: String(f.properties?.kommun_code),
        kommun_name: String(f.properties?.kommun_name),
      })),
      stops: data.stopAreas.features.map((f) => ({
        id: String(f.properties?.stop_area_id),
        name: String(f.properties?.name),
        lon: f.geometry.coordinates[0],
        lat: f.geometry.coordinates[1],
        departures: Number(f.properties?.dep_weekday_avg ?? 0),
      })),
    });
  }, [data]);

  useEffect(() => {
    if (!data || !ready.current) return;
    if (params.travel.kind === 'matrix' && !matrix) return;
    const my = ++seq.current;
    const { setCoverage } = usePlanner.getState();
    setCoverage(null, 'running');
    const timer = setTimeout(async () => {
      try {
        await ready.current;
        const result = await analysisWorker().coverage({ ...params, omradestypYear: year }, candidates, params.travel.kind === 'matrix' ? (matrix?.matrix ?? null) : null);
        if (my === seq.current) setCoverage(result, 'idle');
      } catch (e) {
        if (my === seq.current) setCoverage(null, 'error', e instanceof Error ? e.message : String(e));
      }
    }, 120);
    return () => clearTimeout(timer);
  }, [data, params, year, matrix, candidates]);
}
