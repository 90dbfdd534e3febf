import { isIncluded, type IncludeStatuses } from './scenario';
import type { FamilyCentre, Site } from './types';

/**
 * The two named sets of sites every figure counts, defined once:
 * - **today** (*i dag*): the existing family centres, plus planned, letter-of-intent and
 *   family-unit centres when the planner switches them on;
 * - **proposal** (*förslaget*): today plus the scenario's candidate sites (including adopted
 *   suggestions).
 * Every result carries its set's key, and the UI, the exports and the CLI name it in words.
 */
export type SiteSetKey = 'today' | 'proposal';
export const SITE_SET_KEYS: readonly SiteSetKey[] = ['today', 'proposal'];

/** What a set consists of, for labelling a figure. */
export interface SiteSetInfo {
  key: SiteSetKey;
  include: IncludeStatuses;
  /** Candidate sites counted (0 for today). */
  candidates: number;
}

const byId = (a: Site, b: Site) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The family centres counted today as sites. */
export function todaySites(familyCentres: readonly FamilyCentre[], include: IncludeStatuses): Site[] {
  return familyCentres
    .filter((f) => isIncluded(f.status, include))
    .map((f): Site => ({ id: f.id, name: f.name, status: f.status, lon: f.lon, lat: f.lat, kommun_code: f.kommun_code }))
    .sort(byId);
}

/** The sites of a set, sorted by id (a candidate with the id of a family centre is dropped). */
export function siteSetSites(key: SiteSetKey, familyCentres: readonly FamilyCentre[], include: IncludeStatuses, candidates: readonly Site[]): Site[] {
  const today = todaySites(familyCentres, include);
  if (key === 'today') return today;
  const ids = new Set(today.map((s) => s.id));
  return [...today, ...candidates.filter((c) => !ids.has(c.id))].sort(byId);
}

export function siteSetInfo(key: SiteSetKey, include: IncludeStatuses, candidates: number): SiteSetInfo {
  return { key, include, candidates: key === 'today' ? 0 : candidates };
}
