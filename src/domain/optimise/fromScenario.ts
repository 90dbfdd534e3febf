import type { NetworkRouter } from '../network/router';
import { buildCostTable, type TravelParams } from '../travel';
import type { DemandUnit, Omradestyp, OmradestypYear, Site, TravelMatrix } from '../types';
import { omradestypOf } from '../views';
import type { ModelKind, SolveProblem } from './problem';

export interface SiteProblemInput {
  model: ModelKind;
  demand: readonly DemandUnit[];
  /** Always open: today's sites (existing centres; planned, intent, family units when switched on). */
  fixed: readonly Site[];
  /** Sites the model may choose among. */
  candidates: readonly Site[];
  travel: TravelParams;
  matrix?: TravelMatrix | null;
  /** Routes on the road graph (network travel model). */
  router?: NetworkRouter | null;
  /** Progress of road searches (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** The threshold T, minutes; becomes the problem's cost `radius`. */
  thresholdMinutes: number;
  p?: number;
  targetShare?: number;
  deprivationWeights: Record<Omradestyp, number>;
  omradestypYear: OmradestypYear;
  /** The demand weight of need (overrides the områdestyp weights when given; see need/demand.ts). */
  needWeight?: (u: DemandUnit) => number;
  timeLimitS?: number;
}

/**
 * A solve problem from the planner's scenario: demand weight = children 0–6 × deprivation
 * weight of the unit's områdestyp; cost = minutes of the travel model; fixed sites first, then
 * candidates (a candidate with the id of a fixed site is dropped). Units without children are left out.
 */
export function siteProblem(input: SiteProblemInput): SolveProblem {
  const units = input.demand.filter((u) => u.children_0_6 > 0);
  const fixedIds = new Set(input.fixed.map((s) => s.id));
  const sites = [...input.fixed, ...input.candidates.filter((c) => !fixedIds.has(c.id))];
  const table = buildCostTable(units, sites, input.travel, input.matrix, input.router, input.onProgress);
  const cost: (number | null)[][] = units.map((_, i) =>
    sites.map((_, j) => {
      const v = table.minutes[i * sites.length + j];
      return Number.isNaN(v) ? null : v;
    }),
  );
  return {
    model: input.model,
    ...(input.p !== undefined ? { p: input.p } : {}),
    radius: input.thresholdMinutes,
    ...(input.targetShare !== undefined ? { target_share: input.targetShare } : {}),
    demand: units.map((u) => ({ id: u.id, weight: u.children_0_6 * (input.needWeight ? input.needWeight(u) : input.deprivationWeights[omradestypOf(u, input.omradestypYear)]) })),
    sites: sites.map((s) => ({ id: s.id, fixed: fixedIds.has(s.id) })),
    cost,
    ...(input.timeLimitS !== undefined ? { time_limit_s: input.timeLimitS } : {}),
  };
}
