import { COUNTY_CODE, COUNTY_NAME } from '../domain/analysis';
import type { BelongingListing, BelongingResult } from '../domain/catchments/belonging';
import type { CatchmentResult, KommunChildren } from '../domain/catchments/catchments';
import type { CentreFlow, CrossBorderResult, KommunFlows } from '../domain/catchments/crossBorder';
import type { SiteSetKey } from '../domain/siteSets';
import { formatCsvNumber, type CsvColumn, type CsvDialect } from './csvWrite';

/**
 * The three tables of `catchments` as CSV rows and columns: per site (default), kommun × site
 * flows (--flows) and organisational belonging (--belonging). Pure: the command computes the
 * domain results (the same calls as the app's analysis summary) and these only lay them out.
 * Children have 1 decimal (estimates), shares are 0–1 (4 decimals), minutes 1 decimal.
 */

/** One row of the per-site table; the row of children no site reaches has site_id '' and kind 'unreachable'. */
export interface CatchmentRow {
  site_set: SiteSetKey;
  site_id: string;
  name: string;
  kind: string;
  kommun_code: string;
  children_0_6: number;
  children_ot_1_2: number;
  share_ot_1_2: number | null;
  mean_minutes: number | null;
  primary_deso_count: number | null;
  by_kommun: readonly KommunChildren[];
}

/** Children by kommun compactly: "2062:1178.7;2023:572.0" (decimal mark of the dialect). */
export function compactByKommun(list: readonly KommunChildren[], dialect: CsvDialect): string {
  return list.map((k) => `${k.kommun_code}:${formatCsvNumber(k.children_0_6, 1, dialect)}`).join(';');
}

/** The sites of a set (sorted as the domain sorts them), then its unreachable children. */
export function catchmentRows(set: SiteSetKey, r: CatchmentResult): CatchmentRow[] {
  const rows: CatchmentRow[] = r.centres.map((c) => ({
    site_set: set,
    site_id: c.site_id,
    name: c.name,
    kind: c.kind,
    kommun_code: c.kommun_code,
    children_0_6: c.children_0_6,
    children_ot_1_2: c.children_ot_1_2,
    share_ot_1_2: c.share_ot_1_2,
    mean_minutes: c.mean_minutes,
    primary_deso_count: c.primary_deso_count,
    by_kommun: c.by_kommun,
  }));
  const u = r.unreachable;
  rows.push({
    site_set: set,
    site_id: '',
    name: 'Ingen plats nåbar',
    kind: 'unreachable',
    kommun_code: '',
    children_0_6: u.children_0_6,
    children_ot_1_2: u.children_ot_1_2,
    share_ot_1_2: u.children_0_6 > 0 ? u.children_ot_1_2 / u.children_0_6 : null,
    mean_minutes: null,
    primary_deso_count: null,
    by_kommun: u.by_kommun,
  });
  return rows;
}

export function catchmentColumns(dialect: CsvDialect): CsvColumn<CatchmentRow>[] {
  return [
    { key: 'site_set', get: (r) => r.site_set },
    { key: 'site_id', get: (r) => r.site_id },
    { key: 'name', get: (r) => r.name },
    { key: 'kind', get: (r) => r.kind },
    { key: 'kommun_code', get: (r) => r.kommun_code },
    { key: 'children_0_6', decimals: 1, get: (r) => r.children_0_6 },
    { key: 'children_ot_1_2', decimals: 1, get: (r) => r.children_ot_1_2 },
    { key: 'share_ot_1_2', decimals: 4, get: (r) => r.share_ot_1_2 },
    { key: 'mean_minutes', decimals: 1, get: (r) => r.mean_minutes },
    { key: 'primary_deso_count', get: (r) => r.primary_deso_count },
    { key: 'by_kommun', get: (r) => compactByKommun(r.by_kommun, dialect) },
  ];
}

/** One row of the flow table: a kommun of residence of one set (or the county, code 20). */
export interface FlowRow
  extends Pick<KommunFlows, 'kommun_code' | 'kommun_name' | 'children_0_6' | 'own_children' | 'across_children' | 'unknown_kommun_children' | 'unreachable_children' | 'across_share'> {
  site_set: SiteSetKey;
  flag: string;
  reasons: string;
  relied_on: readonly CentreFlow[];
  /** Children per site id of the set (a site of another set is absent → empty cell). */
  bySite: ReadonlyMap<string, number>;
}

/** The kommun rows of a set's flows, then the county row (whose site cells are the catchments' children). */
export function flowRows(set: SiteSetKey, f: CrossBorderResult): FlowRow[] {
  const cols = f.siteIds.length + 1;
  const county = new Map<string, number>(f.siteIds.map((id) => [id, 0]));
  const rows: FlowRow[] = f.kommuner.map((k, r) => {
    const bySite = new Map<string, number>();
    f.siteIds.forEach((id, j) => {
      const c = f.matrix[r * cols + j];
      bySite.set(id, c);
      county.set(id, county.get(id)! + c);
    });
    return {
      site_set: set,
      kommun_code: k.kommun_code,
      kommun_name: k.kommun_name,
      children_0_6: k.children_0_6,
      own_children: k.own_children,
      across_children: k.across_children,
      unknown_kommun_children: k.unknown_kommun_children,
      unreachable_children: k.unreachable_children,
      across_share: k.across_share,
      flag: k.flag,
      reasons: k.reasons.join('|'),
      relied_on: k.relied_on,
      bySite,
    };
  });
  const sum = (key: 'children_0_6' | 'own_children' | 'across_children' | 'unknown_kommun_children' | 'unreachable_children') => rows.reduce((s, r) => s + r[key], 0);
  const children = sum('children_0_6');
  rows.push({
    site_set: set,
    kommun_code: COUNTY_CODE,
    kommun_name: COUNTY_NAME,
    children_0_6: children,
    own_children: sum('own_children'),
    across_children: sum('across_children'),
    unknown_kommun_children: sum('unknown_kommun_children'),
    unreachable_children: sum('unreachable_children'),
    across_share: children > 0 ? sum('across_children') / children : null,
    flag: '',
    reasons: '',
    relied_on: [],
    bySite: county,
  });
  return rows;
}

/** "Familjens hus i Mora (fc-mora) 99,1 %" per relied-on site, joined with " | ". */
export function reliedOnText(list: readonly CentreFlow[], dialect: CsvDialect): string {
  return list.map((f) => `${f.name} (${f.site_id}) ${formatCsvNumber(f.share_of_kommun * 100, 1, dialect)} %`).join(' | ');
}

/** Flow columns; `siteIds` gives one column per site (the union of the sets written, in order). */
export function flowColumns(siteIds: readonly string[], dialect: CsvDialect): CsvColumn<FlowRow>[] {
  return [
    { key: 'site_set', get: (r) => r.site_set },
    { key: 'kommun_code', get: (r) => r.kommun_code },
    { key: 'kommun_name', get: (r) => r.kommun_name },
    { key: 'children_0_6', decimals: 1, get: (r) => r.children_0_6 },
    { key: 'own_children', decimals: 1, get: (r) => r.own_children },
    { key: 'across_children', decimals: 1, get: (r) => r.across_children },
    { key: 'unknown_kommun_children', decimals: 1, get: (r) => r.unknown_kommun_children },
    { key: 'unreachable_children', decimals: 1, get: (r) => r.unreachable_children },
    { key: 'across_share', decimals: 4, get: (r) => r.across_share },
    { key: 'flag', get: (r) => r.flag },
    { key: 'reasons', get: (r) => r.reasons },
    { key: 'relied_on', get: (r) => reliedOnText(r.relied_on, dialect) },
    ...siteIds.map((id): CsvColumn<FlowRow> => ({ key: id, decimals: 1, get: (r) => r.bySite.get(id) ?? null })),
  ];
}

/** One row of the belonging table: a kommun of the vårdcentraler of one set, or the county. */
export interface BelongingRow {
  site_set: SiteSetKey;
  kommun_code: string;
  kommun_name: string;
  listed_children: number | null;
  children_at_hosts: number | null;
  share: number | null;
  health_centres: number;
  /** Names of the hosting vårdcentraler. */
  hosts: string[];
  /** Where the listing values of the row's vårdcentraler came from. */
  listing: 'modellerad' | 'importerad' | 'blandad' | 'saknas';
}

/**
 * The kommun rows, then the county row. `listingOf` gives each vårdcentral's listing values
 * (branch keys already added to their unit) so a row says whether its figure is modelled.
 */
export function belongingRows(
  set: SiteSetKey,
  b: BelongingResult,
  healthCentres: readonly { id: string; name: string; kommun_code: string }[],
  listingOf: (healthCentreId: string) => readonly BelongingListing[],
): BelongingRow[] {
  const nameOf = new Map(healthCentres.map((h) => [h.id, h.name]));
  const basis = (ids: readonly string[]): BelongingRow['listing'] => {
    const sources = new Set(ids.flatMap((id) => listingOf(id).map((l) => l.source)));
    return sources.size === 0 ? 'saknas' : sources.size > 1 ? 'blandad' : sources.has('modelled') ? 'modellerad' : 'importerad';
  };
  const hcIn = (code: string) => healthCentres.filter((h) => h.kommun_code === code).map((h) => h.id);
  const rows: BelongingRow[] = b.byKommun.map((k) => ({
    site_set: set,
    kommun_code: k.kommun_code,
    kommun_name: k.kommun_name,
    listed_children: k.listed_children,
    children_at_hosts: k.children_at_hosts,
    share: k.share,
    health_centres: k.health_centres,
    hosts: k.hosts.map((id) => nameOf.get(id) ?? id),
    listing: k.health_centres ? basis(hcIn(k.kommun_code)) : 'saknas',
  }));
  rows.push({
    site_set: set,
    kommun_code: COUNTY_CODE,
    kommun_name: COUNTY_NAME,
    listed_children: b.county.listed_children,
    children_at_hosts: b.county.children_at_hosts,
    share: b.county.share,
    health_centres: b.county.health_centres,
    hosts: b.county.hosts.map((id) => nameOf.get(id) ?? id),
    listing: basis(healthCentres.map((h) => h.id)),
  });
  return rows;
}

export const BELONGING_COLUMNS: CsvColumn<BelongingRow>[] = [
  { key: 'site_set', get: (r) => r.site_set },
  { key: 'kommun_code', get: (r) => r.kommun_code },
  { key: 'kommun_name', get: (r) => r.kommun_name },
  { key: 'listed_children', decimals: 1, get: (r) => r.listed_children },
  { key: 'children_at_hosts', decimals: 1, get: (r) => r.children_at_hosts },
  { key: 'share', decimals: 4, get: (r) => r.share },
  { key: 'health_centres', get: (r) => r.health_centres },
  { key: 'hosts', get: (r) => r.hosts.join(' | ') },
  { key: 'modelled', get: (r) => (r.listing === 'modellerad' || r.listing === 'blandad' ? 'ja' : 'nej') },
  { key: 'listing', get: (r) => r.listing },
];
