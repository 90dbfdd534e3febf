import type { ForecastRow } from '../domain/need/projection';
import { normaliseHeader, parseCsv } from './csvText';
import { decodeText } from './decode';
import type { InputIssue, Parsed } from './issues';
import { parseLocaleNumber } from './number';

const KOMMUN = ['kommun_code', 'kommunkod', 'kommun', 'kod'];
const YEAR = ['year', 'ar'];
const CHILDREN = ['children_0_6', 'barn_0_6', 'barn_0_6_ar', 'antal'];

/**
 * Reads a forecast of children 0–6 per kommun and year (`kommun_code, year, children_0_6`; the
 * Swedish Excel dialect with `;`, decimal comma and Swedish headers also works). Every problem is
 * reported with its row and column; good rows are kept.
 */
export function parseForecastFile(bytes: Uint8Array): Parsed<ForecastRow[]> {
  const decoded = decodeText(bytes);
  if (!decoded.value) return { value: [], issues: decoded.issues };
  const table = parseCsv(decoded.value.text);
  const issues: InputIssue[] = [...decoded.issues, ...table.issues];
  const { header, rows } = table.value;
  if (!header.length) return { value: [], issues };
  const byNorm = new Map(header.map((h) => [normaliseHeader(h), h]));
  const pick = (names: string[]) => names.map((n) => byNorm.get(n)).find((h) => h !== undefined);
  const kCol = pick(KOMMUN);
  const yCol = pick(YEAR);
  const cCol = pick(CHILDREN);
  const missing = [!kCol && 'kommun_code', !yCol && 'year', !cCol && 'children_0_6_forecast'].filter(Boolean) as string[];
  if (missing.length) {
    issues.push({ severity: 'error', row: 1, code: 'missing_column', params: { missing: missing.join(';'), found: header.join(', ') } });
    return { value: [], issues };
  }
  const out: ForecastRow[] = [];
  const seen = new Map<string, number>();
  for (const { rowNumber, cells } of rows) {
    const before = issues.length;
    const k = cells[kCol!];
    if (!/^\d{4}$/.test(k)) issues.push({ severity: 'error', row: rowNumber, column: kCol, code: 'bad_kommun_code', params: { row: rowNumber, column: kCol!, value: k } });
    const y = parseLocaleNumber(cells[yCol!]);
    if (y === null || !Number.isInteger(y) || y < 2025 || y > 2100) issues.push({ severity: 'error', row: rowNumber, column: yCol, code: 'bad_year', params: { row: rowNumber, column: yCol!, value: cells[yCol!] } });
    const c = parseLocaleNumber(cells[cCol!]);
    if (c === null || c < 0) issues.push({ severity: 'error', row: rowNumber, column: cCol, code: 'not_count', params: { row: rowNumber, column: cCol!, value: cells[cCol!], expected: 'count' } });
    if (issues.length > before) continue;
    const key = `${k}|${y}`;
    if (seen.has(key)) {
      issues.push({ severity: 'error', row: rowNumber, code: 'forecast_duplicate', params: { row: rowNumber, value: k, year: y!, firstRow: seen.get(key)! } });
      continue;
    }
    seen.set(key, rowNumber);
    out.push({ kommun_code: k, year: y!, children_0_6: c! });
  }
  if (!out.length && rows.length) issues.push({ severity: 'error', code: 'no_valid_rows' });
  return { value: out, issues };
}
