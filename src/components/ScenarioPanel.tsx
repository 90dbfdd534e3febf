import { useState } from 'react';
import { compareText, STRINGS } from '../i18n';
import { FileButton } from './FileButton';
import { issueText } from '../i18n/messages';
import { encodeShare, parseScenario } from '../io/scenarioFile';
import { liveDoc, usePlanner } from '../state/store';
import { quarantinedFile } from '../state/persistence';
import { downloadText } from './download';
import { exportScenarioFile } from './scenarioExport';

/** Named scenarios: list, new, duplicate, rename, delete, export/import as JSON, share as a link. */
export function ScenarioPanel() {
  const lang = usePlanner((st) => st.lang);
  const s = STRINGS[lang];
  const t = s.scenario;
  const scenarios = usePlanner((st) => st.scenarios);
  const activeId = usePlanner((st) => st.activeScenarioId);
  const st = usePlanner.getState();
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const [report, setReport] = useState<string[] | null>(null);
  const active = scenarios.find((x) => x.id === activeId);
  const quarantined = usePlanner((st) => st.quarantined);

  const onImport = async (file: File) => {
    const r = parseScenario(await file.text());
    if (r.value) {
      st.importScenario(r.value, `${t.imported}: "${r.value.name}" (${file.name}). ${r.issues.map((i) => issueText(i, lang)).join(' ')}`.trim());
      setReport(null);
    } else setReport(r.issues.map((i) => `${file.name}: ${issueText(i, lang)}`));
  };
  const share = async () => {
    const doc = liveDoc(usePlanner.getState());
    const url = `${location.origin}${location.pathname}#s=${encodeShare(doc)}`;
    setLink(url);
    setCopied(null);
    try {
      await navigator.clipboard?.writeText(url);
    } catch {
      /* the link is shown for manual copying */
    }
  };

  return (
    <section className="panel" aria-labelledby="scen-h" data-testid="scenario-panel">
      <h2 id="scen-h">{t.title}</h2>
      <p className="hint">{t.autosave}</p>
      <ul className="scenario-list" data-testid="scenario-list">
        {[...scenarios]
          .sort((a, b) => compareText(a.name, b.name, lang))
          .map((d) => (
            <li key={d.id} className={d.id === activeId ? 'active' : ''}>
              <label>
                <input type="radio" name="scenario" checked={d.id === activeId} data-testid={`scenario-${d.name}`} onChange={() => st.activateScenario(d.id)} /> {d.name}
              </label>{' '}
              <span className="note">({d.id === activeId ? usePlanner.getState().candidates.length : d.candidates.length} {t.candidates})</span>{' '}
              {confirmDelete === d.id ? (
                <>
                  <button type="button" className="link danger" data-testid="scenario-delete-confirm" onClick={() => { st.deleteScenario(d.id); setConfirmDelete(null); }}>
                    {t.confirmDelete}
                  </button>{' '}
                  <button type="button" className="link" onClick={() => setConfirmDelete(null)}>{s.listing.cancel}</button>
                </>
              ) : (
                <button type="button" className="link" data-testid={`scenario-delete-${d.name}`} onClick={() => setConfirmDelete(d.id)}>
                  {t.delete}
                </button>
              )}
            </li>
          ))}
      </ul>
      {active && (
        <div className="form-row">
          <label>
            {t.name} <input value={active.name} data-testid="scenario-name" onChange={(e) => st.renameScenario(active.id, e.target.value)} />
          </label>
        </div>
      )}
      <div className="actions">
        <button type="button" data-testid="scenario-new" onClick={() => st.createScenario(`${t.newName} ${scenarios.length + 1}`)}>{t.new}</button>{' '}
        <button type="button" data-testid="scenario-duplicate" onClick={() => st.duplicateScenario(activeId)}>{t.duplicate}</button>{' '}
        <button type="button" data-testid="scenario-export" onClick={exportScenarioFile}>{t.export}</button>{' '}
        <FileButton label={t.import} accept=".json,application/json" testId="scenario-file" onFile={(f) => void onImport(f)} />{' '}
        <button type="button" data-testid="scenario-share" onClick={() => void share()}>{t.share}</button>
      </div>
      {link && (
        <div className="form-row">
          <label>
            {t.link} <input readOnly value={link} data-testid="share-link" onFocus={(e) => e.target.select()} />
          </label>{' '}
          <button
            type="button"
            data-testid="share-copy"
            onClick={async () => {
              try {
                await navigator.clipboard.writeText(link);
                setCopied('ok');
              } catch {
                setCopied('failed');
              }
            }}
          >
            {t.copy}
          </button>
          {copied && (
            <span role="status" data-testid="share-copied" className={copied === 'ok' ? 'hint' : 'warning'}>
              {' '}
              {copied === 'ok' ? t.copied : t.copyFailed}
            </span>
          )}
          <div className="hint">{t.linkNote}</div>
        </div>
      )}
      {quarantined.length > 0 && (
        <div className="report" data-testid="quarantine">
          <h3>{t.quarantineTitle}</h3>
          <p className="hint">{t.quarantineNote}</p>
          <ul>
            {quarantined.map((q) => (
              <li key={q.key} data-testid="quarantined-entry">
                <strong>{q.name ?? q.key}</strong>: {issueText(q.issue, lang)}{' '}
                <button type="button" className="link" data-testid={`quarantine-download-${q.key}`} onClick={() => { const f = quarantinedFile(q); downloadText(f.name, f.text, 'application/json'); }}>
                  {t.download}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {report && (
        <ul className="report" role="alert" data-testid="scenario-report">
          {report.map((m) => (
            <li key={m} className="error">{m}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
