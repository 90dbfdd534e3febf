import { greatCircleKm } from '../geo/distance';
import type { ListingRecord } from './types';

/** Listed children 0–6 in Dalarna, 2025 (Region Dalarna, HSN 2026/4486, Bilaga 3). */
export const COUNTY_LISTED_CHILDREN_2025 = 18_266;

export interface PointSite {
  id: string;
  lon: number;
  lat: number;
}

export interface WeightedArea {
  lon: number;
  lat: number;
  children_0_6: number;
  women_16_54: number;
}

/**
 * Index of the site nearest to a point by great-circle distance; ties go to the site with the
 * smallest id (string order) so the result does not depend on input order. -1 if no sites.
 */
export function nearestSiteIndex(sites: readonly PointSite[], lon: number, lat: number): number {
  let best = -1;
  let bestKm = Infinity;
  for (let i = 0; i < sites.length; i++) {
    const km = greatCircleKm(lon, lat, sites[i].lon, sites[i].lat);
    if (km < bestKm || (km === bestKm && best >= 0 && sites[i].id < sites[best].id)) {
      best = i;
      bestKm = km;
    }
  }
  return best;
}

/**
 * Modelled listing per health centre, used until real listing numbers are imported: every
 * area's estimated children 0–6 go to its nearest centre (straight line), and the result is
 * scaled so the county total equals `countyTotalChildren` (persons). Women 16–54 are
 * assigned the same way but not scaled (no county total is published).
 *
 * @returns one record per site, in the order of `sites`
 */
export function modelListing(
  areas: readonly WeightedArea[],
  sites: readonly PointSite[],
  countyTotalChildren: number,
  year: number,
): ListingRecord[] {
  const children = new Array<number>(sites.length).fill(0);
  const women = new Array<number>(sites.length).fill(0);
  let sum = 0;
  for (const a of areas) {
    const i = nearestSiteIndex(sites, a.lon, a.lat);
    if (i < 0) continue;
    children[i] += a.children_0_6;
    women[i] += a.women_16_54;
    sum += a.children_0_6;
  }
  const factor = sum > 0 ? countyTotalChildren / sum : 0;
  return sites.map((s, i) => ({
    health_centre_id: s.id,
    year,
    children_0_6: children[i] * factor,
    women_16_54: women[i],
  }));
}
