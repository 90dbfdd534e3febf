import Papa from 'papaparse';

/**
 * CSV dialects for exports:
 * - `std`: comma, decimal point, UTF-8 without BOM, LF;
 * - `sv`: semicolon, decimal comma, UTF-8 with BOM, CRLF — opens correctly in Swedish Excel.
 */
export type CsvDialect = 'std' | 'sv';

export type Cell = string | number | null | undefined;

export interface CsvColumn<T> {
  key: string;
  /** Decimals for numbers; integers when 0. */
  decimals?: number;
  get: (row: T) => Cell;
}

/** Formats a number for a dialect: fixed decimals, no thousands separator, `,` decimal mark for sv. */
export function formatCsvNumber(v: number, decimals: number, dialect: CsvDialect): string {
  if (!Number.isFinite(v)) return '';
  const s = decimals > 0 ? v.toFixed(decimals) : String(Math.round(v));
  return dialect === 'sv' ? s.replace('.', ',') : s;
}

/** Text a spreadsheet would run as a formula (= + - @, tab, CR at the start) gets an apostrophe in front. */
export function neutraliseCell(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/**
 * Writes rows as CSV text in a dialect. Every cell is neutralised against formula injection:
 * header, data and footer. Optional `footer` lines are appended after the data as `# ` comment
 * lines (stated assumptions; readers that honour `#` comments skip them).
 */
export function writeCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[], dialect: CsvDialect, footer: readonly string[] = []): string {
  const data = rows.map((r) =>
    columns.map((c) => {
      const v = c.get(r);
      if (v === null || v === undefined) return '';
      if (typeof v === 'number') return formatCsvNumber(v, c.decimals ?? 0, dialect);
      return neutraliseCell(v);
    }),
  );
  const newline = dialect === 'sv' ? '\r\n' : '\n';
  const delimiter = dialect === 'sv' ? ';' : ',';
  const body = Papa.unparse({ fields: columns.map((c) => neutraliseCell(c.key)), data }, { delimiter, newline, quotes: false });
  const tail = footer.map((l) => footerLine(l, delimiter)).join(newline);
  return (dialect === 'sv' ? '\ufeff' : '') + body + newline + (tail ? tail + newline : '');
}

/**
 * A `# ` comment line whose every would-be cell is neutralised: a spreadsheet that ignores
 * comments still splits the line at the delimiter, so a scenario name like `Plan;=2+5` must not
 * leave a cell starting with `=` (also not as `"=…`).
 */
function footerLine(text: string, delimiter: string): string {
  const parts = `# ${text.replace(/[\r\n]+/g, ' ')}`.split(delimiter);
  return parts.map((p, i) => (i > 0 && /^"?[=+\-@\t\r]/.test(p) ? `'${p}` : p)).join(delimiter);
}
