import type { ListingRecord } from '../domain/types';
import { normaliseHeader, parseCsv } from './csvText';
import type { InputIssue, Parsed } from './issues';
import { parseLocaleNumber } from './number';

export interface CentreRef {
  id: string;
  name: string;
}

const ID_COLUMNS = ['health_centre_id', 'vardcentral_id', 'vc_id', 'id', 'hsa_id'];
const NAME_COLUMNS = ['name', 'namn', 'vardcentral', 'health_centre', 'health_centre_name'];
const YEAR_COLUMNS = ['year', 'ar'];
const CHILDREN_COLUMNS = ['children_0_6', 'barn_0_6', 'listade_barn_0_6', 'barn_0_6_ar'];
const WOMEN_COLUMNS = ['women_16_54', 'kvinnor_16_54', 'listade_kvinnor_16_54'];

/** Normalises a health-centre name for matching: case, "vårdcentral(en)" and punctuation ignored. */
export function normaliseCentreName(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/\bv[åa]rdcentral(en)?\b/g, ' ')
    .replace(/\bvc\b/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface ListingImport {
  records: ListingRecord[];
  /** Rows read, whether matched or not. */
  rowsRead: number;
}

/**
 * Reads a listing CSV: one row per health centre and year with listed children 0–6 and
 * optionally women 16–54. Columns: an id (`health_centre_id`) or a name (`name`/`vardcentral`),
 * `year`/`år`, `children_0_6`/`barn_0_6`, optional `women_16_54`/`kvinnor_16_54`.
 * Rows are matched to `centres` by id, else by name. Every row that cannot be used is reported
 * with its row number; matched rows are returned.
 */
export function parseListingCsv(text: string, centres: readonly CentreRef[]): Parsed<ListingImport> {
  const table = parseCsv(text);
  const issues: InputIssue[] = [...table.issues];
  const records: ListingRecord[] = [];
  const { header, rows } = table.value;
  if (header.length === 0) return { value: { records, rowsRead: 0 }, issues };

  const byNorm = new Map(header.map((h) => [normaliseHeader(h), h]));
  const pick = (names: string[]) => names.map((n) => byNorm.get(n)).find((h) => h !== undefined);
  const idCol = pick(ID_COLUMNS);
  const nameCol = pick(NAME_COLUMNS);
  const yearCol = pick(YEAR_COLUMNS);
  const childCol = pick(CHILDREN_COLUMNS);
  const womenCol = pick(WOMEN_COLUMNS);

  // Keys of the missing columns; the message names them (see COLUMN_TEXT in src/i18n/messages.ts).
  const missing: string[] = [];
  if (!idCol && !nameCol) missing.push('health_centre');
  if (!yearCol) missing.push('year');
  if (!childCol) missing.push('children_0_6');
  if (missing.length) {
    issues.push({ severity: 'error', row: 1, code: 'missing_column', params: { missing: missing.join(';'), found: header.join(', ') } });
    return { value: { records, rowsRead: rows.length }, issues };
  }

  const byId = new Map(centres.map((c) => [c.id.toLowerCase(), c]));
  const byName = new Map<string, CentreRef[]>();
  for (const c of centres) {
    const k = normaliseCentreName(c.name);
    byName.set(k, [...(byName.get(k) ?? []), c]);
  }
  const seen = new Map<string, number>();

  for (const { rowNumber, cells } of rows) {
    const idRaw = idCol ? cells[idCol] : '';
    const nameRaw = nameCol ? cells[nameCol] : '';
    let centre: CentreRef | undefined;
    if (idRaw) centre = byId.get(idRaw.toLowerCase());
    // An id typed in the name column is accepted too.
    if (!centre && nameRaw) centre = byId.get(nameRaw.toLowerCase());
    if (!centre && nameRaw) {
      const hits = byName.get(normaliseCentreName(nameRaw)) ?? [];
      if (hits.length > 1) {
        issues.push({
          severity: 'error',
          row: rowNumber,
          column: nameCol,
          code: 'ambiguous',
          params: { row: rowNumber, name: nameRaw, ids: hits.map((h) => h.id).join(', ') },
        });
        continue;
      }
      centre = hits[0];
    }
    if (!centre) {
      issues.push({
        severity: 'error',
        row: rowNumber,
        column: idRaw ? idCol : nameCol,
        code: 'unmatched',
        params: { row: rowNumber, ...(idRaw ? { id: idRaw } : {}), ...(nameRaw ? { name: nameRaw } : {}) },
      });
      continue;
    }
    const year = parseLocaleNumber(cells[yearCol!]);
    if (year === null || !Number.isInteger(year) || year < 1990 || year > 2100) {
      issues.push({
        severity: 'error',
        row: rowNumber,
        column: yearCol,
        code: 'bad_year',
        params: { row: rowNumber, column: yearCol!, value: cells[yearCol!] },
      });
      continue;
    }
    const children = parseLocaleNumber(cells[childCol!]);
    if (children === null || children < 0) {
      issues.push({
        severity: 'error',
        row: rowNumber,
        column: childCol,
        code: 'not_count',
        params: { row: rowNumber, column: childCol!, value: cells[childCol!], expected: 'count' },
      });
      continue;
    }
    let women: number | null = null;
    if (womenCol && cells[womenCol] !== '') {
      women = parseLocaleNumber(cells[womenCol]);
      if (women === null || women < 0) {
        issues.push({
          severity: 'error',
          row: rowNumber,
          column: womenCol,
          code: 'not_count',
          params: { row: rowNumber, column: womenCol, value: cells[womenCol], expected: 'count_or_empty' },
        });
        continue;
      }
    }
    const key = `${centre.id}|${year}`;
    if (seen.has(key)) {
      issues.push({
        severity: 'error',
        row: rowNumber,
        code: 'duplicate',
        params: { row: rowNumber, centre: centre.name, year, firstRow: seen.get(key)! },
      });
      continue;
    }
    seen.set(key, rowNumber);
    records.push({ health_centre_id: centre.id, year, children_0_6: children, women_16_54: women });
  }
  return { value: { records, rowsRead: rows.length }, issues };
}

/** The records of the latest year in an import, one per centre. */
export function latestYearRecords(records: readonly ListingRecord[]): { year: number | null; records: ListingRecord[] } {
  if (records.length === 0) return { year: null, records: [] };
  const year = Math.max(...records.map((r) => r.year));
  return { year, records: records.filter((r) => r.year === year) };
}
