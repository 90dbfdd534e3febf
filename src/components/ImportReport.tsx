import type { InputIssue } from '../io/issues';
import { STRINGS } from '../i18n';
import { issueText } from '../i18n/messages';
import { usePlanner } from '../state/store';

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
      <ul>
        {props.issues.map((i, k) => (
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
