import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { polygonIndexFor } from '../geo/polygonIndex';
import type { DemandUnit, Omradestyp, OmradestypYear, Site } from './types';
import { OMRADESTYP_VALUES } from './types';

/** Share of family centres and of children 0–6 per områdestyp, for one area (county or kommun). */
export interface FairnessRow {
  omradestyp: Omradestyp;
  centres: number;
  /** 0–1 of the area's centres */
  centre_share: number;
  children_0_6: number;
  /** 0–1 of the area's children */
  children_share: number;
}

/** The områdestyp of the RegSO a site lies in (null outside every RegSO). */
export function siteOmradestyp(regso: FeatureCollection, site: { lon: number; lat: number }, year: OmradestypYear): Omradestyp | null {
  const i = polygonIndexFor(regso as FeatureCollection & { features: Feature<Polygon | MultiPolygon>[] }).find(site.lon, site.lat);
  if (i < 0) return null;
  const v = Number(regso.features[i].properties?.[year === 2022 ? 'omradestyp_2022' : 'omradestyp_2023']);
  return [1, 2, 3, 4, 5].includes(v) ? (v as Omradestyp) : null;
}

/**
 * The fairness view (the framing of the national 2023 mapping of family centres): for each
 * områdestyp, the share of family centres located in RegSO of that type next to the share of
 * children 0–6 living there. `kommun` limits both to one kommun.
 */
export function fairness(
  sites: readonly Site[],
  units: readonly DemandUnit[],
  regso: FeatureCollection,
  year: OmradestypYear,
  kommun?: string,
): FairnessRow[] {
  const key = year === 2022 ? 'omradestyp_2022' : 'omradestyp_2023';
  const centres = new Map<Omradestyp, number>();
  let nSites = 0;
  for (const s of sites) {
    if (kommun && s.kommun_code !== kommun) continue;
    const t = siteOmradestyp(regso, s, year);
    if (t === null) continue;
    centres.set(t, (centres.get(t) ?? 0) + 1);
    nSites++;
  }
  const children = new Map<Omradestyp, number>();
  let nChildren = 0;
  for (const u of units) {
    if (kommun && u.kommun_code !== kommun) continue;
    children.set(u[key], (children.get(u[key]) ?? 0) + u.children_0_6);
    nChildren += u.children_0_6;
  }
  return OMRADESTYP_VALUES.map((t) => ({
    omradestyp: t,
    centres: centres.get(t) ?? 0,
    centre_share: nSites > 0 ? (centres.get(t) ?? 0) / nSites : 0,
    children_0_6: children.get(t) ?? 0,
    children_share: nChildren > 0 ? (children.get(t) ?? 0) / nChildren : 0,
  }));
}
