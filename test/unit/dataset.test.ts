import { beforeAll, describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDataset, type Dataset } from '../../src/domain/dataset';
import { readRawInputs, writeDataset } from '../../scripts/build-data';
import { checkDataDir, DataDirError, dataDir } from '../../src/cli/rawInputs';
import Papa from 'papaparse';

let ds: Dataset;
beforeAll(() => {
  ds = buildDataset(readRawInputs());
});

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('data build on the real Dalarna data', () => {
  it('has 15 kommuner, 119 RegSO and 175 DeSO', () => {
    expect(ds.kommuner.features).toHaveLength(15);
    expect(ds.regso.features).toHaveLength(119);
    expect(ds.deso.features).toHaveLength(175);
    expect(new Set(ds.deso.features.map((f) => f.properties.deso_code)).size).toBe(175);
  });

  it('matches the published population totals for 2025', () => {
    expect(ds.totals.population).toBe(286_028);
    expect(ds.totals.age_0_4).toBe(12_660);
    expect(ds.totals.age_5_9).toBe(16_037);
    expect(ds.totals.women_15_54).toBe(62_202);
    expect(ds.totals.age_10_14).toBe(16_502);
    expect(ds.totals.age_15_19).toBe(16_630);
    // Sprague per DeSO sums to the same as Sprague on the county bands (the split is linear and
    // no DeSO is clamped): 18 890,312 (hand arithmetic in estimates.test.ts); 62 202 × 39/40 = 60 646.95
    expect(ds.totals.children_0_6).toBeCloseTo(18_890.312, 6);
    expect(ds.totals.women_16_54).toBeCloseTo(60_646.95, 6);
  });

  it('maps every DeSO to exactly one RegSO and kommun, consistently', () => {
    const regso = new Map(ds.regso.features.map((f) => [f.properties.regso_code, f.properties]));
    const kommuner = new Set(ds.kommuner.features.map((f) => f.properties.kommun_code));
    for (const f of ds.deso.features) {
      const p = f.properties;
      const r = regso.get(p.regso_code);
      expect(r, p.deso_code).toBeDefined();
      expect(r!.kommun_code).toBe(p.kommun_code);
      expect(kommuner.has(p.kommun_code)).toBe(true);
      expect(p.deso_code.slice(0, 4)).toBe(p.kommun_code);
      expect(p.omradestyp_2022).toBe(r!.omradestyp_2022);
      expect(p.omradestyp_2023).toBe(r!.omradestyp_2023);
    }
    expect(new Set(ds.deso.features.map((f) => f.properties.regso_code)).size).toBe(119);
  });

  it('derives children and women per DeSO from the age bands', () => {
    // 2021A0010: 0–4 = 54, 5–9 = 65, 10–14 = 69, 15–19 = 90, women 15–54 = 271 → 0–6 = 79,6096 (estimates.test.ts)
    const d = ds.deso.features.find((f) => f.properties.deso_code === '2021A0010')!.properties;
    expect(d.age_0_4).toBe(54);
    expect(d.age_5_9).toBe(65);
    expect(d.age_10_14).toBe(69);
    expect(d.age_15_19).toBe(90);
    expect(d.children_0_6).toBeCloseTo(79.6096, 10);
    expect(d.women_16_54).toBeCloseTo(264.225, 10);
    expect(d.children_per_km2).toBeCloseTo(79.6096 / d.area_km2, 10);
  });

  it('aggregates RegSO and kommun figures from their DeSO', () => {
    expect(sum(ds.regso.features.map((f) => f.properties.population))).toBe(286_028);
    expect(sum(ds.kommuner.features.map((f) => f.properties.children_0_6))).toBeCloseTo(18_890.312, 6);
    const falun = ds.kommuner.features.find((f) => f.properties.kommun_code === '2080')!.properties;
    const falunDeso = ds.deso.features.filter((f) => f.properties.kommun_code === '2080');
    expect(falun.kommun_name).toBe('Falun');
    expect(falun.population).toBe(sum(falunDeso.map((f) => f.properties.population)));
  });

  it('puts every representative point inside its DeSO', () => {
    for (const f of ds.deso.features) {
      expect(booleanPointInPolygon([f.properties.rep_lon, f.properties.rep_lat], f.geometry), f.properties.deso_code).toBe(true);
    }
  });

  it('spreads each DeSO over the grid cells whose centre it contains, summing exactly', () => {
    expect(ds.grid.features).toHaveLength(4_099);
    expect(ds.totals.grid_population_2021).toBe(288_007);
    const byDeso = new Map<string, number>();
    for (const c of ds.grid.features) byDeso.set(c.properties.deso_code, (byDeso.get(c.properties.deso_code) ?? 0) + c.properties.children_0_6);
    for (const f of ds.deso.features) {
      const p = f.properties;
      if (p.grid_cells === 0) {
        expect(byDeso.has(p.deso_code)).toBe(false);
        continue;
      }
      expect(byDeso.get(p.deso_code)!, p.deso_code).toBeCloseTo(p.children_0_6, 9);
    }
  });

  it('spreads in proportion to cell population', () => {
    const d = ds.deso.features.find((f) => f.properties.grid_cells >= 3)!.properties;
    const cells = ds.grid.features.filter((c) => c.properties.deso_code === d.deso_code);
    const pop = sum(cells.map((c) => c.properties.population_2021));
    for (const c of cells) {
      expect(c.properties.children_0_6).toBeCloseTo((d.children_0_6 * c.properties.population_2021) / pop, 9);
    }
  });

  it('gives each grid cell the DeSO, RegSO, kommun and områdestyp of the DeSO containing its centre', () => {
    const desoByCode = new Map(ds.deso.features.map((f) => [f.properties.deso_code, f]));
    for (const c of ds.grid.features.filter((_, i) => i % 97 === 0)) {
      const dem = ds.demand.grid.find((u) => u.id === c.properties.id)!;
      const d = desoByCode.get(c.properties.deso_code)!;
      expect(booleanPointInPolygon([dem.lon, dem.lat], d.geometry)).toBe(true);
      expect(c.properties.regso_code).toBe(d.properties.regso_code);
      expect(c.properties.kommun_code).toBe(d.properties.kommun_code);
      expect(c.properties.omradestyp_2023).toBe(d.properties.omradestyp_2023);
    }
  });

  it('keeps DeSO without a cell centre as representative points in the fine demand', () => {
    const empty = ds.deso.features.filter((f) => f.properties.grid_cells === 0);
    expect(empty.length).toBeGreaterThan(0);
    expect(ds.demand.grid).toHaveLength(4_099 + empty.length);
    for (const f of empty) {
      const u = ds.demand.grid.find((x) => x.id === f.properties.deso_code)!;
      expect(u.kind).toBe('deso');
      expect([u.lon, u.lat]).toEqual([f.properties.rep_lon, f.properties.rep_lat]);
    }
    // The fine demand and the DeSO demand carry the same children in total and per kommun.
    expect(sum(ds.demand.grid.map((u) => u.children_0_6))).toBeCloseTo(18_890.312, 6);
    expect(sum(ds.demand.deso.map((u) => u.children_0_6))).toBeCloseTo(18_890.312, 6);
    const k = (units: typeof ds.demand.grid) => sum(units.filter((u) => u.kommun_code === '2081').map((u) => u.children_0_6));
    expect(k(ds.demand.grid)).toBeCloseTo(k(ds.demand.deso), 8);
  });

  it('has 29 health centres, 23 region and 6 private', () => {
    expect(ds.healthCentres).toHaveLength(29);
    expect(ds.healthCentres.filter((h) => h.ownership === 'region')).toHaveLength(23);
    expect(ds.healthCentres.filter((h) => h.ownership === 'private')).toHaveLength(6);
  });

  it('has 9 existing family centres in 8 kommuner, plus planned, intent and family units', () => {
    const existing = ds.familyCentres.filter((f) => f.status === 'existing');
    expect(existing).toHaveLength(9);
    expect(new Set(existing.map((f) => f.kommun_code)).size).toBe(8);
    expect(ds.familyCentres.filter((f) => f.status === 'planned').map((f) => f.kommun_name)).toEqual(['Smedjebacken']);
    expect(ds.familyCentres.filter((f) => f.status === 'intent').map((f) => f.kommun_name).sort()).toEqual(['Malung-Sälen', 'Malung-Sälen', 'Vansbro']);
    expect(ds.familyCentres.filter((f) => f.status === 'family_unit').map((f) => f.kommun_name).sort()).toEqual(['Orsa', 'Älvdalen']);
  });

  it('reads the 8 other primary-care sites: 6 tied to a vårdcentral (3 branches, 3 Sälen annexes), 2 of unknown role', () => {
    const b = ds.healthCentreBranches;
    expect(b).toHaveLength(8);
    const related = Object.fromEntries(b.map((r) => [r.id, r.related_health_centre_id]));
    expect(related).toEqual({
      'site-grycksbo': 'hc-britsarvet-grycksbo',
      'site-svardsjo': 'hc-norslund-svardsjo',
      'site-grangesberg': 'hc-ludvika-grangesberg',
      'site-saxnas': '',
      'site-sater-regionsenheten': '',
      'site-salen-annex-737': 'hc-salen',
      'site-salen-annex-738': 'hc-salen',
      'site-salen-annex-739': 'hc-salen',
    });
    const hc = new Set(ds.healthCentres.map((h) => h.id));
    expect(b.filter((r) => r.related_health_centre_id).every((r) => hc.has(r.related_health_centre_id))).toBe(true);
    expect(b.find((r) => r.id === 'site-grycksbo')).toMatchObject({ name: 'Grycksbo vårdcentral', kommun_code: '2080', lon: 15.493909, lat: 60.686481 });
    // public fields only: no notes or source references
    expect(Object.keys(b[0]).sort()).toEqual(['coord_precision', 'id', 'kommun_code', 'kommun_name', 'lat', 'lon', 'name', 'related_health_centre_id']);
  });

  it('stops naming the row when a branch names a vårdcentral that is not in health-centres.csv', () => {
    const raw = readRawInputs();
    const bad = raw.healthCentreOtherSitesCsv.replace('site-grycksbo,Grycksbo vårdcentral,Vårdcentral Grycksbo,hc-britsarvet-grycksbo', 'site-grycksbo,Grycksbo vårdcentral,Vårdcentral Grycksbo,hc-grycksbo');
    expect(bad).not.toBe(raw.healthCentreOtherSitesCsv);
    expect(() => buildDataset({ ...raw, healthCentreOtherSitesCsv: bad })).toThrow('health-centre-other-sites.csv row 2: related_health_centre_id "hc-grycksbo" is not in health-centres.csv');
  });

  it('has 108 tätorter and 2 803 bus stop areas', () => {
    expect(ds.tatorter.features).toHaveLength(108);
    expect(sum(ds.tatorter.features.map((f) => f.properties.population))).toBe(237_754);
    expect(ds.stopAreas.features).toHaveLength(2_803);
    const knut = ds.stopAreas.features.find((f) => f.properties.name === 'Knutpunkten (Falun)')!;
    expect(knut.properties.dep_weekday_avg).toBe(487.6);
  });

  it('models listed children per health centre summing to the county’s 18 266', () => {
    expect(ds.listingModelled).toHaveLength(29);
    expect(sum(ds.listingModelled.map((r) => r.children_0_6))).toBeCloseTo(18_266, 6);
    expect(ds.listingModelled.every((r) => r.year === 2025 && r.children_0_6 >= 0)).toBe(true);
    // Women are assigned, not scaled: their sum is the county estimate.
    expect(sum(ds.listingModelled.map((r) => r.women_16_54 ?? 0))).toBeCloseTo(60_646.95, 6);
  });

  it('writes the app files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fc-data-'));
    writeDataset(ds, dir);
    expect(readdirSync(dir).sort()).toEqual([
      'demand.json', 'deso.geojson', 'family-centres.json', 'grid.geojson', 'health-centre-branches.json', 'health-centres.json', 'kommuner.geojson',
      'listing-modelled.json', 'meta.json', 'need.json', 'regso.geojson', 'road-graph.json', 'roads.geojson', 'stop-areas.geojson', 'tatorter.geojson',
    ]);
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
    expect(meta.counts).toMatchObject({ kommuner: 15, regso: 119, deso: 175, health_centres: 29, health_centre_branches: 8 });
    expect(Object.keys(meta.estimated_fields)).toContain('grid.children_0_6');
    expect(meta.bbox[0]).toBeGreaterThan(11);
    expect(meta.bbox[2]).toBeLessThan(17);
  });

  it('builds no data-team note, source reference or working name into the app files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fc-notes-'));
    writeDataset(ds, dir);
    const built = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    for (const text of dataNoteStrings()) expect(built, text).not.toContain(text);
    expect(built).not.toMatch(/name not found|\(intent\)/i);
    const names = ds.familyCentres.map((f) => f.name);
    expect(names).toContain('Familjecentralen i Leksand');
    expect(ds.familyCentres.find((f) => f.id === 'fc-leksand')!.position_note).toBe('Läge: ortens centrum, ±1–2 km');
  });
});

describe('where the data is read from', () => {
  it('stops with a Swedish message naming the folder when the shared data is missing', () => {
    const dir = join(tmpdir(), 'fc-no-such-data');
    expect(() => checkDataDir(dir, {})).toThrow(DataDirError);
    expect(() => checkDataDir(dir, {})).toThrow(`Hittar inte teamets delade data i ${dir}`);
    expect(() => checkDataDir(dir, { FCP_DATA_DIR: dir })).toThrow(/miljövariabeln FCP_DATA_DIR/);
    expect(dataDir({ FCP_DATA_DIR: '/tmp/x' })).toBe('/tmp/x');
    expect(dataDir({}).endsWith(join('shared', 'data'))).toBe(true);
  });

  it('names the first missing file of an incomplete folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fc-partial-'));
    expect(() => checkDataDir(dir, {})).toThrow(`Datamappen ${dir} saknar filen geo/kommuner.geojson`);
  });
});

/** Every value of a notes-like field in the shared facility files (the data team's working notes). */
function dataNoteStrings(): string[] {
  const out: string[] = [];
  for (const file of ['facilities/family-centres.csv', 'facilities/health-centres.csv', 'facilities/health-centre-other-sites.csv']) {
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(dataDir(), file), 'utf8'), { header: true, skipEmptyLines: true }).data;
    for (const r of rows) for (const key of ['notes', 'source_ref', 'osm_crosscheck']) if (r[key] && r[key].length > 12) out.push(r[key]);
  }
  expect(out.length).toBeGreaterThan(20);
  return out;
}

describe('listed children per vårdcentral from HSN 2026/4486', () => {
  it('every centre the report names is a health centre in the shared data, and its popup states the change with the document', async () => {
    const { LISTED_CHANGE_BY_HEALTH_CENTRE } = await import('../../src/domain/need/listedChildren');
    const { healthCentreCollection } = await import('../../src/map/features');
    const { popupHtml } = await import('../../src/map/popupContent');
    const { STRINGS } = await import('../../src/i18n');
    const byId = new Map(ds.healthCentres.map((h) => [h.id, h]));
    for (const x of LISTED_CHANGE_BY_HEALTH_CENTRE) expect(byId.get(x.id)?.name, x.id).toBe(x.name);
    const fc = healthCentreCollection(ds.healthCentres, new Map());
    const kvarnporten = fc.features.find((f) => f.properties!.id === 'hc-kvarnporten')!;
    expect(popupHtml('healthCentre', kvarnporten.properties!, STRINGS.sv, 'sv')).toContain('Förändring listade barn 0–6 år 2021→2025</th><td>−412 <span class="note">(HSN 2026/4486)</span>');
    const mora = fc.features.find((f) => f.properties!.id === 'hc-mora')!;
    expect(popupHtml('healthCentre', mora.properties!, STRINGS.sv, 'sv')).not.toContain('Förändring listade');
  });
});
