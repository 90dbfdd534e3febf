import { useEffect, useMemo, useState } from 'react';
import { fairness, type FairnessRow } from '../../domain/fairness';
import { keyFigures, type KeyFigures } from '../../domain/keyFigures';
import { scenarioSites } from '../../domain/scenario';
import type { Site } from '../../domain/types';
import { usePlanner } from '../../state/store';
import type { CoverageSummary } from '../../worker/analysisApi';
import { analysisWorker } from '../../worker/client';

export interface Situation {
  sites: Site[];
  coverage: CoverageSummary;
  key: KeyFigures;
  fairness: FairnessRow[];
  gapCodes: string[];
}

/**
 * Today (existing family centres only, no candidates) and the proposal (the active scenario),
 * each with coverage, key figures and the fairness rows, for presentation mode and the atlas.
 */
export function usePresentationData(active: boolean): { today: Situation | null; proposal: Situation | null } {
  const data = usePlanner((s) => s.data);
  const params = usePlanner((s) => s.params);
  const year = usePlanner((s) => s.omradestypYear);
  const candidates = usePlanner((s) => s.candidates);
  const matrix = usePlanner((s) => s.matrix);
  const live = usePlanner((s) => s.coverage);
  const [todayCov, setTodayCov] = useState<CoverageSummary | null>(null);

  useEffect(() => {
    if (!active || !data) return;
    let ok = true;
    const today = { ...params, omradestypYear: year, include: { planned: false, intent: false, family_unit: false } };
    void analysisWorker()
      .coverage(today, [], params.travel.kind === 'matrix' ? (matrix?.matrix ?? null) : null)
      .then((c) => ok && setTodayCov(c));
    return () => {
      ok = false;
    };
  }, [active, data, params, year, matrix]);

  return useMemo(() => {
    if (!data || !active) return { today: null, proposal: null };
    const kommuner = data.kommuner.features.map((f) => ({ kommun_code: String(f.properties?.kommun_code), kommun_name: String(f.properties?.kommun_name) }));
    const make = (cov: CoverageSummary | null, sites: Site[]): Situation | null => {
      if (!cov) return null;
      const units = cov.params.demand === 'grid' ? data.demand.grid : data.demand.deso;
      return {
        sites,
        coverage: cov,
        key: keyFigures(cov.county, cov.byOmradestyp, sites, kommuner, cov.params.thresholdMinutes),
        fairness: fairness(sites, units, data.regso, year),
        gapCodes: cov.gaps.filter((g) => g.flags.length > 0).map((g) => g.kommun_code),
      };
    };
    const todaySites = scenarioSites(data.familyCentres, { planned: false, intent: false, family_unit: false }, []);
    const proposalSites = scenarioSites(data.familyCentres, params.include, candidates);
    return { today: make(todayCov, todaySites), proposal: make(live, proposalSites) };
  }, [data, active, todayCov, live, params.include, candidates, year]);
}
