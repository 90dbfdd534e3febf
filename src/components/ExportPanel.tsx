import { lazy, Suspense, useState } from 'react';
import { createPortal } from 'react-dom';
import { desoResults } from '../domain/desoResults';
import type { SiteSetKey } from '../domain/siteSets';
import type { CoverageAnalysisSummary } from '../domain/summary';
import { demandUnits } from '../domain/views';
import type { CsvDialect } from '../io/csvWrite';
import { coverageStatsCsv, DATA_YEARS, exportFileName, isoDate, rankingCsv } from '../io/exports';
import type { ExportCrs } from '../io/geojsonExport';
import { formatPercent, STRINGS } from '../i18n';
import { siteSetLabel, siteSetName, travelText } from '../i18n/describe';
import { legendSections } from '../map/legendSpec';
import { canvasToPng } from '../map/drawScene';
import { mapSet, scoresNow, activeScenarioName } from '../state/selectors';
import { usePlanner } from '../state/store';
import { downloadBlob, downloadText } from './download';
import { useCatchmentLegend, useMaxListed, useNeedLegend } from './useDerived';
import { DECISION_WORDS } from '../i18n/decision';
import { compareText } from '../i18n';
import { useDecisionView } from './decisionState';
import { useReportUrl } from './useReportUrl';

// The decision document's view loads when first opened (keeps the start bundle lean).
const DecisionView = lazy(() => import('./DecisionView').then((m) => ({ default: m.DecisionView })));

/**
 * Every export states its scenario, the site sets it counts (today, and the proposal when the
 * scenario has candidates), the parameters and the data years, and carries the name and date.
 */
export function ExportPanel() {
  const lang = usePlanner((st) => st.lang);
  const s = STRINGS[lang];
  const e = s.exportPanel;
  const data = usePlanner((st) => st.data);
  const sets = usePlanner((st) => st.coverage);
  const status = usePlanner((st) => st.analysisStatus);
  const hasScores = usePlanner((st) => (st.scores?.length ?? 0) > 0);
  const candidates = usePlanner((st) => st.candidates);
  const scenarios = usePlanner((st) => st.scenarios);
  const activeId = usePlanner((st) => st.activeScenarioId);
  const visible = usePlanner((st) => st.visible);
  const needLegend = useNeedLegend();
  const maxListed = useMaxListed();
  const catchmentLegend = useCatchmentLegend();
  const shownKey = usePlanner(mapSet);
  const listingImport = usePlanner((st) => st.listingImport);
  const [crs, setCrs] = useState<ExportCrs>('wgs84');
  const [busy, setBusy] = useState(false);
  const [decisionKommun, setDecisionKommun] = useState('');
  const [decisionCandidate, setDecisionCandidate] = useState('');
  const decisionOpen = useDecisionView((st) => st.subjects !== null);
  useReportUrl();
  if (!data) return null;
  const dw = DECISION_WORDS[lang].ui;
  const kommunOptions = data.kommuner.features.map((f) => f.properties).sort((a, b) => compareText(a.kommun_name, b.kommun_name, lang));
  const chosenKommun = decisionKommun || kommunOptions[0]?.kommun_code || '';
  const chosenCandidate = candidates.some((c) => c.id === decisionCandidate) ? decisionCandidate : (candidates[0]?.id ?? '');
  const name = activeScenarioName({ scenarios, activeScenarioId: activeId });
  const now = () => new Date();
  // Only a current result is exported (never a stale one from another scenario or model).
  const ready = sets && status === 'idle' ? sets : null;
  const counted: CoverageAnalysisSummary[] = ready ? (candidates.length > 0 ? [ready.today, ready.proposal] : [ready.today]) : [];

  const csv = (dialect: CsvDialect) => {
    if (!ready) return;
    const d = now();
    downloadText(exportFileName(name, `tackning-${dialect === 'sv' ? 'excel' : 'std'}`, 'csv', d), coverageStatsCsv(counted, name, dialect, d, lang), 'text/csv;charset=utf-8');
  };
  const ranking = (dialect: CsvDialect) => {
    const scores = scoresNow();
    if (!scores || !ready) return;
    const d = now();
    downloadText(exportFileName(name, `rangordning-${dialect === 'sv' ? 'excel' : 'std'}`, 'csv', d), rankingCsv(scores, { ...ready.today, params: { ...ready.today.params, criterionWeights: usePlanner.getState().params.criterionWeights } }, name, dialect, d, lang), 'text/csv;charset=utf-8');
  };
  const sites = async () => {
    if (!ready) return;
    const { sitesGeoJson } = await import('../io/geojsonExport');
    const scores = scoresNow();
    const d = now();
    const ids: Record<SiteSetKey, ReadonlySet<string>> = { today: new Set(ready.today.siteIds), proposal: new Set(ready.proposal.siteIds) };
    downloadText(exportFileName(name, `platser-${crs}`, 'geojson', d), sitesGeoJson(data.familyCentres, candidates, ids, scores, crs, name, counted, d), 'application/geo+json');
  };
  const deso = async () => {
    if (!ready) return;
    const { desoGeoJson } = await import('../io/geojsonExport');
    const d = now();
    const res = Object.fromEntries(
      counted.map((c) => [c.siteSet.key, desoResults(demandUnits(data.demand, c.params.demand), c.minutes, c.nearest, c.siteIds, c.params.thresholdMinutes)]),
    );
    downloadText(exportFileName(name, `deso-${crs}`, 'geojson', d), desoGeoJson(data.deso, res, crs, name, counted, d), 'application/geo+json');
  };
  const png = async () => {
    const ctrl = window.__planner;
    if (!ctrl || !ready) return;
    setBusy(true);
    try {
      const d = now();
      const shown = ready[shownKey];
      const listingLabel = listingImport ? `${s.imported} ${listingImport.year}` : `${s.modelled} 2025`;
      const canvas = await ctrl.snapshot({
        title: `${s.appTitle}: ${name}`,
        subtitle: `${siteSetLabel(shown.siteSet, lang)} · ${s.analysis.within} ${shown.params.thresholdMinutes} min: ${formatPercent(shown.county.coverage_share, 1, lang)} ${s.analysis.ofChildren} (${s.estimated})`,
        legend: legendSections(visible, shown.params.omradestypYear, s, lang, listingLabel, siteSetName(shownKey, lang), needLegend, catchmentLegend, { maxListed }),
        footer: [`${s.source}: ${DATA_YEARS}`, travelText(shown.params.travel, lang), `${name} · ${isoDate(d)} · ${e.pngNote}`],
        width: Math.round(ctrl.map.getCanvas().clientWidth + 360),
        height: Math.round(ctrl.map.getCanvas().clientHeight + 130),
      });
      downloadBlob(exportFileName(name, 'karta', 'png', d), await canvasToPng(canvas));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="export-h" data-testid="export-panel">
      <h2 id="export-h">{e.title}</h2>
      <p className="hint">{e.note}</p>
      {ready && <p className="hint" data-testid="export-sets">{s.analysis.sitesCounted}: {counted.map((c) => siteSetLabel(c.siteSet, lang)).join(' · ')}</p>}
      <ul className="export-list">
        <li>
          {e.coverage}: <button type="button" data-testid="export-coverage-std" disabled={!ready} onClick={() => csv('std')}>{e.std}</button>{' '}
          <button type="button" data-testid="export-coverage-sv" disabled={!ready} onClick={() => csv('sv')}>{e.excel}</button>
        </li>
        <li>
          {e.ranking}: <button type="button" data-testid="export-ranking-std" disabled={!hasScores} onClick={() => ranking('std')}>{e.std}</button>{' '}
          <button type="button" data-testid="export-ranking-sv" disabled={!hasScores} onClick={() => ranking('sv')}>{e.excel}</button>
        </li>
        <li>
          {e.crs}:{' '}
          <label>
            <input type="radio" name="crs" checked={crs === 'wgs84'} onChange={() => setCrs('wgs84')} /> WGS84
          </label>{' '}
          <label>
            <input type="radio" name="crs" data-testid="crs-sweref" checked={crs === 'sweref99tm'} onChange={() => setCrs('sweref99tm')} /> SWEREF 99 TM
          </label>
        </li>
        <li>
          <button type="button" data-testid="export-sites" disabled={!ready} onClick={sites}>{e.sites}</button>{' '}
          <button type="button" data-testid="export-deso" disabled={!ready} onClick={deso}>{e.deso}</button>
        </li>
        <li>
          <button type="button" data-testid="export-png" disabled={busy || !ready} onClick={() => void png()}>{e.png}</button>
        </li>
      </ul>
      <h3>{dw.title}</h3>
      <p className="hint">{dw.note}</p>
      <ul className="export-list" data-testid="decision-actions">
        <li>
          <label>
            {dw.kommun}{' '}
            <select data-testid="decision-kommun" value={chosenKommun} onChange={(ev) => setDecisionKommun(ev.target.value)}>
              {kommunOptions.map((k) => (
                <option key={k.kommun_code} value={k.kommun_code}>{k.kommun_name}</option>
              ))}
            </select>
          </label>{' '}
          <button type="button" data-testid="decision-open-kommun" onClick={() => useDecisionView.getState().open([{ kind: 'kommun', code: chosenKommun }])}>{dw.openKommun}</button>
        </li>
        <li>
          <label>
            {dw.candidate}{' '}
            <select data-testid="decision-candidate" value={chosenCandidate} disabled={!candidates.length} onChange={(ev) => setDecisionCandidate(ev.target.value)}>
              {!candidates.length && <option value="">{dw.noCandidates}</option>}
              {candidates.map((c) => (
                <option key={c.id} value={c.id}>{c.name}</option>
              ))}
            </select>
          </label>{' '}
          <button type="button" data-testid="decision-open-candidate" disabled={!chosenCandidate} onClick={() => useDecisionView.getState().open([{ kind: 'candidate', id: chosenCandidate }])}>{dw.openCandidate}</button>
        </li>
      </ul>
      {/* The view covers the page (a portal to <body>: this panel sits in a tab that may be hidden). */}
      {decisionOpen &&
        createPortal(
          <Suspense fallback={<div className="decision-view">{s.loading}</div>}>
            <DecisionView />
          </Suspense>,
          document.body,
        )}
    </section>
  );
}
