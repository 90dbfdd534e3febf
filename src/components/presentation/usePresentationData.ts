import { useEffect, useMemo, useState } from 'react';
import type { CoverageSets } from '../../domain/summary';
import type { AppData } from '../../io/appData';
import { useAnalysisRequest } from '../../state/selectors';
import { analysisWorker } from '../../worker/client';
import { fairness, type FairnessRow } from '../../domain/fairness';
import { flaggedKommuner } from '../../domain/gaps';
import { keyFigures, type KeyFigures } from '../../domain/keyFigures';
import { siteSetSites } from '../../domain/siteSets';
import type { CoverageAnalysisSummary } from '../../domain/summary';
import type { Site } from '../../domain/types';
import { demandUnits } from '../../domain/views';
import { usePlanner } from '../../state/store';

/** One site set as presentation mode and the atlas show it. */
export interface Situation {
  /** The sites the set counts. */
  sites: Site[];
  coverage: CoverageAnalysisSummary;
  key: KeyFigures;
  fairness: FairnessRow[];
  /** Kommuner the map outlines: the set's own gap flags. */
  gapCodes: string[];
}

/** A site set's situation from its coverage result. */
function situation(data: AppData, cov: CoverageAnalysisSummary, candidates: readonly Site[]): Situation {
  const sites = siteSetSites(cov.siteSet.key, data.familyCentres, cov.params.include, candidates);
  return {
    sites,
    coverage: cov,
    key: keyFigures(cov),
    fairness: fairness(sites, demandUnits(data.demand, cov.params.demand), data.regso, cov.params.omradestypYear),
    gapCodes: flaggedKommuner(cov.gaps),
  };
}

/**
 * The shown sites (the proposal when there are candidates, else today) in 2025 and in 2035, for
 * "2025 jämfört med 2035": the live request with only the year changed, computed in the analysis
 * worker when switched on (the 2035 projection follows the scenario's source and assumption).
 */
export function useYearSituations(active: boolean): { y2025: Situation; y2035: Situation } | null {
  const data = usePlanner((s) => s.data);
  const req = useAnalysisRequest();
  const candidates = usePlanner((s) => s.candidates);
  const [sets, setSets] = useState<[CoverageSets, CoverageSets] | null>(null);
  useEffect(() => {
    setSets(null);
    if (!active || !req) return;
    let live = true;
    const at = (year: 2025 | 2035) => analysisWorker().coverage({ ...req, params: { ...req.params, projection: { ...req.params.projection, year } } });
    void Promise.all([at(2025), at(2035)]).then((r) => {
      if (live) setSets(r);
    });
    return () => {
      live = false;
    };
  }, [active, req]);
  return useMemo(() => {
    if (!data || !sets) return null;
    const key = candidates.length > 0 ? 'proposal' : 'today';
    return { y2025: situation(data, sets[0][key], candidates), y2035: situation(data, sets[1][key], candidates) };
  }, [data, sets, candidates]);
}

/**
 * Today and the proposal for presentation mode and the atlas, both from the live coverage the
 * Täckning tab shows (one worker result), so every view gives the same figures. `shown` is the
 * proposal when the scenario has candidates, else today.
 */
export function usePresentationData(active: boolean): { today: Situation | null; proposal: Situation | null; shown: Situation | null } {
  const data = usePlanner((s) => s.data);
  const sets = usePlanner((s) => s.coverage);
  const candidates = usePlanner((s) => s.candidates);

  return useMemo(() => {
    if (!data || !active || !sets) return { today: null, proposal: null, shown: null };
    const make = (cov: CoverageAnalysisSummary) => situation(data, cov, candidates);
    const today = make(sets.today);
    const proposal = candidates.length > 0 ? make(sets.proposal) : null;
    return { today, proposal, shown: proposal ?? today };
  }, [data, active, sets, candidates]);
}
