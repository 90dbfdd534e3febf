/**
 * The vårdval parameters of the family-centre add-on (tilläggsuppdraget familjecentral) and the
 * regional plan's family-centre money, as Region Dalarna's report HSN 2026/4486 (002) gives them.
 * Every amount is editable; the defaults below are the document's figures, named by section.
 */

/**
 * How the shared pot is paid out (002 gives the rates and the pot but not how claims and pot
 * meet, so this is a planner's choice):
 * - `capped`: every host gets its full claim while the claims together fit in the pot; when they
 *   exceed it, every claim is scaled down by the same factor (pot ÷ total claims). Default: the
 *   rates are what the add-on pays (002, avsnitt 3.2) and the pot is the ceiling that all share.
 * - `shared`: the whole pot is always split in proportion to the claims, also when the claims
 *   are below it.
 */
export type PotRule = 'capped' | 'shared';

export const POT_RULES: readonly PotRule[] = ['capped', 'shared'];

/**
 * Visits at a family centre of another vårdcentral ("otrohetsbesök", 002 avsnitt 3.2): the
 * patient's own vårdcentral (`payerHealthCentreId`; null = not attributed to one vårdcentral)
 * pays the centre's host vårdcentral per visit. Always the planner's assumption, never data.
 */
export interface CrossVisitFlow {
  payerHealthCentreId: string | null;
  hostHealthCentreId: string;
  /** Visits per year. */
  visits: number;
}

/** The regional plan's money for family centres (002, avsnitt 3.1). */
export interface RegionalPlan {
  /** kr per year. */
  krPerYear: number;
  /** The years the plan covers. */
  years: number[];
}

/** Everything the vårdval budget needs; travels with a scenario. */
export interface VardvalParams {
  /** The budget year: chooses the pot and the regional plan year. */
  year: number;
  /** kr per listed child 0–6 per year at a host vårdcentral. */
  krPerListedChild: number;
  /** kr per listed woman 16–54 per year at a host vårdcentral. */
  krPerListedWoman: number;
  /** The shared pot for all family centres, kr per year, by year. A year not in it has no pot (unknown). */
  potKrByYear: Record<number, number>;
  potRule: PotRule;
  /** kr the patient's own vårdcentral pays per visit at another vårdcentral's family centre. */
  krPerCrossVisit: number;
  /** Assumed cross visits per year; null = not computed (the default: no numbers are known). */
  crossVisits: CrossVisitFlow[] | null;
  regionalPlan: RegionalPlan;
}

/**
 * The document's figures:
 * - 90 kr per child 0–6 and 55 kr per woman 16–54 (002, avsnitt 3.2 "Ekonomisk modell för
 *   familjecentraler", cited there to Vårdval Primärvård Dalarna 2026; repeated in kapitel 4 as
 *   per *listed* child and woman);
 * - the shared pot 2,1 MSEK in 2025 (the document hedges it as reported) and 2,3 MSEK in 2026
 *   (avsnitt 3.2; kapitel 4 gives only 2025);
 * - 600 kr per visit at another vårdcentral's family centre, an average primary-care visit
 *   (avsnitt 3.2);
 * - the regional plan's 5 MSEK per year for 2026, 2027 and 2028 (avsnitt 3.1 Bakgrund).
 * The year defaults to 2026, the year of the report and of the rates' source.
 */
export const DEFAULT_VARDVAL_PARAMS: VardvalParams = {
  year: 2026,
  krPerListedChild: 90,
  krPerListedWoman: 55,
  potKrByYear: { 2025: 2_100_000, 2026: 2_300_000 },
  potRule: 'capped',
  krPerCrossVisit: 600,
  crossVisits: null,
  regionalPlan: { krPerYear: 5_000_000, years: [2026, 2027, 2028] },
};

/** The pot of a year, kr; null when the parameters give none for that year. */
export function potForYear(params: Pick<VardvalParams, 'potKrByYear'>, year: number): number | null {
  const v = params.potKrByYear[year];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The regional plan's amount for a year, kr; null when the year is outside the plan. */
export function regionalPlanForYear(plan: RegionalPlan, year: number): number | null {
  return plan.years.includes(year) ? plan.krPerYear : null;
}
