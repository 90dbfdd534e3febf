import type { TravelMatrix } from '../domain/types';
import { normaliseHeader, parseCsv } from './csvText';
import { decodeText } from './decode';
import type { InputIssue, IssueCode, IssueParams, Parsed, Progress } from './issues';
import { parseLocaleNumber } from './number';

const ORIGIN_COLUMNS = ['origin_id', 'origin', 'from_id', 'from'];
const DESTINATION_COLUMNS = ['destination_id', 'destination', 'to_id', 'to'];
const MINUTES_COLUMNS = ['minutes', 'minuter', 'min'];
const KM_COLUMNS = ['km', 'distance_km'];

/** At most this many issues of one kind are listed; the rest are summarised in one issue. */
export const MAX_ISSUES_PER_CODE = 50;

/**
 * Reads a long-format travel matrix CSV: `origin_id,destination_id,minutes[,km]` (`;`, `,` or
 * tab; decimal comma or point). Origins and destinations are kept in order of first
 * appearance. Pairs not in the file, and rows with problems (empty id, non-numeric or negative
 * minutes/km, a pair given twice), are left as NaN and reported with their spreadsheet row.
 * An empty km cell is a missing km value (NaN). `km` is null when there is no km column.
 * Returns null when the file has no usable header or no usable row.
 */
export function parseMatrixCsv(text: string, onProgress?: Progress): Parsed<TravelMatrix | null> {
  const table = parseCsv(text);
  const issues: InputIssue[] = [...table.issues];
  const { header, rows } = table.value;
  if (header.length === 0) return { value: null, issues };

  const byNorm = new Map(header.map((h) => [normaliseHeader(h), h]));
  const pick = (names: string[]) => names.map((n) => byNorm.get(n)).find((h) => h !== undefined);
  const originCol = pick(ORIGIN_COLUMNS);
  const destCol = pick(DESTINATION_COLUMNS);
  const minCol = pick(MINUTES_COLUMNS);
  const kmCol = pick(KM_COLUMNS);
  // Keys of the missing columns; the message names them (see COLUMN_TEXT in src/i18n/messages.ts).
  const missing = [!originCol && 'origin_id', !destCol && 'destination_id', !minCol && 'minutes'].filter((c): c is string => !!c);
  if (missing.length) {
    issues.push({ severity: 'error', row: 1, code: 'matrix_missing_column', params: { missing: missing.join(';'), found: header.join(', ') } });
    return { value: null, issues };
  }

  const origins = new IdIndex();
  const destinations = new IdIndex();
  const pairs: { o: number; d: number; minutes: number; km: number }[] = [];
  const firstRowOfPair = new Map<string, number>();
  const rowIssues: InputIssue[] = [];

  let done = 0;
  for (const { rowNumber, cells } of rows) {
    if (onProgress && ++done % 20000 === 0) onProgress(done, rows.length);
    const before = rowIssues.length;
    const report = (column: string | undefined, code: IssueCode, params: IssueParams = {}) =>
      rowIssues.push({ severity: 'error', row: rowNumber, column, code, params: { row: rowNumber, ...(column ? { column } : {}), ...params } });

    const originId = cells[originCol!];
    const destId = cells[destCol!];
    if (originId === '') report(originCol, 'matrix_empty_origin');
    if (destId === '') report(destCol, 'matrix_empty_destination');

    const minutes = readValue(cells[minCol!], false, (code, params) => report(minCol, code, { ...params, expected: 'minutes' }));
    const km = kmCol ? readValue(cells[kmCol], true, (code, params) => report(kmCol, code, { ...params, expected: 'km' })) : NaN;

    if (originId !== '' && destId !== '') {
      const key = `${originId}\u0000${destId}`;
      const first = firstRowOfPair.get(key);
      if (first !== undefined) {
        report(undefined, 'duplicate_pair', { origin: originId, destination: destId, firstRow: first });
      } else {
        firstRowOfPair.set(key, rowNumber);
      }
      // Ids count as present even when this row is unusable: the pair then shows as missing.
      const o = origins.add(originId);
      const d = destinations.add(destId);
      if (rowIssues.length === before) pairs.push({ o, d, minutes: minutes!, km: km ?? NaN });
    }
  }
  issues.push(...limitIssues(rowIssues));

  if (pairs.length === 0) {
    if (rows.length > 0) {
      issues.push({ severity: 'error', code: 'no_valid_rows' });
    }
    return { value: null, issues };
  }
  const nd = destinations.ids.length;
  if (origins.ids.length * nd > MAX_MATRIX_CELLS) {
    issues.push({ severity: 'error', code: 'matrix_too_large', params: { origins: origins.ids.length, destinations: nd, cells: origins.ids.length * nd, max: MAX_MATRIX_CELLS } });
    return { value: null, issues };
  }
  const minutesArr = new Float64Array(origins.ids.length * nd).fill(NaN);
  const kmArr = kmCol ? new Float64Array(origins.ids.length * nd).fill(NaN) : null;
  for (const p of pairs) {
    minutesArr[p.o * nd + p.d] = p.minutes;
    if (kmArr) kmArr[p.o * nd + p.d] = p.km;
  }
  return { value: { origins: origins.ids, destinations: destinations.ids, minutes: minutesArr, km: kmArr }, issues };
}

/**
 * Most origin × destination cells a matrix may span (the app's largest real need: 4 113 grid
 * units × a few thousand sites). More would exhaust the browser's memory; such a file is refused
 * with a message instead of crashing the tab.
 */
export const MAX_MATRIX_CELLS = 12_000_000;

/**
 * Reads a dense JSON travel matrix:
 * `{ "origins": [ids], "destinations": [ids], "minutes": (number|null)[][], "km"?: (number|null)[][] }`
 * with minutes and km (≥ 0) indexed [origin][destination]; null is a missing pair (NaN).
 * Structural problems (invalid JSON, wrong shape, duplicate ids) give null; a non-numeric or
 * negative entry is reported and left as NaN.
 */
export function parseMatrixJson(text: string): Parsed<TravelMatrix | null> {
  const issues: InputIssue[] = [];
  const shapeError = (code: IssueCode, params?: IssueParams, column?: string) => {
    issues.push({ severity: 'error', column, code, ...(params ? { params } : {}) });
    return { value: null, issues };
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    issues.push({ severity: 'error', code: 'matrix_invalid_json', params: { error: (e as Error).message } });
    return { value: null, issues };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return shapeError('matrix_not_object');
  }
  const obj = data as Record<string, unknown>;

  const origins = readIds(obj.origins, 'origins', issues);
  const destinations = readIds(obj.destinations, 'destinations', issues);
  if (!origins || !destinations) return { value: null, issues };
  if (origins.length * destinations.length > MAX_MATRIX_CELLS) {
    return shapeError('matrix_too_large', { origins: origins.length, destinations: destinations.length, cells: origins.length * destinations.length, max: MAX_MATRIX_CELLS });
  }

  const readGrid = (field: 'minutes' | 'km'): Float64Array | null | 'bad' => {
    const grid = obj[field];
    if (grid === undefined && field === 'km') return null;
    if (!Array.isArray(grid)) {
      shapeError('matrix_grid_not_list', { field, origins: origins.length }, field);
      return 'bad';
    }
    if (grid.length !== origins.length) {
      shapeError('matrix_grid_rows', { field, rows: grid.length, origins: origins.length }, field);
      return 'bad';
    }
    const out = new Float64Array(origins.length * destinations.length).fill(NaN);
    const entryIssues: InputIssue[] = [];
    for (let i = 0; i < grid.length; i++) {
      const row: unknown = grid[i];
      if (!Array.isArray(row)) {
        shapeError('matrix_grid_row_not_list', { field, index: i, origin: origins[i], destinations: destinations.length }, field);
        return 'bad';
      }
      if (row.length !== destinations.length) {
        shapeError('matrix_grid_row_length', { field, index: i, origin: origins[i], values: row.length, destinations: destinations.length }, field);
        return 'bad';
      }
      for (let j = 0; j < row.length; j++) {
        const v: unknown = row[j];
        if (v === null) continue;
        const where = { field, i, j, origin: origins[i], destination: destinations[j] };
        if (typeof v !== 'number') {
          entryIssues.push({ severity: 'error', column: field, code: 'matrix_cell_not_numeric', params: { ...where, value: String(JSON.stringify(v)) } });
        } else if (v < 0) {
          entryIssues.push({ severity: 'error', column: field, code: 'matrix_cell_negative', params: { ...where, value: v } });
        } else {
          out[i * destinations.length + j] = v;
        }
      }
    }
    issues.push(...limitIssues(entryIssues));
    return out;
  };

  const minutes = readGrid('minutes');
  if (minutes === 'bad') return { value: null, issues };
  if (minutes === null) return shapeError('matrix_missing_minutes', undefined, 'minutes');
  const km = readGrid('km');
  if (km === 'bad') return { value: null, issues };
  return { value: { origins, destinations, minutes, km }, issues };
}

/**
 * Reads travel-matrix file bytes: decodes the text (UTF-8 or Windows-1252), then parses JSON
 * when the name ends in .json or the text starts with `{`, else CSV.
 */
export function parseMatrixFile(bytes: Uint8Array, fileName: string, onProgress?: Progress): Parsed<TravelMatrix | null> {
  const decoded = decodeText(bytes);
  if (!decoded.value) return { value: null, issues: decoded.issues };
  const { text } = decoded.value;
  const isJson = fileName.toLowerCase().endsWith('.json') || text.trimStart().startsWith('{');
  const parsed = isJson ? parseMatrixJson(text) : parseMatrixCsv(text, onProgress);
  return { value: parsed.value, issues: [...decoded.issues, ...parsed.issues] };
}

/**
 * What a scenario needs that the matrix lacks: needed origin ids not in the matrix, needed
 * destination ids not in the matrix, and needed pairs (both ids present) without minutes.
 * At most one error issue per kind, with up to 5 examples.
 */
export function matrixCoverageIssues(matrix: TravelMatrix, originIds: string[], destinationIds: string[]): InputIssue[] {
  const issues: InputIssue[] = [];
  const oIndex = indexOf(matrix.origins);
  const dIndex = indexOf(matrix.destinations);
  const needO = [...new Set(originIds)];
  const needD = [...new Set(destinationIds)];
  const missingO = needO.filter((id) => !oIndex.has(id));
  const missingD = needD.filter((id) => !dIndex.has(id));
  if (missingO.length) {
    issues.push({ severity: 'error', code: 'missing_origins', params: { missing: missingO.length, needed: needO.length, examples: examples(missingO) } });
  }
  if (missingD.length) {
    issues.push({ severity: 'error', code: 'missing_destinations', params: { missing: missingD.length, needed: needD.length, examples: examples(missingD) } });
  }
  const nd = matrix.destinations.length;
  let needed = 0;
  const missingPairs: string[] = [];
  for (const o of needO) {
    const i = oIndex.get(o);
    if (i === undefined) continue;
    for (const d of needD) {
      const j = dIndex.get(d);
      if (j === undefined) continue;
      needed++;
      if (Number.isNaN(matrix.minutes[i * nd + j])) missingPairs.push(`${o} → ${d}`);
    }
  }
  if (missingPairs.length) {
    issues.push({ severity: 'error', code: 'missing_pairs', params: { missing: missingPairs.length, needed, examples: examples(missingPairs) } });
  }
  return issues;
}

/**
 * A lookup function for a matrix (O(1) per call via Maps). Returns minutes and km (null when the
 * matrix has no km or the km value is missing), or null when the pair is missing.
 */
export function matrixLookup(matrix: TravelMatrix): (originId: string, destinationId: string) => { minutes: number; km: number | null } | null {
  const oIndex = indexOf(matrix.origins);
  const dIndex = indexOf(matrix.destinations);
  const nd = matrix.destinations.length;
  return (originId, destinationId) => {
    const i = oIndex.get(originId);
    const j = dIndex.get(destinationId);
    if (i === undefined || j === undefined) return null;
    const minutes = matrix.minutes[i * nd + j];
    if (Number.isNaN(minutes)) return null;
    const km = matrix.km ? matrix.km[i * nd + j] : NaN;
    return { minutes, km: Number.isNaN(km) ? null : km };
  };
}

/**
 * Keeps the first MAX_ISSUES_PER_CODE issues of each code and adds one summarising issue
 * ('more_of_same') per code for the rest, so a systematically broken file does not flood the user.
 */
export function limitIssues(issues: InputIssue[], max = MAX_ISSUES_PER_CODE): InputIssue[] {
  const counts = new Map<IssueCode, number>();
  const out: InputIssue[] = [];
  for (const issue of issues) {
    const n = (counts.get(issue.code) ?? 0) + 1;
    counts.set(issue.code, n);
    if (n <= max) out.push(issue);
  }
  for (const [code, n] of counts) {
    if (n > max) {
      out.push({ severity: 'error', code: 'more_of_same', params: { code, more: n - max, shown: max } });
    }
  }
  return out;
}

/** Parses one numeric cell; reports and returns null when unusable. Empty is NaN when allowed. */
function readValue(raw: string, emptyAllowed: boolean, report: (code: IssueCode, params: IssueParams) => void): number | null {
  if (raw === '' && emptyAllowed) return NaN;
  const v = parseLocaleNumber(raw);
  if (v === null) {
    if (raw === '') report('missing_value', {});
    else report('not_numeric', { value: raw });
    return null;
  }
  if (v < 0) {
    report('negative', { value: raw });
    return null;
  }
  return v;
}

/** Reads an id list from JSON; reports wrong types, empty and duplicate ids. */
function readIds(value: unknown, field: 'origins' | 'destinations', issues: InputIssue[]): string[] | null {
  if (!Array.isArray(value)) {
    issues.push({ severity: 'error', column: field, code: 'matrix_ids_not_list', params: { field } });
    return null;
  }
  if (value.length === 0) {
    issues.push({ severity: 'error', column: field, code: 'matrix_ids_empty', params: { field } });
    return null;
  }
  const ids: string[] = [];
  const first = new Map<string, number>();
  let ok = true;
  value.forEach((v: unknown, i) => {
    const id = typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
    if (id === '') {
      issues.push({ severity: 'error', column: field, code: 'matrix_invalid_id', params: { field, index: i, value: String(JSON.stringify(v)) } });
      ok = false;
    } else if (first.has(id)) {
      issues.push({
        severity: 'error',
        column: field,
        code: 'matrix_duplicate_id',
        params: { field, index: i, id, first: first.get(id)! },
      });
      ok = false;
    } else {
      first.set(id, i);
    }
    ids.push(id);
  });
  return ok ? ids : null;
}

function indexOf(ids: readonly string[]): Map<string, number> {
  return new Map(ids.map((id, i) => [id, i]));
}

/** Up to 5 examples (the message adds "med flera" when there are more). */
function examples(items: string[]): string {
  return items.slice(0, 5).join(', ');
}

/** Ids in order of first appearance with their index. */
class IdIndex {
  readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  add(id: string): number {
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.ids.length;
      this.ids.push(id);
      this.index.set(id, i);
    }
    return i;
  }
}
