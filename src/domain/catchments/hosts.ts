import type { FamilyCentre, Site } from '../types';

/**
 * Where a site's host vårdcentral comes from, before any scenario override: the family centre's
 * `host_health_centre_id` in the shared data (filled only where a source ties the centre to a
 * vårdcentral, facilities/SOURCES.md), and the branch sites of merged vårdcentraler
 * (facilities/health-centre-other-sites.csv, e.g. Grycksbo → hc-britsarvet-grycksbo).
 */

/** A site of the set as organisational belonging reads it. */
export interface BelongingCentre {
  id: string;
  name: string;
  /** Host vårdcentral id from the data; '' when no source names one. */
  host_health_centre_id: string;
}

/**
 * The belonging centres of a site set: each site with its family centre's host id from the data
 * ('' for candidates and for centres no source ties to a vårdcentral), in the order of `sites`.
 * The caller passes the set it counts (e.g. today's sites, or the proposal).
 */
export function belongingCentres(sites: readonly Pick<Site, 'id' | 'name'>[], familyCentres: readonly Pick<FamilyCentre, 'id' | 'host_health_centre_id'>[]): BelongingCentre[] {
  const host = new Map(familyCentres.map((f) => [f.id, f.host_health_centre_id ?? '']));
  return sites.map((s) => ({ id: s.id, name: s.name, host_health_centre_id: host.get(s.id) ?? '' }));
}

/** A row of facilities/health-centre-other-sites.csv (only the two columns read here). */
export interface BranchSiteRow {
  id: string;
  /** The listing unit the site belongs to; '' when its role is unknown. */
  related_health_centre_id: string;
}

/**
 * Branch site id → listing unit id, from the other-sites rows that name their unit. Rows whose role
 * is unknown (no related id, e.g. Saxnäs, Regionsenheten) are not aliases and stay unknown.
 */
export function branchAliases(rows: readonly BranchSiteRow[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rows) if (r.id && r.related_health_centre_id) out.set(r.id, r.related_health_centre_id);
  return out;
}
