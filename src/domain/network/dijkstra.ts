import FlatQueue from 'flatqueue';
import type { RoadGraph } from './graph';

/** Shortest paths from one node to every node: minutes, and the km of that fastest path. */
export interface ShortestPaths {
  /** Minutes to each node; Infinity where unreachable. */
  minutes: Float64Array;
  /** Road km along the fastest path; Infinity where unreachable. */
  km: Float64Array;
}

/**
 * Dijkstra from `source` over edge weights `edgeMin` (minutes). On ties in minutes the shorter
 * path in km wins, so results do not depend on the order edges are stored in. The graph is
 * undirected, so the result is also the time *to* `source` from every node.
 */
export function shortestFrom(g: RoadGraph, edgeMin: Float64Array, source: number): ShortestPaths {
  const n = g.nodeCount;
  const minutes = new Float64Array(n).fill(Infinity);
  const km = new Float64Array(n).fill(Infinity);
  const done = new Uint8Array(n);
  const q = new FlatQueue<number>();
  minutes[source] = 0;
  km[source] = 0;
  q.push(source, 0);
  while (q.length) {
    const a = q.pop()!;
    if (done[a]) continue;
    done[a] = 1;
    const ta = minutes[a];
    const ka = km[a];
    for (let k = g.adjStart[a], end = g.adjStart[a + 1]; k < end; k++) {
      const b = g.adjNode[k];
      if (done[b]) continue;
      const e = g.adjEdge[k];
      const t = ta + edgeMin[e];
      const d = ka + g.lengthM[e] / 1000;
      if (t < minutes[b] || (t === minutes[b] && d < km[b])) {
        minutes[b] = t;
        km[b] = d;
        q.push(b, t);
      }
    }
  }
  return { minutes, km };
}
