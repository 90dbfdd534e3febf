/**
 * Spreads an area total over the cells inside the area in proportion to a weight
 * (for example cell population), so the parts sum to the total.
 *
 * @param total value to spread (e.g. estimated children 0–6 in a DeSO)
 * @param weights non-negative weight of each cell (e.g. census population of each 1 km cell)
 * @returns one share per cell; the last positive-weight cell takes the rounding remainder,
 *   so the shares sum to `total` up to floating-point addition order. If every weight is 0
 *   the total is split evenly.
 */
export function spreadProportionally(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  if (n === 0) return [];
  for (const w of weights) {
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`weight must be a finite number ≥ 0, got ${w}`);
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  const effective = sum > 0 ? weights : weights.map(() => 1);
  const effSum = sum > 0 ? sum : n;
  const out = effective.map((w) => (total * w) / effSum);
  let last = -1;
  for (let i = n - 1; i >= 0; i--) {
    if (effective[i] > 0) {
      last = i;
      break;
    }
  }
  let others = 0;
  for (let i = 0; i < n; i++) if (i !== last) others += out[i];
  out[last] = total - others;
  return out;
}
