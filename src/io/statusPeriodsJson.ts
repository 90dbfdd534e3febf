import { overlappingPeriods } from '../domain/history/periods';
import { PERIOD_STATUSES, type PeriodStatus, type StatusPeriod } from '../domain/history/types';
import { compareFrom, isYearMonth, monthSpan, type YearMonth } from '../domain/history/yearMonth';
import { MAX_SITE_ENTRIES, MAX_SITE_ID_LENGTH } from './siteServicesJson';
import { shown } from './siteServicesIssues';
import type { StatusPeriodsIssue } from './statusPeriodsIssues';

/**
 * The `statusPeriods` object of a scenario file: the planner's status periods per site id.
 *
 * ```json
 * "statusPeriods": {
 *   "fc-smedjebacken": [ { "status": "intent", "from": "2019-12", "to": "2025-10" },
 *                        { "status": "planned", "from": "2025-11", "to": null } ]
 * }
 * ```
 * `from`/`to` are a year ("2019") or a year and month ("2019-12"), inclusive; null (or a missing
 * field) = not known / not ended.
 */

/** At most this many periods are read per site. */
export const MAX_PERIODS_PER_SITE = 100;

const KNOWN_FIELDS = new Set(['status', 'from', 'to']);

/** Options of `readStatusPeriods`. */
export interface ReadStatusPeriodsOptions {
  /** Ids of the sites the scenario knows (family centres and candidates); others get a warning. */
  knownSiteIds?: ReadonlySet<string>;
}

/**
 * Reads `statusPeriods`. `undefined`/`null` gives `{}` with no issue. A period that cannot be read
 * (no valid status, a bad date, from after to) is skipped with an error naming the site, the
 * period's number and what was expected; the site's other periods are kept. A full date
 * ("2023-10-23") is kept as its month with a warning; a whole-number year (2019) is read as
 * "2019". Overlapping periods are kept with a warning. Periods keep the file's order.
 */
export function readStatusPeriods(input: unknown, options: ReadStatusPeriodsOptions = {}): { value: Record<string, StatusPeriod[]>; issues: StatusPeriodsIssue[] } {
  const issues: StatusPeriodsIssue[] = [];
  if (input === undefined || input === null) return { value: {}, issues };
  if (typeof input !== 'object' || Array.isArray(input)) {
    issues.push({ severity: 'error', code: 'status_periods_not_object', params: { value: shown(input) } });
    return { value: {}, issues };
  }
  let all = Object.entries(input as Record<string, unknown>);
  if (all.length > MAX_SITE_ENTRIES) {
    issues.push({ severity: 'error', code: 'status_periods_too_many_sites', params: { count: all.length, max: MAX_SITE_ENTRIES } });
    all = all.slice(0, MAX_SITE_ENTRIES);
  }
  const entries: [string, StatusPeriod[]][] = [];
  for (const [rawId, raw] of all) {
    const site = rawId.trim();
    if (!site || site.length > MAX_SITE_ID_LENGTH) {
      issues.push({ severity: 'error', code: 'status_periods_bad_id', params: { site: shown(rawId), max: MAX_SITE_ID_LENGTH } });
      continue;
    }
    if (!Array.isArray(raw)) {
      issues.push({ severity: 'error', code: 'status_periods_not_list', params: { site, value: shown(raw) } });
      continue;
    }
    if (options.knownSiteIds && !options.knownSiteIds.has(site)) issues.push({ severity: 'warning', code: 'status_periods_unknown_site', params: { site } });
    let list = raw as unknown[];
    if (list.length > MAX_PERIODS_PER_SITE) {
      issues.push({ severity: 'error', code: 'status_periods_too_many', params: { site, count: list.length, max: MAX_PERIODS_PER_SITE } });
      list = list.slice(0, MAX_PERIODS_PER_SITE);
    }
    const kept: { period: StatusPeriod; index: number }[] = [];
    list.forEach((p, i) => {
      const period = readPeriod(site, i + 1, p, issues);
      if (period) kept.push({ period, index: i + 1 });
    });
    for (const [a, b] of overlappingPeriods(kept.map((k) => k.period))) {
      issues.push({ severity: 'warning', code: 'status_periods_overlap', params: { site, index: kept[a].index, other: kept[b].index } });
    }
    entries.push([site, kept.map((k) => k.period)]);
  }
  return { value: Object.fromEntries(entries), issues };
}

/** One period, or null (and an error) when it cannot be read. `index` is 1-based. */
function readPeriod(site: string, index: number, p: unknown, issues: StatusPeriodsIssue[]): StatusPeriod | null {
  if (typeof p !== 'object' || p === null || Array.isArray(p)) {
    issues.push({ severity: 'error', code: 'status_period_not_object', params: { site, index, value: shown(p) } });
    return null;
  }
  const o = p as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (!KNOWN_FIELDS.has(k)) issues.push({ severity: 'warning', code: 'status_period_unknown_field', params: { site, index, field: k.length > 40 ? `${k.slice(0, 39)}…` : k } });
  }
  const status = typeof o.status === 'string' ? o.status.trim().toLowerCase() : null;
  if (status === null || !(PERIOD_STATUSES as readonly string[]).includes(status)) {
    issues.push({ severity: 'error', code: 'status_period_bad_status', params: { site, index, value: shown(o.status), expected: PERIOD_STATUSES.join(', ') } });
    return null;
  }
  const from = readDate(site, index, 'from', o.from, issues);
  const to = readDate(site, index, 'to', o.to, issues);
  if (from === undefined || to === undefined) return null;
  if (from !== null && to !== null && monthSpan(from)[0] > monthSpan(to)[1]) {
    issues.push({ severity: 'error', code: 'status_period_reversed', params: { site, index, from, to } });
    return null;
  }
  return { status: status as PeriodStatus, from, to };
}

/** A bound: a date, null (not known / open), or undefined when it cannot be read (an error is pushed). */
function readDate(site: string, index: number, field: 'from' | 'to', v: unknown, issues: StatusPeriodsIssue[]): YearMonth | null | undefined {
  if (v === undefined || v === null) return null;
  const s = typeof v === 'number' && Number.isInteger(v) ? String(v) : typeof v === 'string' ? v.trim() : null;
  if (s !== null && isYearMonth(s)) return s;
  const day = s === null ? null : /^(\d{4}-\d{2})-(\d{2})$/.exec(s);
  if (day && isYearMonth(day[1]) && Number(day[2]) >= 1 && Number(day[2]) <= 31) {
    issues.push({ severity: 'warning', code: 'status_period_day_dropped', params: { site, index, field, value: s!, kept: day[1] } });
    return day[1];
  }
  issues.push({ severity: 'error', code: 'status_period_bad_date', params: { site, index, field, value: shown(v) } });
  return undefined;
}

/**
 * `statusPeriods` as a scenario file stores it: sites without periods left out, ids sorted, each
 * site's periods ordered by start (unknown start first), so an unchanged scenario writes the same text.
 */
export function writeStatusPeriods(value: Readonly<Record<string, readonly StatusPeriod[]>>): Record<string, StatusPeriod[]> {
  const ids = Object.keys(value)
    .filter((id) => value[id].length > 0)
    .sort();
  return Object.fromEntries(ids.map((id) => [id, [...value[id]].sort((a, b) => compareFrom(a.from, b.from)).map((p) => ({ ...p }))]));
}
