import { greatCircleKm } from '../../geo/distance';
import type { Assignment } from '../coverage';
import type { DemandUnit, Site } from '../types';
import { DETOUR_RATIO, FAR_FROM_ROAD_KM, type NetworkRouter } from './router';

/** Children in flagged demand units, in total and per kommun. */
export interface FlagCount {
  units: number;
  children: number;
  byKommun: Record<string, number>;
  /** Ids of the flagged units (grid ids or DeSO codes), for the map. */
  ids: string[];
}

/**
 * Where the road graph is thin, for one coverage result:
 * - `farFromRoad`: demand units more than 2 km (straight line) from any graph road;
 * - `detour`: units whose trip to their nearest site is longer than 1,8 × the straight line
 *   (typically a missing county road without buses).
 */
export interface NetworkFlags {
  farFromRoad: FlagCount;
  detour: FlagCount;
}

const empty = (): FlagCount => ({ units: 0, children: 0, byKommun: {}, ids: [] });
const add = (c: FlagCount, u: DemandUnit) => {
  c.units++;
  c.children += u.children_0_6;
  c.byKommun[u.kommun_code] = (c.byKommun[u.kommun_code] ?? 0) + u.children_0_6;
  c.ids.push(u.id);
};

export function networkFlags(router: NetworkRouter, demand: readonly DemandUnit[], sites: readonly Site[], assignment: Assignment): NetworkFlags {
  const out: NetworkFlags = { farFromRoad: empty(), detour: empty() };
  demand.forEach((u, i) => {
    if (!(u.children_0_6 > 0)) return;
    if (router.snap(u.lon, u.lat).km > FAR_FROM_ROAD_KM) add(out.farFromRoad, u);
    const j = assignment.nearest[i];
    if (j < 0) return;
    const straight = greatCircleKm(u.lon, u.lat, sites[j].lon, sites[j].lat);
    // Short trips are dominated by the access legs; only trips over 2 km straight are judged.
    if (straight > 2 && assignment.km[i] > DETOUR_RATIO * straight) add(out.detour, u);
  });
  return out;
}
