import { EARTH_RADIUS_KM } from '../geo/distance';
import type { NetworkParams, NetworkRouter } from './network/router';
import type { TravelMatrix } from './types';

export type { NetworkParams };

/**
 * Travel-cost models behind one interface. Every model gives minutes and km from a demand
 * unit (origin) to a site (destination). Parameters are plain data so they can travel with
 * results and exports as stated assumptions.
 */

/** Straight line: great-circle km, minutes at a constant speed. */
export interface StraightParams {
  kind: 'straight';
  /** km/h applied to the straight-line distance. */
  speedKmh: number;
}

/**
 * Modelled road: road km = k × straight-line km, k by straight-line distance band; minutes from
 * a two-speed model plus a fixed time at the ends.
 */
export interface RoadParams {
  kind: 'road';
  /** k for straight-line distance < 10 km. */
  circuityBelow10: number;
  /** k for 10 km ≤ straight-line distance ≤ 40 km. */
  circuity10to40: number;
  /** k for straight-line distance > 40 km. */
  circuityAbove40: number;
  /** Speed (km/h) on the first `urbanKm` of road distance. */
  urbanSpeedKmh: number;
  /** Road km driven at the urban speed. */
  urbanKm: number;
  /** Speed (km/h) beyond the first `urbanKm`. */
  ruralSpeedKmh: number;
  /** Minutes added per trip for both ends together (parking, walking to the door). */
  terminalMinutes: number;
}

/** Imported matrix: minutes (and km when given) looked up by origin and destination id. */
export interface MatrixParams {
  kind: 'matrix';
  /** File the matrix came from, for stating the assumption. */
  source: string;
}

/** Road network: shortest paths on the union graph of national and bus-route roads (network/). */
export type TravelParams = StraightParams | RoadParams | MatrixParams | NetworkParams;
export type TravelKind = TravelParams['kind'];

export const DEFAULT_STRAIGHT: StraightParams = { kind: 'straight', speedKmh: 50 };

/**
 * Defaults: circuity from Swedish travel-survey and road-network studies (1.40 / 1.33 / 1.28; a
 * Dalarna check against bus-route roads gave a median of 1.45 between kommun centres, see
 * data/roads in the shared data). Speeds: 35 km/h for the first 2 km, 70 km/h beyond, plus 2 min.
 */
export const DEFAULT_ROAD: RoadParams = {
  kind: 'road',
  circuityBelow10: 1.4,
  circuity10to40: 1.33,
  circuityAbove40: 1.28,
  urbanSpeedKmh: 35,
  urbanKm: 2,
  ruralSpeedKmh: 70,
  terminalMinutes: 2,
};

/** Circuity factor k for a straight-line distance (km). Bands: < 10, 10–40 (inclusive), > 40. */
export function circuityFactor(straightKm: number, p: RoadParams): number {
  if (straightKm < 10) return p.circuityBelow10;
  if (straightKm <= 40) return p.circuity10to40;
  return p.circuityAbove40;
}

/** Modelled road km for a straight-line distance (km). */
export function roadKm(straightKm: number, p: RoadParams): number {
  return straightKm * circuityFactor(straightKm, p);
}

/** Minutes to drive `km` road km with the two-speed model, plus the terminal minutes. */
export function roadMinutes(km: number, p: RoadParams): number {
  const urban = Math.min(km, p.urbanKm);
  const rural = Math.max(0, km - p.urbanKm);
  return p.terminalMinutes + (urban / p.urbanSpeedKmh) * 60 + (rural / p.ruralSpeedKmh) * 60;
}

export interface Located {
  id: string;
  lon: number;
  lat: number;
}

/**
 * A dense origin × destination cost table: row-major, value for origin i and destination j at
 * i × nDest + j. NaN = unknown (an imported matrix lacked the pair).
 */
export interface CostTable {
  nOrigins: number;
  nDest: number;
  minutes: Float64Array;
  km: Float64Array;
  /** Pairs the imported matrix lacked (0 for geometric models). */
  missingPairs: number;
}

/** The travel model needs the road graph, and it is not loaded (yet). */
export class NetworkUnavailableError extends Error {}

/**
 * Builds the cost table between origins and destinations with a travel model.
 * For `matrix` the imported matrix must be given; pairs it lacks stay NaN and are counted.
 * For `network` the router must be given; unreachable pairs are Infinity.
 */
export function buildCostTable(
  origins: readonly Located[],
  dests: readonly Located[],
  params: TravelParams,
  matrix?: TravelMatrix | null,
  router?: NetworkRouter | null,
  onProgress?: (done: number, total: number) => void,
): CostTable {
  const nO = origins.length;
  const nD = dests.length;
  if (params.kind === 'network') {
    if (!router) throw new NetworkUnavailableError('network travel model needs the road graph');
    const c = router.costs(origins, dests, params, onProgress);
    return { nOrigins: nO, nDest: nD, minutes: c.minutes, km: c.km, missingPairs: 0 };
  }
  const minutes = new Float64Array(nO * nD);
  const km = new Float64Array(nO * nD);
  let missing = 0;
  if (params.kind === 'matrix') {
    if (!matrix) throw new Error('matrix travel model needs an imported matrix');
    const oIdx = new Map(matrix.origins.map((id, i) => [id, i]));
    const dIdx = new Map(matrix.destinations.map((id, j) => [id, j]));
    const w = matrix.destinations.length;
    for (let i = 0; i < nO; i++) {
      const oi = oIdx.get(origins[i].id);
      for (let j = 0; j < nD; j++) {
        const dj = dIdx.get(dests[j].id);
        const k = i * nD + j;
        if (oi === undefined || dj === undefined || Number.isNaN(matrix.minutes[oi * w + dj])) {
          minutes[k] = NaN;
          km[k] = NaN;
          missing++;
          continue;
        }
        minutes[k] = matrix.minutes[oi * w + dj];
        km[k] = matrix.km ? matrix.km[oi * w + dj] : NaN;
      }
    }
    return { nOrigins: nO, nDest: nD, minutes, km, missingPairs: missing };
  }
  // Haversine with the trigonometry of each point computed once (typed arrays).
  const RAD = Math.PI / 180;
  const dLat = new Float64Array(nD);
  const dLon = new Float64Array(nD);
  const dCos = new Float64Array(nD);
  for (let j = 0; j < nD; j++) {
    dLat[j] = dests[j].lat * RAD;
    dLon[j] = dests[j].lon * RAD;
    dCos[j] = Math.cos(dLat[j]);
  }
  const twoR = 2 * EARTH_RADIUS_KM;
  for (let i = 0; i < nO; i++) {
    const oLat = origins[i].lat * RAD;
    const oLon = origins[i].lon * RAD;
    const oCos = Math.cos(oLat);
    for (let j = 0; j < nD; j++) {
      const s1 = Math.sin((dLat[j] - oLat) / 2);
      const s2 = Math.sin((dLon[j] - oLon) / 2);
      const a = s1 * s1 + oCos * dCos[j] * s2 * s2;
      const straight = twoR * Math.asin(Math.min(1, Math.sqrt(a)));
      const k = i * nD + j;
      if (params.kind === 'straight') {
        km[k] = straight;
        minutes[k] = (straight / params.speedKmh) * 60;
      } else if (params.kind === 'road') {
        const road = roadKm(straight, params);
        km[k] = road;
        minutes[k] = roadMinutes(road, params);
      }
    }
  }
  return { nOrigins: nO, nDest: nD, minutes, km, missingPairs: 0 };
}
