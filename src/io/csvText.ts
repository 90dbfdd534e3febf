import Papa from 'papaparse';
import type { InputIssue, Parsed } from './issues';

import { stripBom } from './decode';

export interface CsvTable {
  /** Header names as written (trimmed). */
  header: string[];
  /** Data rows keyed by header name; `rowNumber` is the spreadsheet row (header = 1). */
  rows: { rowNumber: number; cells: Record<string, string> }[];
  delimiter: string;
}

/** Normalises a header for matching: lower case, trimmed, å/ä→a, ö→o, spaces and dashes → _. */
export function normaliseHeader(h: string): string {
  return stripBom(h)
    .trim()
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/[\s\-–]+/g, '_');
}

/**
 * Parses CSV text with a header row. The delimiter (`;`, `,` or tab) is detected. Empty lines
 * are skipped. Returns issues for an empty file or one without data rows.
 */
export function parseCsv(text: string): Parsed<CsvTable> {
  const issues: InputIssue[] = [];
  const clean = stripBom(text);
  if (clean.trim() === '') {
    issues.push({ severity: 'error', code: 'empty' });
    return { value: { header: [], rows: [], delimiter: ',' }, issues };
  }
  const res = Papa.parse<string[]>(clean, {
    header: false,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [';', ',', '\t'],
  });
  const data = res.data;
  const delimiter = res.meta.delimiter || ',';
  // An unclosed quote makes the parser swallow every following line into one field: say where.
  const open = res.errors.find((e) => e.code === 'MissingQuotes');
  if (open) {
    const line = lineOfUnclosedQuote(clean);
    issues.push({ severity: 'error', row: line, code: 'unclosed_quote', params: { row: line } });
  }
  const header = (data[0] ?? []).map((h) => h.trim());
  const rows: CsvTable['rows'] = [];
  // Papaparse's row index skips empty lines, so count physical lines ourselves for row numbers.
  const lineNumbers = physicalRowNumbers(clean, delimiter);
  for (let r = 1; r < data.length; r++) {
    const cells: Record<string, string> = {};
    const line = data[r];
    header.forEach((h, c) => {
      cells[h] = (line[c] ?? '').trim();
    });
    const rowNumber = lineNumbers[r] ?? r + 1;
    if (line.length !== header.length) {
      issues.push({
        severity: 'warning',
        row: rowNumber,
        code: 'field_count',
        params: { row: rowNumber, fields: line.length, headerFields: header.length },
      });
    }
    rows.push({ rowNumber, cells });
  }
  if (rows.length === 0) {
    issues.push({ severity: 'error', code: 'no_rows' });
  }
  return { value: { header, rows, delimiter }, issues };
}

/** Spreadsheet row numbers (1-based) of the non-empty records, honouring quoted newlines. */
function physicalRowNumbers(text: string, delimiter: string): number[] {
  const out: number[] = [];
  let line = 1;
  let inQuotes = false;
  let recordStart = 1;
  let recordHasContent = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    if (ch === '\n' && !inQuotes) {
      if (recordHasContent) out.push(recordStart);
      line++;
      recordStart = line;
      recordHasContent = false;
      continue;
    }
    if (ch === '\n') line++;
    if (ch !== '\r' && ch !== ' ' && ch !== '\t' && ch !== delimiter) recordHasContent = true;
  }
  if (recordHasContent) out.push(recordStart);
  return out;
}

/** The spreadsheet row (1-based) where a quote opens and is never closed. */
function lineOfUnclosedQuote(text: string): number {
  let line = 1;
  let inQuotes = false;
  let openedAt = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      if (!inQuotes) openedAt = line;
      inQuotes = !inQuotes;
    } else if (ch === '\n') line++;
  }
  return openedAt;
}
