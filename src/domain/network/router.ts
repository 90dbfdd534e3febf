import { greatCircleKm } from '../../geo/distance';
import { NearestPointIndex } from '../../geo/nearestPoint';
import { shortestFrom } from './dijkstra';
import type { RoadGraph } from './graph';
import { edgeMinutes, type NetworkSpeeds } from './speeds';

/**
 * Parameters of the road-network travel model: graph speeds (see speeds.ts), the access leg
 * between a point and its nearest graph node (straight km × `accessCircuity` at `accessKmh`), and
 * fixed minutes at the ends (parking, walking to the door).
 */
export interface NetworkParams extends NetworkSpeeds {
  kind: 'network';
  /** km/h on the access leg to and from the graph. */
  accessKmh: number;
  /** Road km per straight km on the access leg. */
  accessCircuity: number;
  /** Minutes added per trip for both ends together. */
  terminalMinutes: number;
}

/** Defaults: the shared union graph's speeds (posted limit × 0.85; 35 / 65 km/h without a limit), access at 40 km/h × 1.3, 2 min at the ends. */
export const DEFAULT_NETWORK: NetworkParams = {
  kind: 'network',
  speedFactor: 0.85,
  urbanKmh: 35,
  ruralKmh: 65,
  accessKmh: 40,
  accessCircuity: 1.3,
  terminalMinutes: 2,
};

/** A demand unit further than this from any graph road is flagged (km, straight line). */
export const FAR_FROM_ROAD_KM = 2;
/** A trip whose network km exceeds this many times the straight-line km is flagged as a detour. */
export const DETOUR_RATIO = 1.8;

/** Where a point joins the graph. */
export interface Snap {
  node: number;
  /** Straight-line km from the point to the node. */
  km: number;
}

/** One route between two points. */
export interface Route {
  minutes: number;
  /** Road km: access legs (× circuity) plus the graph path. */
  km: number;
  straightKm: number;
  accessKmFrom: number;
  accessKmTo: number;
  /** 'detour' (network km > 1.8 × straight km), 'far_from_road_from' / 'far_from_road_to' (access > 2 km), 'unreachable'. */
  flags: string[];
}

const speedKey = (s: NetworkSpeeds) => `${s.speedFactor}|${s.urbanKmh}|${s.ruralKmh}`;

/**
 * Routes on the road graph with caches: each point's snap, the edge minutes per speed setting,
 * and one shortest-path tree per (speed setting, site node) reduced to the registered demand
 * nodes, so re-scoring after a threshold change or adding one candidate searches only what is new.
 */
export class NetworkRouter {
  private readonly index: NearestPointIndex;
  private readonly snaps = new Map<string, Snap>();
  private readonly weights = new Map<string, Float64Array>();
  /** Registered origin nodes (demand) and their position in the cached vectors. */
  private readonly originSlot = new Map<number, number>();
  private originNodes: number[] = [];
  /** (speed key, site node) → minutes and km to every registered origin node. */
  private readonly trees = new Map<string, { minutes: Float32Array; km: Float32Array; slots: number }>();
  /** Searches run so far (for the benchmark and tests). */
  searches = 0;

  constructor(readonly graph: RoadGraph) {
    const pts = Array.from({ length: graph.nodeCount }, (_, i) => ({ lon: graph.lon[i], lat: graph.lat[i] }));
    this.index = new NearestPointIndex(pts);
  }

  /** The nearest graph node of a point and its straight-line distance (cached). */
  snap(lon: number, lat: number): Snap {
    const key = `${lon},${lat}`;
    let s = this.snaps.get(key);
    if (!s) {
      const hit = this.index.nearest(lon, lat)!;
      s = { node: hit.index, km: hit.km };
      this.snaps.set(key, s);
    }
    return s;
  }

  private edgeWeights(s: NetworkSpeeds): Float64Array {
    const key = speedKey(s);
    let w = this.weights.get(key);
    if (!w) this.weights.set(key, (w = edgeMinutes(this.graph, s)));
    return w;
  }

  /** Makes sure these nodes have a slot in the cached vectors (cached trees are extended lazily). */
  private register(nodes: Iterable<number>): void {
    for (const n of nodes) {
      if (this.originSlot.has(n)) continue;
      this.originSlot.set(n, this.originNodes.length);
      this.originNodes.push(n);
    }
  }

  /** Minutes and km from a site node to every registered origin node (one search, cached). */
  private tree(s: NetworkSpeeds, siteNode: number): { minutes: Float32Array; km: Float32Array } {
    const key = `${speedKey(s)}#${siteNode}`;
    const have = this.trees.get(key);
    if (have && have.slots === this.originNodes.length) return have;
    this.searches++;
    const sp = shortestFrom(this.graph, this.edgeWeights(s), siteNode);
    const minutes = new Float32Array(this.originNodes.length);
    const km = new Float32Array(this.originNodes.length);
    this.originNodes.forEach((n, i) => {
      minutes[i] = sp.minutes[n];
      km[i] = sp.km[n];
    });
    const t = { minutes, km, slots: this.originNodes.length };
    this.trees.set(key, t);
    return t;
  }

  /** Cached trees for a speed setting (for the benchmark: how many searches a change needs). */
  cachedSites(s: NetworkSpeeds): number {
    const prefix = `${speedKey(s)}#`;
    return [...this.trees.keys()].filter((k) => k.startsWith(prefix)).length;
  }

  /**
   * Minutes and km between every origin and every destination (row-major, origin i × dest j).
   * Runs one search per destination not cached yet; `onProgress(done, total)` reports them.
   */
  costs(
    origins: readonly { lon: number; lat: number }[],
    dests: readonly { lon: number; lat: number }[],
    p: NetworkParams,
    onProgress?: (done: number, total: number) => void,
  ): { minutes: Float64Array; km: Float64Array; accessKm: Float64Array } {
    const oSnap = origins.map((o) => this.snap(o.lon, o.lat));
    const dSnap = dests.map((d) => this.snap(d.lon, d.lat));
    this.register(oSnap.map((s) => s.node));
    const nO = origins.length;
    const nD = dests.length;
    const minutes = new Float64Array(nO * nD);
    const km = new Float64Array(nO * nD);
    const accessMin = (snapKm: number) => ((snapKm * p.accessCircuity) / p.accessKmh) * 60;
    const slots = oSnap.map((s) => this.originSlot.get(s.node)!);
    for (let j = 0; j < nD; j++) {
      const t = this.tree(p, dSnap[j].node);
      const dMin = accessMin(dSnap[j].km);
      const dKm = dSnap[j].km * p.accessCircuity;
      for (let i = 0; i < nO; i++) {
        const k = i * nD + j;
        const gm = t.minutes[slots[i]];
        minutes[k] = p.terminalMinutes + accessMin(oSnap[i].km) + gm + dMin;
        km[k] = oSnap[i].km * p.accessCircuity + t.km[slots[i]] + dKm;
      }
      onProgress?.(j + 1, nD);
    }
    return { minutes, km, accessKm: Float64Array.from(oSnap, (s) => s.km) };
  }

  /** One trip, with its flags (the CLI's `route`). */
  route(from: { lon: number; lat: number }, to: { lon: number; lat: number }, p: NetworkParams): Route {
    const c = this.costs([from], [to], p);
    const a = this.snap(from.lon, from.lat);
    const b = this.snap(to.lon, to.lat);
    const straightKm = greatCircleKm(from.lon, from.lat, to.lon, to.lat);
    const flags: string[] = [];
    if (!Number.isFinite(c.minutes[0])) flags.push('unreachable');
    if (straightKm > 0 && c.km[0] > DETOUR_RATIO * straightKm) flags.push('detour');
    if (a.km > FAR_FROM_ROAD_KM) flags.push('far_from_road_from');
    if (b.km > FAR_FROM_ROAD_KM) flags.push('far_from_road_to');
    return { minutes: c.minutes[0], km: c.km[0], straightKm, accessKmFrom: a.km, accessKmTo: b.km, flags };
  }
}
