import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { budgetChange } from '../../src/domain/budget/change';
import { vardvalClaims } from '../../src/domain/budget/claims';
import { budgetCentres } from '../../src/domain/budget/hosts';
import { DEFAULT_VARDVAL_PARAMS } from '../../src/domain/budget/params';
import { buildDataset, type Dataset } from '../../src/domain/dataset';
import { mergeListing, type CentreListing } from '../../src/domain/listing';
import { readRawInputs } from '../../scripts/build-data';
import { dataDir } from '../../src/cli/rawInputs';

/**
 * The vårdval budget on the shared Dalarna data. listed-children.csv holds only its header (no
 * published listing per vårdcentral, SOURCES.md), so every claim uses the modelled listing of
 * 2025 (children to the nearest vårdcentral, scaled to 18 266; women unscaled) and is
 * "modellerat". Of the 9 existing centres only Britsarvet has a host in family-centres.csv.
 */
let ds: Dataset;
let listing: Map<string, CentreListing>;
beforeAll(() => {
  ds = buildDataset(readRawInputs());
  listing = mergeListing(ds.listingModelled, null);
});

describe('vårdval budget on the shared data', () => {
  it('has no imported listing, so the modelled listing of 2025 is used', () => {
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(dataDir(), 'facilities', 'listed-children.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(0); // if the data team adds listing, switch this test to its latest year
    expect([...listing.values()].every((l) => l.source === 'modelled' && l.year === 2025)).toBe(true);
  });

  it('today (existing centres, hosts from the data): one known claim, eight unknown, payouts unknown', () => {
    const existing = ds.familyCentres.filter((f) => f.status === 'existing');
    expect(existing).toHaveLength(9);
    const b = vardvalClaims(budgetCentres(existing, ds.healthCentres, 'data'), listing, DEFAULT_VARDVAL_PARAMS);
    expect(b.hosts.map((h) => [h.healthCentreId, h.centreIds])).toEqual([['hc-britsarvet-grycksbo', ['fc-falun-britsarvet']]]);
    const h = b.hosts[0];
    // Modelled listing of Britsarvet-Grycksbo: 1 750,331 children 0–6 and 5 704,725 women 16–54.
    // Claim = 90 × 1 750,3308 + 55 × 5 704,725 = 157 529,77 + 313 759,88 = 471 289,65 kr per year,
    // 471 289,65 / 2 300 000 = 20,5 % of the 2026 pot.
    expect(h.listedChildren).toBeCloseTo(1_750.331, 3);
    expect(h.listedWomen).toBeCloseTo(5_704.725, 3);
    expect(h.claimKr).toBeCloseTo(471_289.65, 2);
    expect(h.claimShareOfPot).toBeCloseTo(0.2049, 4);
    expect([b.unknownClaims, b.totalClaimsKr, b.payoutBlockedBy, h.payoutKr, b.modelled]).toEqual([8, null, 'claims_unknown', null, true]);
    expect(b.centres.filter((c) => c.reason === 'no_host').map((c) => c.centreId)).toEqual([
      'fc-falun-elsborg', 'fc-borlange-sopranen', 'fc-ludvika-villgott', 'fc-mora', 'fc-leksand', 'fc-rattvik', 'fc-gagnef', 'fc-avesta',
    ]);
  });

  it('adding the planned Smedjebacken centre (host from the data) adds its vårdcentral’s claim', () => {
    const existing = ds.familyCentres.filter((f) => f.status === 'existing');
    const planned = ds.familyCentres.filter((f) => f.status === 'existing' || f.id === 'fc-smedjebacken');
    const p = DEFAULT_VARDVAL_PARAMS;
    const c = budgetChange(
      vardvalClaims(budgetCentres(existing, ds.healthCentres, 'data'), listing, p),
      vardvalClaims(budgetCentres(planned, ds.healthCentres, 'data'), listing, p),
      p,
    );
    // hc-smedjebacken: 90 × 506,382 + 55 × 1 687,725 = 45 574,38 + 92 824,88 = 138 399,26 kr;
    // 138 399,26 / 5 000 000 = 2,77 % of the regional plan's 2026 amount.
    expect(c.newHostIds).toEqual(['hc-smedjebacken']);
    expect(c.newHostsClaimKr).toBeCloseTo(138_399.26, 2);
    expect(c.claimsChangeKr).toBeCloseTo(138_399.26, 2); // the eight unknown centres are the same in both sets
    expect(c.regionalPlan.claimsChangeShareOfPlan).toBeCloseTo(0.02768, 5);
    expect([c.totalClaimsAfterKr, c.totalPayoutAfterKr, c.modelled]).toEqual([null, null, true]);
  });

  it('with hosts assumed (at a vårdcentral, else the nearest) every existing centre claims; the claims exceed the pot', () => {
    const existing = ds.familyCentres.filter((f) => f.status === 'existing');
    const centres = budgetCentres(existing, ds.healthCentres, 'nearest');
    expect(centres.map((c) => `${c.id}→${c.hostHealthCentreId} (${c.hostSource})`)).toEqual([
      'fc-falun-elsborg→hc-tisken (at_health_centre)',
      'fc-falun-britsarvet→hc-britsarvet-grycksbo (data)',
      'fc-borlange-sopranen→hc-jakobsgardarna (nearest)',
      'fc-ludvika-villgott→hc-engelbrekt (nearest)',
      'fc-mora→hc-mora (nearest)',
      'fc-leksand→hc-leksand (nearest)',
      'fc-rattvik→hc-rattvik (nearest)',
      'fc-gagnef→hc-gagnef (nearest)',
      'fc-avesta→hc-avesta (nearest)',
    ]);
    const b = vardvalClaims(centres, listing, DEFAULT_VARDVAL_PARAMS);
    // Σ of the nine hosts' claims = 2 468 339,18 kr > 2 300 000 → capped factor 2 300 000 / 2 468 339,18 = 0,931801;
    // Britsarvet-Grycksbo: 471 289,65 × 0,931801 = 439 147,99 kr.
    expect(b.totalClaimsKr).toBeCloseTo(2_468_339.18, 2);
    expect(b.payoutFactor).toBeCloseTo(0.931801, 6);
    expect(b.hosts.find((h) => h.healthCentreId === 'hc-britsarvet-grycksbo')!.payoutKr).toBeCloseTo(439_147.99, 2);
    expect([b.totalPayoutKr, b.unusedPotKr, b.hostsAssumed, b.modelled]).toEqual([2_300_000, 0, true, true]);
    expect(b.unpaidClaimsKr).toBeCloseTo(168_339.18, 2);
    // 2025's pot 2 100 000: factor 2 100 000 / 2 468 339,18 = 0,850774.
    expect(vardvalClaims(centres, listing, { ...DEFAULT_VARDVAL_PARAMS, year: 2025 }).payoutFactor).toBeCloseTo(0.850774, 6);
  });
});
