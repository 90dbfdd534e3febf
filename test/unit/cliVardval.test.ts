import { describe, expect, it } from 'vitest';
import { runCli as run, csvRows } from './cliRun';
import { joinNegativeValues } from '../../src/cli/argv';


/** Swedish number formatting uses no-break spaces; compare with plain ones. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

/** A candidate at Vårdcentral Smedjebacken's town (the planned centre's kommun). */
const SMEDJEBACKEN = { 'c.csv': 'id,name,lat,lon\ncand-smedjebacken,Smedjebacken vårdcentral,60.1403,15.4116\n' };

describe('cli vardval with the defaults of HSN 2026/4486 and the bundled (modelled) listing', async () => {
  const r = await run(['vardval']);
  const rows = csvRows(r.out);

  it('today (existing centres, hosts from the data): one host, Britsarvet-Grycksbo, whose claim is 471 289,65 kr, modelled', () => {
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe(
      'health_centre_id,health_centre,new_host,claim_today_kr,claim_proposal_kr,claim_change_kr,payout_today_kr,payout_proposal_kr,payout_change_kr,pot_share_proposal_pct,figure_basis,unknown_because',
    );
    expect(rows).toHaveLength(2);
    // 90 × 1 750,3308 + 55 × 5 704,725 = 157 529,77 + 313 759,88 = 471 289,65 kr
    expect(rows[0]).toMatchObject({ health_centre_id: 'hc-britsarvet-grycksbo', health_centre: 'Vårdcentral Britsarvet-Grycksbo', new_host: 'nej', claim_today_kr: '471290', claim_proposal_kr: '471290', claim_change_kr: '0', figure_basis: 'modellerat' });
    // eight centres have no host in the data: the total and every payout are unknown, and say why
    expect(rows[1]).toMatchObject({ health_centre_id: '', health_centre: 'Totalt', claim_today_kr: '', payout_today_kr: '', figure_basis: 'modellerat', unknown_because: 'alla familjecentralers anspråk är inte kända, så pottens fördelning är okänd' });
  });

  it('the exact claim in JSON', async () => {
    const j = JSON.parse((await run(['vardval', '--format', 'json'])).out);
    const h = j.today.hosts[0];
    expect(h.childrenKr).toBeCloseTo(157_529.77, 2);
    expect(h.womenKr).toBeCloseTo(313_759.875, 3);
    expect(h.claimKr).toBeCloseTo(471_289.65, 2);
    expect(j.today.unknownClaims).toBe(8);
    expect(j.parameters).toMatchObject({ year: 2026, krPerListedChild: 90, krPerListedWoman: 55, potKrByYear: { 2025: 2_100_000, 2026: 2_300_000 }, potRule: 'capped', krPerCrossVisit: 600, host_rule: 'data' });
  });

  it('states the sets, the host rule, the parameters and the modelled listing in the CSV and on stderr', () => {
    const footer = plain(r.out.split('\n').filter((l) => l.startsWith('# ')).join('\n'));
    for (const text of [
      '# Platser som räknas: I dag: befintliga familjecentraler',
      '# Platser som räknas: Förslaget: i dag + 0 kandidatplatser',
      '# Värdvårdcentral (--host-rule data): vald av planeraren (--host), annars enligt data',
      '90 kr per listat barn 0–6 år och 55 kr per listad kvinna 16–54 år',
      '# Gemensam pott: 2 300 000 kr',
      'Belopp markerade modellerat bygger på modellerad listning',
      'Ersättning per besök på en annan vårdcentrals familjecentral: 600 kr',
    ]) {
      expect(footer).toContain(text);
      expect(plain(r.err)).toContain(text);
    }
  });
});

describe('cli vardval: proposals and parameters', () => {
  it('a candidate hosted by Vårdcentral Smedjebacken adds its claim: 90 × 506,382 + 55 × 1 687,725 = 138 399,26 kr', async () => {
    const r = await run(['vardval', '--candidates', 'c.csv', '--host', 'cand-smedjebacken=hc-smedjebacken'], SMEDJEBACKEN);
    expect(r.code).toBe(0);
    const rows = csvRows(r.out);
    expect(rows.find((x) => x.health_centre_id === 'hc-smedjebacken')).toMatchObject({ new_host: 'ja', claim_today_kr: '0', claim_proposal_kr: '138399', claim_change_kr: '138399', figure_basis: 'modellerat' });
    // the eight centres without host are the same in both sets, so the change is known: 138 399 kr;
    // 138 399,26 / 5 000 000 = 2,77 % of the regional plan's 2026 amount
    expect(rows.find((x) => x.health_centre === 'Totalt')!.claim_change_kr).toBe('138399');
    expect(plain(r.out)).toContain('Nya värdvårdcentraler i förslaget lägger till 138 399 kr');
    expect(plain(r.out)).toContain('ändrade anspråk motsvarar 2,8 % av den');
    expect(r.out).toContain('# Platser som räknas: Förslaget: i dag + 1 kandidatplats');
  });

  it('--host-rule nearest: every existing centre gets a host; claims 2 468 339 kr exceed the 2 300 000 kr pot, so all are scaled (capped)', async () => {
    const rows = csvRows((await run(['vardval', '--host-rule', 'nearest'])).out);
    expect(rows).toHaveLength(10); // 9 hosts + the total
    const total = rows.find((x) => x.health_centre === 'Totalt')!;
    expect(total).toMatchObject({ claim_today_kr: '2468339', payout_today_kr: '2300000', pot_share_proposal_pct: '100.0' });
    // Britsarvet-Grycksbo: 471 289,65 × 2 300 000 / 2 468 339,18 = 439 147,99 kr
    expect(rows.find((x) => x.health_centre_id === 'hc-britsarvet-grycksbo')!.payout_today_kr).toBe('439148');
    // with pot rule shared the same (the claims exceed the pot either way); in 2025 the pot is 2 100 000
    const y2025 = csvRows((await run(['vardval', '--host-rule', 'nearest', '--vardval-year', '2025'])).out);
    expect(y2025.find((x) => x.health_centre === 'Totalt')!.payout_today_kr).toBe('2100000');
  });

  it('changed amounts are used and stated: 100 kr per child gives 100 × 1 750,3308 + 313 759,875 = 488 792,96 kr', async () => {
    const r = await run(['vardval', '--kr-per-child', '100', '--pot', '2027=2400000', '--plan-years', '2026-2027']);
    expect(r.code).toBe(0);
    expect(csvRows(r.out)[0].claim_today_kr).toBe('488793');
    expect(plain(r.out)).toContain('Ändrat från standardvärdena: kr per listat barn 0–6 år 90 kr → 100 kr; potten år 2027 ej angiven → 2 400 000 kr; regionplanens år 2026, 2027, 2028 → 2026, 2027');
  });

  it('a year without a pot is a warning naming the flag; the payouts stay unknown', async () => {
    const r = await run(['vardval', '--vardval-year', '2029', '--host-rule', 'nearest']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('# Varning: --vardval-year: Vårdvalsparametrar: det finns ingen pott angiven för år 2029');
    expect(r.err).toContain('Ange --pot 2029=KR.');
    expect(csvRows(r.out).find((x) => x.health_centre === 'Totalt')).toMatchObject({ claim_today_kr: '2468339', payout_today_kr: '', unknown_because: 'ingen pott angiven för året' });
    expect(r.out).toContain('Regionplanens satsning på familjecentraler gäller inte år 2029');
  });

  it('writes the Swedish dialect', async () => {
    const sv = (await run(['vardval', '--dialect', 'sv'])).out;
    expect(sv.startsWith('\ufeffhealth_centre_id;health_centre;')).toBe(true);
    expect(sv).toContain('hc-britsarvet-grycksbo;Vårdcentral Britsarvet-Grycksbo;nej;471290;');
  });
});

describe('cli vardval: bad input gives a Swedish message naming the flag and exit 2', () => {
  it.each([
    [['vardval', '--kr-per-child', '-5'], '--kr-per-child: Vårdvalsparametrar: kr per listat barn 0–6 år får inte vara negativt, men är -5.'],
    [['vardval', '--pot', '2026=abc'], '--pot: Vårdvalsparametrar: potten år 2026 (kr) ska vara ett tal (kr), men är abc.'],
    [['vardval', '--pot', '2026'], '--pot: "2026" ska vara ÅR=KR'],
    [['vardval', '--pot', 'next=5'], '--pot: Vårdvalsparametrar: potten år next (kr) ska vara ett årtal 2000–2100, men är next.'],
    [['vardval', '--kr-per-woman', 'femtiofem'], '--kr-per-woman: Vårdvalsparametrar: kr per listad kvinna 16–54 år ska vara ett tal (kr), men är femtiofem.'],
    [['vardval', '--kr-per-cross-visit', '-600'], '--kr-per-cross-visit: Vårdvalsparametrar: kr per besök på en annan vårdcentrals familjecentral får inte vara negativt'],
    [['vardval', '--plan-kr', 'x'], '--plan-kr: Vårdvalsparametrar: regionplanens satsning (kr per år) ska vara ett tal (kr), men är x.'],
    [['vardval', '--vardval-year', '20x6'], '--vardval-year: Vårdvalsparametrar: budgetår ska vara ett årtal 2000–2100, men är 20x6.'],
    [['vardval', '--plan-years', '2028-2026'], '--plan-years: "2028-2026" ska vara FRÅN-TILL med FRÅN ≤ TILL'],
    [['vardval', '--pot-rule', 'even'], '--pot-rule: "even" okänt. Förväntat capped eller shared.'],
    [['vardval', '--host-rule', 'closest'], '--host-rule: "closest" okänt. Förväntat data, at_health_centre, nearest.'],
    [['vardval', '--host', 'fc-mora=hc-nowhere'], '"hc-nowhere" är ingen vårdcentral'],
    [['vardval', '--sites', 'today'], '--sites gäller inte vardval'],
    [['vardval', '--flows'], '--flows gäller bara catchments.'],
    [['coverage', '--kr-per-child', '90'], '--kr-per-child gäller bara vardval.'],
    [['vardval', '--kr-per-child'], '--kr-per-child: värde saknas.'],
  ])('%j', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.out).toBe('');
  });

  it('both errors at once, one line each', async () => {
    const r = await run(['vardval', '--kr-per-child', '-5', '--pot', '2026=abc']);
    expect(r.code).toBe(2);
    expect(r.err.split('\n').slice(0, 2)).toEqual([
      '--kr-per-child: Vårdvalsparametrar: kr per listat barn 0–6 år får inte vara negativt, men är -5.',
      '--pot: Vårdvalsparametrar: potten år 2026 (kr) ska vara ett tal (kr), men är abc.',
    ]);
  });

  it('a negative number after a flag is its value (not a flag), other arguments are left alone', () => {
    const flags = new Set(['kr-per-child', 'threshold']);
    expect(joinNegativeValues(['vardval', '--kr-per-child', '-5', '--threshold', '-1,5', '--assumptions', '-h'], flags)).toEqual(['vardval', '--kr-per-child=-5', '--threshold=-1,5', '--assumptions', '-h']);
    expect(joinNegativeValues(['--kr-per-child', '--format', 'json'], flags)).toEqual(['--kr-per-child', '--format', 'json']);
  });
});
