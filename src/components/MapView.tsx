import { useEffect, useRef, useState } from 'react';
import { STRINGS } from '../i18n';
import { candidateCollection, familyCentreCollection, healthCentreCollection } from '../map/features';
import { buildMapData } from '../map/mapData';
import { MapController, type MapViewPosition } from '../map/MapController';
import { dataUrl, type AppData } from '../io/appData';
import { LAZY_DATA_FILES } from '../io/dataManifest';
import { flaggedKommuner } from '../domain/gaps';
import type { CoverageAnalysisSummary } from '../domain/summary';
import { demandUnits } from '../domain/views';
import { mapSet, useAnalysisRequest, useMapCoverage } from '../state/selectors';
import { parseView, sessionStore, WORKING_VIEW_KEY } from '../state/viewMemory';
import { usePlanner } from '../state/store';
import { useListing, useNeedClasses } from './useDerived';
import { NEED_MISSING_COLOR, type NeedClasses } from '../map/needClasses';
import { analysisWorker } from '../worker/client';
import { addCandidateAt, moveCandidate } from '../state/candidateActions';
import { markFirstMapDrawn } from '../state/firstMap';
import { HISTORY_STRINGS } from '../i18n/history';
import { sharedPoints, snapshotView } from './historySnapshots';
import { MAP_UI_WORDS } from '../i18n/mapui';

declare global {
  interface Window {
    /** The live map controller, for end-to-end tests and the browser console. */
    __planner?: MapController;
  }
}

/** The travel-time layer and the gap outlines of one site set (the one the map shows). */
function pushCoverage(c: MapController, data: AppData, cov: CoverageAnalysisSummary | null) {
  if (!cov) {
    c.setAccess('grid', [], new Float64Array(0));
    c.setCatchments('grid', [], new Int32Array(0), new Int32Array(0));
    c.setGaps([]);
    return;
  }
  const ids = demandUnits(data.demand, cov.params.demand).map((u) => u.id);
  c.setAccess(cov.params.demand, ids, cov.minutes);
  c.setCatchments(cov.params.demand, ids, cov.nearest, cov.catchmentSlots);
  c.setGaps(flaggedKommuner(cov.gaps));
}

/** The need layer's classes (and, for the index, the values the DeSO popups show). */
function pushNeed(c: MapController, need: NeedClasses | null) {
  if (need) c.setNeed(need.ids, need.classes, need.colors, NEED_MISSING_COLOR, need.key === 'index' ? need.values : null, need.regso);
}

/** The map view this browser tab showed before a reload (undefined at first or when unreadable). */
function savedView(): MapViewPosition | undefined {
  return parseView(sessionStore()?.getItem(WORKING_VIEW_KEY) ?? null) ?? undefined;
}

/** Hosts the map controller and feeds it from the store. Does no geometry itself. */
export function MapView() {
  const ref = useRef<HTMLDivElement>(null);
  const ctrl = useRef<MapController | null>(null);
  const data = usePlanner((s) => s.data);
  const lang = usePlanner((s) => s.lang);
  const visible = usePlanner((s) => s.visible);
  const densityMode = usePlanner((s) => s.densityMode);
  const omradestypYear = usePlanner((s) => s.params.omradestypYear);
  const basemap = usePlanner((s) => s.basemap);
  const coverage = useMapCoverage();
  const candidates = usePlanner((s) => s.candidates);
  const suggestion = usePlanner((s) => s.suggestion);
  const unreachable = usePlanner((s) => s.suggestUnreachable);
  const accessMode = coverage?.params.demand ?? 'grid';
  const need = useNeedClasses();
  const needRef = useRef(need);
  needRef.current = need;

  const listing = useListing();
  const listingRef = useRef(listing);
  listingRef.current = listing;
  // Until the data is drawn the map shows a loading indicator (not kommun names on an empty map).
  const [ready, setReady] = useState(false);

  // The controller (and MapLibre's workers) start at mount, while the data is still loading.
  useEffect(() => {
    if (!ref.current) return;
    const st = usePlanner.getState();
    const c = new MapController(
      ref.current,
      { visible: st.visible, densityMode: st.densityMode, accessMode: st.params.demand, omradestypYear: st.params.omradestypYear, basemap: st.basemap },
      STRINGS[st.lang],
      st.lang,
      // A view kept over a reload wins; otherwise the county is fitted to the map's size.
      { initialView: savedView(), fitCounty: true },
    );
    c.onViewChange((v) => {
      try {
        if (v) sessionStore()?.setItem(WORKING_VIEW_KEY, JSON.stringify(v));
        else sessionStore()?.removeItem(WORKING_VIEW_KEY);
      } catch {
        /* storage blocked: the view is simply not remembered */
      }
    });
    ctrl.current = c;
    window.__planner = c;
    c.setHandlers({
      onAddAt: (lon, lat) => {
        const site = addCandidateAt(lon, lat);
        usePlanner.getState().setSelectedCandidate(site.id);
      },
      onMoveCandidate: (id, lon, lat) => moveCandidate(id, lon, lat),
      onSelectCandidate: (id) => usePlanner.getState().setSelectedCandidate(id),
    });
    return () => {
      c.destroy();
      ctrl.current = null;
      delete window.__planner;
    };
  }, []);

  // Resolves when the controller has the data's sources (setters that need them wait for it).
  const dataSet = useRef<Promise<void> | null>(null);
  // The data, once loaded (once per page).
  useEffect(() => {
    const c = ctrl.current;
    if (!c || !data) return;
    const st = usePlanner.getState();
    void (dataSet.current = c.setData(buildMapData(data, listingRef.current, st.candidates)))
      .then(() => {
        performance.mark('fcp-map-data');
        const st2 = usePlanner.getState();
        pushCoverage(c, data, st2.coverage ? st2.coverage[mapSet(st2)] : null);
        pushNeed(c, needRef.current);
        return c.whenIdle();
      })
      .then(() => {
        performance.mark('fcp-map-ready');
        markFirstMapDrawn();
        ref.current?.setAttribute('data-map-ready', 'true');
        setReady(true);
      });
  }, [data]);

  useEffect(() => {
    ctrl.current?.applyState({ visible, densityMode, accessMode, omradestypYear, basemap });
  }, [visible, densityMode, accessMode, omradestypYear, basemap]);

  // The road network layer is fetched the first time it is switched on.
  const roadsLoaded = useRef(false);
  useEffect(() => {
    if (!visible.roads || roadsLoaded.current || !data) return;
    roadsLoaded.current = true;
    void fetch(dataUrl(LAZY_DATA_FILES.roadLayer))
      .then((r) => r.json())
      .then((fc) => ctrl.current?.setRoads(fc))
      .catch(() => (roadsLoaded.current = false));
  }, [visible.roads, data]);

  useEffect(() => {
    if (ctrl.current && data) pushCoverage(ctrl.current, data, coverage);
  }, [data, coverage]);

  useEffect(() => {
    if (ctrl.current) pushNeed(ctrl.current, need);
  }, [need]);

  useEffect(() => {
    ctrl.current?.setCandidates(candidateCollection(candidates));
  }, [candidates]);

  const addMode = usePlanner((s) => s.addMode);
  useEffect(() => {
    ctrl.current?.setAddMode(addMode);
  }, [addMode]);

  // Highlight the selected candidate, the DeSO it reaches and the children it adds.
  const selected = usePlanner((s) => s.selectedCandidate);
  const req = useAnalysisRequest();
  useEffect(() => {
    const c = ctrl.current;
    const site = candidates.find((x) => x.id === selected);
    if (!c) return;
    if (!site || !req) {
      c.setHighlight(null);
      return;
    }
    let live = true;
    void analysisWorker()
      .detail(req, site)
      .then((d) => {
        if (live) c.setHighlight({ siteId: site.id, reachedDeso: d.reachedDeso, addedKind: d.demand, addedIds: d.addedIds });
      });
    return () => {
      live = false;
    };
  }, [selected, candidates, req]);

  useEffect(() => {
    ctrl.current?.setSuggestions(suggestion?.suggested ?? []);
  }, [suggestion]);

  // Demand no possible site reaches within T (Föreslå's summary), marked on the map: 1 km grid
  // cells or DeSO, as the run spread its demand.
  useEffect(() => {
    ctrl.current?.setUnreachable(unreachable?.demand === 'grid' ? 'grid' : 'deso', unreachable?.ids ?? []);
  }, [unreachable, ready]);

  useEffect(() => {
    ctrl.current?.setStrings(STRINGS[lang], lang);
  }, [lang]);

  useEffect(() => {
    if (data) ctrl.current?.setHealthCentres(healthCentreCollection(data.healthCentres, listing));
  }, [data, listing]);

  // A documented snapshot chosen in the history panel: its sites replace the family-centre
  // symbols (points several sites share get a count); null restores the data's.
  const historySnapshot = usePlanner((s) => s.historySnapshot);
  const shownSnapshot = useRef<typeof historySnapshot>(null);
  useEffect(() => {
    const c = ctrl.current;
    // Nothing to do until a snapshot has been shown (the data's symbols are there already).
    if (!c || !data || !dataSet.current || (historySnapshot === null && shownSnapshot.current === null)) return;
    shownSnapshot.current = historySnapshot;
    const key = historySnapshot;
    void dataSet.current.then(() => {
      if (!key) return c.setFamilyCentres(null);
      const centres = snapshotView(data, key).centres;
      const byId = new Map(centres.map((f) => [f.id, f.name]));
      const stacks = sharedPoints(centres).map((p) => ({
        lon: p.lon,
        lat: p.lat,
        count: p.ids.length,
        title: `${HISTORY_STRINGS[lang].stacked(p.ids.length)}: ${p.ids.map((id) => byId.get(id) ?? id).join('; ')}`,
      }));
      c.setFamilyCentres(familyCentreCollection(centres), stacks);
    });
  }, [data, historySnapshot, lang]);

  return (
    <>
      <div ref={ref} className="map" data-testid="map" aria-busy={!ready} />
      {!ready && (
        <div className="map-loading" role="status" data-testid="map-loading">
          <span className="map-loading-spinner" aria-hidden="true" />
          {MAP_UI_WORDS[lang].mapLoading}
        </div>
      )}
    </>
  );
}
