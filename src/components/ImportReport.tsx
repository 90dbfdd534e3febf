import type { InputIssue } from '../io/issues';
import { formatNumber, STRINGS, type Lang } from '../i18n';
import { writeCsv } from '../io/csvWrite';
import { downloadText } from './download';
import { issueText } from '../i18n/messages';
import { usePlanner } from '../state/store';

/** Problems listed on screen; a larger report is summarised and offered as a file. */
const SHOWN = 100;

/** The whole report as CSV: severity, row, column, code and the message in the UI language. */
function downloadReport(fileName: string, issues: readonly InputIssue[], lang: Lang): void {
  const rows = issues.map((i) => ({ severity: i.severity, row: i.row ?? null, column: i.column ?? null, code: i.code, message: issueText(i, lang) }));
  const text = writeCsv(rows, [
    { key: 'severity', get: (r) => r.severity },
    { key: 'row', get: (r) => r.row },
    { key: 'column', get: (r) => r.column },
    { key: 'code', get: (r) => r.code },
    { key: 'message', get: (r) => r.message },
  ], 'std');
  downloadText(`${fileName.replace(/\.[^.]+$/, '')}_rapport.csv`, text, 'text/csv;charset=utf-8');
}

/**
 * The per-row report of a file import: every problem in the UI language, and — when some rows are fine —
 * a button to import those after all (nothing is imported before the planner confirms).
 */
export function ImportReport(props: {
  fileName: string;
  issues: readonly InputIssue[];
  summary?: string;
  goodRows: number;
  confirmLabel: string;
  testId: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const lang = usePlanner((st) => st.lang);
  const s = STRINGS[lang];
  return (
    <div className="report" data-testid={`${props.testId}-report`} role="alert">
      <h3>
        {s.listing.report}: {props.fileName}
      </h3>
      {props.summary && <p>{props.summary}</p>}
      {props.issues.length > SHOWN && (
        <p data-testid={`${props.testId}-report-count`}>
          {s.listing.reportShown.replace('{shown}', formatNumber(SHOWN, 0, lang)).replace('{total}', formatNumber(props.issues.length, 0, lang))}{' '}
          <button type="button" className="link" data-testid={`${props.testId}-report-download`} onClick={() => downloadReport(props.fileName, props.issues, lang)}>
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
