import { useMemo } from 'react';
import { mergeListing, type CentreListing } from '../domain/listing';
import { usePlanner } from '../state/store';
import { STRINGS } from '../i18n';
import { catchmentLegendSection, type LegendSection } from '../map/legendSpec';
import { mapSet, useMapCoverage } from '../state/selectors';
import { siteSetName } from '../i18n/describe';
import { needClasses, needLegendSection, type NeedClasses } from '../map/needClasses';
import { needInputs, type NeedInputs } from '../domain/need/demand';
import type { AppData } from '../io/appData';

const EMPTY: ReadonlyMap<string, CentreListing> = new Map();

/** Listed children per health centre: imported where a file covers the centre, else modelled. */
export function useListing(): ReadonlyMap<string, CentreListing> {
  const data = usePlanner((s) => s.data);
  const imp = usePlanner((s) => s.listingImport);
  return useMemo(() => (data ? mergeListing(data.listingModelled, imp?.records ?? null, imp?.fileName) : EMPTY), [data, imp]);
}

/** The largest listed-children value (for sizing circles in legends). */
export function useMaxListed(): number {
  const listing = useListing();
  return useMemo(() => Math.max(1, ...[...listing.values()].map((l) => l.children_0_6)), [listing]);
}

/** kommun code → kommun name. */
export function useKommunNames(): ReadonlyMap<string, string> {
  const data = usePlanner((s) => s.data);
  return useMemo(
    () => new Map((data?.kommuner.features ?? []).map((f) => [f.properties.kommun_code, f.properties.kommun_name])),
    [data],
  );
}

/** The need layer's classes for the scenario's index components or the chosen indicator (null before data). */
export function useNeedClasses(): NeedClasses | null {
  const data = usePlanner((s) => s.data);
  const key = usePlanner((s) => s.needLayer);
  const components = usePlanner((s) => s.params.need.components);
  const componentsKey = JSON.stringify(components);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the components' values
  return useMemo(() => (data ? needClasses(data.need.indicators, components, key, data.deso.features.map((f) => f.properties)) : null), [data, key, componentsKey]);
}

/** The need layer's legend section in the UI language (null before data). */
/** The catchment layer's legend for the set the map shows. */
export function useCatchmentLegend(): LegendSection | null {
  const cov = useMapCoverage();
  const lang = usePlanner((s) => s.lang);
  const key = usePlanner(mapSet);
  return useMemo(
    () => (cov ? catchmentLegendSection(cov.catchments.centres, cov.catchmentSlots, cov.catchments.unreachable.children_0_6, STRINGS[lang], lang, siteSetName(key, lang)) : null),
    [cov, lang, key],
  );
}

export function useNeedLegend(): LegendSection | null {
  const c = useNeedClasses();
  const lang = usePlanner((s) => s.lang);
  return useMemo(() => (c ? needLegendSection(c, STRINGS[lang], lang) : null), [c, lang]);
}

const needInputsCache = new WeakMap<AppData, NeedInputs>();
/** The loaded data's need inputs (indicators, SCB's band as maps, kommun estimates), built once per data. */
export function appNeedInputs(data: AppData): NeedInputs {
  let v = needInputsCache.get(data);
  if (!v) needInputsCache.set(data, (v = needInputs(data.need, data.kommuner.features.map((f) => f.properties))));
  return v;
}
