import { describe, expect, it } from 'vitest';
import { budgetChange } from '../../src/domain/budget/change';
import { vardvalClaims, type VcListing } from '../../src/domain/budget/claims';
import { crossVisitCompensation } from '../../src/domain/budget/crossVisits';
import type { BudgetCentre } from '../../src/domain/budget/hosts';
import { DEFAULT_VARDVAL_PARAMS } from '../../src/domain/budget/params';
import { vardvalCsv } from '../../src/io/vardvalCsv';

/** hc-a: 90 × 100 + 55 × 200 = 20 000 kr (modelled); hc-d: 90 × 300 + 55 × 600 = 60 000 kr (imported). */
const listing = new Map<string, VcListing>([
  ['hc-a', { children_0_6: 100, women_16_54: 200, source: 'modelled', year: 2025 }],
  ['hc-d', { children_0_6: 300, women_16_54: 600, source: 'imported', year: 2025 }],
]);
const centre = (id: string, host: string | null): BudgetCentre => ({ id, name: `FC ${id}`, hostHealthCentreId: host, hostSource: host ? 'data' : null });
const names = new Map([['hc-a', 'Vårdcentral A'], ['hc-d', 'Vårdcentral D']]);

describe('vårdval CSV', () => {
  it('one row per host and a total, kr per year, modelled rows marked, the stated lines after the data', () => {
    const p = { ...DEFAULT_VARDVAL_PARAMS, potKrByYear: { 2026: 70_000 } };
    const today = vardvalClaims([centre('fc1', 'hc-a')], listing, p);
    const proposal = vardvalClaims([centre('fc1', 'hc-a'), centre('k1', 'hc-d')], listing, p);
    const change = budgetChange(today, proposal, p);
    const cross = crossVisitCompensation([{ payerHealthCentreId: 'hc-d', hostHealthCentreId: 'hc-a', visits: 4 }], p.krPerCrossVisit);
    const lines = vardvalCsv(change, today, proposal, p, cross, names, 'std').trimEnd().split('\n');
    // Proposal 80 000 > pot 70 000 → factor 0,875: hc-a 17 500 (−2 500), hc-d 52 500; shares 25 % and 75 %.
    expect(lines.slice(0, 4)).toEqual([
      'health_centre_id,health_centre,new_host,claim_today_kr,claim_proposal_kr,claim_change_kr,payout_today_kr,payout_proposal_kr,payout_change_kr,pot_share_proposal_pct,figure_basis,unknown_because',
      'hc-a,Vårdcentral A,nej,20000,20000,0,20000,17500,-2500,25.0,modellerat,',
      'hc-d,Vårdcentral D,ja,0,60000,60000,0,52500,52500,75.0,importerad listning,',
      ',Totalt,,20000,80000,60000,20000,70000,50000,100.0,modellerat,',
    ]);
    const footer = lines.slice(4).join('\n').replace(/\u00a0/g, ' ');
    expect(footer).toContain('# Vårdvalets tilläggsuppdrag familjecentral år 2026: 90 kr per listat barn 0–6 år och 55 kr per listad kvinna 16–54 år');
    expect(footer).toContain('# Gemensam pott: 70 000 kr');
    expect(footer).toContain('Nya värdvårdcentraler i förslaget lägger till 60 000 kr; anspråk över potten i förslaget: 10 000 kr');
    expect(footer).toContain('ändrade anspråk motsvarar 1,2 % av den'); // 60 000 / 5 000 000
    expect(footer).toContain('(antagande): 4 besök × 600 kr = 2 400 kr');
    expect(footer).toContain('modellerad listning');
  });

  it('unknown claims stay empty with the reason in words', () => {
    const p = DEFAULT_VARDVAL_PARAMS;
    const today = vardvalClaims([centre('fc1', 'hc-a'), centre('fc2', null)], listing, p);
    const proposal = vardvalClaims([centre('fc1', 'hc-a'), centre('fc2', null), centre('k1', 'hc-zz')], listing, p);
    const csv = vardvalCsv(budgetChange(today, proposal, p), today, proposal, p, null, names, 'sv');
    const rows = csv.replace('\ufeff', '').split('\r\n');
    expect(rows[2]).toBe('hc-zz;hc-zz;ja;0;;;0;;;;;värdvårdcentralen saknar listning');
    expect(rows[3]).toBe(';Totalt;;;;;;;;;modellerat;alla familjecentralers anspråk är inte kända, så pottens fördelning är okänd');
    expect(csv).toContain('# Familjecentraler utan känd värdvårdcentral (anspråk okänt): FC fc2');
  });
});
