import { greatCircleKm } from '../../geo/distance';
import { nearestSiteIndex, type PointSite } from '../listing';
import { AT_HEALTH_CENTRE_M } from '../scoring';

/**
 * Where a centre's host vårdcentral comes from:
 * - `data`: `host_health_centre_id` of the shared family-centre data;
 * - `planner`: set by the planner for this scenario;
 * - `at_health_centre`: the centre is a vårdcentral's point or within 150 m of it (the rule the
 *   candidate ranking already uses, `AT_HEALTH_CENTRE_M`);
 * - `nearest`: the nearest vårdcentral at any distance, straight line — an assumption, shown so.
 */
export type HostSource = 'data' | 'planner' | 'at_health_centre' | 'nearest';

/** Which rules may fill a host the data and the planner leave empty. */
export type HostRule = 'data' | 'at_health_centre' | 'nearest';

/** A family centre (or candidate) as the budget sees it. */
export interface BudgetCentre {
  id: string;
  name: string;
  /** null = unknown (no claim can be made for it). */
  hostHealthCentreId: string | null;
  hostSource: HostSource | null;
}

/** A centre or candidate with a point (WGS84) and, for family centres, the data's host ('' = none). */
export interface HostableSite {
  id: string;
  name: string;
  lon: number;
  lat: number;
  host_health_centre_id?: string;
}

/** True for host sources that are assumptions rather than data or the planner's choice. */
export function isAssumedHost(source: HostSource | null): boolean {
  return source === 'at_health_centre' || source === 'nearest';
}

/**
 * The host vårdcentral of each site: the planner's choice (`plannerHosts`, site id → health
 * centre id) wins, then the data's `host_health_centre_id`, then — only when `rule` allows — a
 * vårdcentral at the site (`at_health_centre`: same id or within 150 m, great circle) or the
 * nearest one (`nearest`, which implies `at_health_centre` first). Otherwise the host is null.
 *
 * @returns one entry per site, in the order of `sites`
 */
export function budgetCentres(
  sites: readonly HostableSite[],
  healthCentres: readonly PointSite[],
  rule: HostRule = 'data',
  plannerHosts: Readonly<Record<string, string>> = {},
): BudgetCentre[] {
  return sites.map((s) => {
    const planner = plannerHosts[s.id];
    if (planner) return { id: s.id, name: s.name, hostHealthCentreId: planner, hostSource: 'planner' };
    const data = s.host_health_centre_id?.trim();
    if (data) return { id: s.id, name: s.name, hostHealthCentreId: data, hostSource: 'data' };
    if (rule !== 'data') {
      const at = healthCentreAt(s, healthCentres);
      if (at) return { id: s.id, name: s.name, hostHealthCentreId: at, hostSource: 'at_health_centre' };
    }
    if (rule === 'nearest') {
      const i = nearestSiteIndex(healthCentres, s.lon, s.lat);
      if (i >= 0) return { id: s.id, name: s.name, hostHealthCentreId: healthCentres[i].id, hostSource: 'nearest' };
    }
    return { id: s.id, name: s.name, hostHealthCentreId: null, hostSource: null };
  });
}

/** The vårdcentral a site is (same id) or sits at (within 150 m, the closest one); null if none. */
export function healthCentreAt(site: { id: string; lon: number; lat: number }, healthCentres: readonly PointSite[]): string | null {
  if (healthCentres.some((h) => h.id === site.id)) return site.id;
  let best: string | null = null;
  let bestM = AT_HEALTH_CENTRE_M;
  for (const h of healthCentres) {
    const m = greatCircleKm(site.lon, site.lat, h.lon, h.lat) * 1000;
    if (m <= bestM) {
      bestM = m;
      best = h.id;
    }
  }
  return best;
}
