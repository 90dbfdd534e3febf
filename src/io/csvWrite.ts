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

/**
 * Writes rows as CSV text in a dialect. Optional `footer` lines are appended as `# ` comment
 * lines after the data (stated assumptions); readers that honour `#` comments skip them.
 */
export function writeCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[], dialect: CsvDialect, footer: readonly string[] = []): string {
  const data = rows.map((r) =>
    columns.map((c) => {
      const v = c.get(r);
      if (v === null || v === undefined) return '';
      if (typeof v === 'number') return formatCsvNumber(v, c.decimals ?? 0, dialect);
      // Text that a spreadsheet would run as a formula is prefixed with an apostrophe.
      return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    }),
  );
  const newline = dialect === 'sv' ? '\r\n' : '\n';
  const body = Papa.unparse(
    { fields: columns.map((c) => c.key), data },
    { delimiter: dialect === 'sv' ? ';' : ',', newline, quotes: false },
  );
  const tail = footer.map((l) => `# ${l.replace(/[\r\n]+/g, ' ')}`).join(newline);
  return (dialect === 'sv' ? '\ufeff' : '') + body + newline + (tail ? tail + newline : '');
}
