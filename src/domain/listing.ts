import { greatCircleKm } from '../geo/distance';
import type { HealthCentreListing } from './scoring';
import type { HealthCentre, ListingRecord, ListingSource } from './types';

export { COUNTY_LISTED_CHILDREN_2025 } from './need/listedChildren';

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

/** Listing value per health centre with where it came from. */
export interface CentreListing {
  children_0_6: number;
  women_16_54: number | null;
  year: number;
  source: ListingSource;
  file?: string;
}

/**
 * Combines modelled and imported listing: imported values win for the centres they cover; the
 * others keep their modelled value (and are labelled so).
 */
export function mergeListing(
  modelled: readonly ListingRecord[],
  imported: readonly ListingRecord[] | null,
  fileName?: string,
): Map<string, CentreListing> {
  const out = new Map<string, CentreListing>();
  for (const r of modelled) {
    out.set(r.health_centre_id, { children_0_6: r.children_0_6, women_16_54: r.women_16_54, year: r.year, source: 'modelled' });
  }
  for (const r of imported ?? []) {
    out.set(r.health_centre_id, { children_0_6: r.children_0_6, women_16_54: r.women_16_54, year: r.year, source: 'imported', file: fileName });
  }
  return out;
}

/** Health centres with their listed children and women (0 children and "modelled" where none is known). */
export function healthCentreListings(centres: readonly HealthCentre[], listing: ReadonlyMap<string, CentreListing>): HealthCentreListing[] {
  return centres.map((h) => {
    const l = listing.get(h.id);
    return { id: h.id, name: h.name, lon: h.lon, lat: h.lat, children_0_6: l?.children_0_6 ?? 0, women_16_54: l?.women_16_54 ?? null, source: l?.source ?? 'modelled' };
  });
}
