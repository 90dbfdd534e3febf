import { evaluate, type Instance } from '../../src/domain/optimise/problem';

/**
 * Exhaustive enumeration for the optimiser tests: every set of free sites (with exactly k sites,
 * or any number when k is null) with the fixed sites open, as open-site masks.
 */
export function* subsets(inst: Instance, k: number | null): Generator<Uint8Array> {
  const free: number[] = [];
  for (let j = 0; j < inst.m; j++) if (!inst.fixed[j]) free.push(j);
  for (let mask = 0; mask < 1 << free.length; mask++) {
    let count = 0;
    for (let q = 0; q < free.length; q++) if (mask & (1 << q)) count++;
    if (k !== null && count !== k) continue;
    const open = Uint8Array.from(inst.fixed);
    free.forEach((j, q) => {
      if (mask & (1 << q)) open[j] = 1;
    });
    yield open;
  }
}

/**
 * The best MCLP value (covered weight) over the sets of exactly p new sites that `accept` lets
 * through (default all), or null when none is accepted.
 */
export function bruteMclp(inst: Instance, accept: (open: Uint8Array) => boolean = () => true): number | null {
  let best: number | null = null;
  for (const open of subsets(inst, inst.p)) {
    if (!accept(open)) continue;
    const v = evaluate(inst, open).covered_weight;
    if (best === null || v > best) best = v;
  }
  return best;
}

/** A random MCLP-ready instance's arrays from a seeded generator: see the callers for the shapes. */
export function randomCover(rand: () => number, n: number, m: number, opts: { integer?: boolean; fixedShare?: number; density?: number } = {}) {
  const density = opts.density ?? 0.35;
  const cost: (number | null)[][] = Array.from({ length: n }, () => Array.from({ length: m }, () => (rand() < 0.08 ? null : rand() < density ? 5 * Math.floor(rand() * 3) : 20 + Math.floor(rand() * 20))));
  // Duplicate a site column and a demand row now and then (ties and merged rows).
  if (m > 2 && rand() < 0.5) for (const row of cost) row[m - 1] = row[0];
  if (n > 2 && rand() < 0.5) cost[n - 1] = [...cost[0]];
  const demand = Array.from({ length: n }, (_, i) => ({ id: `d${i}`, weight: rand() < 0.1 ? 0 : opts.integer === false ? Math.round(rand() * 40_000) / 1000 + 0.0001 * rand() : 1 + Math.floor(rand() * 30) }));
  const sites = Array.from({ length: m }, (_, j) => ({ id: `s${j}`, fixed: rand() < (opts.fixedShare ?? 0.1) }));
  return { demand, sites, cost };
}
