import { describe, expect, it } from 'vitest';
import { budgetChange } from '../../src/domain/budget/change';
import { vardvalClaims, type VcListing } from '../../src/domain/budget/claims';
import { crossVisitCompensation, visitsFromShare } from '../../src/domain/budget/crossVisits';
import { budgetCentres, healthCentreAt, type BudgetCentre } from '../../src/domain/budget/hosts';
import { DEFAULT_VARDVAL_PARAMS, potForYear, regionalPlanForYear, type VardvalParams } from '../../src/domain/budget/params';
import { splitPot } from '../../src/domain/budget/potSplit';

/**
 * Fixture listing (persons) and claims at 90 kr per child and 55 kr per woman:
 * - hc-a: 100 children, 200 women, imported → 90 × 100 + 55 × 200 = 9 000 + 11 000 = 20 000 kr
 * - hc-b: 50 children, 40 women, modelled  → 90 × 50 + 55 × 40 = 4 500 + 2 200 = 6 700 kr
 * - hc-c: 10 children, women unknown       → children's part 900 kr, claim unknown
 * - hc-d: 300 children, 600 women, imported → 27 000 + 33 000 = 60 000 kr
 */
const listing = new Map<string, VcListing>([
  ['hc-a', { children_0_6: 100, women_16_54: 200, source: 'imported', year: 2025 }],
  ['hc-b', { children_0_6: 50, women_16_54: 40, source: 'modelled', year: 2025 }],
  ['hc-c', { children_0_6: 10, women_16_54: null, source: 'imported', year: 2025 }],
  ['hc-d', { children_0_6: 300, women_16_54: 600, source: 'imported', year: 2025 }],
]);
const centre = (id: string, host: string | null): BudgetCentre => ({ id, name: `FC ${id}`, hostHealthCentreId: host, hostSource: host ? 'data' : null });
const params = (over: Partial<VardvalParams> = {}): VardvalParams => ({ ...DEFAULT_VARDVAL_PARAMS, ...over });

describe('vårdval parameters (002 defaults)', () => {
  it('holds the document figures and finds the pot and plan of a year', () => {
    const d = DEFAULT_VARDVAL_PARAMS;
    expect([d.krPerListedChild, d.krPerListedWoman, d.krPerCrossVisit]).toEqual([90, 55, 600]);
    expect(potForYear(d, 2025)).toBe(2_100_000);
    expect(potForYear(d, 2026)).toBe(2_300_000);
    expect(potForYear(d, 2027)).toBeNull();
    expect(regionalPlanForYear(d.regionalPlan, 2028)).toBe(5_000_000);
    expect(regionalPlanForYear(d.regionalPlan, 2025)).toBeNull();
    expect(d.crossVisits).toBeNull();
  });
});

describe('splitPot', () => {
  it('capped: full claims while they fit; scaled by pot ÷ total when they do not', () => {
    // 20 000 + 6 700 = 26 700 ≤ 2 300 000 → paid in full, 2 273 300 left.
    expect(splitPot([20_000, 6_700], 2_300_000, 'capped')).toEqual({ payoutsKr: [20_000, 6_700], factor: 1, totalPayoutKr: 26_700, unusedPotKr: 2_273_300, unpaidClaimsKr: 0, blockedBy: null });
    // pot 13 350 = half of 26 700 → factor 0,5: 10 000 and 3 350; 13 350 unpaid.
    expect(splitPot([20_000, 6_700], 13_350, 'capped')).toEqual({ payoutsKr: [10_000, 3_350], factor: 0.5, totalPayoutKr: 13_350, unusedPotKr: 0, unpaidClaimsKr: 13_350, blockedBy: null });
  });

  it('shared: the whole pot is split in proportion, also when claims are below it', () => {
    // pot 53 400 = 2 × 26 700 → 40 000 and 13 400.
    const s = splitPot([20_000, 6_700], 53_400, 'shared');
    expect(s.factor).toBe(2);
    expect(s.payoutsKr).toEqual([40_000, 13_400]);
    expect([s.totalPayoutKr, s.unusedPotKr, s.unpaidClaimsKr]).toEqual([53_400, 0, 0]);
  });

  it('is blocked by one unknown claim or a missing pot; no claims pay nothing', () => {
    expect(splitPot([20_000, null], 2_300_000, 'capped')).toMatchObject({ payoutsKr: [null, null], blockedBy: 'claims_unknown', totalPayoutKr: null });
    expect(splitPot([20_000], null, 'capped')).toMatchObject({ payoutsKr: [null], blockedBy: 'no_pot' });
    expect(splitPot([], 100, 'shared')).toEqual({ payoutsKr: [], factor: null, totalPayoutKr: 0, unusedPotKr: 100, unpaidClaimsKr: 0, blockedBy: null });
  });
});

describe('vardvalClaims', () => {
  it('a host with two centres claims once; payouts under the 2026 pot; modelled when any listing is', () => {
    const b = vardvalClaims([centre('fc1', 'hc-a'), centre('fc2', 'hc-a'), centre('fc3', 'hc-b')], listing, params());
    expect(b.hosts.map((h) => [h.healthCentreId, h.centreIds, h.childrenKr, h.womenKr, h.claimKr])).toEqual([
      ['hc-a', ['fc1', 'fc2'], 9_000, 11_000, 20_000],
      ['hc-b', ['fc3'], 4_500, 2_200, 6_700],
    ]);
    expect(b.totalClaimsKr).toBe(26_700);
    expect(b.potKr).toBe(2_300_000);
    expect(b.claimsMinusPotKr).toBe(26_700 - 2_300_000);
    expect(b.hosts.map((h) => h.payoutKr)).toEqual([20_000, 6_700]);
    expect(b.hosts[0].potShare).toBeCloseTo(20_000 / 2_300_000, 12); // 0,0087
    expect(b.hosts[0].claimShareOfPot).toBeCloseTo(20_000 / 2_300_000, 12);
    expect(b.centres.map((c) => [c.centreId, c.hostClaimKr, c.centresOfHost, c.reason])).toEqual([
      ['fc1', 20_000, 2, null],
      ['fc2', 20_000, 2, null],
      ['fc3', 6_700, 1, null],
    ]);
    expect([b.hosts[0].modelled, b.hosts[1].modelled, b.listingModelled, b.modelled]).toEqual([false, true, true, true]);
    expect(vardvalClaims([centre('fc1', 'hc-a')], listing, params()).modelled).toBe(false);
  });

  it('uses the pot of the chosen year and the chosen rule', () => {
    const cs = [centre('fc1', 'hc-a'), centre('fc3', 'hc-b')];
    // 2025: pot 2 100 000; shared: 20 000 × 2 100 000 / 26 700 = 1 573 033,71
    const b = vardvalClaims(cs, listing, params({ year: 2025, potRule: 'shared' }));
    expect(b.potKr).toBe(2_100_000);
    expect(b.hosts[0].payoutKr).toBeCloseTo(1_573_033.7079, 3);
    expect(b.totalPayoutKr).toBe(2_100_000);
    // 2027: no pot → claims known, payouts not.
    const n = vardvalClaims(cs, listing, params({ year: 2027 }));
    expect([n.totalClaimsKr, n.potKr, n.payoutBlockedBy, n.hosts[0].payoutKr]).toEqual([26_700, null, 'no_pot', null]);
  });

  it('a centre without host, a host without listing or without women leave the claim (and the split) unknown', () => {
    const b = vardvalClaims([centre('fc1', 'hc-a'), centre('fc4', null), centre('fc5', 'hc-zz'), centre('fc6', 'hc-c')], listing, params());
    expect(b.hosts.map((h) => [h.healthCentreId, h.claimKr, h.childrenKr, h.reason])).toEqual([
      ['hc-a', 20_000, 9_000, null],
      ['hc-zz', null, null, 'listing_missing'],
      ['hc-c', null, 900, 'women_missing'], // 90 × 10
    ]);
    expect(b.centres.map((c) => c.reason)).toEqual([null, 'no_host', 'listing_missing', 'women_missing']);
    expect([b.knownClaimsKr, b.unknownClaims, b.totalClaimsKr, b.payoutBlockedBy, b.totalPayoutKr]).toEqual([20_000, 3, null, 'claims_unknown', null]);
    expect(b.hosts.every((h) => h.payoutKr === null)).toBe(true);
    expect(b.hosts[0].claimShareOfPot).toBeCloseTo(20_000 / 2_300_000, 12);
  });

  it('an assumed host makes the figures modelled even with imported listing', () => {
    const b = vardvalClaims([{ id: 'fc1', name: 'FC', hostHealthCentreId: 'hc-a', hostSource: 'nearest' }], listing, params());
    expect([b.hosts[0].hostAssumed, b.hosts[0].modelled, b.listingModelled, b.hostsAssumed, b.modelled]).toEqual([true, true, false, true, true]);
  });
});

describe('budgetCentres (host of each site)', () => {
  const hcs = [
    { id: 'hc-x', lon: 15, lat: 60 },
    { id: 'hc-y', lon: 16, lat: 60 },
  ];
  const sites = [
    { id: 's1', name: 'data', lon: 16, lat: 60, host_health_centre_id: 'hc-x' },
    { id: 'hc-y', name: 'a VC itself', lon: 16.5, lat: 60 },
    { id: 's3', name: '111 m', lon: 15, lat: 60.001 }, // 0,001° latitude ≈ 111 m ≤ 150 m
    { id: 's4', name: '222 m', lon: 15, lat: 60.002, host_health_centre_id: '' }, // ≈ 222 m > 150 m
  ];
  it('data only: hosts from the data, the rest unknown', () => {
    expect(budgetCentres(sites, hcs, 'data').map((c) => [c.hostHealthCentreId, c.hostSource])).toEqual([['hc-x', 'data'], [null, null], [null, null], [null, null]]);
  });
  it('at_health_centre: same id or within 150 m', () => {
    expect(budgetCentres(sites, hcs, 'at_health_centre').map((c) => [c.hostHealthCentreId, c.hostSource])).toEqual([
      ['hc-x', 'data'],
      ['hc-y', 'at_health_centre'],
      ['hc-x', 'at_health_centre'],
      [null, null],
    ]);
    expect(healthCentreAt({ id: 'q', lon: 15, lat: 60.002 }, hcs)).toBeNull();
  });
  it('nearest: any distance; the planner overrides everything', () => {
    expect(budgetCentres(sites, hcs, 'nearest').map((c) => c.hostSource)).toEqual(['data', 'at_health_centre', 'at_health_centre', 'nearest']);
    expect(budgetCentres(sites, hcs, 'nearest')[3].hostHealthCentreId).toBe('hc-x');
    expect(budgetCentres(sites, hcs, 'data', { s1: 'hc-y', s4: 'hc-y' }).map((c) => [c.hostHealthCentreId, c.hostSource])).toEqual([
      ['hc-y', 'planner'],
      [null, null],
      [null, null],
      ['hc-y', 'planner'],
    ]);
  });
});

describe('budgetChange', () => {
  const today = [centre('fc1', 'hc-a'), centre('fc3', 'hc-b')];
  // Proposal: today + a candidate at hc-d (new host) + one at hc-a (already a host: adds nothing).
  const proposal = [...today, centre('k1', 'hc-d'), centre('k2', 'hc-a')];

  it('per host and in total under the 2026 pot; new hosts add their claim; compared with the plan', () => {
    const p = params();
    const c = budgetChange(vardvalClaims(today, listing, p), vardvalClaims(proposal, listing, p), p);
    expect(c.hosts.map((h) => [h.healthCentreId, h.newHost, h.claimBeforeKr, h.claimAfterKr, h.claimChangeKr, h.payoutBeforeKr, h.payoutAfterKr])).toEqual([
      ['hc-a', false, 20_000, 20_000, 0, 20_000, 20_000],
      ['hc-b', false, 6_700, 6_700, 0, 6_700, 6_700],
      ['hc-d', true, 0, 60_000, 60_000, 0, 60_000],
    ]);
    expect(c.newHostIds).toEqual(['hc-d']);
    expect(c.newHostsClaimKr).toBe(60_000);
    expect([c.totalClaimsBeforeKr, c.totalClaimsAfterKr, c.claimsChangeKr]).toEqual([26_700, 86_700, 60_000]);
    expect(c.hosts[2].potShareAfter).toBeCloseTo(60_000 / 2_300_000, 12); // 0,0261
    expect(c.claimsOverPotAfterKr).toBe(0); // 86 700 < 2 300 000
    // 60 000 / 5 000 000 = 0,012
    expect(c.regionalPlan).toEqual({ planKr: 5_000_000, claimsChangeShareOfPlan: 0.012, overPotShareOfPlan: 0 });
    expect(c.modelled).toBe(true); // hc-b's listing is modelled
  });

  it('when the proposal overflows the pot, today’s hosts lose payout', () => {
    const p = params({ potKrByYear: { 2026: 80_000 } });
    const c = budgetChange(vardvalClaims(today, listing, p), vardvalClaims(proposal, listing, p), p);
    // today 26 700 ≤ 80 000: full. Proposal 86 700 > 80 000: factor 80 000 / 86 700 = 0,922722…
    // hc-a: 20 000 × 0,922722 = 18 454,44 → change −1 545,56; over the pot 6 700 = 0,00134 of the plan.
    expect(c.hosts[0].payoutAfterKr).toBeCloseTo(18_454.4406, 3);
    expect(c.hosts[0].payoutChangeKr).toBeCloseTo(-1_545.5594, 3);
    expect(c.totalPayoutAfterKr).toBe(80_000);
    expect(c.claimsOverPotAfterKr).toBe(6_700);
    expect(c.regionalPlan.overPotShareOfPlan).toBeCloseTo(0.00134, 12);
  });

  it('a dropped host, a year outside the plan, and unknown centres that differ', () => {
    const p = params({ year: 2025 });
    const c = budgetChange(vardvalClaims(today, listing, p), vardvalClaims([centre('fc1', 'hc-a')], listing, p), p);
    expect(c.hosts[1]).toMatchObject({ healthCentreId: 'hc-b', droppedHost: true, claimAfterKr: 0, claimChangeKr: -6_700, potShareAfter: 0 });
    expect(c.claimsChangeKr).toBe(-6_700);
    expect(c.regionalPlan).toEqual({ planKr: null, claimsChangeShareOfPlan: null, overPotShareOfPlan: null });

    const withUnknown = [...today, centre('fc9', null)];
    // Same unhosted centre in both sets: the change is still known (60 000), the totals are not.
    const same = budgetChange(vardvalClaims(withUnknown, listing, p), vardvalClaims([...withUnknown, centre('k1', 'hc-d')], listing, p), p);
    expect([same.claimsChangeKr, same.totalClaimsBeforeKr, same.totalClaimsAfterKr, same.totalPayoutAfterKr]).toEqual([60_000, null, null, null]);
    // A new centre without host: the change is unknown.
    const differ = budgetChange(vardvalClaims(today, listing, p), vardvalClaims([...today, centre('k9', null)], listing, p), p);
    expect(differ.claimsChangeKr).toBeNull();
    expect(() => budgetChange(vardvalClaims(today, listing, p), vardvalClaims(today, listing, params()), p)).toThrow(/2025/);
  });
});

describe('cross-visit compensation', () => {
  it('600 kr per visit: the payer pays, the host receives; self visits are not counted', () => {
    const r = crossVisitCompensation(
      [
        { payerHealthCentreId: 'hc-b', hostHealthCentreId: 'hc-a', visits: 10 },
        { payerHealthCentreId: null, hostHealthCentreId: 'hc-a', visits: 5 },
        { payerHealthCentreId: 'hc-a', hostHealthCentreId: 'hc-d', visits: 3 },
        { payerHealthCentreId: 'hc-a', hostHealthCentreId: 'hc-a', visits: 7 },
      ],
      600,
    )!;
    // hc-a receives 15 × 600 = 9 000, pays 3 × 600 = 1 800 → net 7 200; hc-b pays 6 000;
    // hc-d receives 1 800; the unattributed payers pay 3 000. 18 visits → 10 800 kr.
    expect(r.rows.map((x) => [x.healthCentreId, x.paysKr, x.receivesKr, x.netKr])).toEqual([
      ['hc-a', 1_800, 9_000, 7_200],
      ['hc-b', 6_000, 0, -6_000],
      ['hc-d', 0, 1_800, 1_800],
      [null, 3_000, 0, -3_000],
    ]);
    expect([r.totalVisits, r.totalKr, r.ignoredSelfVisits]).toEqual([18, 10_800, 7]);
    expect(crossVisitCompensation(null, 600)).toBeNull();
  });

  it('visits from a share need every input', () => {
    expect(visitsFromShare(400, 0.25, 3)).toBe(300); // 400 × 0,25 × 3
    expect(visitsFromShare(400, null, 3)).toBeNull();
    expect(visitsFromShare(null, 0.25, 3)).toBeNull();
  });
});
