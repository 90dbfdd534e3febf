import type { KommunRow } from '../domain/analysis';
import type { ScenarioParams } from '../domain/scenario';
import type { SiteSetInfo } from '../domain/siteSets';
import { assumptionLines } from '../i18n/describe';
import type { Lang } from '../i18n/format';
import { writeCsv, type CsvColumn, type CsvDialect } from './csvWrite';

/** The data years every export states (Swedish; the CLI's and the files' language). */
export const DATA_YEARS =
  'Befolkning SCB TAB6574 31 dec 2025 (barn 0–6 uppskattat); områdestyp SCB (RegSO) 2022/2023; 1 km-rutnät folkräkning 2021; tätorter SCB 2020; vårdcentraler Region Dalarna 2023; familjecentraler HSN 2026/4486; hållplatser Dalatrafik 2025';

/**
 * The per-kommun statistics columns, in order. `site_set` says which sites a row counts (`today`
 * or `proposal`). Children are estimates (1 decimal), minutes are child-weighted (1 decimal),
 * coverage_pct is 0–100 (1 decimal).
 */
export const KOMMUN_COLUMNS: CsvColumn<KommunRow>[] = [
  { key: 'site_set', get: (r) => r.site_set },
  { key: 'kommun_code', get: (r) => r.kommun_code },
  { key: 'kommun_name', get: (r) => r.kommun_name },
  { key: 'children_0_6', decimals: 1, get: (r) => r.children_0_6 },
  { key: 'covered_children', decimals: 1, get: (r) => r.covered_children },
  { key: 'coverage_pct', decimals: 1, get: (r) => r.coverage_pct },
  { key: 'mean_minutes', decimals: 1, get: (r) => r.mean_minutes },
  { key: 'median_minutes', decimals: 1, get: (r) => r.median_minutes },
  { key: 'children_over_30_min', decimals: 1, get: (r) => r.children_over_30_min },
  { key: 'children_lt_5_min', decimals: 1, get: (r) => r.children_lt_5_min },
  { key: 'children_5_10_min', decimals: 1, get: (r) => r.children_5_10_min },
  { key: 'children_10_30_min', decimals: 1, get: (r) => r.children_10_30_min },
  { key: 'unreachable_children', decimals: 1, get: (r) => r.unreachable_children },
  { key: 'centres_existing', get: (r) => r.centres_existing },
  { key: 'centres_planned', get: (r) => r.centres_planned },
  { key: 'centres_intent', get: (r) => r.centres_intent },
  { key: 'centres_family_unit', get: (r) => r.centres_family_unit },
  { key: 'candidates', get: (r) => r.candidates },
  { key: 'flags', get: (r) => r.flags },
];

/** One site set's statistics: its kommun rows and county row with what it counts. */
export interface SetStatistics {
  siteSet: SiteSetInfo;
  params: ScenarioParams;
  rows: readonly KommunRow[];
  total: KommunRow;
}

/** The stated lines of one or more sets: the site sets first, then the shared assumptions. */
export function statedLines(sets: readonly SetStatistics[], lang: Lang = 'sv'): string[] {
  const [first, ...rest] = sets.map((s) => assumptionLines(s.params, s.siteSet, DATA_YEARS, lang));
  return [...first.slice(0, 1), ...rest.map((l) => l[0]), ...first.slice(1)];
}

/**
 * Per-kommun coverage statistics plus the county row (code 20) of each set, stacked in one CSV
 * (today's rows, then the proposal's), with the stated lines after the data when asked.
 */
export function coverageCsv(sets: readonly SetStatistics[], dialect: CsvDialect, header: readonly string[] | null, lang: Lang = 'sv'): string {
  const rows = sets.flatMap((s) => [...s.rows, s.total]);
  return writeCsv(rows, KOMMUN_COLUMNS, dialect, header ? [...header, ...statedLines(sets, lang)] : []);
}
