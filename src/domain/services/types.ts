/**
 * The four basic services of a family centre and how each is present at a site.
 *
 * The four are named in report 002 (avsnitt 1 Inledning, Region Dalarnas definition) and in the
 * slides 000/001 (bilden "I Region Dalarna finns en strategi för familjecentraler från 2017").
 */

/**
 * A basic service: `mhv` mödrahälsovård (barnmorskemottagning), `bhv` barnhälsovård (BVC),
 * `openPreschool` kommunal öppen förskola, `socialServices` socialtjänstens förebyggande
 * verksamhet. The last two are the kommun's services.
 */
export type ServiceKey = 'mhv' | 'bhv' | 'openPreschool' | 'socialServices';

/** The four basic services in the order a form lists them. */
export const SERVICE_KEYS: readonly ServiceKey[] = ['mhv', 'bhv', 'openPreschool', 'socialServices'];

/** The kommun's services (002, avsnitt 1 Inledning: öppen förskola and förebyggande socialtjänst). */
export const KOMMUN_SERVICES: readonly ServiceKey[] = ['openPreschool', 'socialServices'];

/**
 * How a service is present at the site:
 * - `full`: fully co-located — the service's whole ordinary activity is at the site (the meaning
 *   of samlokalisering in 002, avsnitt 1 Inledning);
 * - `part`: present at the site part of the week, otherwise elsewhere (not co-located by that
 *   meaning; 002, Bilaga 1 Region Västmanland, describes such arrangements as outside
 *   Socialstyrelsen's definition);
 * - `absent`: not at the site;
 * - `unknown`: uppgift saknas.
 */
export type ServiceLevel = 'full' | 'part' | 'absent' | 'unknown';

/** The levels in the order a form offers them. */
export const SERVICE_LEVELS: readonly ServiceLevel[] = ['full', 'part', 'absent', 'unknown'];

/** Largest number of hours in a week (7 × 24), the upper bound of the hour fields. */
export const HOURS_PER_WEEK_MAX = 168;

/**
 * The services of one site as a planner records them (and as they travel in a scenario file).
 * Hours are the hours per week the service is open or present at the site — not staff hours.
 */
export interface SiteServices {
  mhv: ServiceLevel;
  bhv: ServiceLevel;
  openPreschool: ServiceLevel;
  socialServices: ServiceLevel;
  /** Öppen förskola's opening hours per week at the site (h/week, 0–168); null = uppgift saknas. */
  openPreschoolHoursPerWeek: number | null;
  /** Hours per week the förebyggande socialtjänst is present at the site (h/week, 0–168); null = uppgift saknas. */
  socialServicesHoursPerWeek: number | null;
}

/** A site about which nothing is known. */
export const UNKNOWN_SERVICES: Readonly<SiteServices> = Object.freeze({
  mhv: 'unknown',
  bhv: 'unknown',
  openPreschool: 'unknown',
  socialServices: 'unknown',
  openPreschoolHoursPerWeek: null,
  socialServicesHoursPerWeek: null,
});

/** The services whose level is `unknown` (what the form labels "uppgift saknas"). */
export function unknownServices(s: SiteServices): ServiceKey[] {
  return SERVICE_KEYS.filter((k) => s[k] === 'unknown');
}

/** True when nothing is recorded: every level unknown and both hours null (such an entry need not be saved). */
export function isAllUnknown(s: SiteServices): boolean {
  return unknownServices(s).length === SERVICE_KEYS.length && s.openPreschoolHoursPerWeek === null && s.socialServicesHoursPerWeek === null;
}
