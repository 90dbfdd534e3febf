import { greatCircleKm } from '../geo/distance';
import { NearestPointIndex } from '../geo/nearestPoint';
import type { Assignment, CoverageUnit } from './coverage';
import type { CriterionWeights } from './scenario';
import type { CostTable } from './travel';
import type { Omradestyp, OmradestypYear, Site } from './types';
import { isCovered, omradestypOf } from './views';

/** Vårdval add-on for a health centre with a family centre, SEK per year (HSN 2026/4486). */
export const SEK_PER_LISTED_CHILD = 90;
export const SEK_PER_LISTED_WOMAN = 55;
/** A candidate "sits at" a health centre when within this distance (m). */
export const AT_HEALTH_CENTRE_M = 150;

export interface StopArea {
  id: string;
  name: string;
  lon: number;
  lat: number;
  departures: number;
}

export interface HealthCentreListing {
  id: string;
  name: string;
  lon: number;
  lat: number;
  children_0_6: number;
  women_16_54: number | null;
  source: 'modelled' | 'imported';
}

export interface TransitAccess {
  stop_id: string;
  stop_name: string;
  /** Straight-line walking distance, metres. */
  walk_m: number;
  /** Weekday departures (average) at that stop area. */
  departures: number;
}

export interface Economics {
  health_centre_id: string;
  health_centre_name: string;
  listed_children_0_6: number;
  listed_women_16_54: number | null;
  /** 90 kr × children + 55 kr × women (women omitted when unknown), SEK per year. */
  yearly_sek: number;
  source: 'modelled' | 'imported';
}

export type CriterionKey = keyof CriterionWeights;
export const CRITERIA: readonly CriterionKey[] = ['reach', 'newReach', 'deprivation', 'travel', 'transit'];

export interface CandidateScore {
  id: string;
  name: string;
  lon: number;
  lat: number;
  /** Children 0–6 within T of the candidate. */
  reach_children: number;
  /** Children within T of the candidate and not covered by the scenario without it. */
  new_reach_children: number;
  /** Share (0–1) of the new reach living in områdestyp 1–2; null when there is no new reach. */
  new_reach_share_ot12: number | null;
  /** Σ deprivation weight × children over the new reach. */
  deprivation_weighted_new_reach: number;
  /** Drop in the county's child-weighted mean minutes to the nearest centre; null if the scenario has none. */
  mean_minutes_reduction: number | null;
  /** Children for whom the candidate would become the nearest centre. */
  served_children: number;
  /** Child-weighted mean minutes from those children to the candidate; null if none. */
  served_mean_minutes: number | null;
  transit: TransitAccess | null;
  economics: Economics | null;
  /** Normalised criteria, 0–1. */
  criteria: Record<CriterionKey, number>;
  /** Weighted contribution of each criterion to the composite (sums to `composite`). */
  breakdown: Record<CriterionKey, number>;
  /** Composite score 0–1. */
  composite: number;
  /** 1 = best; ties ordered by id. */
  rank: number;
}

export interface ScoringInput<U extends CoverageUnit = CoverageUnit> {
  units: readonly U[];
  /** Nearest open site of the scenario without the candidates. */
  baseline: Assignment;
  /** Cost from every unit (rows) to every candidate (columns). */
  candidateCosts: CostTable;
  candidates: readonly Site[];
  thresholdMinutes: number;
  omradestypYear: OmradestypYear;
  deprivationWeights: Record<Omradestyp, number>;
  /** The demand weight of need (overrides the områdestyp weights when given; see need/demand.ts). */
  needWeight?: (u: U) => number;
  criterionWeights: CriterionWeights;
  stops: readonly StopArea[];
  minDepartures: number;
  maxWalkM: number;
  healthCentres: readonly HealthCentreListing[];
}

/**
 * Finder of the nearest stop area with at least `minDepartures` weekday departures, by
 * straight-line metres (a KDBush index, built once for many candidates).
 */
export function stopFinder(stops: readonly StopArea[], minDepartures: number): (lon: number, lat: number) => TransitAccess | null {
  const eligible = stops.filter((s) => s.departures >= minDepartures).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new NearestPointIndex(eligible);
  return (lon, lat) => {
    const hit = index.nearest(lon, lat);
    if (!hit) return null;
    const s = eligible[hit.index];
    return { stop_id: s.id, stop_name: s.name, walk_m: hit.km * 1000, departures: s.departures };
  };
}

/** Nearest stop area with at least `minDepartures` weekday departures, by straight-line metres. */
export function nearestStop(lon: number, lat: number, stops: readonly StopArea[], minDepartures: number): TransitAccess | null {
  return stopFinder(stops, minDepartures)(lon, lat);
}

/** The health centre a candidate is, or sits at (same id, or within 150 m), with its vårdval add-on. */
export function economicsAt(site: Site, centres: readonly HealthCentreListing[]): Economics | null {
  let hit = centres.find((c) => c.id === site.id) ?? null;
  if (!hit) {
    let bestM = AT_HEALTH_CENTRE_M;
    for (const c of centres) {
      const m = greatCircleKm(site.lon, site.lat, c.lon, c.lat) * 1000;
      if (m <= bestM) {
        bestM = m;
        hit = c;
      }
    }
  }
  if (!hit) return null;
  return {
    health_centre_id: hit.id,
    health_centre_name: hit.name,
    listed_children_0_6: hit.children_0_6,
    listed_women_16_54: hit.women_16_54,
    yearly_sek: SEK_PER_LISTED_CHILD * hit.children_0_6 + SEK_PER_LISTED_WOMAN * (hit.women_16_54 ?? 0),
    source: hit.source,
  };
}

/**
 * Scores every candidate against the scenario without it (not against the other candidates).
 * Criteria are normalised to 0–1 as a share of the best candidate's value (transit: 1 at the stop,
 * falling linearly to 0 at `maxWalkM`); the composite is the weight-normalised sum. Results are
 * sorted by composite, ties by id.
 */
export function scoreCandidates<U extends CoverageUnit>(input: ScoringInput<U>): CandidateScore[] {
  const { units, baseline, candidateCosts: t, candidates, thresholdMinutes } = input;
  // Children of units reachable in the baseline: the denominator of the mean-minutes change.
  let reachableW = 0;
  for (let i = 0; i < units.length; i++) if (Number.isFinite(baseline.minutes[i]) && units[i].children_0_6 > 0) reachableW += units[i].children_0_6;

  const findStop = stopFinder(input.stops, input.minDepartures);
  const raw = candidates.map((c, j) => {
    let reach = 0;
    let newReach = 0;
    let newOt12 = 0;
    let depW = 0;
    let saved = 0;
    let served = 0;
    let servedWM = 0;
    for (let i = 0; i < units.length; i++) {
      const u = units[i];
      const w = u.children_0_6;
      if (!(w > 0)) continue;
      const m = t.minutes[i * t.nDest + j];
      if (Number.isNaN(m)) continue;
      const cur = baseline.minutes[i];
      if (isCovered(m, thresholdMinutes)) {
        reach += w;
        if (!isCovered(cur, thresholdMinutes)) {
          newReach += w;
          const ot = omradestypOf(u, input.omradestypYear);
          if (ot <= 2) newOt12 += w;
          depW += w * (input.needWeight ? input.needWeight(u) : input.deprivationWeights[ot]);
        }
      }
      if (m < cur) {
        served += w;
        servedWM += w * m;
        if (Number.isFinite(cur)) saved += w * (cur - m);
      }
    }
    const transit = findStop(c.lon, c.lat);
    return {
      c,
      reach,
      newReach,
      newOt12,
      depW,
      reduction: reachableW > 0 ? saved / reachableW : null,
      served,
      servedMean: served > 0 ? servedWM / served : null,
      transit,
      transitScore: transit ? Math.max(0, 1 - transit.walk_m / input.maxWalkM) : 0,
      economics: economicsAt(c, input.healthCentres),
    };
  });

  const maxOf = (f: (r: (typeof raw)[number]) => number) => Math.max(0, ...raw.map(f));
  const maxReach = maxOf((r) => r.reach);
  const maxNew = maxOf((r) => r.newReach);
  const maxDep = maxOf((r) => r.depW);
  const maxRed = maxOf((r) => r.reduction ?? 0);
  const share = (v: number, max: number) => (max > 0 ? v / max : 0);
  const scored: CandidateScore[] = raw.map((r) => ({
    id: r.c.id,
    name: r.c.name,
    lon: r.c.lon,
    lat: r.c.lat,
    reach_children: r.reach,
    new_reach_children: r.newReach,
    new_reach_share_ot12: r.newReach > 0 ? r.newOt12 / r.newReach : null,
    deprivation_weighted_new_reach: r.depW,
    mean_minutes_reduction: r.reduction,
    served_children: r.served,
    served_mean_minutes: r.servedMean,
    transit: r.transit,
    economics: r.economics,
    criteria: {
      reach: share(r.reach, maxReach),
      newReach: share(r.newReach, maxNew),
      deprivation: share(r.depW, maxDep),
      travel: share(r.reduction ?? 0, maxRed),
      transit: r.transitScore,
    },
    breakdown: { reach: 0, newReach: 0, deprivation: 0, travel: 0, transit: 0 },
    composite: 0,
    rank: 0,
  }));
  return weighScores(scored, input.criterionWeights);
}

/**
 * Combines each candidate's criteria (0–1) with the criterion weights into its breakdown and
 * composite, and ranks (composite, ties by id). Changing only the weights needs nothing else:
 * no travel, no reach — this runs in well under a frame for 2 000 candidates.
 */
export function weighScores(scores: readonly CandidateScore[], w: CriterionWeights): CandidateScore[] {
  const wSum = w.reach + w.newReach + w.deprivation + w.travel + w.transit;
  const scored = scores.map((x) => {
    const breakdown = Object.fromEntries(CRITERIA.map((k) => [k, wSum > 0 ? (w[k] / wSum) * x.criteria[k] : 0])) as Record<CriterionKey, number>;
    return { ...x, breakdown, composite: CRITERIA.reduce((s, k) => s + breakdown[k], 0), rank: 0 };
  });
  scored.sort((a, b) => b.composite - a.composite || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  scored.forEach((s, i) => (s.rank = i + 1));
  return scored;
}
