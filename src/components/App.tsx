import { lazy, Suspense, useEffect, useState } from 'react';
import { formatNumber, STRINGS } from '../i18n';
import { loadAppData } from '../io/appData';
import { usePlanner } from '../state/store';
import { exportScenarioFile } from './scenarioExport';
import { LayerPanel } from './LayerPanel';
import { AnalysisPanel } from './AnalysisPanel';
import { LegendDock } from './Legend';
import { SuggestPanel } from './SuggestPanel';
import { useLiveCoverage } from './useAnalysis';
import { useMaxListed } from './useDerived';
import { ListingPanel } from './ListingPanel';
import { MapView } from './MapView';
import { CandidatePanel } from './CandidatePanel';
import { RankingPanel } from './RankingPanel';
import { ScenarioPanel } from './ScenarioPanel';
import { ExportPanel } from './ExportPanel';
import { useScenarioTab } from './useScenarioMemory';
// Presentation, atlas and print are loaded when first opened (keeps the start bundle lean).
const PresentationView = lazy(() => import('./presentation/PresentationView').then((m) => ({ default: m.PresentationView })));
const AtlasView = lazy(() => import('./presentation/AtlasView').then((m) => ({ default: m.AtlasView })));
// The issue-11 panels of Täckning load with the tab's first opening, not before the first map.
const ServicesPanel = lazy(() => import('./ServicesPanel').then((m) => ({ default: m.ServicesPanel })));
const HistoryPanel = lazy(() => import('./HistoryPanel').then((m) => ({ default: m.HistoryPanel })));
const CatchmentPanel = lazy(() => import('./CatchmentPanel').then((m) => ({ default: m.CatchmentPanel })));
const BudgetPanel = lazy(() => import('./BudgetPanel').then((m) => ({ default: m.BudgetPanel })));
const PrintSheet = lazy(() => import('./presentation/PrintSheet').then((m) => ({ default: m.PrintSheet })));

export type TabKey = 'map' | 'coverage' | 'candidates' | 'suggest' | 'scenarios';
const TABS: TabKey[] = ['map', 'coverage', 'candidates', 'suggest', 'scenarios'];
/** Where scenarios are switched: a switch brings back the entered scenario's last tab other than this. */
const SWITCH_TABS: TabKey[] = ['scenarios'];
/**
 * Runs the live analysis. A component of its own: it reads the whole parameter set, and a weight
 * dragged in the ranking must not re-render the App (and with it every panel) on each input event.
 */
function LiveCoverage(): null {
  useLiveCoverage();
  return null;
}

export function App() {
  const lang = usePlanner((s) => s.lang);
  const s = STRINGS[lang];
  const data = usePlanner((st) => st.data);
  const loadError = usePlanner((st) => st.loadError);
  const scenarioMessage = usePlanner((st) => st.scenarioMessage);
  const storageAvailable = usePlanner((st) => st.storageAvailable);
  // The active tab (and the map view) is remembered per scenario; a reload keeps the open scenario's.
  const [tab, setTab] = useScenarioTab(TABS, 'map', SWITCH_TABS);
  // Tabs opened at least once (their lazily loaded panels stay mounted afterwards).
  const [opened, setOpened] = useState<ReadonlySet<TabKey>>(() => new Set(['map', tab]));
  // A tab brought back by a scenario switch is opened like a clicked one.
  useEffect(() => setOpened((o) => (o.has(tab) ? o : new Set([...o, tab]))), [tab]);
  const presentationOpen = usePlanner((st) => st.presentation.open);
  const atlasOpen = usePlanner((st) => st.atlasOpen);
  const printing = usePlanner((st) => st.print !== null);

  useEffect(() => {
    loadAppData()
      .then((d) => {
        performance.mark('fcp-data');
        usePlanner.getState().setData(d);
      })
      .catch((e: unknown) => usePlanner.getState().setLoadError(e instanceof Error ? e.message : String(e)));
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const maxListed = useMaxListed();

  return (
    <>
    <LiveCoverage />
    <div className="app">
      <aside className="sidebar">
        <header>
          <h1>{s.appTitle}</h1>
          <p className="subtitle">{s.appSubtitle}</p>
          <button type="button" className="lang" onClick={() => usePlanner.getState().setLang(lang === 'sv' ? 'en' : 'sv')}>
            {s.language}
          </button>
          {data && (
            <button type="button" className="present-button" data-testid="open-presentation" onClick={() => usePlanner.getState().setPresentation({ open: true })}>
              {s.present.open}
            </button>
          )}
        </header>
        {loadError && (
          <p className="error" role="alert">
            {s.loadError}: {loadError}
          </p>
        )}
        {!data && !loadError && <p>{s.loading}</p>}
        {data && (
          <>
            <p className="keyfigures" data-testid="keyfigures">
              {formatNumber(data.meta.totals.population, 0, lang)} {s.inhabitants} · {formatNumber(data.meta.totals.children_0_6, 0, lang)} {s.children06} ({s.estimated}, 2025)
            </p>
            {!storageAvailable && (
              <p className="warning" role="alert" data-testid="storage-blocked">
                {s.scenario.storageBlocked}{' '}
                <button type="button" data-testid="storage-blocked-export" onClick={exportScenarioFile}>
                  {s.scenario.export}
                </button>
              </p>
            )}
            {scenarioMessage && (
              <p className="message" role="status" data-testid="scenario-message">
                {scenarioMessage}{' '}
                <button type="button" className="link" onClick={() => usePlanner.getState().setScenarioMessage(null)}>
                  OK
                </button>
              </p>
            )}
            <nav className="tabs" role="tablist">
              {TABS.map((k) => (
                <button key={k} type="button" role="tab" aria-selected={tab === k} data-testid={`tab-${k}`} className={tab === k ? 'active' : ''} onClick={() => {
                  setTab(k);
                  if (!opened.has(k)) setOpened(new Set([...opened, k]));
                }}>
                  {s.tabs[k]}
                </button>
              ))}
            </nav>
            <div hidden={tab !== 'map'} role="tabpanel">
              <LayerPanel />
              <ListingPanel />
              <p className="hint">{s.noNetworkNote}</p>
            </div>
            <div hidden={tab !== 'coverage'} role="tabpanel">
              <AnalysisPanel />
              {opened.has('coverage') && (
                <Suspense fallback={<p>{s.loading}</p>}>
                  <ServicesPanel />
                  <HistoryPanel />
                  <CatchmentPanel />
                  <BudgetPanel />
                </Suspense>
              )}
            </div>
            <div hidden={tab !== 'candidates'} role="tabpanel">
              <CandidatePanel />
              <RankingPanel />
            </div>
            <div hidden={tab !== 'suggest'} role="tabpanel">
              <SuggestPanel />
            </div>
            <div hidden={tab !== 'scenarios'} role="tabpanel">
              <ScenarioPanel />
              <ExportPanel />
            </div>
            {/* The legend is docked at the foot of the sidebar, beside the map, never over it. */}
            <LegendDock maxListed={maxListed} />
          </>
        )}
      </aside>
      <main className="map-wrap">
        {/* The map starts before the data arrives: its style and worker load meanwhile. */}
        {!loadError && <MapView />}
      </main>
    </div>
    {(presentationOpen || atlasOpen || printing) && (
      <Suspense fallback={<div className="presentation loading">{s.loading}</div>}>
        <PresentationView />
        <AtlasView />
        <PrintSheet />
      </Suspense>
    )}
    </>
  );
}
