import { useMemo } from 'react';
import { mergeListing, type CentreListing } from '../domain/listing';
import { usePlanner } from '../state/store';

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
