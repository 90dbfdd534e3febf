import * as Comlink from 'comlink';
import { parseCandidatesFile, type CandidateImport } from '../io/candidates';
import type { Parsed, Progress } from '../io/issues';
import { parseMatrixFile } from '../io/matrix';
import type { TravelMatrix } from '../domain/types';
import type { Lang } from '../i18n/format';
import { issueReportCsv } from '../io/issueReport';
import type { InputIssue } from '../io/issues';

/** Problems sent to the page one by one; the rest travel as the report text. */
export const SHOWN_ISSUES = 500;

/** A long problem list, cut for the page: the first problems, their number, the whole report as CSV. */
export interface IssueSummary {
  issues: InputIssue[];
  issueCount: number;
  /** The whole report as CSV (only when it was cut). */
  reportCsv: string | null;
}

export function summariseIssues(issues: InputIssue[], lang: Lang): IssueSummary {
  if (issues.length <= SHOWN_ISSUES) return { issues, issueCount: issues.length, reportCsv: null };
  // Errors that concern the whole file come first in the list the parsers build.
  return { issues: issues.slice(0, SHOWN_ISSUES), issueCount: issues.length, reportCsv: issueReportCsv(issues, lang) };
}

export { MAX_IMPORT_BYTES } from '../io/importLimits';

/**
 * Reads candidate and matrix files off the main thread, so a 200 000-row CSV or a 50 MB matrix
 * never freezes the page; progress is reported by rows, and the caller cancels by terminating the
 * worker. The parsers are the same ones the CLI uses.
 */
export class ImportApi {
  /**
   * A candidate file. A long list of problems stays in the worker: the page gets the first
   * `SHOWN_ISSUES` and the whole report as one CSV text (cheap to pass), never 200 000 objects.
   */
  candidates(buffer: ArrayBuffer, lang: Lang, onProgress?: Progress): Parsed<CandidateImport> & IssueSummary {
    const r = parseCandidatesFile(new Uint8Array(buffer), onProgress);
    return { ...r, ...summariseIssues(r.issues, lang) };
  }

  matrix(buffer: ArrayBuffer, fileName: string, onProgress?: Progress): Parsed<TravelMatrix | null> {
    const r = parseMatrixFile(new Uint8Array(buffer), fileName, onProgress);
    // The big arrays move to the main thread without a copy.
    const transfer = r.value ? [r.value.minutes.buffer, ...(r.value.km ? [r.value.km.buffer] : [])] : [];
    return Comlink.transfer(r, transfer as ArrayBuffer[]);
  }
}
