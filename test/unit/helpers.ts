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

/** Deterministic PRNG (mulberry32), so random tests are reproducible (the generator's own). */
export { mulberry32 as rng } from '../../src/domain/optimise/synthetic';
