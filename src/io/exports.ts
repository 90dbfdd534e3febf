import type { CandidateScore } from '../domain/scoring';
import { rankingLines } from '../i18n/describe';
import type { Lang } from '../i18n/format';
import { KOMMUN_COLUMNS, statedLines as setLines, type SetStatistics } from './coverageExport';
import { writeCsv, type CsvDialect } from './csvWrite';
import { SCORE_COLUMNS } from './rankingExport';

export { DATA_YEARS } from './coverageExport';

/** "Mitt scenario: Säter" → "mitt-scenario-sater". */
export function slug(name: string): string {
  const s = name
    .toLocaleLowerCase('sv')
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'scenario';
}

/** Local date as YYYY-MM-DD. */
export function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Export file name carrying the scenario name and the date, e.g. "mitt-scenario_tackning_2026-11-22.csv". */
export function exportFileName(scenario: string, what: string, ext: string, date: Date): string {
  return `${slug(scenario)}_${what}_${isoDate(date)}.${ext}`;
}

/** The lines every export file states: scenario, date, the site sets it counts, the assumptions. */
export function exportLines(scenario: string, sets: readonly SetStatistics[], date: Date, lang: Lang = 'sv'): string[] {
  return [`Scenario: ${scenario}`, `Exporterad: ${isoDate(date)}`, ...setLines(sets, lang)];
}

/**
 * Per-kommun coverage statistics (+ county row 20) of each site set, stacked (today, then the
 * proposal when the scenario has candidates), column `site_set` telling them apart.
 */
export function coverageStatsCsv(sets: readonly SetStatistics[], scenario: string, dialect: CsvDialect, date: Date, lang: Lang = 'sv'): string {
  return writeCsv(sets.flatMap((s) => [...s.rows, s.total]), KOMMUN_COLUMNS, dialect, exportLines(scenario, sets, date, lang));
}

/** Candidate ranking with every criterion and contribution; each candidate is scored against today. */
export function rankingCsv(scores: readonly CandidateScore[], today: SetStatistics, scenario: string, dialect: CsvDialect, date: Date, lang: Lang = 'sv'): string {
  return writeCsv(scores, SCORE_COLUMNS, dialect, [...exportLines(scenario, [today], date, lang), ...rankingLines(today.params, lang)]);
}
