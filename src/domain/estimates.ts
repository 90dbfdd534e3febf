/**
 * Estimates of age groups that SCB does not publish directly. SCB TAB6574 gives five-year
 * bands only, so we assume ages are spread evenly within a band.
 */

/** Share of the 5–9 band that is aged 5 or 6 (two of five one-year ages). */
export const SHARE_5_6_OF_5_9 = 0.4;

/** Share of the women 15–54 band that is aged 16–54 (39 of 40 one-year ages). */
export const SHARE_16_54_OF_15_54 = 39 / 40;

/**
 * Children aged 0–6, estimated as `age_0_4 + 0.4 × age_5_9` (persons).
 * @param age04 persons aged 0–4
 * @param age59 persons aged 5–9
 */
export function estimateChildren0to6(age04: number, age59: number): number {
  return age04 + SHARE_5_6_OF_5_9 * age59;
}

/**
 * Women aged 16–54, estimated as `women_15_54 × 39/40` (persons).
 * @param women1554 women aged 15–54
 */
export function estimateWomen16to54(women1554: number): number {
  return women1554 * SHARE_16_54_OF_15_54;
}
