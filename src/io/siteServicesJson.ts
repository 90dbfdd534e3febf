import { HOURS_PER_WEEK_MAX, isAllUnknown, SERVICE_KEYS, SERVICE_LEVELS, UNKNOWN_SERVICES, type ServiceKey, type ServiceLevel, type SiteServices } from '../domain/services/types';
import { parseLocaleNumber } from './number';
import { shown, type SiteServicesIssue } from './siteServicesIssues';

/**
 * The `siteServices` object of a scenario file: the planner's service levels per site id.
 *
 * ```json
 * "siteServices": {
 *   "fc-leksand": { "mhv": "full", "bhv": "full", "openPreschool": "part", "socialServices": "unknown",
 *                   "openPreschoolHoursPerWeek": 12, "socialServicesHoursPerWeek": null }
 * }
 * ```
 * A missing level is `unknown` and a missing hour value null (uppgift saknas), with no issue.
 */

/** At most this many sites are read (2 000 candidates and the bundled sites fit many times over). */
export const MAX_SITE_ENTRIES = 5000;
/** Longest site id read (characters). */
export const MAX_SITE_ID_LENGTH = 200;

const HOUR_FIELDS = ['openPreschoolHoursPerWeek', 'socialServicesHoursPerWeek'] as const;
/** The service each hour field belongs to. */
const HOUR_SERVICE: Record<(typeof HOUR_FIELDS)[number], ServiceKey> = { openPreschoolHoursPerWeek: 'openPreschool', socialServicesHoursPerWeek: 'socialServices' };
const KNOWN_FIELDS = new Set<string>([...SERVICE_KEYS, ...HOUR_FIELDS]);

/** Options of `readSiteServices`. */
export interface ReadSiteServicesOptions {
  /** Ids of the sites the scenario knows (family centres and candidates); others get a warning. */
  knownSiteIds?: ReadonlySet<string>;
}

/**
 * Reads `siteServices`. Always returns usable values: `undefined`/`null` gives `{}` with no issue
 * (a file written before services existed); a bad level or hour value becomes unknown with an
 * error naming the site, the field, what was found and what was expected; every valid value of
 * the same site is kept. Levels are read case-insensitively with surrounding spaces ignored; an
 * hour value may also be a numeric text ("12", "12,5").
 */
export function readSiteServices(input: unknown, options: ReadSiteServicesOptions = {}): { value: Record<string, SiteServices>; issues: SiteServicesIssue[] } {
  const issues: SiteServicesIssue[] = [];
  const entries: [string, SiteServices][] = [];
  if (input === undefined || input === null) return { value: {}, issues };
  if (typeof input !== 'object' || Array.isArray(input)) {
    issues.push({ severity: 'error', code: 'site_services_not_object', params: { value: shown(input) } });
    return { value: {}, issues };
  }
  let all = Object.entries(input as Record<string, unknown>);
  if (all.length > MAX_SITE_ENTRIES) {
    issues.push({ severity: 'error', code: 'site_services_too_many', params: { count: all.length, max: MAX_SITE_ENTRIES } });
    all = all.slice(0, MAX_SITE_ENTRIES);
  }
  for (const [rawId, raw] of all) {
    const site = rawId.trim();
    if (!site || site.length > MAX_SITE_ID_LENGTH) {
      issues.push({ severity: 'error', code: 'site_services_bad_id', params: { site: shown(rawId), max: MAX_SITE_ID_LENGTH } });
      continue;
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      issues.push({ severity: 'error', code: 'site_services_entry_not_object', params: { site, value: shown(raw) } });
      continue;
    }
    if (options.knownSiteIds && !options.knownSiteIds.has(site)) issues.push({ severity: 'warning', code: 'site_services_unknown_site', params: { site } });
    entries.push([site, readEntry(site, raw as Record<string, unknown>, issues)]);
  }
  return { value: Object.fromEntries(entries), issues };
}

/** One site's services; bad values become unknown (with an issue). */
function readEntry(site: string, o: Record<string, unknown>, issues: SiteServicesIssue[]): SiteServices {
  const out: SiteServices = { ...UNKNOWN_SERVICES };
  for (const f of Object.keys(o)) if (!KNOWN_FIELDS.has(f)) issues.push({ severity: 'warning', code: 'site_services_unknown_field', params: { site, field: f.length > 40 ? `${f.slice(0, 39)}…` : f } });
  for (const k of SERVICE_KEYS) {
    const v = o[k];
    if (v === undefined || v === null) continue;
    const level = typeof v === 'string' ? v.trim().toLowerCase() : null;
    if (level !== null && (SERVICE_LEVELS as readonly string[]).includes(level)) out[k] = level as ServiceLevel;
    else issues.push({ severity: 'error', code: 'site_services_bad_level', params: { site, field: k, value: shown(v), expected: SERVICE_LEVELS.join(', ') } });
  }
  for (const h of HOUR_FIELDS) {
    const raw = o[h];
    if (raw === undefined || raw === null) continue;
    const v = typeof raw === 'number' || typeof raw === 'string' ? parseLocaleNumber(raw) : null;
    if (v === null || v < 0 || v > HOURS_PER_WEEK_MAX) {
      issues.push({ severity: 'error', code: 'site_services_bad_hours', params: { site, field: h, value: shown(raw), min: 0, max: HOURS_PER_WEEK_MAX } });
      continue;
    }
    out[h] = v;
    if (v > 0 && out[HOUR_SERVICE[h]] === 'absent') issues.push({ severity: 'warning', code: 'site_services_hours_but_absent', params: { site, field: h, service: HOUR_SERVICE[h], value: v } });
  }
  return out;
}

/**
 * `siteServices` as a scenario file stores it: sites with nothing recorded are left out, and the
 * ids sorted, so an unchanged scenario writes the same text.
 */
export function writeSiteServices(value: Readonly<Record<string, SiteServices>>): Record<string, SiteServices> {
  const ids = Object.keys(value)
    .filter((id) => !isAllUnknown(value[id]))
    .sort();
  return Object.fromEntries(ids.map((id) => [id, { ...value[id] }]));
}
