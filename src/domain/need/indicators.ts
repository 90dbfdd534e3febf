import Papa from 'papaparse';

/**
 * SCB small-area indicators per DeSO (shared data `geo/deso-indicators.csv`, SOURCES.md §7):
 * the latest year each indicator exists (2025 for population shares, 2024 for income and labour).
 * Suppressed or absent values stay null — never 0.
 */

/** The indicators the needs index can use; `direction` +1 when a higher value means more need. */
export const INDICATORS = {
  low_economic_standard: { column: 'share_low_economic_standard_pct', direction: 1, table: 'SCB TAB6685' },
  low_education: { column: 'share_post_secondary_educ_25_65_pct', direction: -1, table: 'SCB TAB6534' },
  low_employment: { column: 'employment_rate_20_64_pct', direction: -1, table: 'SCB TAB6680' },
  unemployment: { column: 'unemployment_rate_20_64_pct', direction: 1, table: 'SCB TAB6680' },
  foreign_background: { column: 'share_foreign_background_pct', direction: 1, table: 'SCB TAB6571' },
  low_income: { column: 'equiv_disp_income_median_ksek', direction: -1, table: 'SCB TAB6684' },
  single_households: { column: 'share_households_single_no_children_pct', direction: 1, table: 'SCB TAB6568' },
  rented_dwellings: { column: 'share_rented_dwellings_pct', direction: 1, table: 'SCB TAB6638' },
} as const;

export type IndicatorKey = keyof typeof INDICATORS;
export const INDICATOR_KEYS = Object.keys(INDICATORS) as IndicatorKey[];

/** One DeSO's indicator values (the unit of the source column: % or kSEK) and their year. */
export interface DesoIndicators {
  deso_code: string;
  values: Record<IndicatorKey, number | null>;
  years: Record<IndicatorKey, number | null>;
}

/**
 * Reads the indicator file: per DeSO and indicator, the value of the latest year that has one.
 * @throws when the header lacks a column the indicators need (developer-facing, data build)
 */
export function readIndicators(csv: string): DesoIndicators[] {
  const res = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  for (const k of INDICATOR_KEYS) if (!res.meta.fields?.includes(INDICATORS[k].column)) throw new Error(`deso-indicators.csv: column ${INDICATORS[k].column} missing`);
  const byDeso = new Map<string, DesoIndicators>();
  for (const r of res.data) {
    const year = Number(r.year);
    const d = byDeso.get(r.deso_code) ?? {
      deso_code: r.deso_code,
      values: Object.fromEntries(INDICATOR_KEYS.map((k) => [k, null])) as Record<IndicatorKey, number | null>,
      years: Object.fromEntries(INDICATOR_KEYS.map((k) => [k, null])) as Record<IndicatorKey, number | null>,
    };
    for (const k of INDICATOR_KEYS) {
      const raw = r[INDICATORS[k].column];
      if (raw === undefined || raw.trim() === '') continue;
      const v = Number(raw);
      if (!Number.isFinite(v)) continue;
      if (d.years[k] === null || year > d.years[k]!) {
        d.values[k] = v;
        d.years[k] = year;
      }
    }
    byDeso.set(r.deso_code, d);
  }
  return [...byDeso.values()].sort((a, b) => (a.deso_code < b.deso_code ? -1 : 1));
}
