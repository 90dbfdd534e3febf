import { useEffect, useMemo, useRef, useState } from 'react';
import { fairness } from '../../domain/fairness';
import { changeInPoints } from '../../domain/keyFigures';
import { demandUnits } from '../../domain/views';
import { compareText, STRINGS } from '../../i18n';
import { formatPoints, siteSetLabel, siteSetName } from '../../i18n/describe';
import { kommunList } from '../../state/selectors';
import { exportFileName, isoDate } from '../../io/exports';
import { canvasToPng } from '../../map/drawScene';
import { legendSections } from '../../map/legendSpec';
import { buildMapData } from '../../map/mapData';
import { MapController } from '../../map/MapController';
import type { MapViewState } from '../../map/layers';
import { usePlanner } from '../../state/store';
import { downloadBlob } from '../download';
import { FairnessChart } from '../FairnessChart';
import { Legend } from '../Legend';
import { useListing, useMaxListed } from '../useDerived';
import { composePresentation, keyFigureLines, sheetCanvas, sheetSvg, sitesCountedLine, type SizeKey } from './exportPresentation';
import { usePresentationData, useYearSituations, type Situation } from './usePresentationData';
import '../../styles/presentation.css';
import { projectionText } from '../../i18n/describe';

/** Camera sync between side-by-side maps. */
class CameraSync {
  private maps: MapController[] = [];
  private syncing = false;
  add(c: MapController) {
    this.maps.push(c);
    c.map.on('move', () => {
      if (this.syncing) return;
      this.syncing = true;
      for (const o of this.maps) if (o !== c) o.map.jumpTo({ center: c.map.getCenter(), zoom: c.map.getZoom() });
      this.syncing = false;
    });
  }
  remove(c: MapController) {
    this.maps = this.maps.filter((m) => m !== c);
  }
}

function PresMap({ situation, label, sync, testId, candidatesShown }: { situation: Situation; label: string; sync: CameraSync; testId: string; candidatesShown: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const ctrl = useRef<MapController | null>(null);
  const data = usePlanner((s) => s.data)!;
  const lang = usePlanner((s) => s.lang);
  const visible = usePlanner((s) => s.visible);
  const year = usePlanner((s) => s.params.omradestypYear);
  const listing = useListing();
  const candidates = usePlanner((s) => s.candidates);
  const state: MapViewState = { visible: { ...visible, kommuner: true, access: false, need: false }, densityMode: 'grid', accessMode: 'grid', omradestypYear: year, basemap: false };
  useEffect(() => {
    if (!ref.current) return;
    const c = new MapController(ref.current, state, STRINGS[lang], lang, { padding: 24, scaleWidth: 200 });
    c.map.dragRotate.disable();
    c.map.touchZoomRotate.disableRotation();
    ctrl.current = c;
    sync.add(c);
    // For tests and the console: the presentation's map controllers by test id.
    (window as unknown as { __presentationMaps?: Record<string, MapController> }).__presentationMaps = {
      ...(window as unknown as { __presentationMaps?: Record<string, MapController> }).__presentationMaps,
      [testId]: c,
    };
    // Every family centre is drawn with its status symbol (as the legend lists them); what each
    // set counts is stated with the figures.
    void c.setData(buildMapData(data, listing, candidatesShown ? candidates : [])).then(() => {
      c.setGaps(situation.gapCodes);
      return c.whenIdle();
    }).then(() => ref.current?.setAttribute('data-map-ready', 'true'));
    // Keep all of Dalarna in view when the map's box changes (e.g. side by side).
    const ro = new ResizeObserver(() => {
      c.map.resize();
      c.fitTo(data.meta.bbox, 24);
    });
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      sync.remove(c);
      c.destroy();
    };
    // The map is rebuilt when what it shows changes; the rest is pushed by the effects below.
  }, [situation.sites, candidatesShown]);
  useEffect(() => {
    ctrl.current?.setGaps(situation.gapCodes);
  }, [situation.gapCodes]);
  return (
    <div className="p-map-wrap">
      <div className="p-map-label">{label}</div>
      <div ref={ref} className="p-map" data-testid={testId} />
      <svg className="north-arrow" width="44" height="56" viewBox="0 0 44 56" role="img" aria-label="Norr" data-testid="north-arrow">
        <circle cx="22" cy="24" r="21" fill="rgba(255,255,255,0.85)" />
        <path d="M22 6 L30 32 L22 27 L14 32 Z" fill="#1d2327" />
        <text x="22" y="50" textAnchor="middle" fontSize="14" fontWeight="700">N</text>
      </svg>
    </div>
  );
}

function KeyFiguresPanel({ situation, before, title }: { situation: Situation; before: Situation | null; title: string }) {
  const lang = usePlanner((s) => s.lang);
  const s = STRINGS[lang];
  const lines = keyFigureLines(situation.key, s, lang, before?.key ?? null);
  return (
    <section className="key-figures" data-testid="key-figures">
      <h2>{title}</h2>
      <p className="note" data-testid="key-figures-sets">{sitesCountedLine(situation.key, lang, before?.key ?? null)}</p>
      <dl>
        {lines.map((l) => (
          <div key={l.label}>
            <dd>{l.value}</dd>
            <dt>{l.label}</dt>
          </div>
        ))}
      </dl>
      {situation.key.kommuner_without_names.length > 0 && <p className="note">{situation.key.kommuner_without_names.join(', ')}</p>}
    </section>
  );
}

/** The presentation's chart scale: window width ÷ 960, between 1 and 2, following resizes. */
function useScreenScale(): number {
  const of = () => Math.min(2, Math.max(1, window.innerWidth / 960));
  const [k, setK] = useState(of);
  useEffect(() => {
    const on = () => setK(of());
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return k;
}

/** Full-screen presentation: large type, title, maps (today | proposal), key figures, fairness, sources. */
export function PresentationView() {
  const lang = usePlanner((st) => st.lang);
  const s = STRINGS[lang];
  const p = s.present;
  const pres = usePlanner((st) => st.presentation);
  const data = usePlanner((st) => st.data);
  const scenarios = usePlanner((st) => st.scenarios);
  const activeId = usePlanner((st) => st.activeScenarioId);
  const visible = usePlanner((st) => st.visible);
  const year = usePlanner((st) => st.params.omradestypYear);
  const listingImport = usePlanner((st) => st.listingImport);
  const candidates = usePlanner((st) => st.candidates);
  const { setPresentation, setAtlasOpen, setPrint } = usePlanner.getState();
  const { today, proposal: proposalSet, shown } = usePresentationData(pres.open);
  // Side by side needs a proposal; without candidates the single map shows today.
  const yearsOn = pres.open && pres.years;
  const years = useYearSituations(yearsOn);
  const compare = !yearsOn && pres.compare && !!proposalSet;
  // In the year comparison the main map and figures are the shown sites in 2035, with 2025 before them.
  const proposal = yearsOn ? (years?.y2035 ?? null) : shown;
  const before: Situation | null = yearsOn ? (years?.y2025 ?? null) : compare ? today : null;
  const params = usePlanner((st) => st.params);
  const sync = useMemo(() => new CameraSync(), []);
  const [busy, setBusy] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const listing = useListing();
  const maxListed = useMaxListed();
  const [fairKommun, setFairKommun] = useState('');
  // Type on a large screen grows with its width (1920 px → 2 ×), readable from the back of a room.
  const screenScale = useScreenScale();
  const name = scenarios.find((x) => x.id === activeId)?.name ?? '';
  useEffect(() => {
    if (pres.open && !pres.subtitle && name) setPresentation({ subtitle: name });
  }, [pres.open, pres.subtitle, name, setPresentation]);
  if (!pres.open || !data) return null;
  const listingLabel = listingImport ? `${s.imported} ${listingImport.year}` : `${s.modelled} 2025`;
  const kommunOptions = [...kommunList(data)].sort((x, y) => compareText(x.kommun_name, y.kommun_name, lang));
  const shownName = proposal ? siteSetName(proposal.coverage.siteSet.key, lang) : '';

  // Exactly what is presented: two maps side by side (today | proposal, 2025 | 2035) or one.
  const sheet = async (size: SizeKey) => {
    if (!proposal) throw new Error('no data');
    const mapState: MapViewState = { visible: { ...visible, kommuner: true, access: false, need: false }, densityMode: 'grid', accessMode: 'grid', omradestypYear: year, basemap: false };
    const mapOf = (sit: Situation, label: string) => ({ mapData: buildMapData(data, listing, sit.coverage.siteSet.key === 'proposal' ? candidates : []), gapCodes: sit.gapCodes, label });
    const maps =
      yearsOn && years
        ? [mapOf(years.y2025, s.need.yearOptions[2025]), mapOf(proposal, s.need.yearOptions[2035])]
        : compare && today
          ? [mapOf(today, siteSetLabel(today.coverage.siteSet, lang)), mapOf(proposal, siteSetLabel(proposal.coverage.siteSet, lang))]
          : [mapOf(proposal, '')];
    return composePresentation({
      maps,
      state: mapState,
      bbox: data.meta.bbox,
      title: pres.title,
      subtitle: pres.subtitle,
      scenario: name,
      legend: legendSections(mapState.visible, year, s, lang, listingLabel, maps.length > 1 ? undefined : shownName, null, null, { maxListed }),
      key: proposal.key,
      before: before?.key ?? null,
      fairness: proposal.fairness,
      notes: yearsOn ? [`${p.yearsNote} ${projectionText({ ...params, projection: { ...params.projection, year: 2035 } }, lang)}`] : undefined,
      strings: s,
      lang,
      size,
    });
  };
  // An export that fails says so (in the bar) instead of failing silently.
  const png = async (size: SizeKey) => {
    setBusy(true);
    setExportError(null);
    try {
      const c = sheetCanvas(await sheet(size));
      downloadBlob(exportFileName(name, `presentation-${c.width}x${c.height}`, 'png', new Date()), await canvasToPng(c));
    } catch (e) {
      setExportError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const print = async (size: 'a4' | 'a3') => {
    setBusy(true);
    setExportError(null);
    try {
      const composed = await sheet(size);
      setPrint({ size, svg: sheetSvg(composed, size, pres.title || s.appTitle) });
    } catch (e) {
      setExportError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="presentation" data-testid="presentation" role="dialog" aria-label={p.open}>
      <header className="p-header">
        <div className="p-titles">
          <input className="p-title" value={pres.title} placeholder={p.titlePlaceholder} data-testid="p-title" onChange={(e) => setPresentation({ title: e.target.value })} />
          <input className="p-subtitle" value={pres.subtitle} placeholder={p.subtitlePlaceholder} data-testid="p-subtitle" onChange={(e) => setPresentation({ subtitle: e.target.value })} />
          <div className="p-meta" data-testid="p-meta">
            {p.scenario}: {name} · {p.date}: {isoDate(new Date())}
          </div>
        </div>
        <div className="p-tools">
          <button type="button" data-testid="p-compare" disabled={!proposalSet} title={proposalSet ? undefined : p.compareNeedsCandidates} onClick={() => setPresentation({ compare: !pres.compare })}>
            {compare ? p.single : p.compare}
          </button>
          <button type="button" data-testid="p-years" aria-pressed={yearsOn} onClick={() => setPresentation({ years: !pres.years })}>
            {yearsOn ? p.yearsOff : p.years}
          </button>
          <button type="button" data-testid="p-png-slide" disabled={busy || !proposal} onClick={() => void png('slide')}>{p.png1080}</button>
          <button type="button" data-testid="p-png-a4" disabled={busy || !proposal} onClick={() => void png('a4')}>{p.pngA4}</button>
          <button type="button" data-testid="p-print-a4" disabled={busy || !proposal} onClick={() => void print('a4')}>{p.printA4}</button>
          <button type="button" data-testid="p-print-a3" disabled={busy || !proposal} onClick={() => void print('a3')}>{p.printA3}</button>
          <button type="button" data-testid="p-atlas" onClick={() => setAtlasOpen(true)}>{p.atlas}</button>
          <button type="button" data-testid="p-close" onClick={() => setPresentation({ open: false })}>{p.close}</button>
          {busy && <span className="p-busy" role="status">{p.exporting}</span>}
          {exportError && <span className="error" role="alert" data-testid="p-export-error">{p.exportFailed}: {exportError}</span>}
        </div>
      </header>
      <div className="p-body">
        <div className={`p-maps ${compare || yearsOn ? 'two' : ''}`}>
          {yearsOn && !years && <p className="p-busy" role="status" data-testid="p-years-busy">{p.computingYears}</p>}
          {compare && today && <PresMap situation={today} label={siteSetLabel(today.coverage.siteSet, lang)} sync={sync} testId="p-map-today" candidatesShown={false} />}
          {yearsOn && years && (
            <PresMap situation={years.y2025} label={s.need.yearOptions[2025]} sync={sync} testId="p-map-2025" candidatesShown={years.y2025.coverage.siteSet.key === 'proposal'} />
          )}
          {proposal && (
            <PresMap
              situation={proposal}
              label={yearsOn ? s.need.yearOptions[2035] : compare ? siteSetLabel(proposal.coverage.siteSet, lang) : ''}
              sync={sync}
              testId="p-map-proposal"
              candidatesShown={proposal.coverage.siteSet.key === 'proposal'}
            />
          )}
        </div>
        <aside className="p-side">
          {proposal && (
            <KeyFiguresPanel
              situation={proposal}
              before={before}
              title={yearsOn ? `${p.keyFigures}: 2025 → 2035 (${shownName})` : compare ? `${p.keyFigures}: ${siteSetName('today', lang)} → ${siteSetName('proposal', lang)}` : `${p.keyFigures}: ${shownName}`}
            />
          )}
          {before && proposal && (
            <p className="p-change" data-testid="p-change">
              {p.change}: {formatPoints(changeInPoints(before.key.coverage_share, proposal.key.coverage_share), lang)}
            </p>
          )}
          {yearsOn && (
            <p className="note" data-testid="p-years-note">
              {p.yearsNote} {projectionText({ ...params, projection: { ...params.projection, year: 2035 } }, lang)}
            </p>
          )}
          {proposal && (
            <>
              <label className="p-fairness-area">
                {p.area}{' '}
                <select value={fairKommun} data-testid="p-fairness-area" onChange={(e) => setFairKommun(e.target.value)}>
                  <option value="">{s.analysis.county}</option>
                  {kommunOptions.map((k) => (
                    <option key={k.kommun_code} value={k.kommun_code}>
                      {k.kommun_name}
                    </option>
                  ))}
                </select>
              </label>
              <FairnessChart
                rows={fairKommun ? fairness(proposal.sites, demandUnits(data.demand, proposal.coverage.params.demand), data.regso, year, fairKommun) : proposal.fairness}
                width={Math.round(320 * screenScale)}
                scale={screenScale}
                testId="p-fairness"
              />
            </>
          )}
          <div className="p-legend">
            <Legend maxListed={maxListed} />
          </div>
        </aside>
      </div>
      <footer className="p-sources" data-testid="p-sources">
        {p.sources}. {s.exportPanel.pngNote}
      </footer>
    </div>
  );
}
