import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { bestByRow, bestColumns, COMPARE_ROWS, type CompareRowKey, type CompareRowSpec } from '../domain/compareBest';
import type { CandidateScore } from '../domain/scoring';
import { compareText, formatNumber, formatPercent, STRINGS, type Lang } from '../i18n';
import { COMFORT_WORDS } from '../i18n/comfort';
import { useAnalysisRequest, useScores } from '../state/selectors';
import { usePlanner } from '../state/store';
import { analysisWorker } from '../worker/client';
import type { CandidateEffect } from '../worker/analysisApi';
import { useKommunNames } from './useDerived';
import '../styles/comfort.css';

/** The row's name in the comparison (the ranking's words). */
function rowLabel(key: CompareRowKey, lang: Lang): string {
  const r = STRINGS[lang].rank;
  if (key.startsWith('criterion:')) return `${r.criteria[key.slice('criterion:'.length) as keyof typeof r.criteria]} (0–1)`;
  return r[key as Exclude<CompareRowKey, `criterion:${string}`>];
}

/** The value as the comparison shows it ('–' when unknown). */
function cellText(row: CompareRowSpec, x: CandidateScore, lang: Lang): string {
  const v = row.value(x);
  if (v === null || !Number.isFinite(v)) return '–';
  return row.key === 'ot12' ? formatPercent(v, 1, lang) : formatNumber(v, row.decimals, lang);
}

/** Focusable elements inside a container, in tab order (for the focus trap). */
function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])')].filter((e) => !e.hasAttribute('disabled') && e.offsetParent !== null);
}

/** One value cell: bold and a text marker where the row's best is. */
function Cell({ text, best, testId }: { text: string; best: boolean; testId?: string }) {
  const lang = usePlanner((st) => st.lang);
  const w = COMFORT_WORDS[lang];
  return (
    <td className={`num${best ? ' best' : ''}`} data-best={best ? 'true' : undefined}>
      {best ? <strong className="value" data-testid={testId}>{text}</strong> : <span className="value" data-testid={testId}>{text}</span>}
      {best && (
        <>
          {' '}
          <span className="best-mark" title={w.bestTitle}>{w.best}</span>
        </>
      )}
    </td>
  );
}

/**
 * The candidate comparison as a wide drawer over the map (a modal dialog): the ticked candidates
 * as columns, every figure of the ranking as a row with its direction and the best value marked,
 * then what each adds per kommun. Esc or the close button closes it; focus stays inside while it
 * is open and returns to the element that opened it.
 */
export function CompareDrawer({ ids, onClose }: { ids: string[]; onClose: () => void }) {
  const lang = usePlanner((st) => st.lang);
  const s = STRINGS[lang];
  const r = s.rank;
  const w = COMFORT_WORDS[lang];
  const scores = useScores() ?? [];
  const req = useAnalysisRequest();
  const kommunName = useKommunNames();
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const [effects, setEffects] = useState<CandidateEffect[] | null>(null);
  const chosen = ids.map((id) => scores.find((x) => x.id === id)).filter((x): x is CandidateScore => !!x);

  // Opens as a modal dialog (the rest of the page is inert), focus on the close button; on close
  // the focus goes back to the element that had it.
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!d.open) d.showModal();
    closeButton.current?.focus();
    return () => {
      if (d.open) d.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  useEffect(() => {
    if (!req || ids.length < 2) return;
    let live = true;
    const sites = ids.map((id) => req.candidates.find((c) => c.id === id)).filter((c) => !!c);
    void analysisWorker()
      .effects({ ...req, candidates: sites })
      .then((e) => live && setEffects(e));
    return () => {
      live = false;
    };
  }, [ids, req]);

  const best = bestByRow(chosen);
  const fmt = (v: number) => formatNumber(v, 0, lang);
  // Kommuner where some candidate adds at least what is shown as +1 child (0,5 rounds to 1).
  const kommuner = effects
    ? [...new Set(effects.flatMap((e) => Object.entries(e.byKommun).filter(([, [b, a]]) => a - b >= 0.5).map(([k]) => k)))].sort((a, b) => compareText(kommunName.get(a) ?? a, kommunName.get(b) ?? b, lang))
    : [];
  const added = (id: string, k: string | null): number => {
    const e = effects?.find((x) => x.id === id);
    if (!e) return 0;
    if (k === null) return e.countyAfter - e.countyBefore;
    const [b, a] = e.byKommun[k] ?? [0, 0];
    return a - b;
  };

  // Tab and Shift+Tab cycle inside the drawer.
  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Tab' || !dialog.current) return;
    const f = focusables(dialog.current);
    if (f.length === 0) return;
    const first = f[0];
    const last = f[f.length - 1];
    if (e.shiftKey && (document.activeElement === first || !dialog.current.contains(document.activeElement))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const colStyle = { width: `${(100 - 26) / Math.max(1, chosen.length)}%` };
  return createPortal(
    <dialog
      ref={dialog}
      className="compare-drawer"
      aria-labelledby="compare-drawer-h"
      data-testid="compare"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClose={onClose}
      onKeyDown={onKeyDown}
    >
      <div className="compare-drawer-head">
        <h2 id="compare-drawer-h">{w.compareTitle}</h2>
        <button type="button" ref={closeButton} className="compare-close" title={w.closeTitle} data-testid="compare-close" onClick={onClose}>
          {w.close}
        </button>
      </div>
      <div className="compare-drawer-body">
        {chosen.length < 2 ? (
          <p className="hint">{w.needTwo}</p>
        ) : (
          <>
            <table className="data-table compare-grid" data-testid="compare-table">
              <colgroup>
                <col style={{ width: '26%' }} />
                {chosen.map((x) => (
                  <col key={x.id} style={colStyle} />
                ))}
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">{s.suggest.site}</span>
                  </th>
                  {chosen.map((x) => (
                    <th key={x.id} scope="col" className="num" data-col={x.id}>
                      <span className="col-name">{x.name}</span>
                      <span className="note"> #{x.rank}</span>{' '}
                      <button type="button" className="link col-remove" aria-label={w.removeColumn.replace('{name}', x.name)} title={w.removeColumn.replace('{name}', x.name)} data-testid={`compare-remove-${x.id}`} onClick={() => usePlanner.getState().toggleCompare(x.id)}>
                        ×
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {COMPARE_ROWS.map((row) => {
                  const marks = best.get(row.key) ?? [];
                  return (
                    <tr key={row.key} data-row={row.key}>
                      <th scope="row">
                        <span className="row-label">{rowLabel(row.key, lang)}</span>
                        <span className="row-better">{w.better[row.better]}</span>
                      </th>
                      {chosen.map((x, i) => (
                        <Cell key={x.id} text={cellText(row, x, lang)} best={!!marks[i]} />
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <p className="hint">{w.bestNote}</p>
            {effects && (
              <>
                <h3>{r.kommunEffect}</h3>
                <table className="data-table compare-grid" data-testid="compare-kommun">
                  <colgroup>
                    <col style={{ width: '26%' }} />
                    {chosen.map((x) => (
                      <col key={x.id} style={colStyle} />
                    ))}
                  </colgroup>
                  <thead>
                    <tr>
                      <th scope="col">
                        {s.analysis.kommun} <span className="row-better">{w.kommunBetter}</span>
                      </th>
                      {chosen.map((x) => (
                        <th key={x.id} scope="col" className="num">
                          <span className="col-name">{x.name}</span>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {[...kommuner, null].map((k) => {
                      const values = chosen.map((x) => added(x.id, k));
                      const marks = bestColumns(values, 'higher', 0);
                      return (
                        <tr key={k ?? 'county'} className={k === null ? 'total' : undefined} data-row={k ?? 'county'}>
                          <th scope="row">{k === null ? s.analysis.county : (kommunName.get(k) ?? k)}</th>
                          {chosen.map((x, i) => (
                            <Cell key={x.id} text={`+${fmt(values[i])}`} best={marks[i]} testId={k === null ? `compare-adds-${x.id}` : undefined} />
                          ))}
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </>
            )}
          </>
        )}
      </div>
    </dialog>,
    document.body,
  );
}
