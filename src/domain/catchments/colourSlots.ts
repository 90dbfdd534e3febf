import { gridCorner } from '../optimise/candidateSets';

/**
 * Colour slots for the catchment map layer: with ~20 centres and a palette of ~10–12 distinct
 * colours, colours must repeat; these functions make the repeats land on catchments that do not
 * touch, so neighbouring areas always differ and the legend (name beside colour) stays readable.
 * The palette itself is the map layer's; the core only hands out slot numbers.
 */

/**
 * Which sites' catchments touch (n × n, row-major, 1 = touching; the diagonal is 0):
 * - two grid cells that share an edge (ids "CRS3035RES1000mN…E…", EPSG:3035; the cell size is
 *   read from the first grid id) and have different nearest sites;
 * - two sites that both serve children of the same DeSO.
 * With DeSO demand (points, no grid ids) only the second rule applies.
 *
 * @param units demand units in the order of `nearest`
 * @param nearest per unit: index of its nearest site, -1 = none
 * @param nSites number of sites
 */
export function catchmentAdjacency(units: readonly { id: string; deso_code: string }[], nearest: ArrayLike<number>, nSites: number): Uint8Array {
  const adj = new Uint8Array(nSites * nSites);
  const link = (a: number, b: number) => {
    if (a === b || a < 0 || b < 0) return;
    adj[a * nSites + b] = 1;
    adj[b * nSites + a] = 1;
  };
  // Cell key: northing × 1e8 + easting (metres, EPSG:3035; both < 1e8, the key stays an exact integer).
  const cells = new Map<number, number>();
  const desoSites = new Map<string, number[]>();
  let size = 0;
  for (let i = 0; i < units.length; i++) {
    const j = nearest[i];
    if (j < 0) continue;
    const list = desoSites.get(units[i].deso_code);
    if (!list) desoSites.set(units[i].deso_code, [j]);
    else if (!list.includes(j)) list.push(j);
    const c = gridCorner(units[i].id);
    if (!c) continue;
    cells.set(c.n * 1e8 + c.e, j);
    size ||= Number(/RES(\d+)m/.exec(units[i].id)?.[1] ?? 1000);
  }
  for (const [key, j] of cells) {
    const east = cells.get(key + size);
    const north = cells.get(key + size * 1e8);
    if (east !== undefined) link(j, east);
    if (north !== undefined) link(j, north);
  }
  for (const list of desoSites.values()) for (let a = 0; a < list.length; a++) for (let b = a + 1; b < list.length; b++) link(list[a], list[b]);
  return adj;
}

/**
 * A palette slot (0 … paletteSize − 1) per site, greedy: sites in order of weight (children)
 * descending, then index; each takes, among the slots none of its already-slotted neighbours has,
 * the one fewest sites have so far (lowest on ties) — so with no more sites than colours every
 * site gets a colour of its own — or, when every slot is taken around it, the slot fewest of its
 * neighbours have (then fewest sites, then lowest). Deterministic for equal input.
 *
 * @param adjacency n × n from `catchmentAdjacency`
 * @param weights per site (e.g. catchment children 0–6)
 * @param paletteSize number of colours, ≥ 1
 * @example colourSlots(Uint8Array.of(0, 1, 1, 0), [5, 3], 2) // → Int32Array [0, 1]
 */
export function colourSlots(adjacency: Uint8Array, weights: ArrayLike<number>, paletteSize: number): Int32Array {
  const n = weights.length;
  if (adjacency.length !== n * n) throw new RangeError(`Färgplatser: grannmatrisen har ${adjacency.length} värden, väntade ${n} × ${n}.`);
  if (!(Number.isInteger(paletteSize) && paletteSize >= 1)) throw new RangeError(`Färgplatser: paletten måste ha minst 1 färg (fick ${paletteSize}).`);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (weights[b] || 0) - (weights[a] || 0) || a - b);
  const slot = new Int32Array(n).fill(-1);
  const byNeighbours = new Int32Array(paletteSize);
  const bySites = new Int32Array(paletteSize);
  for (const i of order) {
    byNeighbours.fill(0);
    for (let j = 0; j < n; j++) if (adjacency[i * n + j] && slot[j] >= 0) byNeighbours[slot[j]]++;
    let best = 0;
    for (let s = 1; s < paletteSize; s++) {
      if (byNeighbours[s] < byNeighbours[best] || (byNeighbours[s] === byNeighbours[best] && bySites[s] < bySites[best])) best = s;
    }
    slot[i] = best;
    bySites[best]++;
  }
  return slot;
}
