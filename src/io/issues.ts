/** A problem found in user or data input. Messages are Swedish (what, where, what was expected). */
export interface InputIssue {
  severity: 'error' | 'warning';
  /** 1-based data row number as a spreadsheet shows it (header = row 1), when the issue has a row. */
  row?: number;
  /** Column name, when the issue has a column. */
  column?: string;
  /** Machine-readable kind, e.g. 'missing_column', 'not_numeric', 'unmatched'. */
  code: string;
  message: string;
}

/** The result of reading user data: a value (possibly partial) and the problems found. */
export interface Parsed<T> {
  value: T;
  issues: InputIssue[];
}

export function hasErrors(issues: readonly InputIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
