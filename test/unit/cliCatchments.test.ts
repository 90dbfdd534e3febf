import { describe, expect, it } from 'vitest';
import { runCli as run, csvRows } from './cliRun';
import { analyseSiteSets, analysisInput } from '../../src/domain/analysis';
import { catchments } from '../../src/domain/catchments/catchments';
import { catchmentSites } from '../../src/domain/catchments/siteKind';
import { buildDataset } from '../../src/domain/dataset';
import { needInputs } from '../../src/domain/need/demand';
import { roadGraph } from '../../src/domain/network/graph';
import { NetworkRouter } from '../../src/domain/network/router';
import { DEFAULT_PARAMS } from '../../src/domain/scenario';
import { kommunRefs } from '../../src/domain/views';
import { readRawInputs } from '../../src/cli/rawInputs';

const ds = buildDataset(readRawInputs());
const modelled = (id: string) => ds.listingModelled.find((l) => l.health_centre_id === id)!.children_0_6;


const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
/** Swedish number formatting uses no-break spaces; compare with plain ones. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('cli catchments (per site)', async () => {
  const r = await run(['catchments']);
  const rows = csvRows(r.out);
  const mora = rows.find((x) => x.site_id === 'fc-mora')!;

  it('writes one row per site of today (9 existing centres) and one of the unreachable children', () => {
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('site_set,site_id,name,kind,kommun_code,children_0_6,children_ot_1_2,share_ot_1_2,mean_minutes,primary_deso_count,by_kommun');
    expect(rows).toHaveLength(10);
    expect(rows.every((x) => x.site_set === 'today')).toBe(true);
    expect(rows.slice(0, 9).every((x) => x.kind === 'existing')).toBe(true);
    expect(rows[9]).toMatchObject({ site_id: '', kind: 'unreachable', name: 'Ingen plats nåbar' });
    // sorted by children, descending
    const children = rows.slice(0, 9).map((x) => Number(x.children_0_6));
    expect(children).toEqual([...children].sort((a, b) => b - a));
  });

  it("Mora's catchment: its own kommun first, then Malung-Sälen, Orsa and Älvdalen (which have no centre)", () => {
    expect(mora).toMatchObject({ name: 'Familjens hus i Mora', kommun_code: '2062' });
    expect(mora.by_kommun.startsWith('2062:1178.7;2023:572.0;2034:418.4;2039:336.9')).toBe(true);
    // the compact list adds up to the catchment: 1178,7 + 572,0 + 418,4 + 336,9 + 1,3 + 0,3 = 2 507,6
    const parts = mora.by_kommun.split(';').map((p) => Number(p.split(':')[1]));
    expect(sum(parts)).toBeCloseTo(Number(mora.children_0_6), 1);
    expect(mora.children_0_6).toBe('2507.6');
  });

  it('children over all catchments + unreachable = the county’s children (18 890,3 in 2025, as coverage says)', async () => {
    expect(sum(rows.map((x) => Number(x.children_0_6)))).toBeCloseTo(18_890.3, 0);
    const j = JSON.parse((await run(['catchments', '--format', 'json'])).out);
    const cov = JSON.parse((await run(['coverage', '--format', 'json'])).out);
    const county = cov.kommuner.find((k: { kommun_code: string }) => k.kommun_code === '20').children_0_6;
    // 18 890,312 (dataset test: Sprague over the county's bands)
    expect(county).toBeCloseTo(18_890.312, 3);
    expect(sum(j.centres.map((c: { children_0_6: number }) => c.children_0_6)) + j.unreachable.children_0_6).toBeCloseTo(county, 2);
    expect(j.total_children).toBeCloseTo(county, 2);
  });

  it('the same sum for 2030 (SCB projection): catchments + unreachable = coverage’s county children of 2030', async () => {
    const j = JSON.parse((await run(['catchments', '--year', '2030', '--format', 'json'])).out);
    const cov = JSON.parse((await run(['coverage', '--year', '2030', '--format', 'json'])).out);
    const county = cov.kommuner.find((k: { kommun_code: string }) => k.kommun_code === '20').children_0_6;
    expect(Math.abs(county - 18_890.312)).toBeGreaterThan(10); // a different year, not the 2025 estimate again
    expect(sum(j.centres.map((c: { children_0_6: number }) => c.children_0_6)) + j.unreachable.children_0_6).toBeCloseTo(county, 2);
  });

  it('gives the figures of the domain functions the app calls on the same analysis (catchments on the nearest-site assignment)', async () => {
    const data = { demand: ds.demand, familyCentres: ds.familyCentres, kommuner: kommunRefs(ds.kommuner), router: new NetworkRouter(roadGraph(ds.roadGraph)), need: needInputs(ds.need, ds.kommuner.features.map((f) => f.properties)) };
    const input = analysisInput(data, { params: DEFAULT_PARAMS, candidates: [], matrix: null });
    const set = analyseSiteSets(input).today;
    const direct = catchments({ units: input.demand, nearest: set.coverage.assignment.nearest, minutes: set.coverage.assignment.minutes, sites: catchmentSites(set.sites), omradestypYear: 2023 });
    const j = JSON.parse((await run(['catchments', '--format', 'json'])).out);
    expect(j.centres.map((c: { site_id: string }) => c.site_id)).toEqual(direct.centres.map((c) => c.site_id));
    j.centres.forEach((c: { children_0_6: number; mean_minutes: number; primary_deso_count: number }, i: number) => {
      expect(c.children_0_6).toBeCloseTo(direct.centres[i].children_0_6, 3);
      expect(c.mean_minutes).toBeCloseTo(direct.centres[i].mean_minutes!, 3);
      expect(c.primary_deso_count).toBe(direct.centres[i].primary_deso_count);
    });
  });

  it('with candidates, both sets: the proposal has the three candidates as kind candidate', async () => {
    const both = csvRows((await run(['catchments', '--candidates', 'test/fixtures/candidates-wgs84.csv'])).out);
    expect(both.filter((x) => x.site_set === 'today')).toHaveLength(10);
    const proposal = both.filter((x) => x.site_set === 'proposal');
    expect(proposal).toHaveLength(13);
    expect(proposal.filter((x) => x.kind === 'candidate').map((x) => x.site_id).sort()).toEqual(['cand-alvdalen', 'cand-hedemora', 'cand-sater']);
    // every child is still counted once in each set
    for (const set of ['today', 'proposal']) expect(sum(both.filter((x) => x.site_set === set).map((x) => Number(x.children_0_6)))).toBeCloseTo(18_890.3, 0);
  });

  it('writes the Swedish dialect: semicolons, decimal comma inside the compact list too', async () => {
    const sv = (await run(['catchments', '--dialect', 'sv'])).out;
    expect(sv.startsWith('\ufeffsite_set;site_id;')).toBe(true);
    expect(sv).toContain('"2062:1178,7;2023:572,0;2034:418,4;2039:336,9');
  });

  it('states what a catchment is and the totals on stderr, and in the CSV only with --assumptions', async () => {
    expect(r.err).toContain('# Platser som räknas: I dag: befintliga familjecentraler');
    expect(r.err).toContain('# Upptagningsområde: de barn 0–6 år som har platsen som närmaste plats');
    expect(plain(r.err)).toContain('I dag: befintliga familjecentraler – barn 0–6 år 2025: 18 890,3 i länet, varav 18 890,3 i upptagningsområdena och 0,0 utan nåbar plats');
    expect(r.out).not.toContain('#');
    expect((await run(['catchments', '--assumptions'])).out).toContain('# Upptagningsområde:');
  });
});

describe('cli catchments --flows', async () => {
  const r = await run(['catchments', '--flows']);
  const rows = csvRows(r.out);
  const k = (code: string) => rows.find((x) => x.kommun_code === code)!;

  it('has the kommun columns, then one column per site of the set', () => {
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe(
      'site_set,kommun_code,kommun_name,children_0_6,own_children,across_children,unknown_kommun_children,unreachable_children,across_share,flag,reasons,relied_on,' +
        'fc-avesta,fc-borlange-sopranen,fc-falun-britsarvet,fc-falun-elsborg,fc-gagnef,fc-leksand,fc-ludvika-villgott,fc-mora,fc-rattvik',
    );
    expect(rows).toHaveLength(16); // 15 kommuner + the county
  });

  it.each([
    ['2023', 'Malung-Sälen', '572.0'],
    ['2034', 'Orsa', '418.4'],
    ['2039', 'Älvdalen', '336.9'],
  ])("today, Mora's centre is the nearest for the children of %s (%s): relies on a neighbour, relied_on names Familjens hus i Mora", (code, name, atMora) => {
    const row = k(code);
    expect(row.kommun_name).toBe(name);
    expect(row.flag).toBe('relies_on_neighbour');
    expect(row.reasons).toBe('no_own_centre|most_across');
    expect(row.relied_on.startsWith('Familjens hus i Mora (fc-mora) ')).toBe(true);
    expect(row['fc-mora']).toBe(atMora);
    expect(row.own_children).toBe('0.0');
    expect(row.across_share).toBe('1.0000');
  });

  it('Gagnef is partly across: 220,2 of 768,5 children (28,65 %) have a centre of another kommun nearest', () => {
    // 112,5 to Sopranen (Borlänge) + 107,2 to Leksand + 0,4 to VillGott (Ludvika) = 220,1 ≈ 220,2 (unrounded sum)
    expect(k('2026')).toMatchObject({ flag: 'partly', reasons: 'share_across', own_children: '548.3', across_children: '220.2', across_share: '0.2865' });
  });

  it('every row adds up (own + across + unknown + unreachable = children), and the county row’s site cells are the catchments', async () => {
    for (const row of rows) {
      expect(Number(row.own_children) + Number(row.across_children) + Number(row.unknown_kommun_children) + Number(row.unreachable_children)).toBeCloseTo(Number(row.children_0_6), 0);
    }
    const county = k('20');
    expect(county.kommun_name).toBe('Dalarnas län');
    expect(county.children_0_6).toBe('18890.3');
    const perSite = csvRows((await run(['catchments'])).out);
    for (const s of perSite.filter((x) => x.site_id)) expect(county[s.site_id]).toBe(s.children_0_6);
  });

  it('JSON carries the flag words and the flow diagram', async () => {
    const j = JSON.parse((await run(['catchments', '--flows', '--format', 'json'])).out);
    const malung = j.kommuner.find((x: { kommun_code: string }) => x.kommun_code === '2023');
    expect(malung.flag_text).toBe('Förlitar sig på grannkommun');
    expect(malung.reasons_text.map(plain)).toEqual(['ingen plats i kommunen', 'mer än 50 % av barnen har närmast till en annan kommuns plats']);
    const link = j.diagram.links.find((l: { kommun_code: string; site_id: string }) => l.kommun_code === '2023' && l.site_id === 'fc-mora');
    expect(link.across).toBe(true);
    expect(link.children_0_6).toBeCloseTo(572.05, 1);
  });
});

describe('cli catchments --belonging', async () => {
  const r = await run(['catchments', '--belonging']);
  const rows = csvRows(r.out);
  const county = rows.find((x) => x.kommun_code === '20')!;

  it('county: 1 750,3 of 18 266 listed children (≈ 9,58 %) are at a hosting vårdcentral, labelled modelled', () => {
    expect(r.code).toBe(0);
    // Only Britsarvet is tied to a VC in the data: Britsarvet-Grycksbo's modelled listing 1 750,3308 / 18 266 = 0,0958245 → 0.0958
    expect(county).toMatchObject({ listed_children: '18266.0', children_at_hosts: '1750.3', share: '0.0958', health_centres: '29', hosts: 'Vårdcentral Britsarvet-Grycksbo', modelled: 'ja', listing: 'modellerad' });
    expect(modelled('hc-britsarvet-grycksbo') / 18_266).toBeCloseTo(0.095825, 6);
    expect(r.err).toContain('# Listning: modellerad');
    expect(r.err).toContain('alla andelar är modellerade');
  });

  it('per kommun: Falun 1 750,3 / 4 137,4 = 42,31 %; Säter has no vårdcentral and so no share', () => {
    const falun = rows.find((x) => x.kommun_code === '2080')!;
    expect(falun).toMatchObject({ children_at_hosts: '1750.3', listed_children: '4137.4', share: '0.4231', health_centres: '5' });
    expect(rows.find((x) => x.kommun_code === '2082')).toMatchObject({ share: '', health_centres: '0', listing: 'saknas' });
    expect(rows).toHaveLength(16);
  });

  it('--host adds a host; a branch site counts as its merged vårdcentral and says so', async () => {
    const j = JSON.parse((await run(['catchments', '--belonging', '--host', 'fc-mora=hc-mora', '--host', 'fc-falun-elsborg=site-grycksbo', '--format', 'json'])).out);
    // (1 750,3308 + 1 059,4623) / 18 266 = 2 809,7931 / 18 266 = 0,15383
    expect(j.county.children_at_hosts).toBeCloseTo(modelled('hc-britsarvet-grycksbo') + modelled('hc-mora'), 3);
    expect(j.county.children_at_hosts).toBeCloseTo(2_809.7931, 3);
    expect(j.county.share).toBeCloseTo(0.1538, 4);
    expect(j.hosts.find((h: { health_centre_id: string }) => h.health_centre_id === 'hc-britsarvet-grycksbo').centre_ids).toEqual(['fc-falun-britsarvet', 'fc-falun-elsborg']);
    expect(j.modelled).toBe(true);
    const err = (await run(['catchments', '--belonging', '--host', 'fc-falun-elsborg=site-grycksbo'])).err;
    expect(err).toContain('"site-grycksbo" är en filial och räknas som hc-britsarvet-grycksbo');
  });

  it('an imported listing for Orsa makes its row imported and the county mixed', async () => {
    const l = 'health_centre_id;year;children_0_6\nhc-orsa;2025;500\n';
    const rr = await run(['catchments', '--belonging', '--include', 'existing,family_unit', '--listing', 'l.csv'], { 'l.csv': l });
    const rs = csvRows(rr.out);
    // Orsa's family unit is hosted by Vårdcentral Orsa (data): 500 / 500 = 1
    expect(rs.find((x) => x.kommun_code === '2034')).toMatchObject({ listed_children: '500.0', children_at_hosts: '500.0', share: '1.0000', modelled: 'nej', listing: 'importerad' });
    const c = rs.find((x) => x.kommun_code === '20')!;
    // county: 18 266 − 544,7305 (Orsa modelled) + 500 = 18 221,27; at hosts 1 750,3308 + 500 = 2 250,33
    expect(Number(c.listed_children)).toBeCloseTo(18_266 - modelled('hc-orsa') + 500, 1);
    expect(Number(c.listed_children)).toBeCloseTo(18_221.3, 1);
    expect(Number(c.children_at_hosts)).toBeCloseTo(2_250.3, 1);
    expect(c).toMatchObject({ listing: 'blandad', modelled: 'ja' });
    expect(rr.err).toContain('Listning: importerad (l.csv) för 1 vårdcentraler');
  });
});

describe('cli catchments: wrong use', () => {
  it.each([
    [['catchments', '--flows', '--belonging'], '--flows och --belonging ger olika tabeller'],
    [['catchments', '--host', 'fc-mora=hc-mora'], '--host gäller catchments --belonging'],
    [['catchments', '--belonging', '--host', 'fc-mora'], '--host: "fc-mora" ska vara PLATS=VÅRDCENTRAL'],
    [['catchments', '--belonging', '--host', 'fc-nowhere=hc-mora'], 'platsen "fc-nowhere" finns varken bland familjecentralerna eller kandidaterna'],
    [['catchments', '--belonging', '--host', 'fc-mora=hc-grycksbo'], '"hc-grycksbo" är ingen vårdcentral. Förväntat ett id ur health-centres.csv (t.ex. hc-mora); menar du hc-britsarvet-grycksbo?'],
    [['coverage', '--flows'], '--flows gäller bara catchments.'],
    [['catchments', '--pot', '2026=1'], '--pot gäller bara vardval.'],
    [['catchments', '--flow'], 'Okänd flagga: --flow.'],
  ])('%j → exit 2 and a Swedish message', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.out).toBe('');
  });
});
