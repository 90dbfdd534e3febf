import { greatCircleKm } from '../../geo/distance';
import type { DemandUnit, HealthCentre, Site } from '../types';

export type CandidateSetKind = 'healthCentres' | 'tatorter' | 'planner' | 'grid';

/** Error message (a code, worded by the UI) when the chosen candidate set is empty. */
export const NO_CANDIDATES = 'no_candidates';

/** The 29 health centres as candidate sites (id = health centre id). */
export function healthCentreCandidates(centres: readonly HealthCentre[]): Site[] {
  return centres.map((h) => ({ id: h.id, name: h.name, status: 'candidate', lon: h.lon, lat: h.lat, kommun_code: h.kommun_code }));
}

/** Tätorter (points) as candidate sites (id = SCB tätort code). */
export function tatortCandidates(tatorter: readonly { code: string; name: string; kommun_code: string; lon: number; lat: number }[]): Site[] {
  return tatorter.map((t) => ({ id: t.code, name: t.name, status: 'candidate', lon: t.lon, lat: t.lat, kommun_code: t.kommun_code }));
}

/** Parses the lower-left corner (metres, EPSG:3035) from a Eurostat grid id "CRS3035RES1000mN…E…". */
export function gridCorner(id: string): { n: number; e: number } | null {
  const m = /N(\d+)E(\d+)$/.exec(id);
  return m ? { n: Number(m[1]), e: Number(m[2]) } : null;
}

/**
 * A grid of candidate points over populated areas: the 1 km cells are grouped into blocks of
 * `blockKm` × `blockKm` km (EPSG:3035), and every block with at least `minChildren` children 0–6
 * gives one point at the child-weighted mean of its cell centres. Ids are "grid-<N km>-<E km>".
 */
export function gridCandidates(demand: readonly DemandUnit[], blockKm = 5, minChildren = 5, towns: readonly TownPoint[] = []): Site[] {
  const blocks = new Map<string, { w: number; lon: number; lat: number; kommun: Map<string, number> }>();
  const size = blockKm * 1000;
  for (const u of demand) {
    if (u.kind !== 'grid') continue;
    const c = gridCorner(u.id);
    if (!c) continue;
    const key = `${Math.floor(c.n / size) * blockKm}-${Math.floor(c.e / size) * blockKm}`;
    const b = blocks.get(key) ?? { w: 0, lon: 0, lat: 0, kommun: new Map() };
    b.w += u.children_0_6;
    b.lon += u.children_0_6 * u.lon;
    b.lat += u.children_0_6 * u.lat;
    b.kommun.set(u.kommun_code, (b.kommun.get(u.kommun_code) ?? 0) + u.children_0_6);
    blocks.set(key, b);
  }
  return [...blocks.entries()]
    .filter(([, b]) => b.w >= minChildren)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([key, b]) => ({
      id: `grid-${key}`,
      name: gridPointName(b.lon / b.w, b.lat / b.w, towns, blockKm) ?? `${blockKm} km-ruta ${key.replace('-', ' N / ')} E (km)`,
      status: 'candidate' as const,
      lon: Math.round((b.lon / b.w) * 1e6) / 1e6,
      lat: Math.round((b.lat / b.w) * 1e6) / 1e6,
      kommun_code: [...b.kommun.entries()].sort((x, y) => y[1] - x[1])[0][0],
    }));
}

/** A tätort's point (WGS84) and name. */
export interface TownPoint {
  name: string;
  lon: number;
  lat: number;
}

const DIRECTIONS = ['N', 'NO', 'O', 'SO', 'S', 'SV', 'V', 'NV'];

/**
 * A grid point's name a planner can place, with the size of the block it stands for (`blockKm`,
 * km): "Nära Borlänge, 5 km-ruta" within 1 km of a tätort's point, else "3 km NO om Säter,
 * 5 km-ruta" (great-circle km to the nearest tätort, rounded to whole km; direction in eight
 * Swedish compass points). null without towns.
 */
export function gridPointName(lon: number, lat: number, towns: readonly TownPoint[], blockKm = 5): string | null {
  const place = placeNear(lon, lat, towns);
  return place === null ? null : `${place.km < 1 ? `Nära ${place.town}` : place.text}, ${blockKm} km-ruta`;
}

/** Where a point lies from its nearest tätort: the town's name, great-circle km, and "3 km NO om Säter". */
export interface PlaceNear {
  town: string;
  /** Great-circle km from the town's point. */
  km: number;
  /** Compass point from the town to the point in Swedish letters (N, NO, O, SO, S, SV, V, NV); null within 1 km. */
  direction: string | null;
  /** "i Säter" within 1 km, else "<whole km> km <compass point> om <town>". */
  text: string;
}

/**
 * A point described from its nearest tätort (great-circle km; bearing on a local flat
 * approximation, eight Swedish compass points): "i Borlänge" within 1 km, else "3 km NO om
 * Säter". null without towns.
 */
export function placeNear(lon: number, lat: number, towns: readonly TownPoint[]): PlaceNear | null {
  let best: TownPoint | null = null;
  let bestKm = Infinity;
  for (const t of towns) {
    const km = greatCircleKm(lon, lat, t.lon, t.lat);
    if (km < bestKm) {
      bestKm = km;
      best = t;
    }
  }
  if (!best) return null;
  if (bestKm < 1) return { town: best.name, km: bestKm, direction: null, text: `i ${best.name}` };
  // Bearing from the town to the point, on a local flat approximation (fine at these distances).
  const dx = (lon - best.lon) * Math.cos((best.lat * Math.PI) / 180);
  const dy = lat - best.lat;
  const deg = ((Math.atan2(dx, dy) * 180) / Math.PI + 360) % 360;
  const direction = DIRECTIONS[Math.round(deg / 45) % 8];
  return { town: best.name, km: bestKm, direction, text: `${Math.round(bestKm)} km ${direction} om ${best.name}` };
}
