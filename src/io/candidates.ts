import type { Site } from '../domain/types';
import { swerefToWgs84 } from '../geo/sweref';
import { normaliseHeader, parseCsv } from './csvText';
import { decodeText } from './decode';
import type { InputIssue, Parsed } from './issues';
import { parseLocaleNumber } from './number';

/** Coordinate system of a candidate file, as detected from its header. */
export type CandidateCrs = 'wgs84' | 'sweref99tm';

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

/** Bounds that any point in Sweden lies within (WGS84 degrees; SWEREF 99 TM metres). */
const LAT_RANGE: [number, number] = [55, 69.1];
const LON_RANGE: [number, number] = [10.9, 24.2];
const N_RANGE: [number, number] = [6_100_000, 7_700_000];
const E_RANGE: [number, number] = [250_000, 930_000];

const inRange = (v: number, [lo, hi]: [number, number]) => v >= lo && v <= hi;
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * Reads a CSV of candidate sites for the planner. Columns: `id`, `name`/`namn`, and either
 * `lat`+`lon` (`latitud`/`longitud`, WGS84 decimal degrees) or `N`+`E` (`northing`/`easting`,
 * `sweref99_n`/`sweref99_e`, SWEREF 99 TM metres), plus optional `kommun_code`. The coordinate
 * system is detected from the header and reported as a 'crs_detected' warning. Decimal comma
 * or point. Rows with problems (empty or duplicate id, non-numeric, swapped or non-Swedish
 * coordinates) are reported with their spreadsheet row and left out; good rows are returned
 * as sites with status 'candidate' and WGS84 coordinates. An empty name falls back to the id.
 */
export function parseCandidatesCsv(text: string): Parsed<CandidateImport> {
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
  const missing: string[] = [];
  if (!idCol) missing.push('id');
  if (!nameCol) missing.push('name (namn)');
  if (!crs) {
    missing.push('koordinater: lat och lon (WGS84, grader) eller N och E (SWEREF 99 TM, meter)');
  }
  if (missing.length || !crs) {
    issues.push({
      severity: 'error',
      row: 1,
      code: 'missing_column',
      message: `Rubrikraden saknar kolumn: ${missing.join('; ')}. Hittade kolumner: ${header.join(', ') || '(inga)'}.`,
    });
    return { value: { sites, crs, rowsRead: rows.length }, issues };
  }

  // Column pair (first = north/lat, second = east/lon) and their expected ranges.
  const [yCol, xCol] = crs === 'wgs84' ? [latCol!, lonCol!] : [nCol!, eCol!];
  const [yRange, xRange] = crs === 'wgs84' ? [LAT_RANGE, LON_RANGE] : [N_RANGE, E_RANGE];
  const expected =
    crs === 'wgs84'
      ? `lat ${fmtRange(LAT_RANGE)} och lon ${fmtRange(LON_RANGE)} (WGS84, grader)`
      : `N ${fmtRange(N_RANGE)} och E ${fmtRange(E_RANGE)} (SWEREF 99 TM, meter)`;
  issues.push({
    severity: 'warning',
    code: 'crs_detected',
    message:
      crs === 'wgs84'
        ? `Koordinater tolkade som WGS84 (lat/lon) från kolumnerna ${yCol} och ${xCol}.`
        : `Koordinater tolkade som SWEREF 99 TM (N/E) och omräknade till WGS84 från kolumnerna ${yCol} och ${xCol}.`,
  });
  if (crs === 'wgs84' && nCol && eCol) {
    issues.push({
      severity: 'warning',
      row: 1,
      code: 'crs_ambiguous',
      message: `Filen har både lat/lon och N/E. Kolumnerna ${latCol} och ${lonCol} används; ${nCol} och ${eCol} ignoreras.`,
    });
  }

  const firstRowOfId = new Map<string, number>();
  for (const { rowNumber, cells } of rows) {
    const rowIssues: InputIssue[] = [];
    const report = (column: string | undefined, code: string, message: string) =>
      rowIssues.push({ severity: 'error', row: rowNumber, column, code, message: `Rad ${rowNumber}${column ? `, kolumn ${column}` : ''}: ${message}` });

    const id = cells[idCol!];
    if (id === '') {
      report(idCol, 'empty_id', 'id är tomt. Förväntat: ett unikt id för varje plats, t.ex. kand-1.');
    } else if (firstRowOfId.has(id)) {
      report(idCol, 'duplicate_id', `id "${id}" finns redan på rad ${firstRowOfId.get(id)}. Förväntat: unika id.`);
    } else {
      firstRowOfId.set(id, rowNumber);
    }

    const y = parseLocaleNumber(cells[yCol]);
    const x = parseLocaleNumber(cells[xCol]);
    for (const [col, v] of [[yCol, y], [xCol, x]] as const) {
      if (v !== null) continue;
      const raw = cells[col];
      report(col, 'not_numeric', `${raw === '' ? 'värdet saknas' : `"${raw}" är inget tal`}. Förväntat: ${expected}.`);
    }

    let kommunCode: string | undefined;
    const kommunRaw = kommunCol ? cells[kommunCol] : '';
    if (kommunRaw !== '') {
      if (/^\d{1,4}$/.test(kommunRaw)) kommunCode = kommunRaw.padStart(4, '0');
      else report(kommunCol, 'bad_kommun_code', `"${kommunRaw}" är ingen kommunkod. Förväntat: fyra siffror, t.ex. 2080, eller tomt.`);
    }

    if (y !== null && x !== null) {
      const [yName, xName] = crs === 'wgs84' ? ['lat', 'lon'] : ['N', 'E'];
      const given = `${yName} ${cells[yCol]} och ${xName} ${cells[xCol]}`;
      const inSweden = inRange(y, yRange) && inRange(x, xRange);
      if (!inSweden && inRange(x, yRange) && inRange(y, xRange)) {
        report(
          undefined,
          'swapped',
          `${given} ser ut att vara omkastade (${yName} och ${xName} har bytt plats). Raden importeras inte; byt plats på värdena i ${yCol} och ${xCol}.`,
        );
      } else if (!inSweden) {
        report(undefined, 'out_of_range', `${given} kan inte ligga i Sverige${crsHint(crs, y, x)}. Förväntat: ${expected}.`);
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
  return { value: { sites, crs, rowsRead: rows.length }, issues };
}

/**
 * Reads candidate-file bytes (UTF-8 or Windows-1252, see decodeText) and parses them with
 * parseCandidatesCsv. A binary file gives an error issue and no sites.
 */
export function parseCandidatesFile(bytes: Uint8Array): Parsed<CandidateImport> {
  const decoded = decodeText(bytes);
  if (!decoded.value) return { value: { sites: [], crs: null, rowsRead: 0 }, issues: decoded.issues };
  const parsed = parseCandidatesCsv(decoded.value.text);
  return { value: parsed.value, issues: [...decoded.issues, ...parsed.issues] };
}

/** A range as Swedish text: "6 100 000–7 700 000", "55–69,1". */
function fmtRange([lo, hi]: [number, number]): string {
  const f = (v: number) => String(v).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${f(lo)}–${f(hi)}`;
}

/** A hint when the numbers look like the other coordinate system. */
function crsHint(crs: CandidateCrs, y: number, x: number): string {
  if (crs === 'wgs84' && Math.abs(y) > 1000 && Math.abs(x) > 1000) return ' (värdena ser ut som meter, t.ex. SWEREF 99 TM; döp i så fall kolumnerna till N och E)';
  if (crs === 'sweref99tm' && Math.abs(y) <= 180 && Math.abs(x) <= 180) return ' (värdena ser ut som grader; döp i så fall kolumnerna till lat och lon)';
  return '';
}
