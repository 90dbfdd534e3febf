/**
 * The needs index of a RegSO: the population-weighted mean of its DeSO's indices (DeSO without an
 * index left out, weights renormalised); null when none of its DeSO has one. Population = SCB
 * 31 Dec 2025, persons.
 */
export function regsoNeedIndex(
  deso: readonly { deso_code: string; regso_code: string; population: number }[],
  index: ReadonlyMap<string, number | null>,
): Map<string, number | null> {
  const sums = new Map<string, { w: number; s: number }>();
  const out = new Map<string, number | null>();
  for (const d of deso) {
    out.set(d.regso_code, null);
    const v = index.get(d.deso_code);
    if (v === null || v === undefined || !(d.population > 0)) continue;
    const a = sums.get(d.regso_code) ?? { w: 0, s: 0 };
    a.w += d.population;
    a.s += d.population * v;
    sums.set(d.regso_code, a);
  }
  for (const [k, a] of sums) out.set(k, a.w > 0 ? a.s / a.w : null);
  return out;
}
