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
  /**
   * Kommuner (codes) that must have at least one open site (rules.ts): the regional goal of a
   * family centre or family-centre-like service in every kommun (002, avsnitt 1 and 3.1).
   */
  requireKommuner?: readonly string[];
  /**
   * Which kommun a site counts for in `requireKommuner` (default: its kommun_code). Return null for
   * a site that should not count — e.g. a fixed site whose status the planner does not count as a
   * family centre; it stays open for coverage all the same.
   */
  kommunOf?: (s: Site) => string | null | undefined;
  /**
   * Minimum children 0–6 (unweighted, the unit's children_0_6) within the threshold T of a new
   * site (rules.ts; 002, avsnitt 3.3: a population base is needed to start a family centre).
   */
  minChildren?: number;
}

/**
 * A solve problem from the planner's scenario: demand weight = children 0–6 × deprivation
 * weight of the unit's områdestyp; cost = minutes of the travel model; fixed sites first, then
 * candidates (a candidate with the id of a fixed site is dropped). Units without children are left out.
 * With `requireKommuner` each site carries its kommun as its group and the problem requires a site
 * in each listed kommun; with `minChildren` each unit's children 0–6 are its population and new
 * sites need that many within T (rules.ts).
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
  const groups = input.requireKommuner !== undefined;
  const minBase = input.minChildren !== undefined && input.minChildren > 0;
  const kommunOf = input.kommunOf ?? ((s: Site) => s.kommun_code);
  return {
    model: input.model,
    ...(input.p !== undefined ? { p: input.p } : {}),
    radius: input.thresholdMinutes,
    ...(input.targetShare !== undefined ? { target_share: input.targetShare } : {}),
    demand: units.map((u) => ({
      id: u.id,
      weight: u.children_0_6 * (input.needWeight ? input.needWeight(u) : input.deprivationWeights[omradestypOf(u, input.omradestypYear)]),
      ...(minBase ? { population: u.children_0_6 } : {}),
    })),
    sites: sites.map((s) => {
      const group = groups ? kommunOf(s) : null;
      return { id: s.id, fixed: fixedIds.has(s.id), ...(group ? { group } : {}) };
    }),
    cost,
    ...(input.timeLimitS !== undefined ? { time_limit_s: input.timeLimitS } : {}),
    ...(groups || minBase
      ? { rules: { ...(groups ? { require_groups: [...input.requireKommuner!] } : {}), ...(minBase ? { min_base: input.minChildren! } : {}) } }
      : {}),
  };
}
