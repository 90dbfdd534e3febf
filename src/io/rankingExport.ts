import type { CandidateScore } from '../domain/scoring';
import type { CsvColumn } from './csvWrite';

/** Columns of the candidate ranking CSV (CLI `score` and the app's export). */
export const SCORE_COLUMNS: CsvColumn<CandidateScore>[] = [
  { key: 'rank', get: (s) => s.rank },
  { key: 'id', get: (s) => s.id },
  { key: 'name', get: (s) => s.name },
  { key: 'lon', decimals: 6, get: (s) => s.lon },
  { key: 'lat', decimals: 6, get: (s) => s.lat },
  { key: 'composite', decimals: 4, get: (s) => s.composite },
  { key: 'reach_children', decimals: 1, get: (s) => s.reach_children },
  { key: 'new_reach_children', decimals: 1, get: (s) => s.new_reach_children },
  { key: 'new_reach_share_ot12_pct', decimals: 1, get: (s) => (s.new_reach_share_ot12 === null ? null : s.new_reach_share_ot12 * 100) },
  { key: 'deprivation_weighted_new_reach', decimals: 1, get: (s) => s.deprivation_weighted_new_reach },
  { key: 'mean_minutes_reduction', decimals: 3, get: (s) => s.mean_minutes_reduction },
  { key: 'served_children', decimals: 1, get: (s) => s.served_children },
  { key: 'served_mean_minutes', decimals: 1, get: (s) => s.served_mean_minutes },
  { key: 'transit_stop', get: (s) => s.transit?.stop_name ?? null },
  { key: 'transit_walk_m', decimals: 0, get: (s) => s.transit?.walk_m ?? null },
  { key: 'transit_departures', decimals: 1, get: (s) => s.transit?.departures ?? null },
  { key: 'health_centre', get: (s) => s.economics?.health_centre_name ?? null },
  { key: 'vardval_addon_sek_per_year', decimals: 0, get: (s) => s.economics?.yearly_sek ?? null },
  { key: 'listing_source', get: (s) => (s.economics ? (s.economics.source === 'modelled' ? 'modellerat' : 'importerat') : null) },
  ...(['reach', 'newReach', 'deprivation', 'travel', 'transit'] as const).flatMap((k) => [
    { key: `criterion_${k}`, decimals: 4, get: (s: CandidateScore) => s.criteria[k] },
    { key: `contribution_${k}`, decimals: 4, get: (s: CandidateScore) => s.breakdown[k] },
  ]),
];
