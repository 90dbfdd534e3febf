import type { InputIssue } from '../io/issues';
import { formatNumber, STRINGS } from '../i18n';
import { downloadText } from './download';
import { issueText } from '../i18n/messages';
import { issueReportCsv } from '../io/issueReport';
import { usePlanner } from '../state/store';

/** Problems listed on screen; a larger report is summarised and offered as a file. */
const SHOWN = 100;

function downloadReport(fileName: string, csv: string): void {
  downloadText(`${fileName.replace(/\.[^.]+$/, '')}_rapport.csv`, csv, 'text/csv;charset=utf-8');
}

/**
 * The per-row report of a file import: every problem in the UI language, and — when some rows are fine —
 * a button to import those after all (nothing is imported before the planner confirms).
 */
export function ImportReport(props: {
  fileName: string;
  issues: readonly InputIssue[];
  /** All problems when `issues` holds only the first of them (a long report), with the whole report as CSV. */
  issueCount?: number;
  reportCsv?: string | null;
  summary?: string;
  goodRows: number;
  confirmLabel: string;
  testId: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const lang = usePlanner((st) => st.lang);
  const s = STRINGS[lang];
  const total = props.issueCount ?? props.issues.length;
  return (
    <div className="report" data-testid={`${props.testId}-report`} role="alert">
      <h3>
        {s.listing.report}: {props.fileName}
      </h3>
      {props.summary && <p>{props.summary}</p>}
      {total > SHOWN && (
        <p data-testid={`${props.testId}-report-count`}>
          {s.listing.reportShown.replace('{shown}', formatNumber(SHOWN, 0, lang)).replace('{total}', formatNumber(total, 0, lang))}{' '}
          <button type="button" className="link" data-testid={`${props.testId}-report-download`} onClick={() => downloadReport(props.fileName, props.reportCsv ?? issueReportCsv(props.issues, lang))}>
            {s.listing.reportDownload}
          </button>
        </p>
      )}
      <ul>
        {props.issues.slice(0, SHOWN).map((i, k) => (
          <li key={k} className={i.severity}>
            {issueText(i, lang)}
          </li>
        ))}
      </ul>
      <div className="actions">
        {props.goodRows > 0 && (
          <button type="button" data-testid={`${props.testId}-confirm`} onClick={props.onConfirm}>
            {props.confirmLabel} ({props.goodRows})
          </button>
        )}{' '}
        <button type="button" onClick={props.onCancel}>
          {s.listing.cancel}
        </button>
      </div>
    </div>
  );
}
