import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
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
import { FileButton } from './FileButton';
import { COMFORT_WORDS } from '../i18n/comfort';
import '../styles/comfort.css';

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
  // The highlighted search hit (index into the hits; -1 = none).
  const [active, setActive] = useState(-1);
  const uid = useId();
  const w = COMFORT_WORDS[lang];
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
  // The highlighted hit stays in view while the arrows move through a scrolled list.
  useEffect(() => {
    if (active >= 0) document.getElementById(`${uid}-hits`)?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active, uid]);
  if (!data) return null;

  const q = query.trim().toLocaleLowerCase('sv');
  const hits = q ? options.filter((o) => o.name.toLocaleLowerCase('sv').includes(q) || o.kommun.toLocaleLowerCase('sv').includes(q)).slice(0, 12) : [];
  const have = new Set(candidates.map((x) => x.id));
  const activeHit = active >= 0 && active < hits.length ? hits[active] : null;
  const addHit = (o: (typeof options)[number]) => {
    if (!have.has(o.id)) addCandidates([{ id: o.id, name: o.name, status: 'candidate', lon: o.lon, lat: o.lat, kommun_code: o.kommun_code }]);
  };
  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (hits.length === 0) return;
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      // From nothing highlighted: down starts at the first hit, up at the last; both wrap.
      setActive(active < 0 ? (step > 0 ? 0 : hits.length - 1) : (active + step + hits.length) % hits.length);
    } else if (e.key === 'Enter') {
      if (!activeHit) return;
      e.preventDefault();
      addHit(activeHit);
    } else if (e.key === 'Escape') {
      if (!query) return;
      e.preventDefault();
      setQuery('');
      setActive(-1);
    }
  };

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
        <label htmlFor={`${uid}-search`}>{c.search}</label>{' '}
        {/* A combobox (WAI-ARIA 1.2): arrows move through the hits, Enter adds, Esc clears. */}
        <input
          id={`${uid}-search`}
          type="search"
          className="candidate-combobox"
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls={`${uid}-hits`}
          aria-autocomplete="list"
          aria-activedescendant={activeHit ? `${uid}-hit-${active}` : undefined}
          aria-describedby={`${uid}-keys`}
          autoComplete="off"
          value={query}
          placeholder={c.searchPlaceholder}
          data-testid="candidate-search"
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(-1);
          }}
          onKeyDown={onSearchKey}
        />
        <span id={`${uid}-keys`} className="visually-hidden">{w.searchKeys}</span>
        <span className="visually-hidden" role="status">{q ? (hits.length ? w.hitsCount.replace('{n}', String(hits.length)) : w.noHits) : ''}</span>
        <ul className="search-hits" id={`${uid}-hits`} role="listbox" aria-label={w.hitsLabel} data-testid="search-hits" hidden={hits.length === 0}>
          {hits.map((o, i) => (
            <li
              key={o.id}
              id={`${uid}-hit-${i}`}
              role="option"
              aria-selected={i === active}
              aria-disabled={have.has(o.id) || undefined}
              className={i === active ? 'active' : undefined}
              data-hit={o.id}
              // The focus stays in the search box (mousedown would move it to the list).
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                setActive(i);
                addHit(o);
              }}
            >
              <span>
                {o.name} <span className="note">({o.kind}, {o.kommun})</span>
              </span>
              {/* For the pointer only (the option itself is what is chosen): out of the tab order and hidden from the accessibility tree. */}
              <button type="button" className="link hit-action" tabIndex={-1} aria-hidden="true" disabled={have.has(o.id)}>
                {have.has(o.id) ? c.added : c.add}
              </button>
              {have.has(o.id) && <span className="visually-hidden">({c.added})</span>}
            </li>
          ))}
        </ul>
      </div>
      <FileButton label={c.import} accept=".csv,text/csv,text/plain" testId="candidate-file" describedBy={`${uid}-expected`} onFile={(f) => void onFile(f)} />
      <p className="hint" id={`${uid}-expected`}>{c.importExpected}</p>
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
