/**
 * Estimates of age groups that SCB does not publish directly. SCB TAB6574 gives five-year bands
 * per DeSO (0–4, 5–9, 10–14, 15–19, …), so ages 5 and 6 must be split out of the 5–9 band.
 *
 * Method (children 0–6): **Sprague osculatory interpolation** (Sprague 1880; the multipliers as
 * tabulated in Shryock & Siegel, *The Methods and Materials of Demography*, 1976). The single ages
 * 5…9 are weighted sums of the bands 0–4, 5–9, 10–14 and 15–19 ("next-to-first" panel). The five
 * single ages always add up to the 5–9 band (the method preserves each band's total) and follow
 * the slope and curvature of the neighbouring bands, so a band whose younger ages are smaller
 * (falling births) gives fewer 5–6-year-olds than the even split `0.4 × age_5_9` assumed. The
 * multipliers reproduce any cubic age curve exactly (tested).
 */

/** The four bands the split uses, persons per DeSO (or any area). */
export interface ChildBands {
  age_0_4: number;
  age_5_9: number;
  age_10_14: number;
  age_15_19: number;
}

/**
 * Sprague multipliers, next-to-first panel: single ages 5, 6, 7, 8, 9 (rows) from the bands
 * 0–4, 5–9, 10–14, 15–19 (columns). Each column of the 5–9 band sums to 1, the others to 0.
 */
export const SPRAGUE_NEXT_TO_FIRST: readonly (readonly [number, number, number, number])[] = [
  [0.0336, 0.2272, -0.0752, 0.0144],
  [0.008, 0.232, -0.048, 0.008],
  [-0.008, 0.216, -0.008, 0],
  [-0.016, 0.184, 0.04, -0.008],
  [-0.0176, 0.1408, 0.0912, -0.0144],
];

/** Persons aged 5 and 6 by Sprague interpolation, kept within 0 … the 5–9 band. */
export function estimateAge5to6(b: ChildBands): number {
  const g = [b.age_0_4, b.age_5_9, b.age_10_14, b.age_15_19];
  let x = 0;
  for (const row of SPRAGUE_NEXT_TO_FIRST.slice(0, 2)) x += row[0] * g[0] + row[1] * g[1] + row[2] * g[2] + row[3] * g[3];
  // Small DeSO with SCB's random perturbation could in principle push the split outside the band.
  return Math.min(Math.max(x, 0), b.age_5_9);
}

/**
 * Children aged 0–6 (persons): `age_0_4` + ages 5–6 by Sprague interpolation (see the module).
 * @example estimateChildren0to6({ age_0_4: 10, age_5_9: 35, age_10_14: 60, age_15_19: 85 }) // 21 (= 0+1+…+6 for a linear age curve)
 */
export function estimateChildren0to6(b: ChildBands): number {
  return b.age_0_4 + estimateAge5to6(b);
}

/** The even split this project used before (ages spread evenly in the band); kept for comparison in the data documentation. */
export function evenSplitChildren0to6(b: Pick<ChildBands, 'age_0_4' | 'age_5_9'>): number {
  return b.age_0_4 + 0.4 * b.age_5_9;
}

/** Share of the women 15–54 band that is aged 16–54 (39 of 40 one-year ages). */
export const SHARE_16_54_OF_15_54 = 39 / 40;

/**
 * Women aged 16–54, estimated as `women_15_54 × 39/40` (persons). One year out of forty is
 * removed; an age curve within the band would change the county figure by well under 1 %.
 * @param women1554 women aged 15–54
 */
export function estimateWomen16to54(women1554: number): number {
  return women1554 * SHARE_16_54_OF_15_54;
}
