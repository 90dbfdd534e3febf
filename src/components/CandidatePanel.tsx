import { useMemo, useState, useEffect } from 'react';
import type { Site } from '../domain/types';
import { compareText, formatNumber, STRINGS } from '../i18n';
import { issueText } from '../i18n/messages';
import { hasErrors, type InputIssue } from '../io/issues';
import { addCandidates } from '../state/candidateActions';
import { usePlanner } from '../state/store';
import { ImportReport } from './ImportReport';
import { ReadingProgress, tooLarge, useFileReader } from './useFileReader';
import { MAX_IMPORT_BYTES } from '../io/importLimits';
import { useKommunNames } from './useDerived';

interface Pending {
  fileName: string;
  sites: Site[];
  issues: InputIssue[];
  issueCount?: number;
  reportCsv?: string | null;
}

/** Candidate sites: add by clicking, from a searchable list or a CSV; rename, remove, select. */
export function CandidatePanel() {
  const lang = usePlanner((st) => st.lang);
  const s = STRINGS[lang];
  const c = s.cand;
  const data = usePlanner((st) => st.data);
  const candidates = usePlanner((st) => st.candidates);
  const addMode = usePlanner((st) => st.addMode);
  const selected = usePlanner((st) => st.selectedCandidate);
  const { setAddMode, updateCandidate, removeCandidate, setSelectedCandidate } = usePlanner.getState();
  const [query, setQuery] = useState('');
  const [pending, setPending] = useState<Pending | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // An import's report and message belong to the scenario they were made in.
  const activeId = usePlanner((st) => st.activeScenarioId);
  const lastRemoved = usePlanner((st) => st.lastRemoved);
  useEffect(() => {
    setPending(null);
    setMessage(null);
  }, [activeId]);
  const { reading, read, cancel } = useFileReader();
  const kommunName = useKommunNames();

  const options = useMemo(() => {
    if (!data) return [];
    const hc = data.healthCentres.map((h) => ({ id: h.id, name: h.name, kind: c.healthCentre, kommun: h.kommun_name, lon: h.lon, lat: h.lat, kommun_code: h.kommun_code }));
    const to = data.tatorter.features.map((f) => ({
      id: f.properties.tatort_code,
      name: f.properties.name,
      kind: c.tatort,
      kommun: f.properties.kommun_name,
      lon: f.geometry.coordinates[0],
      lat: f.geometry.coordinates[1],
      kommun_code: f.properties.kommun_code,
    }));
    return [...hc, ...to].sort((a, b) => compareText(a.name, b.name, lang));
  }, [data, lang, c.healthCentre, c.tatort]);
  if (!data) return null;

  const q = query.trim().toLocaleLowerCase('sv');
  const hits = q ? options.filter((o) => o.name.toLocaleLowerCase('sv').includes(q) || o.kommun.toLocaleLowerCase('sv').includes(q)).slice(0, 12) : [];
  const have = new Set(candidates.map((x) => x.id));

  const accept = (p: Pending) => {
    const fresh = p.sites.filter((x) => !have.has(x.id));
    const dup = p.sites.length - fresh.length;
    addCandidates(fresh);
    setPending(null);
    setMessage(`${fresh.length} ${c.imported} (${p.fileName}).${dup ? ` ${dup} ${c.duplicateExisting}.` : ''}`);
  };
  const onFile = async (file: File) => {
    setMessage(null);
    setPending(null);
    if (file.size > MAX_IMPORT_BYTES) {
      setPending({ fileName: file.name, sites: [], issues: [tooLarge(file)] });
      return;
    }
    const parsed = await read(file, (w, buffer, onProgress) => w.candidates(buffer, lang, onProgress));
    if (!parsed) {
      setMessage(s.fileRead.cancelled);
      return;
    }
    const p: Pending = { fileName: file.name, sites: parsed.value.sites, issues: parsed.issues, issueCount: parsed.issueCount, reportCsv: parsed.reportCsv };
    if (!hasErrors(parsed.issues) && p.sites.length > 0) {
      accept(p);
      const info = parsed.issues.map((i) => issueText(i, lang)).join(' ');
      if (info) setMessage((m) => `${m ?? ''} ${info}`);
    } else setPending(p);
  };

  return (
    <section className="panel" aria-labelledby="cand-h" data-testid="candidate-panel">
      <h2 id="cand-h">{c.title}</h2>
      <button type="button" data-testid="add-mode" className={addMode ? 'active-toggle' : ''} aria-pressed={addMode} onClick={() => setAddMode(!addMode)}>
        {addMode ? c.addModeOn : c.addMode}
      </button>
      <div className="form-row">
        <label>
          {c.search}{' '}
          <input type="search" value={query} placeholder={c.searchPlaceholder} data-testid="candidate-search" onChange={(e) => setQuery(e.target.value)} />
        </label>
        {hits.length > 0 && (
          <ul className="search-hits" data-testid="search-hits">
            {hits.map((o) => (
              <li key={o.id}>
                {o.name} <span className="note">({o.kind}, {o.kommun})</span>{' '}
                <button type="button" className="link" disabled={have.has(o.id)} onClick={() => addCandidates([{ id: o.id, name: o.name, status: 'candidate', lon: o.lon, lat: o.lat, kommun_code: o.kommun_code }])}>
                  {have.has(o.id) ? c.added : c.add}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <label className="button">
        {c.import}
        <input type="file" accept=".csv,text/csv,text/plain" data-testid="candidate-file" onChange={(e) => { const f = e.target.files?.[0]; if (f) void onFile(f); e.target.value = ''; }} />
      </label>
      <p className="hint">{c.importExpected}</p>
      {reading && <ReadingProgress reading={reading} onCancel={cancel} testId="candidate" />}
      {message && <p className="message" role="status" data-testid="candidate-message">{message}</p>}
      {lastRemoved && lastRemoved.scenarioId === activeId && (
        <p className="message" role="status" data-testid="candidate-removed">
          {c.removed.replace('{name}', lastRemoved.site.name)}{' '}
          <button type="button" className="link" data-testid="candidate-undo" onClick={() => usePlanner.getState().undoRemove()}>
            {c.undo}
          </button>
        </p>
      )}
      {pending && (
        <ImportReport
          fileName={pending.fileName}
          issues={pending.issues}
          issueCount={pending.issueCount}
          reportCsv={pending.reportCsv}
          goodRows={pending.sites.length}
          confirmLabel={c.confirmPartial}
          testId="candidate"
          onConfirm={() => accept(pending)}
          onCancel={() => {
            setPending(null);
            setMessage(s.listing.nothingImported);
          }}
        />
      )}
      {candidates.length === 0 ? (
        <p className="hint">{c.none}</p>
      ) : (
        <>
          <p className="hint">{c.dragHint}</p>
          <table className="data-table" data-testid="candidate-table">
            <tbody>
              {candidates.map((x) => (
                <tr key={x.id} className={selected === x.id ? 'selected' : ''} data-candidate={x.id}>
                  <td>
                    <input
                      aria-label={`${c.rename} ${x.id}`}
                      className="name-input"
                      value={x.name}
                      data-testid={`rename-${x.id}`}
                      onChange={(e) => updateCandidate(x.id, { name: e.target.value })}
                      onFocus={() => setSelectedCandidate(x.id)}
                    />
                  </td>
                  <td className="note">{kommunName.get(x.kommun_code ?? '') ?? '–'}</td>
                  <td className="note num" data-testid={`coords-${x.id}`}>
                    {formatNumber(x.lat, 4, lang)}, {formatNumber(x.lon, 4, lang)}
                  </td>
                  <td>
                    <button type="button" className="link" data-testid={`remove-${x.id}`} onClick={() => removeCandidate(x.id)}>
                      {c.remove}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
