import { useEffect, useMemo } from 'react';
import { formatNumber, STRINGS } from '../i18n';
import { loadAppData } from '../io/appData';
import { mergeListing } from '../map/features';
import { usePlanner } from '../state/store';
import { LayerPanel } from './LayerPanel';
import { AnalysisPanel } from './AnalysisPanel';
import { Legend } from './Legend';
import { SuggestPanel } from './SuggestPanel';
import { useLiveCoverage } from './useAnalysis';
import { ListingPanel } from './ListingPanel';
import { MapView } from './MapView';

export function App() {
  const lang = usePlanner((s) => s.lang);
  const s = STRINGS[lang];
  const data = usePlanner((st) => st.data);
  const loadError = usePlanner((st) => st.loadError);
  const listingImport = usePlanner((st) => st.listingImport);
  useLiveCoverage();

  useEffect(() => {
    loadAppData()
      .then((d) => usePlanner.getState().setData(d))
      .catch((e: unknown) => usePlanner.getState().setLoadError(e instanceof Error ? e.message : String(e)));
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const listing = useMemo(
    () => (data ? mergeListing(data.listingModelled, listingImport?.records ?? null, listingImport?.fileName) : new Map()),
    [data, listingImport],
  );
  const maxListed = Math.max(1, ...[...listing.values()].map((l) => l.children_0_6));

  return (
    <div className="app">
      <aside className="sidebar">
        <header>
          <h1>{s.appTitle}</h1>
          <p className="subtitle">{s.appSubtitle}</p>
          <button type="button" className="lang" onClick={() => usePlanner.getState().setLang(lang === 'sv' ? 'en' : 'sv')}>
            {s.language}
          </button>
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
              {formatNumber(data.meta.totals.population, 0, lang)} inv. · {formatNumber(data.meta.totals.children_0_6, 0, lang)} barn 0–6 år ({s.estimated}, 2025)
            </p>
            <LayerPanel />
            <Legend maxListed={maxListed} />
            <AnalysisPanel />
            <SuggestPanel />
            <ListingPanel listing={listing} />
            <p className="hint">{s.noNetworkNote}</p>
          </>
        )}
      </aside>
      <main className="map-wrap">{data && <MapView />}</main>
    </div>
  );
}
