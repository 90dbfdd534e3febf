/**
 * The routable road graph: undirected, stored as columns and a CSR adjacency. Nodes are WGS84
 * lon/lat; each edge keeps what any speed setting needs (see `edgeMinutes`): metres with a
 * posted limit (as minutes at that limit), urban and rural metres without one, gap-chord metres.
 */

/** Where an edge comes from (the shared data's `src` codes). */
export const EDGE_SOURCE = { bus: 0, gap: 1, nvdb: 2, link: 3 } as const;
export type EdgeSource = (typeof EDGE_SOURCE)[keyof typeof EDGE_SOURCE];

/** The graph as the data build writes it: flat columns, JSON-friendly. */
export interface RoadGraphColumns {
  /** lon, lat, lon, lat, … (WGS84 degrees). */
  nodes: number[];
  u: number[];
  v: number[];
  /** Edge length, metres. */
  length_m: number[];
  /** Minutes to drive the edge's posted-limit part at the posted limit. */
  t_posted_min: number[];
  /** Metres without a posted limit inside a tätort. */
  urban_m: number[];
  /** Metres without a posted limit outside tätorter. */
  rural_m: number[];
  /** Metres of straight gap chord (bus-line gaps without road geometry). */
  gap_m: number[];
  src: number[];
}

/** The graph ready for routing. */
export interface RoadGraph {
  nodeCount: number;
  lon: Float64Array;
  lat: Float64Array;
  edgeCount: number;
  u: Int32Array;
  v: Int32Array;
  lengthM: Float64Array;
  tPostedMin: Float64Array;
  urbanM: Float64Array;
  ruralM: Float64Array;
  gapM: Float64Array;
  src: Uint8Array;
  /** CSR: the neighbours of node n are adjNode[adjStart[n] … adjStart[n+1]), via edge adjEdge[…]. */
  adjStart: Int32Array;
  adjNode: Int32Array;
  adjEdge: Int32Array;
}

/** Builds the CSR graph from columns; throws (English, developer-facing) on inconsistent input. */
export function roadGraph(c: RoadGraphColumns): RoadGraph {
  const n = c.nodes.length / 2;
  const m = c.u.length;
  if (!Number.isInteger(n)) throw new Error('road graph: nodes must be lon,lat pairs');
  for (const k of ['v', 'length_m', 't_posted_min', 'urban_m', 'rural_m', 'gap_m', 'src'] as const) {
    if (c[k].length !== m) throw new Error(`road graph: column ${k} has ${c[k].length} values, u has ${m}`);
  }
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lon[i] = c.nodes[2 * i];
    lat[i] = c.nodes[2 * i + 1];
  }
  const degree = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    if (!(c.u[e] >= 0 && c.u[e] < n && c.v[e] >= 0 && c.v[e] < n)) throw new Error(`road graph: edge ${e} refers to a missing node`);
    degree[c.u[e]]++;
    degree[c.v[e]]++;
  }
  const adjStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) adjStart[i + 1] = adjStart[i] + degree[i];
  const fill = adjStart.slice(0, n);
  const adjNode = new Int32Array(2 * m);
  const adjEdge = new Int32Array(2 * m);
  for (let e = 0; e < m; e++) {
    const a = c.u[e];
    const b = c.v[e];
    adjNode[fill[a]] = b;
    adjEdge[fill[a]++] = e;
    adjNode[fill[b]] = a;
    adjEdge[fill[b]++] = e;
  }
  return {
    nodeCount: n,
    lon,
    lat,
    edgeCount: m,
    u: Int32Array.from(c.u),
    v: Int32Array.from(c.v),
    lengthM: Float64Array.from(c.length_m),
    tPostedMin: Float64Array.from(c.t_posted_min),
    urbanM: Float64Array.from(c.urban_m),
    ruralM: Float64Array.from(c.rural_m),
    gapM: Float64Array.from(c.gap_m),
    src: Uint8Array.from(c.src),
    adjStart,
    adjNode,
    adjEdge,
  };
}
