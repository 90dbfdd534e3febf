import type { Site } from '../domain/types';
import { swerefToWgs84 } from '../geo/sweref';
import { normaliseHeader, parseCsv } from './csvText';
import { decodeText } from './decode';
import type { InputIssue, IssueCode, IssueParams, Parsed, Progress } from './issues';
import { parseLocaleNumber } from './number';
import { COORDINATE_RANGES, type CandidateCrs } from './coordinateRanges';

export { COORDINATE_RANGES, type CandidateCrs };

export interface CandidateImport {
  /** Usable rows as candidate sites, WGS84 degrees rounded to 6 decimals (≈ 0.1 m). */
  sites: Site[];
  /** Detected coordinate system; null when the header has no usable coordinate columns. */
  crs: CandidateCrs | null;
  /** Data rows read, whether usable or not. */
  rowsRead: number;
}

const ID_COLUMNS = ['id'];
const NAME_COLUMNS = ['name', 'namn'];
const LAT_COLUMNS = ['lat', 'latitud', 'latitude'];
const LON_COLUMNS = ['lon', 'longitud', 'longitude'];
const N_COLUMNS = ['n', 'northing', 'sweref99_n'];
const E_COLUMNS = ['e', 'easting', 'sweref99_e'];
const KOMMUN_COLUMNS = ['kommun_code', 'kommunkod'];


const inRange = (v: number, [lo, hi]: [number, number]) => v >= lo && v <= hi;
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * Reads a CSV of candidate sites for the planner. Columns: `id`, `name`/`namn`, and either
 * `lat`+`lon` (`latitud`/`longitud`, WGS84 decimal degrees) or `N`+`E` (`northing`/`easting`,
 * `sweref99_n`/`sweref99_e`, SWEREF 99 TM metres), plus optional `kommun_code`. The coordinate
 * system is detected from the header and reported as a 'crs_wgs84' or 'crs_sweref99tm' warning.
 * Decimal comma or point. Rows with problems (empty or duplicate id, non-numeric, swapped or non-Swedish
 * coordinates) are reported with their spreadsheet row and left out; good rows are returned
 * as sites with status 'candidate' and WGS84 coordinates. An empty name falls back to the id.
 */
export function parseCandidatesCsv(text: string, onProgress?: Progress): Parsed<CandidateImport> {
  const table = parseCsv(text);
  const issues: InputIssue[] = [...table.issues];
  const sites: Site[] = [];
  const { header, rows } = table.value;
  if (header.length === 0) return { value: { sites, crs: null, rowsRead: 0 }, issues };

  const byNorm = new Map(header.map((h) => [normaliseHeader(h), h]));
  const pick = (names: string[]) => names.map((n) => byNorm.get(n)).find((h) => h !== undefined);
  const idCol = pick(ID_COLUMNS);
  const nameCol = pick(NAME_COLUMNS);
  const latCol = pick(LAT_COLUMNS);
  const lonCol = pick(LON_COLUMNS);
  const nCol = pick(N_COLUMNS);
  const eCol = pick(E_COLUMNS);
  const kommunCol = pick(KOMMUN_COLUMNS);

  const crs: CandidateCrs | null = latCol && lonCol ? 'wgs84' : nCol && eCol ? 'sweref99tm' : null;
  // Keys of the missing columns; the message names them (see COLUMN_TEXT in src/i18n/messages.ts).
  const missing: string[] = [];
  if (!idCol) missing.push('id');
  if (!nameCol) missing.push('name');
  if (!crs) missing.push('coordinates');
  if (missing.length || !crs) {
    issues.push({ severity: 'error', row: 1, code: 'missing_column', params: { missing: missing.join(';'), found: header.join(', ') } });
    return { value: { sites, crs, rowsRead: rows.length }, issues };
  }

  // Column pair (first = north/lat, second = east/lon) and their expected ranges.
  const [yCol, xCol] = crs === 'wgs84' ? [latCol!, lonCol!] : [nCol!, eCol!];
  const { y: yRange, x: xRange } = COORDINATE_RANGES[crs];
  issues.push({ severity: 'warning', code: crs === 'wgs84' ? 'crs_wgs84' : 'crs_sweref99tm', params: { yColumn: yCol, xColumn: xCol } });
  if (crs === 'wgs84' && nCol && eCol) {
    issues.push({
      severity: 'warning',
      row: 1,
      code: 'crs_ambiguous',
      params: { latColumn: latCol!, lonColumn: lonCol!, nColumn: nCol, eColumn: eCol },
    });
  }

  const firstRowOfId = new Map<string, number>();
  let done = 0;
  for (const { rowNumber, cells } of rows) {
    if (onProgress && ++done % 5000 === 0) onProgress(done, rows.length);
    const rowIssues: InputIssue[] = [];
    const report = (column: string | undefined, code: IssueCode, params: IssueParams = {}) =>
      rowIssues.push({ severity: 'error', row: rowNumber, column, code, params: { row: rowNumber, ...(column ? { column } : {}), ...params } });

    const id = cells[idCol!];
    if (id === '') {
      report(idCol, 'empty_id');
    } else if (firstRowOfId.has(id)) {
      report(idCol, 'duplicate_id', { id, firstRow: firstRowOfId.get(id)! });
    } else {
      firstRowOfId.set(id, rowNumber);
    }

    const y = parseLocaleNumber(cells[yCol]);
    const x = parseLocaleNumber(cells[xCol]);
    for (const [col, v] of [[yCol, y], [xCol, x]] as const) {
      if (v !== null) continue;
      const raw = cells[col];
      if (raw === '') report(col, 'missing_value', { expected: crs });
      else report(col, 'not_numeric', { value: raw, expected: crs });
    }

    let kommunCode: string | undefined;
    const kommunRaw = kommunCol ? cells[kommunCol] : '';
    if (kommunRaw !== '') {
      if (/^\d{1,4}$/.test(kommunRaw)) kommunCode = kommunRaw.padStart(4, '0');
      else report(kommunCol, 'bad_kommun_code', { value: kommunRaw });
    }

    if (y !== null && x !== null) {
      const given = { crs, y: cells[yCol], x: cells[xCol] };
      const inSweden = inRange(y, yRange) && inRange(x, xRange);
      if (!inSweden && inRange(x, yRange) && inRange(y, xRange)) {
        report(undefined, 'swapped', { ...given, yColumn: yCol, xColumn: xCol });
      } else if (!inSweden) {
        const hint = crsHint(crs, y, x);
        report(undefined, 'out_of_range', hint ? { ...given, hint } : given);
      }
    }

    if (rowIssues.length) {
      issues.push(...rowIssues);
      continue;
    }
    const [lon, lat] = crs === 'wgs84' ? [x!, y!] : swerefToWgs84(y!, x!);
    const name = cells[nameCol!] || id;
    const site: Site = { id, name, status: 'candidate', lon: round6(lon), lat: round6(lat) };
    if (kommunCode) site.kommun_code = kommunCode;
    sites.push(site);
  }
  if (sites.length > MAX_CANDIDATES) {
    issues.unshift({ severity: 'error', code: 'too_many_candidates', params: { count: sites.length, max: MAX_CANDIDATES } });
    return { value: { sites: [], crs, rowsRead: rows.length }, issues };
  }
  return { value: { sites, crs, rowsRead: rows.length }, issues };
}

/** Most candidate sites one import (and one scenario) may hold; every site costs a road search and a column of every score. */
export const MAX_CANDIDATES = 2000;

/**
 * Reads candidate-file bytes (UTF-8 or Windows-1252, see decodeText) and parses them with
 * parseCandidatesCsv. A binary file gives an error issue and no sites.
 */
export function parseCandidatesFile(bytes: Uint8Array, onProgress?: Progress): Parsed<CandidateImport> {
  const decoded = decodeText(bytes);
  if (!decoded.value) return { value: { sites: [], crs: null, rowsRead: 0 }, issues: decoded.issues };
  const parsed = parseCandidatesCsv(decoded.value.text, onProgress);
  return { value: parsed.value, issues: [...decoded.issues, ...parsed.issues] };
}

/** A hint when the numbers look like the other coordinate system: 'metres' or 'degrees'. */
function crsHint(crs: CandidateCrs, y: number, x: number): string | null {
  if (crs === 'wgs84' && Math.abs(y) > 1000 && Math.abs(x) > 1000) return 'metres';
  if (crs === 'sweref99tm' && Math.abs(y) <= 180 && Math.abs(x) <= 180) return 'degrees';
  return null;
}
