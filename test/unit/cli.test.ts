import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { runCli, type CliIO } from '../../src/cli/main';
import { buildDataset } from '../../src/domain/dataset';
import { readRawInputs } from '../../src/cli/rawInputs';

const ds = buildDataset(readRawInputs());

/** Runs the CLI with in-memory files; real fixture files are read from test/fixtures. */
function run(args: string[], files: Record<string, string | Uint8Array> = {}) {
  let out = '';
  let err = '';
  const io: CliIO = {
    out: (s) => (out += s),
    err: (s) => (err += s),
    readFile: (p) => {
      if (p in files) {
        const f = files[p];
        return typeof f === 'string' ? new TextEncoder().encode(f) : f;
      }
      return new Uint8Array(readFileSync(p));
    },
  };
  const code = runCli(args, io);
  return { code, out, err };
}

const csvRows = (text: string) =>
  Papa.parse<Record<string, string>>(text.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true, comments: '#', delimiter: text.includes(';') ? ';' : ',' }).data;

const HEADER =
  'site_set,kommun_code,kommun_name,children_0_6,covered_children,coverage_pct,mean_minutes,median_minutes,children_over_30_min,children_lt_5_min,children_5_10_min,children_10_30_min,unreachable_children,centres_existing,centres_planned,centres_intent,centres_family_unit,candidates,flags';

describe('cli coverage', () => {
  const std = run(['coverage']);
  const rows = csvRows(std.out);
  it('writes one row per kommun and a county row 20, with the documented columns', () => {
    expect(std.code).toBe(0);
    expect(std.out.split('\n')[0]).toBe(HEADER);
    expect(rows).toHaveLength(16);
    expect(rows[15].kommun_code).toBe('20');
    expect(rows[15].kommun_name).toBe('Dalarnas län');
    expect(rows[15].children_0_6).toBe('18890.3');
    expect(rows[15].centres_existing).toBe('9');
    expect(rows.slice(0, 15).reduce((s, r) => s + Number(r.centres_existing), 0)).toBe(9);
  });
  it('flags kommuner without a centre, with the reason codes', () => {
    const vansbro = rows.find((r) => r.kommun_name === 'Vansbro')!;
    // Today with nothing switched on: Vansbro's letter of intent does not count.
    expect(vansbro.flags.split('|')).toContain('no_centre');
    expect(rows.find((r) => r.kommun_name === 'Borlänge')!.flags.split('|')).not.toContain('no_centre');
    // 15 kommuner, 9 existing centres in 8 of them: 7 without (HSN 2026/4486)
    expect(rows.filter((r) => r.kommun_code !== '20' && r.flags.includes('no_centre')).map((r) => r.kommun_name).sort()).toEqual(
      ['Hedemora', 'Malung-Sälen', 'Orsa', 'Smedjebacken', 'Säter', 'Vansbro', 'Älvdalen'],
    );
    expect(rows.every((r) => r.site_set === 'today')).toBe(true);
    // With planned and intent switched on they count, flagged as such.
    const all = csvRows(run(['coverage', '--include', 'existing,planned,intent']).out);
    expect(all.find((r) => r.kommun_name === 'Vansbro')!.flags.split('|')).toContain('only_planned_or_intent');
    expect(all.find((r) => r.kommun_name === 'Smedjebacken')!.flags.split('|')).toContain('only_planned_or_intent');
  });
  it('states its assumptions on stderr (and in the CSV only when asked)', () => {
    expect(std.err).toContain('# Platser som räknas: I dag: befintliga familjecentraler');
    expect(std.err).toContain('# Tröskel: 20 min');
    expect(std.err).toContain('# Restidsmodell: Vägnät (Trafikverkets nationella vägar och Dalatrafiks bussvägar');
    expect(std.out).not.toContain('#');
    expect(run(['coverage', '--assumptions']).out).toContain('# Tröskel: 20 min');
  });
  it('writes the Swedish Excel dialect: BOM, semicolon, decimal comma, CRLF', () => {
    const sv = run(['coverage', '--dialect', 'sv']);
    expect(sv.out.startsWith('\ufeffsite_set;kommun_code;kommun_name;')).toBe(true);
    expect(sv.out).toContain('\r\ntoday;20;Dalarnas län;18890,3;');
    // the same numbers as the standard dialect
    const svRows = csvRows(sv.out);
    expect(svRows[15].coverage_pct.replace(',', '.')).toBe(rows[15].coverage_pct);
  });
  it('JSON has parameters, kommuner, demand and sites that agree with the CSV', () => {
    const j = JSON.parse(run(['coverage', '--format', 'json', '--demand', 'deso']).out);
    expect(Object.keys(j)).toEqual(['parameters', 'site_set', 'site_set_label', 'kommuner', 'demand', 'sites', 'omradestyp']);
    expect(j.parameters.site_set).toBe('today');
    expect(j.site_set_label).toBe('I dag: befintliga familjecentraler');
    expect(j.omradestyp.map((o: { omradestyp: number }) => o.omradestyp)).toEqual([1, 2, 3, 4, 5]);
    const otChildren = j.omradestyp.reduce((s: number, o: { children_0_6: number }) => s + o.children_0_6, 0);
    expect(otChildren).toBeCloseTo(18_890.312, 1);
    expect(j.parameters.thresholdMinutes).toBe(20);
    expect(j.parameters.demand).toBe('deso');
    expect(j.demand).toHaveLength(175);
    expect(Object.keys(j.demand[0])).toEqual(['id', 'deso_code', 'kommun_code', 'omradestyp', 'lon', 'lat', 'children_0_6', 'nearest_site_id', 'minutes', 'km', 'covered', 'need_index', 'need_weight']);
    expect(j.sites).toHaveLength(9);
    expect(j.sites.every((s: { status: string }) => s.status === 'existing')).toBe(true);
    const covered = j.demand.filter((d: { covered: boolean }) => d.covered).reduce((s: number, d: { children_0_6: number }) => s + d.children_0_6, 0);
    const total = j.kommuner.find((k: { kommun_code: string }) => k.kommun_code === '20');
    expect(covered).toBeCloseTo(total.covered_children, 1);
    // minutes are rounded to 3 decimals in JSON: a covered unit shows ≤ 20, an uncovered one ≥ 20
    for (const d of j.demand) expect(d.covered ? d.minutes <= 20 : d.minutes === null || d.minutes >= 20).toBe(true);
  });
  it('grid and DeSO demand carry the same children per kommun', () => {
    const g = csvRows(run(['coverage', '--demand', 'grid']).out);
    const d = csvRows(run(['coverage', '--demand', 'deso']).out);
    expect(g.map((r) => r.children_0_6)).toEqual(d.map((r) => r.children_0_6));
  });
  it('a threshold of 0 covers nobody (the road model adds 2 minutes at the ends)', () => {
    const zero = csvRows(run(['coverage', '--threshold', '0']).out);
    expect(zero[15].covered_children).toBe('0.0');
  });
  it('including planned centres adds Smedjebacken and raises its coverage', () => {
    const withPlanned = csvRows(run(['coverage', '--include', 'existing,planned']).out);
    const before = Number(rows.find((r) => r.kommun_code === '2061')!.coverage_pct);
    const after = withPlanned.find((r) => r.kommun_code === '2061')!;
    expect(Number(after.coverage_pct)).toBeGreaterThan(before + 30);
  });
  it('straight-line travel at a given speed', () => {
    const j = JSON.parse(run(['coverage', '--travel', 'straight', '--speed', '60', '--format', 'json', '--demand', 'deso']).out);
    // at 60 km/h minutes = km
    for (const d of j.demand.slice(0, 20)) expect(d.minutes).toBeCloseTo(d.km, 2);
  });
  it('with candidates, today and the proposal come as two labelled sets; today ignores the candidates', () => {
    const both = run(['coverage', '--candidates', 'test/fixtures/candidates-wgs84.csv']);
    const c = csvRows(both.out);
    expect(c).toHaveLength(32);
    expect(c.slice(0, 16).every((r) => r.site_set === 'today')).toBe(true);
    expect(c.slice(16).every((r) => r.site_set === 'proposal')).toBe(true);
    // today is exactly the run without candidates
    expect(c.slice(0, 16)).toEqual(rows);
    const proposal = c.slice(16);
    const alv = proposal.find((r) => r.kommun_code === '2039')!;
    expect(alv.candidates).toBe('1');
    expect(Number(alv.coverage_pct)).toBeGreaterThan(Number(rows.find((r) => r.kommun_code === '2039')!.coverage_pct));
    // A candidate in Älvdalen gives it a familjecentral in the proposal.
    expect(alv.flags.split('|')).not.toContain('no_centre');
    expect(proposal[15].candidates).toBe('3');
    expect(both.err).toContain('# Platser som räknas: I dag: befintliga familjecentraler');
    expect(both.err).toContain('# Platser som räknas: Förslaget: i dag + 3 kandidatplatser');
    // --sites picks one set; the rows are the same as in the stacked file
    expect(csvRows(run(['coverage', '--candidates', 'test/fixtures/candidates-wgs84.csv', '--sites', 'proposal']).out)).toEqual(proposal);
    expect(csvRows(run(['coverage', '--candidates', 'test/fixtures/candidates-wgs84.csv', '--sites', 'today']).out)).toEqual(rows);
    expect(run(['coverage', '--sites', 'tomorrow']).code).toBe(2);
  });
  it('JSON with both sets has one block per set', () => {
    const j = JSON.parse(run(['coverage', '--candidates', 'test/fixtures/candidates-wgs84.csv', '--format', 'json', '--demand', 'deso']).out);
    expect(Object.keys(j)).toEqual(['parameters', 'today', 'proposal']);
    expect(j.parameters.site_set).toBe('both');
    expect(j.today.sites).toHaveLength(9);
    expect(j.proposal.sites).toHaveLength(12);
    expect(j.proposal.site_set_label).toBe('Förslaget: i dag + 3 kandidatplatser');
  });
});

describe('cli model parameters', () => {
  it('road parameters change the minutes as the formula says', () => {
    // k = 1 everywhere, one speed of 60 km/h, no terminal time: minutes = great-circle km
    const j = JSON.parse(run(['coverage', '--demand', 'deso', '--format', 'json', '--travel', 'road', '--circuity', '1,1,1', '--road-speeds', '60,60', '--terminal', '0']).out);
    const s = JSON.parse(run(['coverage', '--demand', 'deso', '--format', 'json', '--travel', 'straight', '--speed', '60']).out);
    expect(j.parameters.travel).toMatchObject({ kind: 'road', circuityBelow10: 1, urbanSpeedKmh: 60, ruralSpeedKmh: 60, terminalMinutes: 0 });
    for (let i = 0; i < 175; i += 17) expect(j.demand[i].minutes).toBeCloseTo(s.demand[i].minutes, 2);
  });
  it('deprivation and criterion weights reach the scores', () => {
    const base = JSON.parse(run(['score', '--candidates', 'test/fixtures/candidates-wgs84.csv', '--format', 'json']).out).candidates;
    const flat = JSON.parse(run(['score', '--candidates', 'test/fixtures/candidates-wgs84.csv', '--format', 'json', '--deprivation-weights', '1,1,1,1,1', '--weights', 'reach=1,newReach=0,deprivation=0,travel=0,transit=0']).out);
    expect(flat.parameters.criterionWeights).toEqual({ reach: 1, newReach: 0, deprivation: 0, travel: 0, transit: 0 });
    for (const c of flat.candidates) {
      // with weight 1 for every type, the weighted new reach is the new reach
      expect(c.deprivation_weighted_new_reach).toBeCloseTo(c.new_reach_children, 9);
      expect(c.composite).toBeCloseTo(c.criteria.reach, 12);
    }
    expect(base.map((c: { id: string }) => c.id).sort()).toEqual(flat.candidates.map((c: { id: string }) => c.id).sort());
  });
  it('rejects malformed parameter lists', () => {
    expect(run(['coverage', '--circuity', '1.4,1.33']).code).toBe(2);
    expect(run(['coverage', '--circuity', '0.5,1,1']).code).toBe(2);
    expect(run(['coverage', '--travel', 'straight', '--terminal', '2']).code).toBe(2);
    expect(run(['coverage', '--circuity', '1.4,1.33,1.28']).code).toBe(2); // a road flag without --travel road
    expect(run(['coverage', '--travel', 'road', '--speed-factor', '0.9']).code).toBe(2);
    expect(run(['coverage', '--speed-factor', '2']).code).toBe(2);
    expect(run(['score', '--candidates', 'test/fixtures/candidates-wgs84.csv', '--weights', 'beauty=1']).code).toBe(2);
    expect(run(['coverage', '--deprivation-weights', '2,1.5,1,0.75']).code).toBe(2);
  });
});

describe('cli coverage with an imported matrix', () => {
  const deso = ds.demand.deso.map((u) => u.id);
  const existing = ds.familyCentres.filter((f) => f.status === 'existing').map((f) => f.id);
  it('uses the matrix minutes: all 12 min gives full coverage, mean and median 12', () => {
    const csv = ['origin_id,destination_id,minutes', ...deso.flatMap((o) => existing.map((d) => `${o},${d},12`))].join('\n');
    const r = run(['coverage', '--travel', 'matrix:m.csv', '--demand', 'deso'], { 'm.csv': csv });
    expect(r.code).toBe(0);
    const total = csvRows(r.out)[15];
    expect(total.coverage_pct).toBe('100.0');
    expect(total.mean_minutes).toBe('12.0');
    expect(total.median_minutes).toBe('12.0');
  });
  it('reports missing pairs and never fills them in', () => {
    const first = deso[0];
    const csv = ['origin_id,destination_id,minutes', ...deso.filter((o) => o !== first).flatMap((o) => existing.map((d) => `${o},${d},25`))].join('\n');
    const r = run(['coverage', '--travel', 'matrix:m.csv', '--demand', 'deso', '--format', 'json'], { 'm.csv': csv });
    expect(r.code).toBe(0);
    expect(r.err).toContain(first);
    const j = JSON.parse(r.out);
    const u = j.demand.find((d: { id: string }) => d.id === first);
    expect(u).toMatchObject({ nearest_site_id: null, minutes: null, covered: false });
    const total = j.kommuner.find((k: { kommun_code: string }) => k.kommun_code === '20');
    expect(total.unreachable_children).toBeCloseTo(ds.demand.deso[0].children_0_6, 2);
    expect(total.covered_children).toBe(0);
  });
});

describe('cli score', () => {
  it('ranks candidates with every criterion and the composite', () => {
    const r = run(['score', '--candidates', 'test/fixtures/candidates-wgs84.csv']);
    expect(r.code).toBe(0);
    const rows = csvRows(r.out);
    expect(rows.map((x) => x.rank)).toEqual(['1', '2', '3']);
    const composites = rows.map((x) => Number(x.composite));
    expect([...composites].sort((a, b) => b - a)).toEqual(composites);
    for (const k of ['reach_children', 'new_reach_children', 'deprivation_weighted_new_reach', 'mean_minutes_reduction', 'transit_walk_m', 'criterion_reach', 'contribution_transit']) {
      expect(Object.keys(rows[0])).toContain(k);
    }
    const sum = (x: Record<string, string>) => ['reach', 'newReach', 'deprivation', 'travel', 'transit'].reduce((s, k) => s + Number(x[`contribution_${k}`]), 0);
    for (const x of rows) expect(sum(x)).toBeCloseTo(Number(x.composite), 3);
  });
  it('reads SWEREF 99 TM candidates in the Swedish dialect and gives the same scores as WGS84', () => {
    const sw = JSON.parse(run(['score', '--candidates', 'test/fixtures/candidates-sweref-sv.csv', '--format', 'json']).out);
    expect(sw.candidates.map((c: { id: string }) => c.id).sort()).toEqual(['c-hedemora', 'c-sater']);
    const sater = sw.candidates.find((c: { id: string }) => c.id === 'c-sater');
    expect(sater.lat).toBeCloseTo(60.3466, 5);
    expect(sater.lon).toBeCloseTo(15.7507, 5);
    expect(sater.economics).toBeNull();
  });
  it('a candidate at a health centre carries the vårdval add-on, marked modelled', () => {
    const hc = ds.healthCentres.find((h) => h.id === 'hc-sarna')!;
    const listed = ds.listingModelled.find((l) => l.health_centre_id === 'hc-sarna')!;
    const r = run(['score', '--candidates', 'c.csv', '--format', 'json'], { 'c.csv': `id,name,lat,lon\nx,Särna VC,${hc.lat},${hc.lon}\n` });
    const [c] = JSON.parse(r.out).candidates;
    expect(c.economics.health_centre_id).toBe('hc-sarna');
    expect(c.economics.source).toBe('modelled');
    expect(c.economics.yearly_sek).toBeCloseTo(90 * listed.children_0_6 + 55 * listed.women_16_54!, 6);
  });
  it('needs candidates', () => {
    expect(run(['score']).code).toBe(2);
  });
});

describe('cli validate', () => {
  it('exit 0 and no errors for a valid file', () => {
    const r = run(['validate', '--kind', 'candidates', 'test/fixtures/candidates-sweref-sv.csv']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.valid).toBe(true);
    expect(j.problems.every((p: { severity: string }) => p.severity === 'warning')).toBe(true);
  });
  it('exit 1 with each problem naming its row and column', () => {
    const r = run(['validate', '--kind', 'candidates', 'test/fixtures/candidates-broken.csv']);
    expect(r.code).toBe(1);
    const problems = JSON.parse(r.out).problems as { row?: number; column?: string; code: string; severity: string }[];
    const errors = problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.row)).toEqual(expect.arrayContaining([3, 4, 5, 6]));
    expect(errors.find((p) => p.row === 5)!.column).toBe('lat');
    for (const p of errors) expect(p.row).toBeGreaterThan(1);
  });
  it('checks listing files against the 29 health centres', () => {
    const ok = run(['validate', '--kind', 'listing', 'l.csv'], { 'l.csv': 'health_centre_id;year;children_0_6\nhc-sarna;2025;80\n' });
    expect(ok.code).toBe(0);
    const bad = run(['validate', '--kind', 'listing', 'l.csv'], { 'l.csv': 'health_centre_id;year;children_0_6\nhc-okand;2025;80\n' });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out).problems[0]).toMatchObject({ row: 2, code: 'unmatched' });
  });
  it('checks matrices, empty files and binary files', () => {
    expect(run(['validate', '--kind', 'matrix', 'm.csv'], { 'm.csv': 'origin_id,destination_id,minutes\na,b,5\n' }).code).toBe(0);
    expect(run(['validate', '--kind', 'matrix', 'm.csv'], { 'm.csv': 'origin_id,destination_id,minutes\na,b,-5\n' }).code).toBe(1);
    expect(run(['validate', '--kind', 'candidates', 'e.csv'], { 'e.csv': '' }).code).toBe(1);
    expect(run(['validate', '--kind', 'candidates', 'h.csv'], { 'h.csv': 'id,name,lat,lon\n' }).code).toBe(1);
    const bin = run(['validate', '--kind', 'candidates', 'b.csv'], { 'b.csv': new Uint8Array([1, 0, 2, 0]) });
    expect(bin.code).toBe(1);
    expect(JSON.parse(bin.out).problems[0].code).toBe('not_text');
  });
  it('exit 2 on wrong usage', () => {
    expect(run(['validate', 'x.csv']).code).toBe(2);
    expect(run(['validate', '--kind', 'pizza', 'x.csv']).code).toBe(2);
    expect(run(['validate', '--kind', 'candidates']).code).toBe(2);
    expect(run(['validate', '--kind', 'candidates', '/finns/inte.csv']).code).toBe(2);
  });
});

describe('cli usage errors', () => {
  it.each([
    [['frobnicate']],
    [[]],
    [['coverage', '--threshold', 'tjugo']],
    [['coverage', '--travel', 'teleport']],
    [['coverage', '--demand', 'kommun']],
    [['coverage', '--include', 'existing,dreams']],
    [['coverage', '--format', 'xml']],
    [['coverage', '--dialect', 'de']],
    [['coverage', '--nope']],
    [['coverage', '--speed', '50']],
  ])('%j exits 2 with a Swedish message', (args) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Användning/);
  });
});

describe('the npm script', () => {
  it('`npm run --silent cli` passes the exit code and prints only the output', async () => {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync('npm', ['run', '--silent', 'cli', '--', 'validate', '--kind', 'candidates', 'test/fixtures/candidates-broken.csv'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).valid).toBe(false);
    const ok = spawnSync('npm', ['run', '--silent', 'cli', '--', 'coverage', '--demand', 'deso'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout.split('\n')[0]).toBe(HEADER);
    // It runs the pre-built bundle (no TypeScript at start); --help is asked-for output on stdout.
    const help = spawnSync('npm', ['run', '--silent', 'cli', '--', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Användning: npm run --silent cli/);
    expect(existsSync('dist-cli/cli.mjs')).toBe(true);
    expect(readFileSync('package.json', 'utf8')).toContain('"cli": "node scripts/cli.mjs"');
  }, 60_000);
});

describe('cli input that cannot be used', () => {
  it('decodes Windows-1252 like the app: an en dash stays an en dash', () => {
    // "id;name;lat;lon\nk1;Slätta – Östra Falun;60.6;15.63" in Windows-1252 (ä E4, – 96, Ö D6)
    const text = 'id;name;lat;lon\nk1;Sl\u00e4tta \u2013 \u00d6stra Falun;60.6;15.63\n';
    const bytes = Uint8Array.from(text, (ch) => (ch === '\u2013' ? 0x96 : ch.charCodeAt(0)));
    const j = JSON.parse(run(['coverage', '--candidates', 'k.csv', '--sites', 'proposal', '--format', 'json', '--demand', 'deso'], { 'k.csv': bytes }).out);
    const k1 = j.sites.find((x: { id: string }) => x.id === 'k1');
    expect(k1.name).toBe('Slätta – Östra Falun');
    expect(k1.name).not.toMatch(/[\u0080-\u009f]/);
  });
  it('a folder instead of a file gives a Swedish message and exit 2, not a stack trace', () => {
    for (const args of [['coverage', '--candidates', 'test'], ['coverage', '--listing', 'test'], ['coverage', '--travel', 'matrix:test']]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain('test är en mapp. Förväntat: en fil.');
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });
});

describe('cli route', () => {
  const falun = '60.6065,15.6355';
  const borlange = '60.4858,15.4371';
  it('prints one trip on the road network with access legs and flags', () => {
    const r = run(['route', '--from', falun, '--to', borlange]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['minutes', 'km', 'straight_km', 'access_km_from', 'access_km_to', 'flags', 'travel', 'travel_text']);
    expect(j.travel.kind).toBe('network');
    // great-circle Falun–Borlänge = 17,257 km (same formula as the app)
    expect(j.straight_km).toBeCloseTo(17.257, 2);
    expect(j.km).toBeGreaterThan(j.straight_km);
    expect(j.km).toBeLessThan(1.8 * j.straight_km);
    expect(j.flags).toEqual([]);
    expect(j.access_km_from).toBeLessThan(1);
  });
  it('the modelled road model follows its formula', () => {
    const j = JSON.parse(run(['route', '--from', falun, '--to', borlange, '--travel', 'road']).out);
    // 17,257 km is in the 10–40 km band: k = 1,33 → 22,952 km; 2 km at 35 km/h + 20,952 km at 70 km/h + 2 min
    // = 3,4286 + 17,9589 + 2 = 23,387 min
    expect(j.km).toBeCloseTo(22.952, 2);
    expect(j.minutes).toBeCloseTo(23.387, 2);
    expect(j.access_km_from).toBeNull();
  });
  it('flags a detour where the graph lacks a county road (Smedjebacken–Hedemora)', () => {
    const j = JSON.parse(run(['route', '--from', '60.1465,15.4092', '--to', '60.2780,15.9870']).out);
    expect(j.flags).toContain('detour');
    expect(j.km / j.straight_km).toBeGreaterThan(1.8);
  });
  it('speed flags change the minutes, not the path length', () => {
    const a = JSON.parse(run(['route', '--from', falun, '--to', borlange]).out);
    const b = JSON.parse(run(['route', '--from', falun, '--to', borlange, '--speed-factor', '0.5', '--terminal', '0']).out);
    expect(b.minutes).toBeGreaterThan(a.minutes);
    expect(b.travel).toMatchObject({ speedFactor: 0.5, terminalMinutes: 0 });
  });
  it('rejects swapped or missing coordinates with a Swedish message', () => {
    const r = run(['route', '--from', '15.6355,60.6065', '--to', borlange]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('ligger inte i Sverige');
    expect(run(['route', '--to', borlange]).err).toContain('route kräver --from LAT,LON.');
  });
});

describe('cli year, projection and need', () => {
  const county = (args: string[]) => csvRows(run(['coverage', '--demand', 'deso', ...args]).out).find((r) => r.kommun_code === '20')!;
  it('2035 with SCB’s projection: each kommun’s 2025 children times the change of its 0–5 band since 2026', () => {
    const r = run(['coverage', '--demand', 'deso', '--year', '2035', '--format', 'json']);
    const j = JSON.parse(r.out);
    const falun = j.kommuner.find((k: { kommun_code: string }) => k.kommun_code === '2080');
    const falun2025 = ds.kommuner.features.find((f) => f.properties.kommun_code === '2080')!.properties.children_0_6;
    // Falun 0–5: 3 482,4 (2026) → 3 382,0 (2035), shared data geo/children-forecast-by-kommun.csv
    expect(falun.children_0_6).toBeCloseTo((falun2025 * 3382.0) / 3482.4, 2);
    expect(r.err).toContain('Barn 0–6 år 2035: prognos (källa: SCB:s befolkningsframskrivning');
    expect(j.parameters.projection).toEqual({ year: 2035, source: 'scb', damping: 0.8 });
  });
  it('the listing trend with damping, and an imported forecast', () => {
    expect(Number(county(['--year', '2030', '--forecast', 'trend', '--damping', '1']).children_0_6)).toBeCloseTo(18_890.312 * (18_266 / 22_054), 0);
    const csv = 'kommun_code;year;children_0_6\n' + ds.kommuner.features.map((f) => `${f.properties.kommun_code};2030;100`).join('\n');
    const rows = csvRows(run(['coverage', '--demand', 'deso', '--year', '2030', '--forecast', 'f.csv'], { 'f.csv': csv }).out);
    expect(Number(rows.find((r) => r.kommun_code === '20')!.children_0_6)).toBeCloseTo(1500, 1);
    expect(run(['coverage', '--year', '2031']).code).toBe(2);
  });
  it('--need index puts each DeSO’s index and weight in the JSON; the områdestyp year has its own flag', () => {
    const j = JSON.parse(run(['coverage', '--demand', 'deso', '--need', 'index', '--format', 'json', '--ot-year', '2022']).out);
    expect(j.parameters.need.mode).toBe('index');
    expect(j.parameters.omradestypYear).toBe(2022);
    const d = j.demand.find((x: { need_index: number | null }) => x.need_index !== null);
    expect(d.need_weight).toBeCloseTo(Math.min(2, Math.max(0.5, 1 + 0.5 * d.need_index)), 3);
  });
});
