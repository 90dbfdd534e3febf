import type { CoverageUnit } from '../../src/domain/coverage';
import type { CostTable } from '../../src/domain/travel';

/** A cost table from rows of minutes (km = minutes), for hand-computed fixtures. */
export function table(rows: number[][]): CostTable {
  const nO = rows.length;
  const nD = nO ? rows[0].length : 0;
  return { nOrigins: nO, nDest: nD, minutes: Float64Array.from(rows.flat()), km: Float64Array.from(rows.flat()), missingPairs: 0 };
}

export const unit = (id: string, kommun: string, ot: 1 | 2 | 3 | 4 | 5, children: number): CoverageUnit => ({
  id,
  kommun_code: kommun,
  omradestyp_2022: ot,
  omradestyp_2023: ot,
  children_0_6: children,
});

/** Deterministic PRNG (mulberry32), so random tests are reproducible. */
export function rng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
