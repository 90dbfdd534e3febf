/**
 * Every kind of problem the readers in src/io report. Each code has exactly one sentence
 * template per language in src/i18n/messages.ts (`issueText`), which renders it from the
 * issue's params; Swedish is the default.
 */
export const ISSUE_CODES = [
  // Decoding file bytes (decode.ts)
  'bad_utf16',
  'not_text',
  'encoding',
  // CSV structure (csvText.ts)
  'empty',
  'no_rows',
  'field_count',
  // Headers of candidate and listing files
  'missing_column',
  // Numeric cells of candidate and matrix CSV files (params.expected says what was expected)
  'missing_value',
  'not_numeric',
  'negative',
  // Candidate files (candidates.ts)
  'crs_wgs84',
  'crs_sweref99tm',
  'crs_ambiguous',
  'empty_id',
  'duplicate_id',
  'bad_kommun_code',
  'swapped',
  'out_of_range',
  // Listing files (listingCsv.ts)
  'ambiguous',
  'unmatched',
  'bad_year',
  'not_count',
  'duplicate',
  // Travel matrices, long CSV (matrix.ts)
  'matrix_missing_column',
  'matrix_empty_origin',
  'matrix_empty_destination',
  'duplicate_pair',
  'no_valid_rows',
  'more_of_same',
  // Travel matrices, dense JSON
  'matrix_invalid_json',
  'matrix_not_object',
  'matrix_ids_not_list',
  'matrix_ids_empty',
  'matrix_invalid_id',
  'matrix_duplicate_id',
  'matrix_grid_not_list',
  'matrix_grid_rows',
  'matrix_grid_row_length',
  'matrix_grid_row_not_list',
  'matrix_missing_minutes',
  'matrix_cell_not_numeric',
  'matrix_cell_negative',
  // What a scenario needs that a matrix lacks
  'missing_origins',
  'missing_destinations',
  'missing_pairs',
  // Scenario files and share links (scenarioFile.ts)
  'scenario_invalid_json',
  'not_scenario',
  'migrated',
  'version',
  'scenario_missing_field',
  'scenario_invalid_value',
  'bad_link',
  'scenario_outside_sweden',
  'matrix_too_large',
  'mixed_encoding',
  'unclosed_quote',
  'too_many_candidates',
  'file_too_large',
  'forecast_duplicate',
  'scenario_duplicate_ids',
  // Solve problems as JSON (solveJson.ts)
  'solve_invalid_json',
  'solve_missing_field',
  'solve_invalid_field',
  'solve_empty_demand',
  'solve_empty_sites',
  'solve_cost_rows',
  'solve_cost_row_length',
  'solve_bad_cost',
  'solve_duplicate_id',
  'solve_needs_p',
  'solve_needs_radius',
  'solve_target_share_lscp_only',
  'solve_robust_mclp_only',
  'solve_robust_weights_length',
  'solve_robust_empty_year',
] as const;

/** Machine-readable kind of an input problem. */
export type IssueCode = (typeof ISSUE_CODES)[number];

/** Values a message template fills in: row, column, the value found, counts, field names … */
export type IssueParams = Record<string, string | number>;

/**
 * A problem found in user or data input. It carries no text: `issueText` (src/i18n/messages.ts)
 * renders it in Swedish or English from `code` and `params` (what, where, what was expected).
 */
export interface InputIssue {
  severity: 'error' | 'warning';
  /** 1-based data row number as a spreadsheet shows it (header = row 1), when the issue has a row. */
  row?: number;
  /** Column name, when the issue has a column. */
  column?: string;
  code: IssueCode;
  params?: IssueParams;
}

/** The result of reading user data: a value (possibly partial) and the problems found. */
export interface Parsed<T> {
  value: T;
  issues: InputIssue[];
}

export function hasErrors(issues: readonly InputIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/** Progress of reading a long file: rows done of rows in all. */
export type Progress = (done: number, total: number) => void;
