import type { Highs, ModelData } from 'highs';
import { evaluate, type Instance, type ModelSize } from './problem';
import { isCovered } from '../views';
import { reduceCover, type CoverModel } from './reduce';
import { coverSetsOfModel } from './coverSets';
import { mclpGreedy, mclpInterchange } from './mclpSearch';
import { groupsSatisfied, restrictRule } from './rules';
import { boundCloses, mclpFixing, mclpSubgradient, threshold, weightUnit } from './mclpLagrangian';
import { pmedianContext, pmedianLagrangian, prunePmedian } from './lagrangian';
import { pmedianValue } from './pmedianSearch';

/**
 * Exact location models as MILPs for HiGHS (the `highs` WebAssembly build). The HiGHS runtime is
 * passed in, so this module stays free of loading concerns (Node CLI vs browser worker).
 *
 * The covering models (MCLP, LSCP) are reduced first (reduce.ts: merged rows, dominated sites,
 * implied rows, bound fixing); p-median keeps only the assignment pairs the Lagrangian bound
 * cannot rule out (lagrangian.ts). Every reduction keeps the optimum; `reduce: false` builds the
 * unreduced model (used by the tests to check exactly that).
 */

export interface MilpOutcome {
  /** proven optimal / feasible but unproven (limit) / proven infeasible / nothing found */
  status: 'optimal' | 'feasible' | 'infeasible' | 'unknown';
  /** Open-site mask (fixed included) when a solution exists. */
  open: Uint8Array | null;
  objective: number | null;
  /** Best bound on the objective from the solver, when known. */
  bound: number | null;
  /** Size of the model given to HiGHS (after reductions) and before them. */
  size?: ModelSize;
  /** What proved or bounded the result: the MILP, or the Lagrangian bound alone (p-median). */
  method?: 'exact' | 'lagrangian';
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

/** Extras for runModel: a start solution (one value per column) and the unreduced model's size. */
export interface RunExtras {
  start?: ArrayLike<number> | null;
  before?: { rows: number; cols: number; nonzeros: number };
}

/** The size of `data`, with the unreduced size when given. */
function sizeOf(data: ModelData, before?: RunExtras['before']): ModelSize {
  const nz = data.matrix && 'indices' in data.matrix ? data.matrix.indices.length : 0;
  return {
    rows: data.numRows,
    cols: data.numCols,
    nonzeros: nz,
    ...(before ? { rows_before: before.rows, cols_before: before.cols, nonzeros_before: before.nonzeros } : {}),
    milps: 1,
  };
}

export function runModel(h: Highs, data: ModelData, timeLimitS: number, xCols: Map<number, number>, inst: Instance, extras: RunExtras = {}): MilpOutcome {
  const size = sizeOf(data, extras.before);
  if (data.numCols === 0) {
    const open = Uint8Array.from(inst.fixed);
    return { status: 'optimal', open, objective: data.offset ?? 0, bound: data.offset ?? 0, size };
  }
  return h.withModel(data, (model): MilpOutcome => {
    model.options.set({ time_limit: Math.max(0.01, timeLimitS), mip_rel_gap: 0, mip_abs_gap: 1e-7, output_flag: false });
    if (extras.start && extras.start.length === data.numCols) {
      try {
        model.setSolution({ colValue: Array.from(extras.start) });
      } catch {
        // A start HiGHS does not take is only a lost hint.
      }
    }
    const r = model.run();
    const S = h.constants.modelStatus;
    if (r.modelStatus === S.infeasible) return { status: 'infeasible', open: null, objective: null, bound: null, size };
    const hasPrimal = Number(model.info.get('primal_solution_status')) === h.constants.solutionStatus.feasible;
    let bound: number | null = null;
    try {
      const b = Number(model.info.get('mip_dual_bound'));
      bound = Number.isFinite(b) ? b : null;
    } catch {
      bound = null;
    }
    if (!hasPrimal) return { status: 'unknown', open: null, objective: null, bound, size };
    const x = model.getSolution().colValue;
    const open = Uint8Array.from(inst.fixed);
    for (const [col, site] of xCols) if (x[col] > 0.5) open[site] = 1;
    const objective = model.getObjectiveValue();
    return { status: r.modelStatus === S.optimal ? 'optimal' : 'feasible', open, objective, bound: r.modelStatus === S.optimal ? objective : bound, size };
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

/** A binary column per site in `sites` (free site indices); xOf maps site → column. */
export function siteColumns(b: Builder, inst: Instance, sites: number[], cost: (j: number) => number): { xOf: Int32Array; xCols: Map<number, number> } {
  const xOf = new Int32Array(inst.m).fill(-1);
  const xCols = new Map<number, number>();
  for (const j of sites) {
    xOf[j] = b.col(cost(j), 0, 1, true);
    xCols.set(xOf[j], j);
  }
  return { xOf, xCols };
}

/**
 * The number-of-sites row: exactly p, or — when fewer than p sites are kept — all of them (the
 * caller fills up to p afterwards with `fillTo`; see reduce.ts for why that stays optimal).
 */
export function pRow(b: Builder, xCols: Map<number, number>, p: number): void {
  const cols = [...xCols.keys()];
  b.row(cols, cols.map(() => 1), Math.min(p, cols.length), p);
}

/**
 * The group rule (rules.ts): one row Σ_{j ∈ G} x_j ≥ 1 over the columns of `sites` for every needed
 * group G that no fixed site of `inst` is open in (sites forced open count as fixed). A group
 * without a column gives an empty row 1 ≤ 0, so HiGHS reports the model infeasible. Returns the
 * number of rows added.
 */
export function groupRows(h: Highs, b: Builder, inst: Instance, xOf: Int32Array, sites: readonly number[]): number {
  const rule = inst.rules?.rule;
  if (!rule || !rule.count) return 0;
  const done = new Uint8Array(rule.count);
  for (let j = 0; j < inst.m; j++) if (inst.fixed[j] && rule.of[j] >= 0) done[rule.of[j]] = 1;
  const cols: number[][] = Array.from({ length: rule.count }, () => []);
  for (const j of sites) if (rule.of[j] >= 0 && !done[rule.of[j]] && xOf[j] >= 0) cols[rule.of[j]].push(xOf[j]);
  let rows = 0;
  for (let g = 0; g < rule.count; g++) {
    if (done[g]) continue;
    b.row(cols[g], cols[g].map(() => 1), 1, h.infinity);
    rows++;
  }
  return rows;
}

/** Rows and nonzeros the group rule adds to the unreduced model (every free site a column). */
export function groupRowsBefore(inst: Instance): { rows: number; nonzeros: number } {
  const rule = inst.rules?.rule;
  if (!rule || !rule.count) return { rows: 0, nonzeros: 0 };
  let nonzeros = 0;
  for (let j = 0; j < inst.m; j++) if (!inst.fixed[j] && rule.of[j] >= 0) nonzeros++;
  return { rows: rule.count, nonzeros };
}

/**
 * Opens more free sites until p new sites are open: first the kept sites, then the others, each in
 * index order. Used when reductions left fewer than p sites (adding a site never lowers coverage).
 */
export function fillTo(inst: Instance, open: Uint8Array, p: number, preferred: number[]): Uint8Array {
  let count = 0;
  for (let j = 0; j < inst.m; j++) if (open[j] && !inst.fixed[j]) count++;
  const out = Uint8Array.from(open);
  for (const list of [preferred, Array.from({ length: inst.m }, (_, j) => j)]) {
    for (const j of list) {
      if (count >= p) return out;
      if (out[j] || inst.fixed[j]) continue;
      out[j] = 1;
      count++;
    }
  }
  return out;
}

/** Free sites of a known solution mapped onto the kept sites (dominated → dominator), in a mask. */
export function mapStart(inst: Instance, red: CoverModel, known: Uint8Array): Uint8Array {
  const out = new Uint8Array(inst.m);
  for (let j = 0; j < inst.m; j++) {
    if (!known[j] || inst.fixed[j]) continue;
    const k = red.replacement[j];
    if (k >= 0) out[k] = 1;
  }
  return out;
}

/** A start vector for x (kept sites) and y_g = min(1, Σ x over the group's sites). */
function coverStart(b: Builder, xOf: Int32Array, red: CoverModel, groupCols: number[], openKept: Uint8Array): number[] {
  const v = new Array<number>(b.colCost.length).fill(0);
  for (const j of red.sites) if (openKept[j]) v[xOf[j]] = 1;
  red.groups.forEach((g, q) => {
    if (groupCols[q] >= 0) v[groupCols[q]] = g.sites.some((j) => openKept[j]) ? 1 : 0;
  });
  return v;
}

export interface MilpOptions {
  /** Build the model without reductions (default: reduced). */
  reduce?: boolean;
  /** A known feasible solution (open-site mask): a MIP start and, for MCLP, the bound for fixing. */
  known?: Uint8Array | null;
}

/** The MCLP MILP over a reduced cover model: x per kept site, y per group, the p row (pRow). */
function mclpModel(h: Highs, inst: Instance, red: CoverModel, p: number) {
  const b = new Builder(h);
  const { xOf, xCols } = siteColumns(b, inst, red.sites, () => 0);
  let offset = 0;
  for (let i = 0; i < inst.n; i++) if (red.base[i]) offset += inst.weight[i];
  const groupCols = red.groups.map((g) => {
    let w = 0;
    for (const i of g.members) w += inst.weight[i];
    const y = b.col(w, 0, 1, false);
    b.row([y, ...g.sites.map((j) => xOf[j])], [1, ...g.sites.map(() => -1)], -h.infinity, 0);
    return y;
  });
  pRow(b, xCols, p);
  groupRows(h, b, inst, xOf, red.sites);
  return { b, xOf, xCols, groupCols, data: b.model(true, offset) };
}

/** Rows, columns and nonzeros of the MCLP MILP that `red` gives (as mclpModel builds it). */
function mclpSize(red: CoverModel): { rows: number; cols: number; nonzeros: number } {
  let pairs = 0;
  for (const g of red.groups) pairs += g.sites.length;
  return { rows: red.groups.length + 1, cols: red.sites.length + red.groups.length, nonzeros: pairs + red.groups.length + red.sites.length };
}

/**
 * Reduced MCLP models with at least this many nonzeros get the Lagrangian bound, fixing and
 * search first (mclpLagrangian.ts); smaller ones go to HiGHS directly (the Dalarna cases are
 * far below it and are solved in hundredths of a second that way).
 */
export const MCLP_LAGRANGIAN_NONZEROS = 5_000;

export interface MclpOptions extends MilpOptions {
  /** Lagrangian bound and fixing before the MILP: true, false, or by model size (default). */
  lagrangian?: boolean;
  now?: () => number;
}

/**
 * MCLP: maximise covered weight with exactly p new sites. The cover model is reduced (reduce.ts);
 * large reduced models with a known solution then go through the Lagrangian step
 * (solveMclpLagrangian), the others straight to HiGHS.
 */
export function solveMclp(h: Highs, inst: Instance, timeLimitS: number, opts: MclpOptions = {}): MilpOutcome {
  const reduce = opts.reduce !== false;
  const known = opts.known ?? null;
  const red = reduceCover(inst, {
    radius: inst.radius,
    active: (i) => inst.weight[i] > 0,
    mergeRows: reduce,
    dominateSites: reduce,
    ...(reduce && known ? { boundFix: { weight: inst.weight, p: inst.p, lowerBound: evaluate(inst, known).covered_weight } } : {}),
  });
  const gb = groupRowsBefore(inst);
  const before = { rows: red.before.rows + 1 + gb.rows, cols: red.before.sites + red.before.rows, nonzeros: red.before.pairs + red.before.rows + red.before.sites + gb.nonzeros };
  const useLagrangian = opts.lagrangian ?? mclpSize(red).nonzeros >= MCLP_LAGRANGIAN_NONZEROS;
  if (reduce && known && useLagrangian && red.sites.length > inst.p && inst.p > 0) {
    return solveMclpLagrangian(h, inst, timeLimitS, red, known, before, opts.now ?? (() => Date.now()));
  }
  const { b, xOf, xCols, groupCols, data } = mclpModel(h, inst, red, inst.p);
  let start: number[] | null = null;
  if (known) start = coverStart(b, xOf, red, groupCols, fillTo(inst, mapStart(inst, red, known), Math.min(inst.p, red.sites.length), red.sites));
  const out = runModel(h, data, timeLimitS, xCols, inst, { start, before });
  return out.open ? { ...out, open: fillTo(inst, out.open, inst.p, red.sites) } : out;
}

/** Share of the time limit the root Lagrangian may use before the MILP gets the rest. */
const MCLP_LAGRANGIAN_TIME_SHARE = 0.25;

/**
 * Large MCLP (see mclpLagrangian.ts for the method and its proofs):
 * 1. the subgradient bound over the reduced model, with relaxed solutions improved by
 *    interchange; stop when the bound rounded down to the weights' unit meets the incumbent;
 * 2. reduced-cost fixing: sites that cannot reach a better value are dropped, sites every better
 *    solution needs are fixed open (p shrinks accordingly);
 * 3. HiGHS on what is left (reduced again), with the incumbent as start when it fits.
 * Every dropped solution is worth at most the incumbent, so max(incumbent, MILP) is optimal when
 * the MILP is; the bound is min(L, max(incumbent, MILP bound)).
 */
function solveMclpLagrangian(h: Highs, inst: Instance, timeLimitS: number, red: CoverModel, known: Uint8Array, before: RunExtras['before'], now: () => number): MilpOutcome {
  const t0 = now();
  const p = inst.p;
  const cs = coverSetsOfModel(inst, red);
  const unit = weightUnit(cs.weight, cs.base);
  let total = cs.base;
  for (let g = 0; g < cs.G; g++) total += cs.weight[g];
  const tol = 1e-9 * Math.max(1, total);
  // The incumbent: the known solution, and its image on the kept sites improved by interchange.
  let incOpen: Uint8Array = Uint8Array.from(known);
  let inc = evaluate(inst, known).covered_weight;
  const groups = inst.rules ? restrictRule(inst.rules.rule, cs.site) : null;
  let local: Uint8Array = new Uint8Array(cs.K);
  const mapped = fillTo(inst, mapStart(inst, red, known), p, red.sites);
  cs.site.forEach((j, k) => (local[k] = mapped[j]));
  // The image keeps the needed groups (dominators are in the same group); if not, start afresh.
  if (!groupsSatisfied(groups, local)) local = mclpGreedy(cs, p, { groups });
  const toInstanceMask = (mask: Uint8Array): Uint8Array => {
    const open = Uint8Array.from(inst.fixed);
    for (let k = 0; k < cs.K; k++) if (mask[k]) open[cs.site[k]] = 1;
    return fillTo(inst, open, p, red.sites);
  };
  const improved = mclpInterchange(cs, local, { groups });
  if (improved.value > inc + tol && groupsSatisfied(groups, improved.open)) {
    inc = improved.value;
    incOpen = toInstanceMask(improved.open);
  }
  const sub = mclpSubgradient(cs, { p, incumbent: inc, incumbentOpen: improved.open, unit, tol, now, deadline: t0 + MCLP_LAGRANGIAN_TIME_SHARE * timeLimitS * 1000, groups });
  if (sub.incumbent > inc + tol) {
    inc = sub.incumbent;
    incOpen = toInstanceMask(sub.incumbentOpen);
  }
  const lagBound = sub.bound;
  const size = (milpSize: { rows: number; cols: number; nonzeros: number }, milps: number): ModelSize => ({
    ...milpSize,
    ...(before ? { rows_before: before.rows, cols_before: before.cols, nonzeros_before: before.nonzeros } : {}),
    milps,
  });
  // Proven by the bound alone: no MILP; the size is that of the reduced model the bound was computed on.
  if (sub.proven) return { status: 'optimal', open: incOpen, objective: inc, bound: inc, size: size(mclpSize(red), 0), method: 'lagrangian' };

  // 2. Fixing, then the cover model again over what is left (forced sites count as fixed).
  const fix = mclpFixing(cs, p, sub.lambda, threshold(inc, unit, tol));
  const exclude = new Uint8Array(inst.m);
  const fixed2 = Uint8Array.from(inst.fixed);
  for (let k = 0; k < cs.K; k++) {
    if (fix.dropped[k]) exclude[cs.site[k]] = 1;
    if (fix.forced[k]) fixed2[cs.site[k]] = 1;
  }
  // Sites reduce.ts dropped (dominated or bound-fixed) stay out as well.
  const keptMask = new Uint8Array(inst.m);
  for (const j of red.sites) keptMask[j] = 1;
  for (let j = 0; j < inst.m; j++) if (!inst.fixed[j] && !keptMask[j]) exclude[j] = 1;
  const p2 = p - fix.forcedCount;
  const inst2: Instance = { ...inst, fixed: fixed2, p: p2 };
  const red2 = reduceCover(inst2, { radius: inst.radius, active: (i) => inst.weight[i] > 0, exclude, boundFix: { weight: inst.weight, p: p2, lowerBound: inc } });
  const model = mclpModel(h, inst2, red2, p2);
  const fits = (() => {
    for (let j = 0; j < inst.m; j++) if ((incOpen[j] && exclude[j]) || (fixed2[j] && !incOpen[j])) return false;
    return true;
  })();
  const start = fits ? coverStart(model.b, model.xOf, red2, model.groupCols, fillTo(inst2, mapStart(inst2, red2, incOpen), Math.min(p2, red2.sites.length), red2.sites)) : null;
  const left = timeLimitS - (now() - t0) / 1000;
  const out = runModel(h, model.data, Math.max(0.05, left), model.xCols, inst2, { start });
  const milpSize = { rows: out.size!.rows, cols: out.size!.cols, nonzeros: out.size!.nonzeros };
  let method: 'exact' | 'lagrangian' = 'lagrangian';
  if (out.open) {
    const open = fillTo(inst, out.open, p, red2.sites);
    const v = evaluate(inst, open).covered_weight;
    if (v > inc + tol || (out.status === 'optimal' && v >= inc - tol)) {
      inc = Math.max(inc, v);
      incOpen = open;
      method = 'exact';
    }
  }
  // Proven when the MILP is (or says nothing better exists); else the tighter of the bounds.
  if (out.status === 'optimal' || out.status === 'infeasible') return { status: 'optimal', open: incOpen, objective: inc, bound: inc, size: size(milpSize, 1), method };
  const milpBound = out.bound ?? Infinity;
  const bound = Math.min(lagBound, Math.max(inc, milpBound));
  return { status: boundCloses(bound, inc, unit, tol) ? 'optimal' : 'feasible', open: incOpen, objective: inc, bound, size: size(milpSize, 1), method };
}

export interface LscpOptions extends MilpOptions {
  /** Feasibility only: is there a cover with at most this many new sites (objective 0)? Used by p-center. */
  maxSites?: number;
}

/**
 * LSCP: fewest new sites so that every unit with demand is covered within the radius, or (with a
 * target share) so that the covered weight reaches the target. `mustCoverAll` covers every unit
 * regardless of weight (used by p-center).
 */
export function solveLscp(h: Highs, inst: Instance, timeLimitS: number, radius = inst.radius, mustCoverAll = false, opts: LscpOptions = {}): MilpOutcome {
  const reduce = opts.reduce !== false;
  const coverAll = inst.targetShare === null || mustCoverAll;
  const feasibility = opts.maxSites !== undefined;
  const red = reduceCover(inst, {
    radius,
    active: (i) => mustCoverAll || inst.weight[i] > 0,
    mergeRows: reduce,
    dominateSites: reduce,
    dominateRows: reduce && coverAll,
  });
  if (coverAll && red.uncoverable.length) return { status: 'infeasible', open: null, objective: null, bound: null };
  const b = new Builder(h);
  const { xOf, xCols } = siteColumns(b, inst, red.sites, () => (feasibility ? 0 : 1));
  const groupCols: number[] = [];
  let before: RunExtras['before'];
  if (coverAll) {
    for (const g of red.groups) {
      b.row(g.sites.map((j) => xOf[j]), g.sites.map(() => 1), 1, h.infinity);
      groupCols.push(-1);
    }
    before = { rows: red.before.rows, cols: red.before.sites, nonzeros: red.before.pairs };
  } else {
    let fixedW = 0;
    for (let i = 0; i < inst.n; i++) if (red.base[i]) fixedW += inst.weight[i];
    const ys: number[] = [];
    const ws: number[] = [];
    for (const g of red.groups) {
      let w = 0;
      for (const i of g.members) w += inst.weight[i];
      const y = b.col(0, 0, 1, false);
      b.row([y, ...g.sites.map((j) => xOf[j])], [1, ...g.sites.map(() => -1)], -h.infinity, 0);
      ys.push(y);
      ws.push(w);
      groupCols.push(y);
    }
    const need = inst.targetShare! * inst.totalWeight - fixedW;
    if (need > 1e-9) b.row(ys, ws, need - 1e-9, h.infinity);
    before = { rows: red.before.rows + (need > 1e-9 ? 1 : 0), cols: red.before.sites + red.before.rows, nonzeros: red.before.pairs + 2 * red.before.rows };
  }
  if (feasibility) {
    const cols = [...xCols.keys()];
    if (cols.length > opts.maxSites!) b.row(cols, cols.map(() => 1), 0, opts.maxSites!);
    if (before) before = { rows: before.rows + 1, cols: before.cols, nonzeros: before.nonzeros + red.before.sites };
  }
  if (groupRows(h, b, inst, xOf, red.sites)) {
    const gb = groupRowsBefore(inst);
    if (before) before = { rows: before.rows + gb.rows, cols: before.cols, nonzeros: before.nonzeros + gb.nonzeros };
  }
  const start = opts.known ? coverStart(b, xOf, red, groupCols, mapStart(inst, red, opts.known)) : null;
  return runModel(h, b.model(false), timeLimitS, xCols, inst, { start, before });
}

export interface PmedianOptions extends MilpOptions {
  now?: () => number;
}

/** The pairs of the sparse formulation without pruning: each unit's nearest fixed site and free sites cheaper than it. */
export function allPairs(inst: Instance): { pairStart: Int32Array; pairSite: Int32Array } {
  const { n, m, cost, fixed, weight } = inst;
  const starts = new Int32Array(n + 1);
  const list: number[] = [];
  for (let i = 0; i < n; i++) {
    starts[i] = list.length;
    if (!(weight[i] > 0)) continue;
    let cap = Infinity;
    let fixedJ = -1;
    for (let j = 0; j < m; j++) {
      const c = cost[i * m + j];
      if (fixed[j] && c < cap) {
        cap = c;
        fixedJ = j;
      }
    }
    if (fixedJ >= 0) list.push(fixedJ);
    for (let j = 0; j < m; j++) if (!fixed[j] && cost[i * m + j] < cap) list.push(j);
  }
  starts[n] = list.length;
  return { pairStart: starts, pairSite: Int32Array.from(list) };
}

/**
 * The sparse p-median MILP over the given sites and pairs: x_j per site (lower bound 1 when
 * forced open), z per pair with cost w_i c_ij, Σ_j z_ij = 1 per unit, z_ij ≤ x_j, the p row.
 */
export function pmedianModel(h: Highs, inst: Instance, sites: number[], forcedOpen: Uint8Array | null, pairStart: Int32Array, pairSite: Int32Array, known: Uint8Array | null) {
  const b = new Builder(h);
  const { xOf, xCols } = siteColumns(b, inst, sites, () => 0);
  if (forcedOpen) for (const j of sites) if (forcedOpen[j]) b.colLower[xOf[j]] = 1;
  const startVals: number[] | null = known ? [] : null;
  if (startVals) for (const j of sites) startVals[xOf[j]] = known![j] ? 1 : 0;
  let startOk = !!known;
  for (let i = 0; i < inst.n; i++) {
    const a = pairStart[i];
    const e = pairStart[i + 1];
    if (a === e) continue;
    const w = inst.weight[i];
    const zs: number[] = [];
    let pick = -1;
    let pickC = Infinity;
    for (let k = a; k < e; k++) {
      const j = pairSite[k];
      const c = inst.cost[i * inst.m + j];
      const z = b.col(w * c, 0, 1, false);
      zs.push(z);
      if (xOf[j] >= 0) b.row([z, xOf[j]], [1, -1], -h.infinity, 0);
      if (known && known[j] && c < pickC) {
        pickC = c;
        pick = z;
      }
    }
    if (startVals) {
      for (const z of zs) startVals[z] = z === pick ? 1 : 0;
      if (pick < 0) startOk = false;
    }
    b.row(zs, zs.map(() => 1), 1, 1);
  }
  pRow(b, xCols, inst.p);
  groupRows(h, b, inst, xOf, sites);
  return { data: b.model(false), xCols, start: startOk ? startVals : null };
}

/** Size of the unpruned sparse p-median model (the one `reduce: false` builds). */
export function pmedianSizeBefore(inst: Instance, pairs = allPairs(inst)): { rows: number; cols: number; nonzeros: number } {
  let free = 0;
  for (let j = 0; j < inst.m; j++) if (!inst.fixed[j]) free++;
  const total = pairs.pairSite.length;
  const linked = total - fixedPairs(inst, pairs);
  const gb = groupRowsBefore(inst);
  return { rows: countUnits(pairs.pairStart, inst.n) + linked + 1 + gb.rows, cols: free + total, nonzeros: total + 2 * linked + free + gb.nonzeros };
}

/**
 * p-median: minimise Σ weight × cost to the nearest open site, exactly p new sites.
 *
 * With a known feasible solution (the heuristic's), the Lagrangian relaxation (lagrangian.ts)
 * gives a lower bound and prunes the assignment pairs and sites that cannot be in a solution as
 * good as the known one; the MILP then runs on what is left, with the known solution as its start.
 * Without a known solution (or with `reduce: false`) the unpruned sparse model is solved. Large
 * instances go to pmedianLarge.ts instead (see solve.ts).
 */
export function solvePmedian(h: Highs, inst: Instance, timeLimitS: number, opts: PmedianOptions = {}): MilpOutcome {
  const now = opts.now ?? (() => Date.now());
  const t0 = now();
  const known = opts.known ?? null;
  const full = allPairs(inst);
  const before = pmedianSizeBefore(inst, full);
  const freeSites: number[] = [];
  for (let j = 0; j < inst.m; j++) if (!inst.fixed[j]) freeSites.push(j);
  if (opts.reduce === false || !known || inst.p === 0) {
    const model = pmedianModel(h, inst, freeSites, null, full.pairStart, full.pairSite, known);
    return runModel(h, model.data, timeLimitS, model.xCols, inst, { start: model.start, before });
  }
  const context = pmedianContext(inst);
  const lag = pmedianLagrangian(inst, { context, upper: pmedianValue(inst, known), upperOpen: known, now, deadline: t0 + timeLimitS * 250, maxIterations: 1000 });
  const pr = prunePmedian(inst, lag.lambda, lag.upper, lag.upperOpen, 1e-9, context);
  const model = pmedianModel(h, inst, pr.sites, pr.forcedOpen, pr.pairStart, pr.pairSite, lag.upperOpen);
  const left = Math.max(0.01, timeLimitS - (now() - t0) / 1000);
  const out = runModel(h, model.data, left, model.xCols, inst, { start: model.start, before });
  if (out.status === 'optimal' || !out.open) {
    // Without a MILP solution the known (possibly improved) one stands, with the Lagrangian bound.
    if (!out.open && out.status !== 'infeasible') return { status: 'feasible', open: lag.upperOpen, objective: lag.upper, bound: Math.max(lag.bound, out.bound ?? -Infinity), size: out.size, method: 'lagrangian' };
    return out;
  }
  const bound = Math.max(lag.bound, out.bound ?? -Infinity);
  if (out.objective !== null && out.objective <= lag.upper) return { ...out, bound };
  return { status: 'feasible', open: lag.upperOpen, objective: lag.upper, bound, size: out.size, method: 'lagrangian' };
}

function countUnits(starts: Int32Array, n: number): number {
  let c = 0;
  for (let i = 0; i < n; i++) if (starts[i + 1] > starts[i]) c++;
  return c;
}

function fixedPairs(inst: Instance, pairs: { pairStart: Int32Array; pairSite: Int32Array }): number {
  let c = 0;
  for (const j of pairs.pairSite) if (inst.fixed[j]) c++;
  return c;
}
