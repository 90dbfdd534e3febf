import type { CoverageAnalysis, KommunRow } from '../domain/analysis';
import type { ScenarioParams } from '../domain/scenario';
import { describeTravel } from '../domain/travel';
import { writeCsv, type CsvColumn, type CsvDialect } from './csvWrite';

/**
 * The per-kommun statistics columns, in order. Children are estimates (1 decimal), minutes are
 * child-weighted (1 decimal), coverage_pct is 0–100 (1 decimal).
 */
export const KOMMUN_COLUMNS: CsvColumn<KommunRow>[] = [
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

/** The stated assumptions of an analysis, one line each (Swedish). */
export function assumptionLines(p: ScenarioParams, dataYears = 'Befolkning SCB 31 dec 2025; områdestyp SCB; rutnät 2021'): string[] {
  const inc = ['befintliga', p.include.planned && 'planerade', p.include.intent && 'avsiktsförklaringar', p.include.family_unit && 'familjeenheter'].filter(Boolean).join(', ');
  const dw = Object.entries(p.deprivationWeights).map(([k, v]) => `${k}: ${String(v).replace('.', ',')}`).join(', ');
  return [
    `Tröskel: ${p.thresholdMinutes} min (täckt när restiden ≤ tröskeln)`,
    `Restidsmodell: ${describeTravel(p.travel)}`,
    `Efterfrågan: ${p.demand === 'grid' ? '1 km-rutor (barn 0–6 år fördelade från DeSO)' : '175 DeSO-punkter'}; barn 0–6 år = 0–4 år + 5–6 år ur bandet 5–9 år genom Sprague-interpolation (uppskattat, SCB 31 dec 2025)`,
    `Familjecentraler som räknas: ${inc}`,
    `Områdestyp år ${p.omradestypYear}; deprivationsvikter ${dw}`,
    `Flagga låg täckning under ${(p.lowCoverageShare * 100).toFixed(0)} %`,
    `Data: ${dataYears}`,
  ];
}

/** Per-kommun coverage statistics plus the county total row (code 20) as CSV. */
export function coverageCsv(a: CoverageAnalysis, dialect: CsvDialect, withAssumptions: boolean): string {
  return writeCsv([...a.rows, a.total], KOMMUN_COLUMNS, dialect, withAssumptions ? assumptionLines(a.params) : []);
}
