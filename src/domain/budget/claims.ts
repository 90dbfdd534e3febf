import type { ListingSource } from '../types';
import type { BudgetCentre, HostSource } from './hosts';
import { isAssumedHost } from './hosts';
import type { ClaimReason, PayoutBlock } from './issues';
import { potForYear, type PotRule, type VardvalParams } from './params';
import { splitPot } from './potSplit';

/** A vårdcentral's listing as the budget reads it (`CentreListing` of listing.ts fits). */
export interface VcListing {
  /** Listed children 0–6, persons (modelled listing gives fractions). */
  children_0_6: number;
  /** Listed women 16–54, persons; null = not known. */
  women_16_54: number | null;
  source: ListingSource;
  year: number;
}

/** One host vårdcentral's claim on the pot and its payout, kr per year. */
export interface HostClaim {
  healthCentreId: string;
  /** The centres it hosts (in input order); it claims once however many there are. */
  centreIds: string[];
  listedChildren: number | null;
  listedWomen: number | null;
  /** krPerListedChild × listed children; null without listing. */
  childrenKr: number | null;
  /** krPerListedWoman × listed women; null without women. */
  womenKr: number | null;
  /** childrenKr + womenKr; null when either is unknown (`reason`). */
  claimKr: number | null;
  reason: ClaimReason | null;
  listingSource: ListingSource | null;
  listingYear: number | null;
  /** Some centre's host is an assumption (`at_health_centre` or `nearest`), not data or the planner's. */
  hostAssumed: boolean;
  /** The listing is modelled or the host assumed: every figure of this row is "modellerat". */
  modelled: boolean;
  /** Claim ÷ pot (0–1+, may exceed 1); null without claim or pot. */
  claimShareOfPot: number | null;
  /** kr per year from the pot; null when the split is blocked. */
  payoutKr: number | null;
  /** Payout ÷ pot (0–1); null when the split is blocked or the pot is 0. */
  potShare: number | null;
}

/** One family centre of the set with its host and why it has no claim (if so). */
export interface CentreClaimRow {
  centreId: string;
  name: string;
  hostHealthCentreId: string | null;
  hostSource: HostSource | null;
  /** The host's claim, kr per year (shared by every centre of that host, not split among them); null when unknown. */
  hostClaimKr: number | null;
  /** Number of centres of the set with the same host (1 = only this one). */
  centresOfHost: number;
  reason: ClaimReason | null;
}

/** The vårdval budget of one set of family centres for one year. */
export interface VardvalBudget {
  year: number;
  potRule: PotRule;
  hosts: HostClaim[];
  centres: CentreClaimRow[];
  /** Σ of the known claims, kr per year. */
  knownClaimsKr: number;
  /** Hosts whose claim is unknown + centres without host. */
  unknownClaims: number;
  /** Σ claims, kr per year, when every claim is known; else null. */
  totalClaimsKr: number | null;
  /** The pot of the year, kr; null when the parameters give none. */
  potKr: number | null;
  /** Σ claims − pot, kr (negative = room left); null when either is unknown. */
  claimsMinusPotKr: number | null;
  totalPayoutKr: number | null;
  /** Payout ÷ claim, common to all hosts; null when blocked or no claims. */
  payoutFactor: number | null;
  unusedPotKr: number | null;
  unpaidClaimsKr: number | null;
  payoutBlockedBy: PayoutBlock | null;
  listingModelled: boolean;
  hostsAssumed: boolean;
  /** Any listing used is modelled or any host assumed: label every figure "modellerat". */
  modelled: boolean;
}

/**
 * The vårdval add-on of a set of family centres (002, avsnitt 3.2): each host vårdcentral claims
 * krPerListedChild × listed children 0–6 + krPerListedWoman × listed women 16–54, kr per year.
 *
 * A vårdcentral hosting two centres claims once: the add-on is paid to the vårdcentral per
 * listed person (002, avsnitt 3.2 and kapitel 4), and a second centre adds no listed persons.
 * 002 does not address the case in words; this is our reading of the rule, stated here.
 *
 * A centre without a host has no claim (`no_host`) and, like a host without listing, makes the
 * pot's split unknown: the pot is shared by all family centres (002, kapitel 4), so one
 * unknown claim leaves every share unknown. Payouts follow `params.potRule` (see `splitPot`).
 */
export function vardvalClaims(
  centres: readonly BudgetCentre[],
  listing: ReadonlyMap<string, VcListing>,
  params: VardvalParams,
): VardvalBudget {
  const potKr = potForYear(params, params.year);
  const byHost = new Map<string, BudgetCentre[]>();
  for (const c of centres) {
    if (c.hostHealthCentreId === null) continue;
    const list = byHost.get(c.hostHealthCentreId);
    if (list) list.push(c);
    else byHost.set(c.hostHealthCentreId, [c]);
  }

  const hosts: HostClaim[] = [...byHost].map(([id, hosted]) => {
    const l = listing.get(id) ?? null;
    const childrenKr = l ? params.krPerListedChild * l.children_0_6 : null;
    const womenKr = l && l.women_16_54 !== null ? params.krPerListedWoman * l.women_16_54 : null;
    const claimKr = childrenKr !== null && womenKr !== null ? childrenKr + womenKr : null;
    const hostAssumed = hosted.some((c) => isAssumedHost(c.hostSource));
    return {
      healthCentreId: id,
      centreIds: hosted.map((c) => c.id),
      listedChildren: l?.children_0_6 ?? null,
      listedWomen: l?.women_16_54 ?? null,
      childrenKr,
      womenKr,
      claimKr,
      reason: !l ? 'listing_missing' : claimKr === null ? 'women_missing' : null,
      listingSource: l?.source ?? null,
      listingYear: l?.year ?? null,
      hostAssumed,
      modelled: hostAssumed || l?.source === 'modelled',
      claimShareOfPot: claimKr !== null && potKr !== null && potKr > 0 ? claimKr / potKr : null,
      payoutKr: null,
      potShare: null,
    };
  });

  const unhosted = centres.filter((c) => c.hostHealthCentreId === null).length;
  const claims: (number | null)[] = [...hosts.map((h) => h.claimKr), ...new Array<null>(unhosted).fill(null)];
  const split = splitPot(claims, potKr, params.potRule);
  hosts.forEach((h, i) => {
    h.payoutKr = split.payoutsKr[i];
    h.potShare = h.payoutKr !== null && potKr !== null && potKr > 0 ? h.payoutKr / potKr : null;
  });

  const hostById = new Map(hosts.map((h) => [h.healthCentreId, h]));
  const rows: CentreClaimRow[] = centres.map((c) => {
    const h = c.hostHealthCentreId === null ? null : hostById.get(c.hostHealthCentreId)!;
    return {
      centreId: c.id,
      name: c.name,
      hostHealthCentreId: c.hostHealthCentreId,
      hostSource: c.hostSource,
      hostClaimKr: h?.claimKr ?? null,
      centresOfHost: h?.centreIds.length ?? 1,
      reason: h ? h.reason : 'no_host',
    };
  });

  const known = hosts.filter((h) => h.claimKr !== null);
  const knownClaimsKr = known.reduce((a, h) => a + h.claimKr!, 0);
  const unknownClaims = hosts.length - known.length + unhosted;
  const totalClaimsKr = unknownClaims === 0 ? knownClaimsKr : null;
  const listingModelled = hosts.some((h) => h.listingSource === 'modelled');
  const hostsAssumed = hosts.some((h) => h.hostAssumed);
  return {
    year: params.year,
    potRule: params.potRule,
    hosts,
    centres: rows,
    knownClaimsKr,
    unknownClaims,
    totalClaimsKr,
    potKr,
    claimsMinusPotKr: totalClaimsKr !== null && potKr !== null ? totalClaimsKr - potKr : null,
    totalPayoutKr: split.totalPayoutKr,
    payoutFactor: split.factor,
    unusedPotKr: split.unusedPotKr,
    unpaidClaimsKr: split.unpaidClaimsKr,
    payoutBlockedBy: split.blockedBy,
    listingModelled,
    hostsAssumed,
    modelled: listingModelled || hostsAssumed,
  };
}
