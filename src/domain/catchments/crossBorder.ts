import type { KommunRef } from '../views';
import type { CatchmentResult } from './catchments';
import type { CatchmentSiteKind } from './siteKind';

/**
 * Cross-border flows: for every kommun of residence, how many of its children 0–6 have a site in
 * their own kommun as nearest and how many a site in another kommun — read from catchments, so
 * the figures are the same as the catchment table's.
 *
 * Definitions (shares are of the kommun's children 0–6, unreachable children included):
 * - *own*: the nearest site lies in the kommun of residence (by the site's `kommun_code`);
 *   every site of the set counts (family units and candidates too — unlike `no_centre` in
 *   gaps.ts, which is about familjecentraler only);
 * - *across*: the nearest site lies in another kommun;
 * - children whose nearest site has no kommun code are neither (`unknown_kommun_children`);
 * - `across_share` = across ÷ children.
 *
 * Flag per kommun (`reasons` says why):
 * - `relies_on_neighbour` when the set has no site in the kommun (`no_own_centre`), or when
 *   `across_share` > `reliesOnShare` (`most_across`; default 0,5: more than half);
 * - else `partly` when `across_share` ≥ `partlyShare` (`share_across`; default 0,1);
 * - else `own`.
 * The defaults are this module's choices, not figures from a document; the caller may pass others.
 */

export interface CrossBorderOptions {
  /** `relies_on_neighbour` when more than this share (0–1) goes across. Default 0,5. */
  reliesOnShare?: number;
  /** `partly` when at least this share (0–1) goes across. Default 0,1. */
  partlyShare?: number;
  /** A neighbour's site is named in `relied_on` when it serves at least this share (0–1) of the kommun's children. Default 0,05. */
  reliedOnMinShare?: number;
}

export const DEFAULT_CROSS_BORDER: Required<CrossBorderOptions> = { reliesOnShare: 0.5, partlyShare: 0.1, reliedOnMinShare: 0.05 };

export type CrossBorderFlag = 'own' | 'partly' | 'relies_on_neighbour';
export type CrossBorderReason = 'no_own_centre' | 'most_across' | 'share_across';

/** Children of one kommun whose nearest site is one site. */
export interface CentreFlow {
  site_id: string;
  name: string;
  /** The site's kommun ('' = unknown). */
  kommun_code: string;
  kind: CatchmentSiteKind;
  children_0_6: number;
  /** children_0_6 ÷ the kommun's children (0–1). */
  share_of_kommun: number;
}

/** Children of one kommun served by the sites of another kommun. */
export interface NeighbourFlow {
  /** The kommun the sites lie in. */
  kommun_code: string;
  kommun_name: string;
  children_0_6: number;
  share_of_kommun: number;
  /** Its sites, children descending then id. */
  centres: CentreFlow[];
}

/** Flows of one kommun of residence. */
export interface KommunFlows {
  kommun_code: string;
  kommun_name: string;
  children_0_6: number;
  own_children: number;
  across_children: number;
  unknown_kommun_children: number;
  unreachable_children: number;
  /** across ÷ children (0–1); null when the kommun has no children. */
  across_share: number | null;
  /** Sites of the set that lie in the kommun. */
  own_centres: number;
  /** Own-kommun sites that serve the kommun's children, children descending then id. */
  own: CentreFlow[];
  /** Other kommuner whose sites serve its children, children descending then code. */
  neighbours: NeighbourFlow[];
  flag: CrossBorderFlag;
  reasons: CrossBorderReason[];
  /** Sites of other kommuner serving at least `reliedOnMinShare` of the children, children descending. */
  relied_on: CentreFlow[];
}

export interface CrossBorderResult {
  /** The kommun list's order, then kommuner of residence the list lacks (by code, name ''). */
  kommuner: KommunFlows[];
  /** Matrix columns: the site ids in the catchments' input order. */
  siteIds: string[];
  /**
   * Children 0–6, row-major: kommun r (as in `kommuner`) × column c, with
   * `siteIds.length + 1` columns; the last column holds the unreachable children.
   */
  matrix: Float64Array;
  options: Required<CrossBorderOptions>;
}

const sortFlows = <T extends { children_0_6: number }>(key: (x: T) => string) => (a: T, b: T) =>
  b.children_0_6 - a.children_0_6 || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/**
 * The kommun × site matrix and each kommun's flows and flag.
 *
 * @param result catchments of the set (same units, same sites)
 * @param kommuner the kommun list (code and name) the rows follow
 * @example
 * // kommun A (no site) has 100 children: 80 nearest to B's site, 20 to C's →
 * // flag relies_on_neighbour (no_own_centre), across_share 1, relied_on [B 0,8, C 0,2]
 */
export function crossBorderFlows(result: CatchmentResult, kommuner: readonly KommunRef[], options: CrossBorderOptions = {}): CrossBorderResult {
  const opt = { ...DEFAULT_CROSS_BORDER, ...options };
  const { sites } = result;
  const nS = sites.length;
  const cols = nS + 1;
  const rows: KommunRef[] = [...kommuner];
  const rowOf = new Map(rows.map((k, r) => [k.kommun_code, r]));
  const extra = new Set<string>();
  for (const c of [...result.centres.flatMap((x) => x.by_kommun), ...result.unreachable.by_kommun]) {
    if (!rowOf.has(c.kommun_code)) extra.add(c.kommun_code);
  }
  for (const code of [...extra].sort()) {
    rowOf.set(code, rows.length);
    rows.push({ kommun_code: code, kommun_name: '' });
  }
  const matrix = new Float64Array(rows.length * cols);
  for (const c of result.centres) for (const k of c.by_kommun) matrix[rowOf.get(k.kommun_code)! * cols + c.site_index] += k.children_0_6;
  for (const k of result.unreachable.by_kommun) matrix[rowOf.get(k.kommun_code)! * cols + nS] += k.children_0_6;

  const nameOf = new Map(rows.map((k) => [k.kommun_code, k.kommun_name]));
  const ownCentres = new Map<string, number>();
  for (const s of sites) if (s.kommun_code) ownCentres.set(s.kommun_code, (ownCentres.get(s.kommun_code) ?? 0) + 1);

  const flows = rows.map((k, r): KommunFlows => {
    let total = 0;
    for (let j = 0; j < cols; j++) total += matrix[r * cols + j];
    const flow = (j: number): CentreFlow => {
      const c = matrix[r * cols + j];
      return { site_id: sites[j].id, name: sites[j].name, kommun_code: sites[j].kommun_code, kind: sites[j].kind, children_0_6: c, share_of_kommun: total > 0 ? c / total : 0 };
    };
    const own: CentreFlow[] = [];
    const across: CentreFlow[] = [];
    let unknown = 0;
    for (let j = 0; j < nS; j++) {
      if (!(matrix[r * cols + j] > 0)) continue;
      const sk = sites[j].kommun_code;
      if (!sk) unknown += matrix[r * cols + j];
      else (sk === k.kommun_code ? own : across).push(flow(j));
    }
    own.sort(sortFlows((x) => x.site_id));
    across.sort(sortFlows((x) => x.site_id));
    const ownChildren = own.reduce((s, f) => s + f.children_0_6, 0);
    const acrossChildren = across.reduce((s, f) => s + f.children_0_6, 0);
    const acrossShare = total > 0 ? acrossChildren / total : null;
    const nOwn = ownCentres.get(k.kommun_code) ?? 0;
    const { flag, reasons } = flagOf(nOwn, acrossShare, opt);
    return {
      kommun_code: k.kommun_code,
      kommun_name: k.kommun_name,
      children_0_6: total,
      own_children: ownChildren,
      across_children: acrossChildren,
      unknown_kommun_children: unknown,
      unreachable_children: matrix[r * cols + nS],
      across_share: acrossShare,
      own_centres: nOwn,
      own,
      neighbours: neighbourFlows(across, total, nameOf),
      flag,
      reasons,
      relied_on: across.filter((f) => f.share_of_kommun >= opt.reliedOnMinShare),
    };
  });
  return { kommuner: flows, siteIds: sites.map((s) => s.id), matrix, options: opt };
}

/** The flag and its reasons (see the module comment). */
export function flagOf(ownCentres: number, acrossShare: number | null, opt: Required<CrossBorderOptions>): { flag: CrossBorderFlag; reasons: CrossBorderReason[] } {
  const reasons: CrossBorderReason[] = [];
  if (ownCentres === 0) reasons.push('no_own_centre');
  if (acrossShare !== null && acrossShare > opt.reliesOnShare) reasons.push('most_across');
  if (reasons.length > 0) return { flag: 'relies_on_neighbour', reasons };
  if (acrossShare !== null && acrossShare >= opt.partlyShare) return { flag: 'partly', reasons: ['share_across'] };
  return { flag: 'own', reasons };
}

function neighbourFlows(across: readonly CentreFlow[], total: number, nameOf: ReadonlyMap<string, string>): NeighbourFlow[] {
  const by = new Map<string, CentreFlow[]>();
  for (const f of across) {
    const list = by.get(f.kommun_code);
    if (list) list.push(f);
    else by.set(f.kommun_code, [f]);
  }
  return [...by]
    .map(([code, centres]) => {
      const c = centres.reduce((s, f) => s + f.children_0_6, 0);
      return { kommun_code: code, kommun_name: nameOf.get(code) ?? '', children_0_6: c, share_of_kommun: total > 0 ? c / total : 0, centres };
    })
    .sort(sortFlows((x) => x.kommun_code));
}
