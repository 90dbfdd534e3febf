import type { Highs, ModelData } from 'highs';
import type { Instance } from './problem';
import { isCovered } from '../views';

/**
 * Exact location models as MILPs for HiGHS (the `highs` WebAssembly build). The HiGHS runtime is
 * passed in, so this module stays free of loading concerns (Node CLI vs browser worker).
 */

export interface MilpOutcome {
  /** proven optimal / feasible but unproven (limit) / proven infeasible / nothing found */
  status: 'optimal' | 'feasible' | 'infeasible' | 'unknown';
  /** Open-site mask (fixed included) when a solution exists. */
  open: Uint8Array | null;
  objective: number | null;
  /** Best bound on the objective from the solver, when known. */
  bound: number | null;
}

/** Row-wise model under construction. */
export class Builder {
  colCost: number[] = [];
  colLower: number[] = [];
  colUpper: number[] = [];
  integrality: number[] = [];
  rowLower: number[] = [];
  rowUpper: number[] = [];
  starts: number[] = [0];
  indices: number[] = [];
  values: number[] = [];
  constructor(private readonly h: Highs) {}
  col(cost: number, lo: number, hi: number, integer: boolean): number {
    this.colCost.push(cost);
    this.colLower.push(lo);
    this.colUpper.push(hi);
    this.integrality.push(integer ? this.h.constants.variableType.integer : this.h.constants.variableType.continuous);
    return this.colCost.length - 1;
  }
  row(cols: number[], coefs: number[], lo: number, hi: number): void {
    for (let k = 0; k < cols.length; k++) {
      this.indices.push(cols[k]);
      this.values.push(coefs[k]);
    }
    this.starts.push(this.indices.length);
    this.rowLower.push(lo);
    this.rowUpper.push(hi);
  }
  model(maximize: boolean, offset = 0): ModelData {
    const numCols = this.colCost.length;
    const numRows = this.rowLower.length;
    return {
      numCols,
      numRows,
      sense: maximize ? this.h.constants.objectiveSense.maximize : this.h.constants.objectiveSense.minimize,
      offset,
      colCost: this.colCost,
      colLower: this.colLower,
      colUpper: this.colUpper,
      rowLower: this.rowLower,
      rowUpper: this.rowUpper,
      matrix: { format: 'csr', numRows, numCols, starts: this.starts, indices: this.indices, values: this.values },
      integrality: this.integrality as ModelData['integrality'],
    };
  }
}

export function runModel(h: Highs, data: ModelData, timeLimitS: number, xCols: Map<number, number>, inst: Instance): MilpOutcome {
  if (data.numCols === 0) {
    const open = Uint8Array.from(inst.fixed);
    return { status: 'optimal', open, objective: data.offset ?? 0, bound: data.offset ?? 0 };
  }
  return h.withModel(data, (model): MilpOutcome => {
    model.options.set({ time_limit: Math.max(0.01, timeLimitS), mip_rel_gap: 0, mip_abs_gap: 1e-7, output_flag: false });
    const r = model.run();
    const S = h.constants.modelStatus;
    if (r.modelStatus === S.infeasible) return { status: 'infeasible', open: null, objective: null, bound: null };
    const hasPrimal = Number(model.info.get('primal_solution_status')) === h.constants.solutionStatus.feasible;
    let bound: number | null = null;
    try {
      const b = Number(model.info.get('mip_dual_bound'));
      bound = Number.isFinite(b) ? b : null;
    } catch {
      bound = null;
    }
    if (!hasPrimal) return { status: 'unknown', open: null, objective: null, bound };
    const x = model.getSolution().colValue;
    const open = Uint8Array.from(inst.fixed);
    for (const [col, site] of xCols) if (x[col] > 0.5) open[site] = 1;
    const objective = model.getObjectiveValue();
    return { status: r.modelStatus === S.optimal ? 'optimal' : 'feasible', open, objective, bound: r.modelStatus === S.optimal ? objective : bound };
  });
}

/** Units covered within `radius` by a fixed site. */
export function fixedCovered(inst: Instance, radius: number): Uint8Array {
  const out = new Uint8Array(inst.n);
  for (let i = 0; i < inst.n; i++) {
    for (let j = 0; j < inst.m; j++) {
      if (inst.fixed[j] && isCovered(inst.cost[i * inst.m + j], radius)) {
        out[i] = 1;
        break;
      }
    }
  }
  return out;
}

export function siteColumns(b: Builder, inst: Instance, cost: (j: number) => number): { xOf: Int32Array; xCols: Map<number, number> } {
  const xOf = new Int32Array(inst.m).fill(-1);
  const xCols = new Map<number, number>();
  for (let j = 0; j < inst.m; j++) {
    if (inst.fixed[j]) continue;
    xOf[j] = b.col(cost(j), 0, 1, true);
    xCols.set(xOf[j], j);
  }
  return { xOf, xCols };
}

export function pRow(b: Builder, xCols: Map<number, number>, p: number): void {
  const cols = [...xCols.keys()];
  b.row(cols, cols.map(() => 1), p, p);
}

/** MCLP: maximise covered weight with exactly p new sites. */
export function solveMclp(h: Highs, inst: Instance, timeLimitS: number): MilpOutcome {
  const b = new Builder(h);
  const { xOf, xCols } = siteColumns(b, inst, () => 0);
  const base = fixedCovered(inst, inst.radius);
  let offset = 0;
  for (let i = 0; i < inst.n; i++) {
    const w = inst.weight[i];
    if (base[i]) {
      offset += w;
      continue;
    }
    if (!(w > 0)) continue;
    const near: number[] = [];
    for (let j = 0; j < inst.m; j++) if (xOf[j] >= 0 && isCovered(inst.cost[i * inst.m + j], inst.radius)) near.push(xOf[j]);
    if (!near.length) continue;
    const y = b.col(w, 0, 1, false);
    b.row([y, ...near], [1, ...near.map(() => -1)], -h.infinity, 0);
  }
  pRow(b, xCols, inst.p);
  return runModel(h, b.model(true, offset), timeLimitS, xCols, inst);
}

/** p-median: minimise Σ weight × cost to the nearest open site, exactly p new sites. */
export function solvePmedian(h: Highs, inst: Instance, timeLimitS: number): MilpOutcome {
  const b = new Builder(h);
  const { xOf, xCols } = siteColumns(b, inst, () => 0);
  for (let i = 0; i < inst.n; i++) {
    const w = inst.weight[i];
    if (!(w > 0)) continue;
    // A unit never needs a site costlier than its best fixed site.
    let fixedBest = Infinity;
    let fixedJ = -1;
    for (let j = 0; j < inst.m; j++) {
      const c = inst.cost[i * inst.m + j];
      if (inst.fixed[j] && c < fixedBest) {
        fixedBest = c;
        fixedJ = j;
      }
    }
    const zs: number[] = [];
    for (let j = 0; j < inst.m; j++) {
      const c = inst.cost[i * inst.m + j];
      if (Number.isNaN(c)) continue;
      if (inst.fixed[j] ? j !== fixedJ : !(c < fixedBest)) continue;
      const z = b.col(w * c, 0, 1, false);
      zs.push(z);
      if (xOf[j] >= 0) b.row([z, xOf[j]], [1, -1], -h.infinity, 0);
    }
    b.row(zs, zs.map(() => 1), 1, 1);
  }
  pRow(b, xCols, inst.p);
  return runModel(h, b.model(false), timeLimitS, xCols, inst);
}

/**
 * LSCP: fewest new sites so that every unit with demand is covered within the radius, or (with a
 * target share) so that the covered weight reaches the target. `mustCoverAll` covers every unit
 * regardless of weight (used by p-center).
 */
export function solveLscp(h: Highs, inst: Instance, timeLimitS: number, radius = inst.radius, mustCoverAll = false): MilpOutcome {
  const b = new Builder(h);
  const { xOf, xCols } = siteColumns(b, inst, () => 1);
  const base = fixedCovered(inst, radius);
  const near = (i: number) => {
    const out: number[] = [];
    for (let j = 0; j < inst.m; j++) if (xOf[j] >= 0 && isCovered(inst.cost[i * inst.m + j], radius)) out.push(xOf[j]);
    return out;
  };
  if (inst.targetShare === null || mustCoverAll) {
    for (let i = 0; i < inst.n; i++) {
      if (base[i] || (!mustCoverAll && !(inst.weight[i] > 0))) continue;
      const cols = near(i);
      if (!cols.length) return { status: 'infeasible', open: null, objective: null, bound: null };
      b.row(cols, cols.map(() => 1), 1, h.infinity);
    }
  } else {
    let fixedW = 0;
    const ys: number[] = [];
    const ws: number[] = [];
    for (let i = 0; i < inst.n; i++) {
      const w = inst.weight[i];
      if (base[i]) {
        fixedW += w;
        continue;
      }
      if (!(w > 0)) continue;
      const cols = near(i);
      if (!cols.length) continue;
      const y = b.col(0, 0, 1, false);
      b.row([y, ...cols], [1, ...cols.map(() => -1)], -h.infinity, 0);
      ys.push(y);
      ws.push(w);
    }
    const need = inst.targetShare * inst.totalWeight - fixedW;
    if (need > 1e-9) b.row(ys, ws, need - 1e-9, h.infinity);
  }
  return runModel(h, b.model(false), timeLimitS, xCols, inst);
}
