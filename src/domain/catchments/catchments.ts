import type { OmradestypYear } from '../types';
import { omradestypKey, type HasOmradestyp } from '../views';
import type { CatchmentSite, CatchmentSiteKind } from './siteKind';

/**
 * Catchments (upptagningsområden): for every site of a set, the children 0–6 who have it as their
 * nearest site, read from the nearest-site assignment the coverage analysis already made
 * (`CoverageAnalysisSummary.nearest` / `.minutes`). Nothing is routed again.
 *
 * Rules (written once, here):
 * - A unit's children all go to its nearest site (`nearest[i]`, an index into `sites`); -1 = none
 *   reachable, counted under `unreachable`. Units with no children (0, negative or NaN) are skipped.
 * - Mean minutes are child-weighted over the catchment's children (all have a finite time).
 * - Områdestyp 1–2 uses the chosen year's områdestyp of each unit's RegSO.
 * - A DeSO whose units go to different sites is listed under each of them with the children it
 *   sends there (`share_of_deso` = those children ÷ the DeSO's children, unreachable included).
 *   Its *primary* site is the one that gets most of its children; ties go to the site earlier in
 *   `sites` (the app's site lists are sorted by id). Unreachable children never make a primary.
 *
 * Sorting (stable, so equal inputs give equal output):
 * - `centres`: children 0–6 descending, then site id ascending (code-unit order); sites nobody
 *   has as nearest are kept, last.
 * - `by_kommun` and `deso` lists: children descending, then code ascending.
 *
 * Linear in units + sites × (kommuner + DeSO); per-unit work is typed-array arithmetic only.
 */

/** What a catchment reads of a demand unit (a `DemandUnit` of the chosen year fits). */
export interface CatchmentUnit extends HasOmradestyp {
  kommun_code: string;
  deso_code: string;
  /** Children 0–6 of the chosen year (the projected demand when the year is after 2025). */
  children_0_6: number;
}

export interface CatchmentInput {
  /** The demand units of the analysis, in the order of `nearest` and `minutes`. */
  units: readonly CatchmentUnit[];
  /** Per unit: index into `sites` of its nearest site; -1 = none reachable. */
  nearest: ArrayLike<number>;
  /** Per unit: minutes to its nearest site (Infinity where none is reachable). */
  minutes: ArrayLike<number>;
  /** The set's sites, in the order `nearest` indexes. */
  sites: readonly CatchmentSite[];
  /** Which year's områdestyp counts for the 1–2 share. */
  omradestypYear: OmradestypYear;
}

/** Children 0–6 of one kommun of residence. */
export interface KommunChildren {
  kommun_code: string;
  children_0_6: number;
}

/** A DeSO a site serves: the children it sends there. */
export interface DesoServed {
  deso_code: string;
  /** Children 0–6 of this DeSO whose nearest site is this one. */
  children_0_6: number;
  /** Those children ÷ all the DeSO's children 0–6 (0–1). */
  share_of_deso: number;
  /** True when this site gets most of the DeSO's children (see the rule above). */
  primary: boolean;
}

/** The catchment of one site. */
export interface Catchment {
  /** Index of the site in the input `sites` (and in `nearest`). */
  site_index: number;
  site_id: string;
  name: string;
  kommun_code: string;
  kind: CatchmentSiteKind;
  /** Children 0–6 whose nearest site this is. */
  children_0_6: number;
  /** The same children by kommun of residence (sorted, see above). */
  by_kommun: KommunChildren[];
  /** Of them, children living in områdestyp 1–2. */
  children_ot_1_2: number;
  /** children_ot_1_2 ÷ children_0_6 (0–1); null when the catchment has no children. */
  share_ot_1_2: number | null;
  /** Child-weighted mean minutes to this site; null when the catchment has no children. */
  mean_minutes: number | null;
  /** The DeSO the site serves (sorted, see above). */
  deso: DesoServed[];
  /** How many DeSO have this site as their primary site. */
  primary_deso_count: number;
}

/** Children whose nearest site is none (no site reachable under the travel model). */
export interface UnreachableChildren {
  children_0_6: number;
  children_ot_1_2: number;
  by_kommun: KommunChildren[];
  /** DeSO with unreachable children (`primary` is always false). */
  deso: DesoServed[];
}

export interface CatchmentResult {
  omradestypYear: OmradestypYear;
  /** The input sites, in input order (what `site_index` points into). */
  sites: readonly CatchmentSite[];
  /** One catchment per site, sorted as described above. */
  centres: Catchment[];
  unreachable: UnreachableChildren;
  /** All children 0–6 of the units (assigned + unreachable). */
  total_children: number;
  /** Per DeSO code: index into `sites` of its primary site, -1 when none of its children reach a site. */
  primaryByDeso: Map<string, number>;
}

/** Codes of a key, numbered in order of first appearance. */
class CodeIndex {
  readonly codes: string[] = [];
  private readonly map = new Map<string, number>();
  of(code: string): number {
    let k = this.map.get(code);
    if (k === undefined) {
      k = this.codes.length;
      this.map.set(code, k);
      this.codes.push(code);
    }
    return k;
  }
}

const byChildrenThenCode = <T extends { children_0_6: number }>(code: (x: T) => string) => (a: T, b: T) =>
  b.children_0_6 - a.children_0_6 || (code(a) < code(b) ? -1 : code(a) > code(b) ? 1 : 0);

function checkInput(input: CatchmentInput): void {
  const n = input.units.length;
  if (input.nearest.length !== n || input.minutes.length !== n) {
    throw new RangeError(
      `Upptagningsområden: ${n} efterfrågeenheter men ${input.nearest.length} närmaste-platser och ${input.minutes.length} restider (väntade lika många).`,
    );
  }
}

/**
 * The catchment of every site of a set, and the children no site reaches.
 *
 * @example
 * // two units of 10 and 30 children, both nearest to site 0 at 5 and 15 minutes:
 * // children 40, mean minutes (10 × 5 + 30 × 15) / 40 = 12,5
 */
export function catchments(input: CatchmentInput): CatchmentResult {
  checkInput(input);
  const { units, nearest, minutes, sites } = input;
  const n = units.length;
  const nS = sites.length;
  const otKey = omradestypKey(input.omradestypYear);
  const kommuner = new CodeIndex();
  const desos = new CodeIndex();
  const kIdx = new Int32Array(n);
  const dIdx = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    kIdx[i] = kommuner.of(units[i].kommun_code);
    dIdx[i] = desos.of(units[i].deso_code);
  }
  const nK = kommuner.codes.length;
  const nD = desos.codes.length;
  const cols = nS + 1; // the last column holds the unreachable children
  const children = new Float64Array(cols);
  const ot12 = new Float64Array(cols);
  const weightedMinutes = new Float64Array(nS);
  const byK = new Float64Array(cols * nK);
  const byD = new Float64Array(cols * nD);
  for (let i = 0; i < n; i++) {
    const w = units[i].children_0_6;
    if (!(w > 0)) continue;
    let j = nearest[i];
    if (j >= 0) {
      if (j >= nS || !Number.isInteger(j)) throw new RangeError(`Upptagningsområden: enhet ${i} pekar på plats ${j}, men det finns ${nS} platser.`);
      const m = minutes[i];
      if (!Number.isFinite(m)) throw new RangeError(`Upptagningsområden: enhet ${i} har en närmaste plats men ingen ändlig restid (${m}).`);
      weightedMinutes[j] += w * m;
    } else j = nS;
    children[j] += w;
    if (units[i][otKey] <= 2) ot12[j] += w;
    byK[j * nK + kIdx[i]] += w;
    byD[j * nD + dIdx[i]] += w;
  }
  const { desoTotal, primary } = desoPrimaries(byD, nS, nD);

  const kommunList = (j: number): KommunChildren[] => {
    const out: KommunChildren[] = [];
    for (let k = 0; k < nK; k++) if (byK[j * nK + k] > 0) out.push({ kommun_code: kommuner.codes[k], children_0_6: byK[j * nK + k] });
    return out.sort(byChildrenThenCode((x) => x.kommun_code));
  };
  const desoList = (j: number): DesoServed[] => {
    const out: DesoServed[] = [];
    for (let d = 0; d < nD; d++) {
      const c = byD[j * nD + d];
      if (c > 0) out.push({ deso_code: desos.codes[d], children_0_6: c, share_of_deso: c / desoTotal[d], primary: primary[d] === j });
    }
    return out.sort(byChildrenThenCode((x) => x.deso_code));
  };

  const centres: Catchment[] = sites.map((s, j) => {
    const c = children[j];
    let primaries = 0;
    for (let d = 0; d < nD; d++) if (primary[d] === j) primaries++;
    return {
      site_index: j,
      site_id: s.id,
      name: s.name,
      kommun_code: s.kommun_code,
      kind: s.kind,
      children_0_6: c,
      by_kommun: kommunList(j),
      children_ot_1_2: ot12[j],
      share_ot_1_2: c > 0 ? ot12[j] / c : null,
      mean_minutes: c > 0 ? weightedMinutes[j] / c : null,
      deso: desoList(j),
      primary_deso_count: primaries,
    };
  });
  centres.sort(byChildrenThenCode((x) => x.site_id));

  let total = 0;
  for (let j = 0; j < cols; j++) total += children[j];
  const primaryByDeso = new Map<string, number>();
  desos.codes.forEach((code, d) => primaryByDeso.set(code, primary[d]));
  return {
    omradestypYear: input.omradestypYear,
    sites,
    centres,
    unreachable: { children_0_6: children[nS], children_ot_1_2: ot12[nS], by_kommun: kommunList(nS), deso: desoList(nS) },
    total_children: total,
    primaryByDeso,
  };
}

/** Children per DeSO (all columns) and each DeSO's primary site (most children; ties → lower index; -1 = none). */
function desoPrimaries(byD: Float64Array, nS: number, nD: number): { desoTotal: Float64Array; primary: Int32Array } {
  const desoTotal = new Float64Array(nD);
  const primary = new Int32Array(nD).fill(-1);
  for (let d = 0; d < nD; d++) {
    let best = 0;
    for (let j = 0; j <= nS; j++) {
      const c = byD[j * nD + d];
      desoTotal[d] += c;
      if (j < nS && c > best) {
        best = c;
        primary[d] = j;
      }
    }
  }
  return { desoTotal, primary };
}
