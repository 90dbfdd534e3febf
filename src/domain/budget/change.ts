import type { VardvalBudget } from './claims';
import { regionalPlanForYear, type VardvalParams } from './params';

/** One host vårdcentral today and in the proposal, kr per year (0 where it hosts nothing). */
export interface HostChange {
  healthCentreId: string;
  /** Hosts a centre in the proposal but not today. */
  newHost: boolean;
  /** Hosts a centre today but not in the proposal. */
  droppedHost: boolean;
  /** 0 when it hosts nothing today; null when unknown. */
  claimBeforeKr: number | null;
  claimAfterKr: number | null;
  /** claimAfterKr − claimBeforeKr; null when either is unknown. */
  claimChangeKr: number | null;
  payoutBeforeKr: number | null;
  payoutAfterKr: number | null;
  /** payoutAfterKr − payoutBeforeKr; null when either is unknown. */
  payoutChangeKr: number | null;
  /** Payout ÷ pot in the proposal (0–1); null when unknown. */
  potShareAfter: number | null;
  modelled: boolean;
}

/** How the change compares with the regional plan's family-centre money of the year. */
export interface RegionalPlanComparison {
  /** kr in the plan for the budget year; null when the year is outside the plan. */
  planKr: number | null;
  /** Claims change ÷ plan; null when either is unknown or the plan is 0. */
  claimsChangeShareOfPlan: number | null;
  /** Claims above the pot in the proposal ÷ plan (0 when they fit); null when unknown. */
  overPotShareOfPlan: number | null;
}

/** The vårdval budget today and in a proposal, per host and in total (kr per year). */
export interface BudgetChange {
  year: number;
  hosts: HostChange[];
  /** Ids of the proposal's new hosts, in the proposal's order. */
  newHostIds: string[];
  /** Σ claims of the new hosts (the add-on the proposal adds); null if any of them is unknown. */
  newHostsClaimKr: number | null;
  totalClaimsBeforeKr: number | null;
  totalClaimsAfterKr: number | null;
  /** Σ per-host claim changes; null when a host's claim is unknown or the centres without host differ. */
  claimsChangeKr: number | null;
  totalPayoutBeforeKr: number | null;
  totalPayoutAfterKr: number | null;
  potKr: number | null;
  /** max(0, Σ claims − pot) in the proposal; null when unknown. */
  claimsOverPotAfterKr: number | null;
  regionalPlan: RegionalPlanComparison;
  modelled: boolean;
}

/**
 * Compares two budgets of the same year and parameters (today's set and the proposal's).
 *
 * The regional plan's 5 MSEK per year (002, avsnitt 3.1) is money for evaluating and developing
 * more family centres; 002 does not say it tops up the vårdval pot. The comparison only sets the
 * added claims (and any claims above the pot) against its size.
 */
export function budgetChange(today: VardvalBudget, proposal: VardvalBudget, params: Pick<VardvalParams, 'regionalPlan'>): BudgetChange {
  if (today.year !== proposal.year) throw new Error(`budgetChange: år ${today.year} och ${proposal.year} skiljer sig`);
  const before = new Map(today.hosts.map((h) => [h.healthCentreId, h]));
  const after = new Map(proposal.hosts.map((h) => [h.healthCentreId, h]));
  const ids = [...today.hosts.map((h) => h.healthCentreId), ...proposal.hosts.map((h) => h.healthCentreId).filter((id) => !before.has(id))];
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);

  const hosts: HostChange[] = ids.map((id) => {
    const b = before.get(id);
    const a = after.get(id);
    const claimBeforeKr = b ? b.claimKr : 0;
    const claimAfterKr = a ? a.claimKr : 0;
    const payoutBeforeKr = b ? b.payoutKr : 0;
    const payoutAfterKr = a ? a.payoutKr : 0;
    return {
      healthCentreId: id,
      newHost: !b && !!a,
      droppedHost: !!b && !a,
      claimBeforeKr,
      claimAfterKr,
      claimChangeKr: diff(claimBeforeKr, claimAfterKr),
      payoutBeforeKr,
      payoutAfterKr,
      payoutChangeKr: diff(payoutBeforeKr, payoutAfterKr),
      potShareAfter: a ? a.potShare : proposal.potKr !== null && proposal.payoutBlockedBy === null ? 0 : null,
      modelled: !!(b?.modelled || a?.modelled),
    };
  });

  const newHosts = hosts.filter((h) => h.newHost);
  const newHostsClaimKr = newHosts.some((h) => h.claimAfterKr === null) ? null : newHosts.reduce((s, h) => s + h.claimAfterKr!, 0);
  const unhosted = (b: VardvalBudget) => b.centres.filter((c) => c.hostHealthCentreId === null).map((c) => c.centreId).sort().join('\n');
  const claimsChangeKr =
    hosts.some((h) => h.claimChangeKr === null) || unhosted(today) !== unhosted(proposal) ? null : hosts.reduce((s, h) => s + h.claimChangeKr!, 0);
  const potKr = proposal.potKr;
  const claimsOverPotAfterKr = proposal.claimsMinusPotKr === null ? null : Math.max(0, proposal.claimsMinusPotKr);
  const planKr = regionalPlanForYear(params.regionalPlan, proposal.year);
  const ofPlan = (x: number | null) => (x === null || planKr === null || planKr <= 0 ? null : x / planKr);

  return {
    year: proposal.year,
    hosts,
    newHostIds: newHosts.map((h) => h.healthCentreId),
    newHostsClaimKr,
    totalClaimsBeforeKr: today.totalClaimsKr,
    totalClaimsAfterKr: proposal.totalClaimsKr,
    claimsChangeKr,
    totalPayoutBeforeKr: today.totalPayoutKr,
    totalPayoutAfterKr: proposal.totalPayoutKr,
    potKr,
    claimsOverPotAfterKr,
    regionalPlan: { planKr, claimsChangeShareOfPlan: ofPlan(claimsChangeKr), overPotShareOfPlan: ofPlan(claimsOverPotAfterKr) },
    modelled: today.modelled || proposal.modelled,
  };
}
