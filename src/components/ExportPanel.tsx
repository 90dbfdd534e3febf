import { useState } from 'react';
import { desoResults } from '../domain/desoResults';
import { scenarioSites } from '../domain/scenario';
import type { CsvDialect } from '../io/csvWrite';
import { assumptionLines } from '../io/coverageExport';
import { coverageStatsCsv, DATA_YEARS, desoGeoJson, exportFileName, isoDate, rankingCsv, sitesGeoJson, type ExportCrs } from '../io/exports';
import { STRINGS } from '../i18n';
import { legendSections } from '../map/legendSpec';
import { canvasToPng } from '../map/exportPng';
import { usePlanner } from '../state/store';
import { downloadBlob, downloadText } from './download';

/** Every export states its scenario, parameters and data years, and carries the name and date. */
export function ExportPanel() {
  const lang = usePlanner((st) => st.lang);
  const s = STRINGS[lang];
  const e = s.exportPanel;
  const data = usePlanner((st) => st.data);
  const cov = usePlanner((st) => st.coverage);
  const scores = usePlanner((st) => st.scores);
  const candidates = usePlanner((st) => st.candidates);
  const scenarios = usePlanner((st) => st.scenarios);
  const activeId = usePlanner((st) => st.activeScenarioId);
  const visible = usePlanner((st) => st.visible);
  const year = usePlanner((st) => st.omradestypYear);
  const listingImport = usePlanner((st) => st.listingImport);
  const [crs, setCrs] = useState<ExportCrs>('wgs84');
  const [busy, setBusy] = useState(false);
  if (!data) return null;
  const name = scenarios.find((x) => x.id === activeId)?.name ?? 'Scenario';
  const now = () => new Date();
  const params = cov ? { ...cov.params } : null;

  const csv = (dialect: CsvDialect) => {
    if (!cov || !params) return;
    const d = now();
    downloadText(exportFileName(name, `tackning-${dialect === 'sv' ? 'excel' : 'std'}`, 'csv', d), coverageStatsCsv(cov.rows, cov.total, params, name, dialect, d), 'text/csv;charset=utf-8');
  };
  const ranking = (dialect: CsvDialect) => {
    if (!scores || !params) return;
    const d = now();
    downloadText(exportFileName(name, `rangordning-${dialect === 'sv' ? 'excel' : 'std'}`, 'csv', d), rankingCsv(scores, params, name, dialect, d), 'text/csv;charset=utf-8');
  };
  const sites = () => {
    if (!params) return;
    const d = now();
    const all = scenarioSites(data.familyCentres, params.include, candidates);
    downloadText(exportFileName(name, `platser-${crs}`, 'geojson', d), sitesGeoJson(all, scores, crs, name, params, d), 'application/geo+json');
  };
  const deso = () => {
    if (!cov || !params) return;
    const d = now();
    const units = cov.params.demand === 'grid' ? data.demand.grid : data.demand.deso;
    const res = desoResults(units, cov.minutes, cov.nearest, cov.siteIds, cov.params.thresholdMinutes);
    downloadText(exportFileName(name, `deso-${crs}`, 'geojson', d), desoGeoJson(data.deso, res, crs, name, params, d), 'application/geo+json');
  };
  const png = async () => {
    const ctrl = window.__planner;
    if (!ctrl || !params) return;
    setBusy(true);
    try {
      const d = now();
      const listingLabel = listingImport ? `${s.imported} ${listingImport.year}` : `${s.modelled} 2025`;
      const canvas = await ctrl.snapshot({
        title: `${s.appTitle}: ${name}`,
        subtitle: cov ? `${s.analysis.within} ${cov.params.thresholdMinutes} min: ${(cov.county.coverage_share * 100).toFixed(1).replace('.', ',')} % ${s.analysis.ofChildren} (${s.estimated})` : undefined,
        legend: legendSections(visible, year, s, lang, listingLabel),
        footer: [`${s.source}: ${DATA_YEARS}`, `${assumptionLines(params)[1]}`, `${name} · ${isoDate(d)} · ${e.pngNote}`],
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
      <ul className="export-list">
        <li>
          {e.coverage}: <button type="button" data-testid="export-coverage-std" disabled={!cov} onClick={() => csv('std')}>{e.std}</button>{' '}
          <button type="button" data-testid="export-coverage-sv" disabled={!cov} onClick={() => csv('sv')}>{e.excel}</button>
        </li>
        <li>
          {e.ranking}: <button type="button" data-testid="export-ranking-std" disabled={!scores?.length} onClick={() => ranking('std')}>{e.std}</button>{' '}
          <button type="button" data-testid="export-ranking-sv" disabled={!scores?.length} onClick={() => ranking('sv')}>{e.excel}</button>
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
          <button type="button" data-testid="export-sites" onClick={sites}>{e.sites}</button>{' '}
          <button type="button" data-testid="export-deso" disabled={!cov} onClick={deso}>{e.deso}</button>
        </li>
        <li>
          <button type="button" data-testid="export-png" disabled={busy} onClick={() => void png()}>{e.png}</button>
        </li>
      </ul>
    </section>
  );
}
