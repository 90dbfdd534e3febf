import { kommunAt } from '../domain/kommunLookup';
import type { Site } from '../domain/types';
import { usePlanner } from './store';

/** Planner actions on candidate sites (kept out of components: they look up kommuner). */

function nextId(existing: readonly Site[]): { id: string; n: number } {
  let n = existing.length + 1;
  const ids = new Set(existing.map((c) => c.id));
  while (ids.has(`k${n}`)) n++;
  return { id: `k${n}`, n };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Adds a candidate where the planner clicked; returns it. */
export function addCandidateAt(lon: number, lat: number): Site {
  const s = usePlanner.getState();
  const { id, n } = nextId(s.candidates);
  const site: Site = {
    id,
    name: `Kandidat ${n}`,
    status: 'candidate',
    lon: round6(lon),
    lat: round6(lat),
    kommun_code: s.data ? (kommunAt(s.data.kommuner, lon, lat) ?? undefined) : undefined,
  };
  s.addCandidates([site]);
  return site;
}

/** Adds sites (from a list or an import), filling in the kommun where missing. */
export function addCandidates(sites: readonly Site[]): void {
  const s = usePlanner.getState();
  s.addCandidates(
    sites.map((x) => ({
      ...x,
      status: 'candidate' as const,
      kommun_code: x.kommun_code ?? (s.data ? (kommunAt(s.data.kommuner, x.lon, x.lat) ?? undefined) : undefined),
    })),
  );
}

/** Moves a candidate (dragged on the map) and updates its kommun. */
export function moveCandidate(id: string, lon: number, lat: number): void {
  const s = usePlanner.getState();
  s.updateCandidate(id, { lon: round6(lon), lat: round6(lat), kommun_code: s.data ? (kommunAt(s.data.kommuner, lon, lat) ?? undefined) : undefined });
}
