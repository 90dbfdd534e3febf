import { useMemo } from 'react';
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
    const make = (cov: CoverageAnalysisSummary): Situation => {
      const sites = siteSetSites(cov.siteSet.key, data.familyCentres, cov.params.include, candidates);
      return {
        sites,
        coverage: cov,
        key: keyFigures(cov),
        fairness: fairness(sites, demandUnits(data.demand, cov.params.demand), data.regso, cov.params.omradestypYear),
        gapCodes: flaggedKommuner(cov.gaps),
      };
    };
    const today = make(sets.today);
    const proposal = candidates.length > 0 ? make(sets.proposal) : null;
    return { today, proposal, shown: proposal ?? today };
  }, [data, active, sets, candidates]);
}
