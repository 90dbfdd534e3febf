import { isCovered } from '../views';
import type { Instance } from './problem';
import type { CoverModel } from './reduce';

/**
 * A covering problem in compact form, shared by the fast MCLP search (mclpSearch.ts) and the
 * Lagrangian bound (mclpLagrangian.ts): rows ("groups", one or more demand units with the same
 * covering sites) with a weight, free sites numbered 0…K−1 locally, and the incidence both ways
 * (compressed rows: group → sites and site → groups, each ascending).
 */
export interface CoverSets {
  /** Number of rows. */
  G: number;
  /** Number of free sites. */
  K: number;
  /** Weight of each row (demand weight summed over its units). */
  weight: Float64Array;
  /** Sites of row g: gSites[gStart[g] … gStart[g + 1] − 1], local indices, ascending. */
  gStart: Int32Array;
  gSites: Int32Array;
  /** Rows of site k: sGroups[sStart[k] … sStart[k + 1] − 1], ascending. */
  sStart: Int32Array;
  sGroups: Int32Array;
  /** The instance's site index of each local site (ascending). */
  site: Int32Array;
  /** Weight covered by fixed sites whatever is chosen (a constant of the objective). */
  base: number;
}

/** Builds the compact form from rows (weight and ascending local site lists) and the site map. */
export function coverSets(weights: ArrayLike<number>, rows: ArrayLike<number>[], site: Int32Array, base: number): CoverSets {
  const G = rows.length;
  const K = site.length;
  const gStart = new Int32Array(G + 1);
  for (let g = 0; g < G; g++) gStart[g + 1] = gStart[g] + rows[g].length;
  const gSites = new Int32Array(gStart[G]);
  const deg = new Int32Array(K);
  for (let g = 0; g < G; g++) {
    const r = rows[g];
    for (let e = 0; e < r.length; e++) {
      gSites[gStart[g] + e] = r[e];
      deg[r[e]]++;
    }
  }
  const sStart = new Int32Array(K + 1);
  for (let k = 0; k < K; k++) sStart[k + 1] = sStart[k] + deg[k];
  const sGroups = new Int32Array(gStart[G]);
  const fill = sStart.slice(0, K);
  for (let g = 0; g < G; g++) for (let e = gStart[g]; e < gStart[g + 1]; e++) sGroups[fill[gSites[e]]++] = g;
  return { G, K, weight: Float64Array.from(weights), gStart, gSites, sStart, sGroups, site, base };
}

/**
 * The MCLP of `inst` at `radius` unreduced: one row per unit with weight > 0 that no fixed site
 * covers and some free site covers; every free site.
 */
export function coverSetsOfInstance(inst: Instance, radius = inst.radius): CoverSets {
  const { n, m, cost, fixed, weight } = inst;
  const local = new Int32Array(m).fill(-1);
  const site: number[] = [];
  for (let j = 0; j < m; j++) if (!fixed[j]) {
    local[j] = site.length;
    site.push(j);
  }
  const rows: number[][] = [];
  const ws: number[] = [];
  let base = 0;
  for (let i = 0; i < n; i++) {
    const w = weight[i];
    if (!(w > 0)) continue;
    const off = i * m;
    let byFixed = false;
    const near: number[] = [];
    for (let j = 0; j < m; j++) {
      if (!isCovered(cost[off + j], radius)) continue;
      if (fixed[j]) {
        byFixed = true;
        break;
      }
      near.push(local[j]);
    }
    if (byFixed) base += w;
    else if (near.length) {
      rows.push(near);
      ws.push(w);
    }
  }
  return coverSets(ws, rows, Int32Array.from(site), base);
}

/** The reduced cover model (reduce.ts) in compact form, with demand weights summed per group. */
export function coverSetsOfModel(inst: Instance, red: CoverModel): CoverSets {
  const local = new Int32Array(inst.m).fill(-1);
  red.sites.forEach((j, k) => (local[j] = k));
  let base = 0;
  for (let i = 0; i < inst.n; i++) if (red.base[i]) base += inst.weight[i];
  const ws = red.groups.map((g) => g.members.reduce((s, i) => s + inst.weight[i], 0));
  return coverSets(ws, red.groups.map((g) => g.sites.map((j) => local[j])), Int32Array.from(red.sites), base);
}

/** Covered weight (base included) of a set of local sites given as a mask over 0…K−1. */
export function coveredWeight(cs: CoverSets, open: ArrayLike<number>): number {
  let w = cs.base;
  for (let g = 0; g < cs.G; g++) {
    for (let e = cs.gStart[g]; e < cs.gStart[g + 1]; e++) {
      if (open[cs.gSites[e]]) {
        w += cs.weight[g];
        break;
      }
    }
  }
  return w;
}
