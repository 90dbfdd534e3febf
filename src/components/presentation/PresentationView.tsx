import { useEffect, useMemo, useRef, useState } from 'react';
import { fairness } from '../../domain/fairness';
import { compareText, formatPercent, STRINGS } from '../../i18n';
import { exportFileName, isoDate } from '../../io/exports';
import { canvasToPng } from '../../map/exportPng';
import { legendSections } from '../../map/legendSpec';
import { buildMapData } from '../../map/mapData';
import { MapController, type MapViewState } from '../../map/MapController';
import { usePlanner } from '../../state/store';
import { downloadBlob } from '../download';
import { FairnessChart } from '../FairnessChart';
import { Legend } from '../Legend';
import { useListing, useMaxListed } from '../useDerived';
import { keyFigureLines, presentationImage, type SizeKey } from './exportPresentation';
import { usePresentationData, type Situation } from './usePresentationData';

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
  const year = usePlanner((s) => s.omradestypYear);
  const listing = useListing();
  const candidates = usePlanner((s) => s.candidates);
  const state: MapViewState = { visible: { ...visible, kommuner: true, access: false }, densityMode: 'grid', accessMode: 'grid', omradestypYear: year, basemap: false };
  useEffect(() => {
    if (!ref.current) return;
    const shownFc = data.familyCentres.filter((f) => situation.sites.some((s) => s.id === f.id));
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
    void c.setData(buildMapData(data, listing, candidatesShown ? candidates : [], shownFc)).then(() => {
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
  const year = usePlanner((st) => st.omradestypYear);
  const listingImport = usePlanner((st) => st.listingImport);
  const candidates = usePlanner((st) => st.candidates);
  const { setPresentation, setAtlasOpen, setPrint } = usePlanner.getState();
  const { today, proposal } = usePresentationData(pres.open);
  const sync = useMemo(() => new CameraSync(), []);
  const [busy, setBusy] = useState(false);
  const listing = useListing();
  const maxListed = useMaxListed();
  const [fairKommun, setFairKommun] = useState('');
  const name = scenarios.find((x) => x.id === activeId)?.name ?? '';
  useEffect(() => {
    if (pres.open && !pres.subtitle && name) setPresentation({ subtitle: name });
  }, [pres.open, pres.subtitle, name, setPresentation]);
  if (!pres.open || !data) return null;
  const listingLabel = listingImport ? `${s.imported} ${listingImport.year}` : `${s.modelled} 2025`;
  const kommunList = data.kommuner.features
    .map((f) => ({ code: String(f.properties?.kommun_code), name: String(f.properties?.kommun_name) }))
    .sort((x, y) => compareText(x.name, y.name, lang));

  const image = async (size: SizeKey) => {
    if (!proposal) throw new Error('no data');
    const shownFc = data.familyCentres.filter((f) => proposal.sites.some((x) => x.id === f.id));
    return presentationImage({
      mapData: buildMapData(data, listing, candidates, shownFc),
      state: { visible: { ...visible, kommuner: true, access: false }, densityMode: 'grid', accessMode: 'grid', omradestypYear: year, basemap: false },
      gapCodes: proposal.gapCodes,
      bbox: data.meta.bbox,
      title: pres.title,
      subtitle: pres.subtitle,
      scenario: name,
      legend: legendSections({ ...visible, kommuner: true, access: false }, year, s, lang, listingLabel),
      key: proposal.key,
      before: pres.compare ? (today?.key ?? null) : null,
      fairness: proposal.fairness,
      strings: s,
      lang,
      size,
    });
  };
  const png = async (size: SizeKey) => {
    setBusy(true);
    try {
      const c = await image(size);
      downloadBlob(exportFileName(name, `presentation-${c.width}x${c.height}`, 'png', new Date()), await canvasToPng(c));
    } finally {
      setBusy(false);
    }
  };
  const print = async (size: 'a4' | 'a3') => {
    setBusy(true);
    try {
      const c = await image(size);
      setPrint({ size, image: c.toDataURL('image/png') });
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
          <button type="button" data-testid="p-compare" onClick={() => setPresentation({ compare: !pres.compare })}>
            {pres.compare ? p.single : p.compare}
          </button>
          <button type="button" data-testid="p-png-slide" disabled={busy || !proposal} onClick={() => void png('slide')}>{p.png1080}</button>
          <button type="button" data-testid="p-png-a4" disabled={busy || !proposal} onClick={() => void png('a4')}>{p.pngA4}</button>
          <button type="button" data-testid="p-print-a4" disabled={busy || !proposal} onClick={() => void print('a4')}>{p.printA4}</button>
          <button type="button" data-testid="p-print-a3" disabled={busy || !proposal} onClick={() => void print('a3')}>{p.printA3}</button>
          <button type="button" data-testid="p-atlas" onClick={() => setAtlasOpen(true)}>{p.atlas}</button>
          <button type="button" data-testid="p-close" onClick={() => setPresentation({ open: false })}>{p.close}</button>
          {busy && <span className="p-busy" role="status">{p.exporting}</span>}
        </div>
      </header>
      <div className="p-body">
        <div className={`p-maps ${pres.compare ? 'two' : ''}`}>
          {pres.compare && today && <PresMap situation={today} label={p.today} sync={sync} testId="p-map-today" candidatesShown={false} />}
          {proposal && <PresMap situation={proposal} label={pres.compare ? p.proposal : ''} sync={sync} testId="p-map-proposal" candidatesShown />}
        </div>
        <aside className="p-side">
          {proposal && (
            <KeyFiguresPanel
              situation={proposal}
              before={pres.compare ? today : null}
              title={pres.compare ? `${p.keyFigures}: ${p.today} → ${p.proposal}` : p.keyFigures}
            />
          )}
          {pres.compare && today && proposal && (
            <p className="p-change" data-testid="p-change">
              {p.change}: {proposal.key.coverage_share >= today.key.coverage_share ? '+' : ''}
              {formatPercent(proposal.key.coverage_share - today.key.coverage_share, 1, lang)}
            </p>
          )}
          {proposal && (
            <>
              <label className="p-fairness-area">
                {p.area}{' '}
                <select value={fairKommun} data-testid="p-fairness-area" onChange={(e) => setFairKommun(e.target.value)}>
                  <option value="">{s.analysis.county}</option>
                  {kommunList.map((k) => (
                    <option key={k.code} value={k.code}>
                      {k.name}
                    </option>
                  ))}
                </select>
              </label>
              <FairnessChart
                rows={fairKommun ? fairness(proposal.sites, proposal.coverage.params.demand === 'grid' ? data.demand.grid : data.demand.deso, data.regso, year, fairKommun) : proposal.fairness}
                width={320}
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
