import Papa from 'papaparse';
import { COUNTY_LISTED_CHILDREN_2020, COUNTY_LISTED_CHILDREN_2025 } from './listedChildren';

/**
 * Children 0–6 per kommun in a later year, as a factor on the 2025 estimate (the factor is then
 * applied to every DeSO and grid cell of the kommun, i.e. spread in proportion to today's
 * children). Three sources, always labelled as a projection with its assumption:
 *
 * - `scb`: SCB's official projection (TAB698, published 2024-06-11, shared data §9). It gives ages
 *   0–5, not 0–6; the factor is the change of the 0–5 band from its first projected year (2026)
 *   to the chosen year, so the 0–6 series starts at the 2025 estimate and does not jump, and age 6
 *   is assumed to change like ages 0–5.
 * - `trend`: the county's listed children 2020–2025 (22 054 → 18 266, HSN 2026/4486) continued as
 *   a yearly rate, damped each year by the planner's factor (0 = the decline stops after 2025, 1 =
 *   it continues unchanged). 002 gives no level per kommun, so every kommun follows the county rate.
 * - `imported`: the planner's own forecast (`kommun_code, year, children_0_6`) divided by the 2025
 *   estimate of the kommun.
 */

/** Years a planner can choose (2025 = today's estimate). */
export const PROJECTION_YEARS = [2025, 2030, 2035] as const;
export type ProjectionYear = (typeof PROJECTION_YEARS)[number];
export type ForecastSource = 'scb' | 'trend' | 'imported';

/** First year of SCB's projection in the shared data, taken as the level of 2025. */
export const SCB_BASE_YEAR = 2026;

/** SCB's projected persons aged 0–5 per kommun and year. */
export type ScbBand = Map<string, Map<number, number>>;

/** Reads the 0–5 band from `children-forecast-by-kommun.csv`. */
export function readScbBand(csv: string): ScbBand {
  const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' }).data;
  const out: ScbBand = new Map();
  for (const r of rows) {
    if (r.age_band !== '0-5') continue;
    const k = out.get(r.kommun_code) ?? new Map<number, number>();
    k.set(Number(r.year), Number(r.persons));
    out.set(r.kommun_code, k);
  }
  return out;
}

/** SCB factor of a kommun: 0–5 band in `year` over the band in 2026; 1 for 2025. */
export function scbFactor(band: ScbBand, kommun: string, year: number): number | null {
  if (year <= 2025) return 1;
  const k = band.get(kommun);
  const base = k?.get(SCB_BASE_YEAR);
  const v = k?.get(year);
  return base && v !== undefined ? v / base : null;
}

/** The county's yearly rate of change of listed children 0–6, 2020 → 2025 (≈ −3,7 % a year). */
export const LISTED_YEARLY_RATE = (COUNTY_LISTED_CHILDREN_2025 / COUNTY_LISTED_CHILDREN_2020) ** (1 / 5) - 1;

/**
 * Trend factor: the yearly rate r continued from 2025, damped by d each year:
 * Π_{t=1..year−2025} (1 + r · d^(t−1)).
 */
export function trendFactor(year: number, damping: number, rate = LISTED_YEARLY_RATE): number {
  let f = 1;
  for (let t = 1; t <= year - 2025; t++) f *= 1 + rate * damping ** (t - 1);
  return f;
}

/** An imported forecast row. */
export interface ForecastRow {
  kommun_code: string;
  year: number;
  children_0_6: number;
}

/** Factor of a kommun from an imported forecast: its value for the year over the 2025 estimate. */
export function importedFactor(rows: readonly ForecastRow[], kommun: string, year: number, estimate2025: number): number | null {
  if (year <= 2025) return 1;
  const r = rows.find((x) => x.kommun_code === kommun && x.year === year);
  return r && estimate2025 > 0 ? r.children_0_6 / estimate2025 : null;
}

/** How a projection is made: source, year and the planner's damping. */
export interface ProjectionParams {
  year: ProjectionYear;
  source: ForecastSource;
  /** 0–1, for `trend`. */
  damping: number;
  /** The planner's imported forecast (source `imported`); travels with the scenario. */
  imported?: { fileName: string; rows: ForecastRow[] } | null;
}

export const DEFAULT_PROJECTION: ProjectionParams = { year: 2025, source: 'scb', damping: 0.8, imported: null };

/**
 * Factor per kommun for a projection. A kommun the source has no value for keeps factor 1 and is
 * listed in `missing` (so a view can say so; never filled with a guess).
 */
export function projectionFactors(
  p: ProjectionParams,
  kommuner: readonly { kommun_code: string; children_0_6: number }[],
  scb: ScbBand,
  imported: readonly ForecastRow[] | null,
): { factors: Map<string, number>; missing: string[] } {
  const factors = new Map<string, number>();
  const missing: string[] = [];
  for (const k of kommuner) {
    const f =
      p.year === 2025 ? 1 : p.source === 'scb' ? scbFactor(scb, k.kommun_code, p.year) : p.source === 'trend' ? trendFactor(p.year, p.damping) : importedFactor(imported ?? [], k.kommun_code, p.year, k.children_0_6);
    if (f === null) missing.push(k.kommun_code);
    factors.set(k.kommun_code, f ?? 1);
  }
  return { factors, missing };
}
