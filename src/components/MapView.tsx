import { useEffect, useMemo, useRef } from 'react';
import { STRINGS } from '../i18n';
import { familyCentreCollection, healthCentreCollection, mergeListing, stopCollection } from '../map/features';
import { MapController } from '../map/MapController';
import { usePlanner } from '../state/store';

declare global {
  interface Window {
    /** The live map controller, for end-to-end tests and the browser console. */
    __planner?: MapController;
  }
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
  const listingImport = usePlanner((s) => s.listingImport);

  const listing = useMemo(
    () => (data ? mergeListing(data.listingModelled, listingImport?.records ?? null, listingImport?.fileName) : null),
    [data, listingImport],
  );

  useEffect(() => {
    if (!ref.current || !data) return;
    const st = usePlanner.getState();
    const c = new MapController(
      ref.current,
      { visible: st.visible, densityMode: st.densityMode, omradestypYear: st.omradestypYear, basemap: st.basemap },
      STRINGS[st.lang],
      st.lang,
    );
    ctrl.current = c;
    window.__planner = c;
    const merged = mergeListing(data.listingModelled, st.listingImport?.records ?? null, st.listingImport?.fileName);
    void c
      .setData({
        kommuner: data.kommuner,
        regso: data.regso,
        deso: data.deso,
        grid: data.grid,
        healthCentres: healthCentreCollection(data.healthCentres, merged),
        familyCentres: familyCentreCollection(data.familyCentres),
        stops: stopCollection(data.stopAreas),
        tatorter: data.tatorter,
        bbox: data.meta.bbox,
      })
      .then(() => c.whenIdle())
      .then(() => ref.current?.setAttribute('data-map-ready', 'true'));
    return () => {
      c.destroy();
      ctrl.current = null;
      delete window.__planner;
    };
  }, [data]);

  useEffect(() => {
    ctrl.current?.applyState({ visible, densityMode, omradestypYear, basemap });
  }, [visible, densityMode, omradestypYear, basemap]);

  useEffect(() => {
    ctrl.current?.setStrings(STRINGS[lang], lang);
  }, [lang]);

  useEffect(() => {
    if (data && listing) ctrl.current?.setHealthCentres(healthCentreCollection(data.healthCentres, listing));
  }, [data, listing]);

  return <div ref={ref} className="map" data-testid="map" />;
}
