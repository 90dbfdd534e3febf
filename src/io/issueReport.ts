import { issueText } from '../i18n/messages';
import type { Lang } from '../i18n/format';
import { writeCsv } from './csvWrite';
import type { InputIssue } from './issues';

/** A problem report as CSV (severity, row, column, code, message), for download. */
export function issueReportCsv(issues: readonly InputIssue[], lang: Lang = 'sv'): string {
  return writeCsv(
    issues,
    [
      { key: 'severity', get: (i) => i.severity },
      { key: 'row', get: (i) => i.row ?? null },
      { key: 'column', get: (i) => i.column ?? null },
      { key: 'code', get: (i) => i.code },
      { key: 'message', get: (i) => issueText(i, lang) },
    ],
    'std',
  );
}
