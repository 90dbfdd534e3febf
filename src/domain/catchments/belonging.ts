import type { HealthCentre, ListingSource } from '../types';
import type { KommunRef } from '../views';
import type { BelongingCentre } from './hosts';

/**
 * Organisational belonging (organisatorisk tillhörighet): the share of listed children 0–6 whose
 * vårdcentral hosts a family centre of the set. It is the measure of the Stockholm study (004,
 * avsnitt 2: children 0–5 enrolled at a BVC that is part of a family centre ÷ all children 0–5,
 * about 55 000 of some 170 000 in 2020, roughly 30 %); 002 (avsnitt 2.3, omvärldsanalys) reports
 * that every child in Region Jönköpings län and Region Kalmar län has access to a family centre.
 * The figure stands beside the geographic "within T" coverage, never in its place.
 *
 * Rules:
 * - A centre's host: the scenario's override when it has one (null or '' = no host), else the
 *   data's `host_health_centre_id`, else — when `siteAtHealthCentre` is on (default) — the
 *   vårdcentral whose id the site itself has (a candidate placed at a vårdcentral).
 * - A host id that is a branch site of a merged vårdcentral (`aliases`) counts as the merged unit
 *   (issue `host_via_branch`, info). A host id that is neither a vårdcentral nor a branch is
 *   reported (`host_unknown`, with merged units whose id contains it as a hint) and the centre
 *   has no host; nothing is guessed.
 * - Listing values keyed by a branch id are added to the merged unit (`listing_via_branch`);
 *   keys that are no vårdcentral are reported and left out (`listing_unknown_health_centre`);
 *   a value that is not a count (negative, NaN) is reported (`listing_not_count`) and counts as missing.
 * - The kommun of a listed child is its vårdcentral's kommun (listing says nothing of residence),
 *   so a kommun without a vårdcentral (Säter) has 0 listed children and no share.
 * - Unknown stays unknown: a vårdcentral with no listing value (`listing_missing`) makes the
 *   sums (and the share) of its kommun and of the county null.
 * - `modelled` is true when any value used is modelled; the UI must label the figure so.
 * Overrides of centres outside `centres` are ignored (they belong to sites the set does not count).
 */

/** Listed children 0–6 of one vårdcentral and where the number came from (a `CentreListing` fits). */
export interface BelongingListing {
  children_0_6: number;
  source: ListingSource;
}

export interface BelongingInput {
  /** The centres of the set the caller counts (statuses switched on, candidates of the proposal …). */
  centres: readonly BelongingCentre[];
  /** Scenario overrides: centre id → host vårdcentral id, or null for "no host". */
  overrides?: ReadonlyMap<string, string | null>;
  /** The vårdcentraler (listing units). */
  healthCentres: readonly Pick<HealthCentre, 'id' | 'name' | 'kommun_code'>[];
  /** Listed children 0–6 per vårdcentral id (e.g. `mergeListing()`'s map). */
  listing: ReadonlyMap<string, BelongingListing>;
  /** Branch site id → merged unit id (`branchAliases()`). */
  aliases?: ReadonlyMap<string, string>;
  /** The kommun list; per-kommun rows follow it (kommuner of vårdcentraler it lacks come after, by code). */
  kommuner?: readonly KommunRef[];
  /** A centre without a named host whose id is a vårdcentral id is hosted there. Default true. */
  siteAtHealthCentre?: boolean;
}

export type HostVia = 'override' | 'data' | 'site_at_health_centre';

/** How each centre of the set belongs (in the order of `centres`). */
export interface CentreHost {
  centre_id: string;
  name: string;
  /** The host vårdcentral after resolution; null = none (not named, override "none", or unknown id). */
  health_centre_id: string | null;
  /** The id as given (override or data), '' when none was given. */
  given_id: string;
  /** Where the host came from; null when there is none. */
  via: HostVia | null;
  /** True when an id was given but is no vårdcentral (see issue `host_unknown`). */
  unknown: boolean;
}

/** A vårdcentral that hosts at least one centre of the set. */
export interface HostingHealthCentre {
  health_centre_id: string;
  name: string;
  kommun_code: string;
  /** Listed children 0–6; null when no listing value is known. */
  listed_children: number | null;
  source: ListingSource | 'mixed' | null;
  centre_ids: string[];
}

/** Listed children and the share at hosting vårdcentraler, for the county or a kommun. */
export interface BelongingShare {
  /** Listed children 0–6 at all vårdcentraler; null when one lacks a listing value. */
  listed_children: number | null;
  /** Of them, listed at a hosting vårdcentral; null when a hosting one lacks a value. */
  children_at_hosts: number | null;
  /** children_at_hosts ÷ listed_children (0–1); null when either is unknown or none are listed. */
  share: number | null;
  /** Vårdcentraler counted. */
  health_centres: number;
  /** Ids of the hosting vårdcentraler counted. */
  hosts: string[];
}

export interface KommunBelonging extends BelongingShare {
  kommun_code: string;
  kommun_name: string;
}

export type BelongingIssueCode =
  | 'host_unknown'
  | 'host_via_branch'
  | 'listing_unknown_health_centre'
  | 'listing_via_branch'
  | 'listing_not_count'
  | 'listing_missing';

/** What the caller words (Swedish by default); `warning` changes or hides a figure, `info` only explains. */
export interface BelongingIssue {
  code: BelongingIssueCode;
  severity: 'warning' | 'info';
  params: Record<string, string | number>;
}

export interface BelongingResult {
  county: BelongingShare;
  /** Per kommun of the vårdcentral (see the rules). */
  byKommun: KommunBelonging[];
  /** Hosting vårdcentraler, in the order of `healthCentres`. */
  hosts: HostingHealthCentre[];
  centres: CentreHost[];
  /** True when any listing value used is modelled: the UI labels the figure "modellerad". */
  modelled: boolean;
  /** Where the listing values used came from overall; 'none' when no value was usable. */
  listingSource: ListingSource | 'mixed' | 'none';
  issues: BelongingIssue[];
}

interface UnitListing {
  children: number;
  modelled: boolean;
  imported: boolean;
}

/** Resolves the listing to one value per vårdcentral (branches added to their unit). */
function resolveListing(input: BelongingInput, isHc: (id: string) => boolean, issues: BelongingIssue[]): Map<string, UnitListing> {
  const out = new Map<string, UnitListing>();
  for (const [key, v] of input.listing) {
    const alias = input.aliases?.get(key);
    const id = isHc(key) ? key : alias !== undefined && isHc(alias) ? alias : null;
    if (!(Number.isFinite(v.children_0_6) && v.children_0_6 >= 0)) {
      issues.push({ code: 'listing_not_count', severity: 'warning', params: { health_centre_id: key, value: String(v.children_0_6) } });
      if (id) out.set(id, { children: NaN, modelled: false, imported: false });
      continue;
    }
    if (id === null) {
      issues.push({ code: 'listing_unknown_health_centre', severity: 'warning', params: { health_centre_id: key, children_0_6: v.children_0_6 } });
      continue;
    }
    if (id !== key) issues.push({ code: 'listing_via_branch', severity: 'info', params: { site_id: key, health_centre_id: id, children_0_6: v.children_0_6 } });
    const u = out.get(id) ?? { children: 0, modelled: false, imported: false };
    u.children += v.children_0_6;
    if (v.source === 'modelled') u.modelled = true;
    else u.imported = true;
    out.set(id, u);
  }
  return out;
}

/** Merged units whose id contains `given`'s name part (a hint for the message, never a resolution). */
function mergedHints(given: string, ids: readonly string[]): string {
  const part = given.replace(/^(hc|site)-/, '');
  if (!part) return '';
  return ids.filter((id) => id !== given && id.replace(/^hc-/, '').split('-').includes(part)).join(', ');
}

/** Each centre's host after overrides, data, branch aliases and the site-at-vårdcentral rule. */
function resolveHosts(input: BelongingInput, isHc: (id: string) => boolean, issues: BelongingIssue[]): CentreHost[] {
  const hcIds = input.healthCentres.map((h) => h.id);
  const atSite = input.siteAtHealthCentre ?? true;
  return input.centres.map((c): CentreHost => {
    let given = '';
    let via: HostVia | null = null;
    if (input.overrides?.has(c.id)) {
      given = input.overrides.get(c.id) ?? '';
      via = given ? 'override' : null;
    } else if (c.host_health_centre_id) {
      given = c.host_health_centre_id;
      via = 'data';
    } else if (atSite && isHc(c.id)) {
      given = c.id;
      via = 'site_at_health_centre';
    }
    const base = { centre_id: c.id, name: c.name, given_id: given };
    if (!given) return { ...base, health_centre_id: null, via: null, unknown: false };
    if (isHc(given)) return { ...base, health_centre_id: given, via, unknown: false };
    const alias = input.aliases?.get(given);
    if (alias !== undefined && isHc(alias)) {
      issues.push({ code: 'host_via_branch', severity: 'info', params: { centre_id: c.id, host_id: given, health_centre_id: alias } });
      return { ...base, health_centre_id: alias, via, unknown: false };
    }
    issues.push({ code: 'host_unknown', severity: 'warning', params: { centre_id: c.id, centre_name: c.name, host_id: given, merged_hint: mergedHints(given, hcIds) } });
    return { ...base, health_centre_id: null, via: null, unknown: true };
  });
}

/** Sums and share over a group of vårdcentraler. */
function share(ids: readonly string[], hosting: ReadonlySet<string>, listing: ReadonlyMap<string, UnitListing>): BelongingShare {
  let listed: number | null = 0;
  let atHosts: number | null = 0;
  const hosts: string[] = [];
  for (const id of ids) {
    const v = listing.get(id)?.children;
    const known = v !== undefined && Number.isFinite(v);
    if (listed !== null) listed = known ? listed + v : null;
    if (hosting.has(id)) {
      hosts.push(id);
      if (atHosts !== null) atHosts = known ? atHosts + v : null;
    }
  }
  return {
    listed_children: listed,
    children_at_hosts: atHosts,
    share: listed !== null && atHosts !== null && listed > 0 ? atHosts / listed : null,
    health_centres: ids.length,
    hosts,
  };
}

/**
 * County and per-kommun organisational belonging of a set of centres.
 *
 * @example
 * // VC a (kommun K, 300 listed) hosts a centre, VC b (K, 700) does not → share 300 / 1 000 = 0,3
 */
export function organisationalBelonging(input: BelongingInput): BelongingResult {
  const issues: BelongingIssue[] = [];
  const hcById = new Map(input.healthCentres.map((h) => [h.id, h]));
  const isHc = (id: string) => hcById.has(id);
  const listing = resolveListing(input, isHc, issues);
  for (const h of input.healthCentres) {
    if (!listing.has(h.id)) issues.push({ code: 'listing_missing', severity: 'warning', params: { health_centre_id: h.id, name: h.name } });
  }
  const centres = resolveHosts(input, isHc, issues);
  const centresAt = new Map<string, string[]>();
  for (const c of centres) if (c.health_centre_id) centresAt.set(c.health_centre_id, [...(centresAt.get(c.health_centre_id) ?? []), c.centre_id]);
  const hosting = new Set(centresAt.keys());

  const sourceOf = (u: UnitListing | undefined): ListingSource | 'mixed' | null =>
    !u || !Number.isFinite(u.children) ? null : u.modelled && u.imported ? 'mixed' : u.modelled ? 'modelled' : 'imported';
  const hosts: HostingHealthCentre[] = input.healthCentres
    .filter((h) => hosting.has(h.id))
    .map((h) => {
      const u = listing.get(h.id);
      return { health_centre_id: h.id, name: h.name, kommun_code: h.kommun_code, listed_children: u && Number.isFinite(u.children) ? u.children : null, source: sourceOf(u), centre_ids: centresAt.get(h.id)! };
    });

  const rows: KommunRef[] = [...(input.kommuner ?? [])];
  const listed = new Set(rows.map((k) => k.kommun_code));
  for (const code of [...new Set(input.healthCentres.map((h) => h.kommun_code))].sort()) {
    if (!listed.has(code)) rows.push({ kommun_code: code, kommun_name: '' });
  }
  const byKommun = rows.map((k) => ({
    kommun_code: k.kommun_code,
    kommun_name: k.kommun_name,
    ...share(input.healthCentres.filter((h) => h.kommun_code === k.kommun_code).map((h) => h.id), hosting, listing),
  }));

  let anyModelled = false;
  let anyImported = false;
  for (const h of input.healthCentres) {
    const u = listing.get(h.id);
    if (!u || !Number.isFinite(u.children)) continue;
    anyModelled ||= u.modelled;
    anyImported ||= u.imported;
  }
  return {
    county: share(input.healthCentres.map((h) => h.id), hosting, listing),
    byKommun,
    hosts,
    centres,
    modelled: anyModelled,
    listingSource: anyModelled && anyImported ? 'mixed' : anyModelled ? 'modelled' : anyImported ? 'imported' : 'none',
    issues,
  };
}
