import type { Feature, FeatureCollection, MultiLineString } from 'geojson';
import { EDGE_SOURCE, type RoadGraphColumns } from './graph';

/**
 * Data-build steps for the road network: the shared union graph as routable columns, and a
 * compact map layer of its roads (chains of edges of one kind merged into lines).
 */

/** The shared data's `dalarna_union_graph.json` as delivered. */
export interface UnionGraphFile {
  description: string;
  edge_fields: string[];
  default_params: { speed_factor: number; urban_kmh: number; rural_kmh: number };
  nodes: [number, number][];
  /** [u, v, length_m, t_posted_min, urban_m, rural_m, gap_chord_m, src] */
  edges: number[][];
}

const EXPECTED_FIELDS = ['u', 'v', 'length_m', 't_posted_min', 'urban_m', 'rural_m', 'gap_chord_m', 'src'];

/** The union graph as routable columns (used as delivered: same nodes, edges and fields). */
export function graphColumns(f: UnionGraphFile): RoadGraphColumns {
  if (f.edge_fields.join(',') !== EXPECTED_FIELDS.join(',')) {
    throw new Error(`dalarna_union_graph.json: edge_fields ${f.edge_fields.join(',')}; expected ${EXPECTED_FIELDS.join(',')}`);
  }
  const col = (k: number) => f.edges.map((e) => e[k]);
  return {
    nodes: f.nodes.flat(),
    u: col(0),
    v: col(1),
    length_m: col(2),
    t_posted_min: col(3),
    urban_m: col(4),
    rural_m: col(5),
    gap_m: col(6),
    src: col(7),
  };
}

/** Map classes of the road layer. */
export type RoadClass = 'nvdb' | 'bus' | 'gap' | 'link';

export interface RoadLayerProps {
  road_class: RoadClass;
  /** NVDB posted limit (km/h, rounded to 10) for `nvdb`; null otherwise. */
  speed_kmh: number | null;
  km: number;
}

/** The posted limit of an edge driven entirely at its posted limit (km/h, nearest 10); null without one. */
export function postedKmh(lengthM: number, tPostedMin: number): number | null {
  if (!(tPostedMin > 0)) return null;
  return Math.round((lengthM / 1000 / (tPostedMin / 60)) / 10) * 10;
}

/**
 * The roads as a few MultiLineString features, one per class (and NVDB speed limit): edges of
 * the same class are merged into chains through nodes where exactly two of them meet.
 */
export function roadLayer(c: RoadGraphColumns): FeatureCollection<MultiLineString, RoadLayerProps> {
  const classOf = (e: number): string => {
    const s = c.src[e];
    if (s === EDGE_SOURCE.nvdb) return `nvdb:${postedKmh(c.length_m[e], c.t_posted_min[e]) ?? 'none'}`;
    return s === EDGE_SOURCE.gap ? 'gap' : s === EDGE_SOURCE.link ? 'link' : 'bus';
  };
  const groups = new Map<string, number[]>();
  for (let e = 0; e < c.u.length; e++) {
    const k = classOf(e);
    const list = groups.get(k);
    if (list) list.push(e);
    else groups.set(k, [e]);
  }
  const pt = (n: number) => [Math.round(c.nodes[2 * n] * 1e5) / 1e5, Math.round(c.nodes[2 * n + 1] * 1e5) / 1e5];
  const features: Feature<MultiLineString, RoadLayerProps>[] = [];
  for (const [key, edges] of [...groups].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const byNode = new Map<number, number[]>();
    for (const e of edges) for (const n of [c.u[e], c.v[e]]) byNode.set(n, [...(byNode.get(n) ?? []), e]);
    const used = new Set<number>();
    const lines: number[][][] = [];
    const walk = (start: number, first: number) => {
      const nodes = [start];
      let e = first;
      let at = start;
      for (;;) {
        used.add(e);
        at = c.u[e] === at ? c.v[e] : c.u[e];
        nodes.push(at);
        const next = byNode.get(at)!;
        if (next.length !== 2) break;
        const f = next[0] === e ? next[1] : next[0];
        if (used.has(f)) break;
        e = f;
      }
      lines.push(nodes.map(pt));
    };
    // Chains start at ends and junctions; what is left are closed loops.
    for (const [n, list] of byNode) if (list.length !== 2) for (const e of list) if (!used.has(e)) walk(n, e);
    for (const e of edges) if (!used.has(e)) walk(c.u[e], e);
    const [cls, speed] = key.split(':');
    const km = edges.reduce((s, e) => s + c.length_m[e], 0) / 1000;
    features.push({
      type: 'Feature',
      geometry: { type: 'MultiLineString', coordinates: lines },
      properties: { road_class: cls as RoadClass, speed_kmh: speed && speed !== 'none' ? Number(speed) : null, km: Math.round(km * 10) / 10 },
    });
  }
  return { type: 'FeatureCollection', features };
}
