import { INDICATOR_KEYS, INDICATORS, type DesoIndicators, type IndicatorKey } from './indicators';

/**
 * The needs index per DeSO: an editable composite of standardised indicators.
 *
 * 1. Each indicator is standardised over the Dalarna DeSO that have a value: z = (x − mean) / sd
 *    (unweighted mean and population standard deviation over DeSO), and oriented so that a
 *    higher z always means more need (a low employment rate counts as need).
 * 2. The index is the weighted mean of the oriented z-scores, over the components the DeSO has a
 *    value for (weights renormalised); with no component available it is null (shown as missing).
 *
 * The default components mirror the official socioeconomic index behind områdestyp: low economic
 * standard, low education (no post-secondary education) and low employment — each weight 1.
 */
export type NeedComponents = Record<IndicatorKey, number>;

export const DEFAULT_NEED_COMPONENTS: NeedComponents = {
  low_economic_standard: 1,
  low_education: 1,
  low_employment: 1,
  unemployment: 0,
  foreign_background: 0,
  low_income: 0,
  single_households: 0,
  rented_dwellings: 0,
};

/** Mean and population standard deviation of the non-null values of one indicator. */
export function indicatorStats(units: readonly DesoIndicators[], key: IndicatorKey): { mean: number; sd: number; n: number } {
  const xs = units.map((u) => u.values[key]).filter((v): v is number => v !== null);
  const n = xs.length;
  const mean = n ? xs.reduce((s, x) => s + x, 0) / n : 0;
  const sd = n ? Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / n) : 0;
  return { mean, sd, n };
}

/** Oriented z-scores (higher = more need) of one indicator per DeSO; null where missing or no spread. */
export function orientedZ(units: readonly DesoIndicators[], key: IndicatorKey): (number | null)[] {
  const { mean, sd } = indicatorStats(units, key);
  return units.map((u) => {
    const v = u.values[key];
    return v === null || sd === 0 ? null : (INDICATORS[key].direction * (v - mean)) / sd;
  });
}

/** The index per DeSO code (null = no component available). */
export function needIndex(units: readonly DesoIndicators[], components: NeedComponents): Map<string, number | null> {
  const used = INDICATOR_KEYS.filter((k) => components[k] > 0);
  const z = new Map(used.map((k) => [k, orientedZ(units, k)]));
  const out = new Map<string, number | null>();
  units.forEach((u, i) => {
    let sw = 0;
    let s = 0;
    for (const k of used) {
      const zk = z.get(k)![i];
      if (zk === null) continue;
      sw += components[k];
      s += components[k] * zk;
    }
    out.set(u.deso_code, sw > 0 ? s / sw : null);
  });
  return out;
}

/** Range of the demand weight the index maps to (the same range as the områdestyp weights, 0,5–2). */
export const NEED_WEIGHT_MIN = 0.5;
export const NEED_WEIGHT_MAX = 2;

/**
 * Demand weight from the index: 1 + 0,5 × index, kept within 0,5 … 2 (an index of +1, one
 * standard deviation more need than the average DeSO, weighs 1,5; −1 weighs 0,5). A DeSO without
 * an index weighs 1.
 */
export function needWeight(index: number | null): number {
  if (index === null) return 1;
  return Math.min(NEED_WEIGHT_MAX, Math.max(NEED_WEIGHT_MIN, 1 + 0.5 * index));
}
