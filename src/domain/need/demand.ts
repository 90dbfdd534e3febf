import type { ScenarioParams } from '../scenario';
import type { DemandUnit } from '../types';
import { omradestypOf } from '../views';
import type { DesoIndicators } from './indicators';
import { needIndex, needWeight } from './needIndex';
import { projectionFactors, type ForecastRow, type ScbBand } from './projection';

/** What need and projections read besides the demand: indicators, SCB's band, each kommun's 2025 children. */
export interface NeedInputs {
  indicators: readonly DesoIndicators[];
  scb: ScbBand;
  kommuner: readonly { kommun_code: string; children_0_6: number }[];
}

/** The demand weight of need for a unit, per `params.need` (see NeedParams). */
export type NeedWeightOf = (u: Pick<DemandUnit, 'deso_code' | 'omradestyp_2022' | 'omradestyp_2023'>) => number;

const indexCache = new WeakMap<readonly DesoIndicators[], Map<string, Map<string, number | null>>>();

/** The needs index per DeSO for a set of components (cached per indicator list and components). */
export function cachedNeedIndex(indicators: readonly DesoIndicators[], components: ScenarioParams['need']['components']): Map<string, number | null> {
  let byKey = indexCache.get(indicators);
  if (!byKey) indexCache.set(indicators, (byKey = new Map()));
  const key = JSON.stringify(components);
  let idx = byKey.get(key);
  if (!idx) byKey.set(key, (idx = needIndex(indicators, components)));
  return idx;
}

/** The need weight function of an analysis. */
export function needWeightOf(params: ScenarioParams, need: NeedInputs | null | undefined): NeedWeightOf {
  if (params.need.mode === 'none') return () => 1;
  if (params.need.mode === 'index' && need) {
    const idx = cachedNeedIndex(need.indicators, params.need.components);
    return (u) => needWeight(idx.get(u.deso_code) ?? null);
  }
  return (u) => params.deprivationWeights[omradestypOf(u, params.omradestypYear)];
}

/**
 * The demand of the chosen year: every unit's children 0–6 times its kommun's projection factor
 * (spread in proportion to today's children). 2025 returns the units unchanged.
 */
export function projectedDemand(
  demand: readonly DemandUnit[],
  params: ScenarioParams,
  need: NeedInputs | null | undefined,
  imported: readonly ForecastRow[] | null,
): { demand: readonly DemandUnit[]; missing: string[] } {
  if (params.projection.year === 2025 || !need) return { demand, missing: [] };
  const { factors, missing } = projectionFactors(params.projection, need.kommuner, need.scb, imported);
  return { demand: demand.map((u) => ({ ...u, children_0_6: u.children_0_6 * (factors.get(u.kommun_code) ?? 1) })), missing };
}

/** Need inputs from the built data (indicators, SCB's band as stored) and the kommun 2025 estimates. */
export function needInputs(
  need: { indicators: readonly DesoIndicators[]; scb_0_5: Record<string, Record<string, number>> },
  kommuner: readonly { kommun_code: string; children_0_6: number }[],
): NeedInputs {
  const scb: ScbBand = new Map(Object.entries(need.scb_0_5).map(([k, years]) => [k, new Map(Object.entries(years).map(([y, v]) => [Number(y), v]))]));
  return { indicators: need.indicators, scb, kommuner: kommuner.map((k) => ({ kommun_code: k.kommun_code, children_0_6: k.children_0_6 })) };
}
