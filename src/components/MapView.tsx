import { useEffect, useRef } from 'react';
import { STRINGS } from '../i18n';
import { candidateCollection, healthCentreCollection } from '../map/features';
import { buildMapData } from '../map/mapData';
import { MapController } from '../map/MapController';
import type { AppData } from '../io/appData';
import { usePlanner } from '../state/store';
import { useListing } from './useDerived';
import type { CoverageSummary } from '../worker/analysisApi';
import { analysisWorker } from '../worker/client';
import { addCandidateAt, moveCandidate } from '../state/candidateActions';

declare global {
  interface Window {
    /** The live map controller, for end-to-end tests and the browser console. */
    __planner?: MapController;
  }
}

function pushCoverage(c: MapController, data: AppData, cov: CoverageSummary) {
  const units = cov.params.demand === 'grid' ? data.demand.grid : data.demand.deso;
  c.setAccess(cov.params.demand, units.map((u) => u.id), cov.minutes);
  c.setGaps(cov.gaps.filter((g) => g.flags.length > 0).map((g) => g.kommun_code));
}

/** Hosts the map controller and feeds it from the store. Does no geometry itself. */
export function MapView() {
  const ref = useRef<HTMLDivElement>(null);
  const ctrl = useRef<MapController | null>(null);
  const data = usePlanner((s) => s.data);
  const lang = usePlanner((s) => s.lang);
  const visible = usePlanner((s) => s.visible);
  const densityMode = usePlanner((s) => s.densityMode);
  const omradestypYear = usePlanner((s) => s.omradestypYear);
  const basemap = usePlanner((s) => s.basemap);
  const coverage = usePlanner((s) => s.coverage);
  const candidates = usePlanner((s) => s.candidates);
  const suggestion = usePlanner((s) => s.suggestion);
  const accessMode = coverage?.params.demand ?? 'grid';

  const listing = useListing();
  const listingRef = useRef(listing);
  listingRef.current = listing;

  useEffect(() => {
    if (!ref.current || !data) return;
    const st = usePlanner.getState();
    const c = new MapController(
      ref.current,
      { visible: st.visible, densityMode: st.densityMode, accessMode: st.coverage?.params.demand ?? 'grid', omradestypYear: st.omradestypYear, basemap: st.basemap },
      STRINGS[st.lang],
      st.lang,
    );
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
    void c
      .setData(buildMapData(data, listingRef.current, st.candidates))
      .then(() => {
        const cov = usePlanner.getState().coverage;
        if (cov) pushCoverage(c, data, cov);
        return c.whenIdle();
      })
      .then(() => ref.current?.setAttribute('data-map-ready', 'true'));
    return () => {
      c.destroy();
      ctrl.current = null;
      delete window.__planner;
    };
  }, [data]);

  useEffect(() => {
    ctrl.current?.applyState({ visible, densityMode, accessMode, omradestypYear, basemap });
  }, [visible, densityMode, accessMode, omradestypYear, basemap]);

  useEffect(() => {
    if (ctrl.current && data && coverage) pushCoverage(ctrl.current, data, coverage);
  }, [data, coverage]);

  useEffect(() => {
    ctrl.current?.setCandidates(candidateCollection(candidates));
  }, [candidates]);

  const addMode = usePlanner((s) => s.addMode);
  useEffect(() => {
    ctrl.current?.setAddMode(addMode);
  }, [addMode]);

  // Highlight the selected candidate, the DeSO it reaches and the children it adds.
  const selected = usePlanner((s) => s.selectedCandidate);
  const params = usePlanner((s) => s.params);
  const year = usePlanner((s) => s.omradestypYear);
  const matrix = usePlanner((s) => s.matrix);
  useEffect(() => {
    const c = ctrl.current;
    const site = candidates.find((x) => x.id === selected);
    if (!c) return;
    if (!site) {
      c.setHighlight(null);
      return;
    }
    let live = true;
    void analysisWorker()
      .detail({ ...params, omradestypYear: year }, site, params.travel.kind === 'matrix' ? (matrix?.matrix ?? null) : null)
      .then((d) => {
        if (live) c.setHighlight({ siteId: site.id, reachedDeso: d.reachedDeso, addedKind: d.demand, addedIds: d.addedIds });
      });
    return () => {
      live = false;
    };
  }, [selected, candidates, params, year, matrix]);

  useEffect(() => {
    ctrl.current?.setSuggestions(suggestion?.suggested ?? []);
  }, [suggestion]);

  useEffect(() => {
    ctrl.current?.setStrings(STRINGS[lang], lang);
  }, [lang]);

  useEffect(() => {
    if (data) ctrl.current?.setHealthCentres(healthCentreCollection(data.healthCentres, listing));
  }, [data, listing]);

  return <div ref={ref} className="map" data-testid="map" />;
}
