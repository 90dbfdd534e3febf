import type { CrossVisitFlow } from './params';

/** What one vårdcentral pays and receives for cross visits, kr per year. */
export interface CrossVisitRow {
  /** null = the payers not attributed to one vårdcentral. */
  healthCentreId: string | null;
  /** Visits per year its listed patients make at other vårdcentraler's family centres. */
  visitsPaid: number;
  /** Visits per year other vårdcentraler's patients make at its family centre(s). */
  visitsReceived: number;
  paysKr: number;
  receivesKr: number;
  /** receivesKr − paysKr. */
  netKr: number;
}

/** Cross-visit compensation under an assumed number of visits: always an assumption. */
export interface CrossVisitCompensation {
  /** Sorted by id, the unattributed payers (null) last. */
  rows: CrossVisitRow[];
  /** Σ visits counted per year (self visits excluded). */
  totalVisits: number;
  /** Σ paid = Σ received, kr per year. */
  totalKr: number;
  /** Visits of flows whose payer is the host itself: not cross visits, not counted. */
  ignoredSelfVisits: number;
}

/**
 * The compensation for visits at another vårdcentral's family centre (002, avsnitt 3.2: the
 * patient's own vårdcentral pays the centre's vårdcentral per "otrohetsbesök"), kr per year:
 * every flow's payer pays and its host receives krPerVisit × visits. The pot is not involved.
 *
 * @param flows the planner's assumed visits per year; null = not computed (returns null)
 * @param krPerVisit kr per visit (600 in 002)
 */
export function crossVisitCompensation(flows: readonly CrossVisitFlow[] | null, krPerVisit: number): CrossVisitCompensation | null {
  if (flows === null) return null;
  const rows = new Map<string | null, CrossVisitRow>();
  const row = (id: string | null) => {
    let r = rows.get(id);
    if (!r) rows.set(id, (r = { healthCentreId: id, visitsPaid: 0, visitsReceived: 0, paysKr: 0, receivesKr: 0, netKr: 0 }));
    return r;
  };
  let totalVisits = 0;
  let ignoredSelfVisits = 0;
  for (const f of flows) {
    if (f.payerHealthCentreId === f.hostHealthCentreId) {
      ignoredSelfVisits += f.visits;
      continue;
    }
    const payer = row(f.payerHealthCentreId);
    const host = row(f.hostHealthCentreId);
    payer.visitsPaid += f.visits;
    host.visitsReceived += f.visits;
    totalVisits += f.visits;
  }
  for (const r of rows.values()) {
    r.paysKr = r.visitsPaid * krPerVisit;
    r.receivesKr = r.visitsReceived * krPerVisit;
    r.netKr = r.receivesKr - r.paysKr;
  }
  const sorted = [...rows.values()].sort((a, b) =>
    a.healthCentreId === b.healthCentreId ? 0 : a.healthCentreId === null ? 1 : b.healthCentreId === null ? -1 : a.healthCentreId < b.healthCentreId ? -1 : 1,
  );
  return { rows: sorted, totalVisits, totalKr: totalVisits * krPerVisit, ignoredSelfVisits };
}

/**
 * Visits per year from a share: children in a centre's catchment × the share of them listed at
 * other vårdcentraler × visits per child per year. Every input is the planner's; any null → null
 * (nothing is assumed in their place).
 *
 * @param catchmentChildren children 0–6 in the catchment, persons
 * @param shareFromOtherLists 0–1
 * @param visitsPerChildPerYear visits per child per year
 */
export function visitsFromShare(catchmentChildren: number | null, shareFromOtherLists: number | null, visitsPerChildPerYear: number | null): number | null {
  if (catchmentChildren === null || shareFromOtherLists === null || visitsPerChildPerYear === null) return null;
  return catchmentChildren * shareFromOtherLists * visitsPerChildPerYear;
}
