import { describe, expect, it } from 'vitest';
import { desoResults } from '../../src/domain/desoResults';
import { DEFAULT_PARAMS } from '../../src/domain/scenario';
import type { DemandUnit, FamilyCentre } from '../../src/domain/types';
import { coverageStatsCsv, exportFileName, slug } from '../../src/io/exports';
import { desoGeoJson, sitesGeoJson } from '../../src/io/geojsonExport';
import { swerefToWgs84 } from '../../src/geo/sweref';

const unit = (id: string, deso: string, children: number): DemandUnit => ({
  id, kind: 'grid', lon: 15, lat: 60, deso_code: deso, regso_code: 'r', kommun_code: '2080', omradestyp_2022: 3, omradestyp_2023: 3, population: 1, children_0_6: children, women_16_54: 0,
});

describe('export names', () => {
  it('slug keeps Swedish names readable', () => {
    expect(slug('Södra Dalarna: Säter & Älvdalen')).toBe('sodra-dalarna-sater-alvdalen');
    expect(slug('!!!')).toBe('scenario');
  });
  it('file names carry the scenario and the date', () => {
    expect(exportFileName('Mitt scenario', 'tackning-std', 'csv', new Date(2026, 10, 22))).toBe('mitt-scenario_tackning-std_2026-11-22.csv');
  });
});

describe('desoResults', () => {
  it('aggregates units to DeSO with inclusive coverage and the main site', () => {
    const units = [unit('a', 'D1', 10), unit('b', 'D1', 30), unit('c', 'D2', 5), unit('d', 'D2', 0)];
    const r = desoResults(units, [5, 25, Infinity, 3], [0, 1, -1, 0], ['s1', 's2'], 25);
    // D1: covered 10 + 30 (25 ≤ 25); mean (10·5 + 30·25)/40 = 20; main site s2 (30 children)
    expect(r.get('D1')).toEqual({ deso_code: 'D1', children_0_6: 40, covered_children: 40, coverage_share: 1, mean_minutes: 20, main_site_id: 's2' });
    // D2: the only child-bearing unit is unreachable
    expect(r.get('D2')).toEqual({ deso_code: 'D2', children_0_6: 5, covered_children: 0, coverage_share: 0, mean_minutes: null, main_site_id: null });
  });
});

describe('GeoJSON exports', () => {
  const params = DEFAULT_PARAMS;
  const none = { planned: false, intent: false, family_unit: false };
  const today = { siteSet: { key: 'today' as const, include: none, candidates: 0 }, params, rows: [], total: {} as never };
  const proposal = { ...today, siteSet: { key: 'proposal' as const, include: none, candidates: 1 } };
  const site = { id: 'k1', name: 'Säter torget', status: 'candidate' as const, lon: 15.7507, lat: 60.3466 };
  const centre: FamilyCentre = {
    id: 'fc-a', name: 'Familjecentralen i Leksand', status: 'existing', kommun_code: '2029', kommun_name: 'Leksand', lon: 15, lat: 60.73,
    coord_precision: 'town', position_note: 'Läge: ortens centrum, ±1–2 km', host_health_centre_id: '', opened: '',
  };
  const planned: FamilyCentre = { ...centre, id: 'fc-b', name: 'Familjecentral Smedjebacken', status: 'planned', position_note: '' };
  const counted = { today: new Set(['fc-a']), proposal: new Set(['fc-a', 'k1']) };
  it('WGS84 keeps lon/lat, lists every family centre with its public fields and what each set counts', () => {
    const j = JSON.parse(sitesGeoJson([centre, planned], [site], counted, null, 'wgs84', 'Test', [today, proposal], new Date(2026, 0, 2)));
    expect(j.features.map((f: { properties: { id: string } }) => f.properties.id)).toEqual(['fc-a', 'fc-b', 'k1']);
    expect(j.features[2].geometry.coordinates).toEqual([15.7507, 60.3466]);
    expect(j.features[0].properties).toEqual({ id: 'fc-a', name: 'Familjecentralen i Leksand', status: 'existing', kommun_code: '2029', position_note: 'Läge: ortens centrum, ±1–2 km', counted_today: true, counted_proposal: true });
    expect(j.features[1].properties).toMatchObject({ status: 'planned', counted_today: false, counted_proposal: false });
    expect(j.features[2].properties).toMatchObject({ status: 'candidate', counted_today: false, counted_proposal: true });
    expect(j.metadata.exported).toBe('2026-01-02');
    expect(j.metadata.assumptions).toContain('Platser som räknas: I dag: befintliga familjecentraler');
    expect(j.metadata.assumptions).toContain('Platser som räknas: Förslaget: i dag + 1 kandidatplats');
    expect(j.metadata.assumptions.join(' ')).toContain('Tröskel: 20 min');
    expect(j.crs).toBeUndefined();
  });
  it('SWEREF 99 TM gives E/N metres that convert back to the same point', () => {
    const j = JSON.parse(sitesGeoJson([], [site], counted, null, 'sweref99tm', 'Test', [today], new Date()));
    const [e, n] = j.features[0].geometry.coordinates;
    const [lon, lat] = swerefToWgs84(n, e);
    expect(lon).toBeCloseTo(15.7507, 5);
    expect(lat).toBeCloseTo(60.3466, 5);
    expect(j.crs.properties.name).toBe('urn:ogc:def:crs:EPSG::3006');
  });
  it('per-DeSO results carry coverage in percent for each site set', () => {
    const deso = {
      type: 'FeatureCollection' as const,
      features: [{ type: 'Feature' as const, geometry: { type: 'Polygon' as const, coordinates: [[[15, 60], [15.1, 60], [15.1, 60.1], [15, 60]]] }, properties: { deso_code: 'D1', regso_code: 'R', kommun_code: '2080', omradestyp_2022: 2 as const, omradestyp_2023: 2 as const, population: 100, children_0_6: 40 } }],
    };
    const units = [unit('a', 'D1', 10), unit('b', 'D1', 30)];
    // today: 10 of 40 within 20 min (25 %); proposal: a candidate brings the second unit to 15 min
    const res = { today: desoResults(units, [5, 30], [0, 0], ['s1'], 20), proposal: desoResults(units, [5, 15], [0, 1], ['s1', 'k1'], 20) };
    const j = JSON.parse(desoGeoJson(deso, res, 'wgs84', 'T', [today, proposal], new Date()));
    expect(j.features[0].properties).toMatchObject({
      deso_code: 'D1', omradestyp: 2, children_0_6_estimated: 40,
      covered_children_today: 10, coverage_pct_today: 25, main_site_id_today: 's1',
      covered_children_proposal: 40, coverage_pct_proposal: 100, main_site_id_proposal: 'k1',
    });
  });
});

describe('CSV footers cannot inject formulas', () => {
  it('neutralises every cell of the stated lines, header and data', () => {
    const none = { planned: false, intent: false, family_unit: false };
    const today = { siteSet: { key: 'today' as const, include: none, candidates: 0 }, params: DEFAULT_PARAMS };
    const row = { site_set: 'today' as const, kommun_code: '2080', kommun_name: '=HYPERLINK("x")', children_0_6: 1, covered_children: 1, coverage_pct: 100, mean_minutes: 1, median_minutes: 1, children_over_30_min: 0, children_lt_5_min: 1, children_5_10_min: 0, children_10_30_min: 0, unreachable_children: 0, centres_existing: 1, centres_planned: 0, centres_intent: 0, centres_family_unit: 0, candidates: 0, flags: '' };
    for (const dialect of ['sv', 'std'] as const) {
      const text = coverageStatsCsv([{ ...today, rows: [row], total: row }], 'Plan;=2+5,@SUM(A1)', dialect, new Date(2026, 0, 2));
      const delimiter = dialect === 'sv' ? ';' : ',';
      const cells = text.replace(/^\ufeff/, '').split(/\r?\n/).flatMap((line) => line.split(delimiter));
      const bad = cells.filter((c) => /^"?[=+\-@\t\r]/.test(c));
      expect(bad, dialect).toEqual([]);
      expect(text).toContain("'=HYPERLINK");
      expect(text).toContain('# Scenario: Plan');
    }
  });
  it('an imported matrix file name cannot inject either', () => {
    const none = { planned: false, intent: false, family_unit: false };
    const params = { ...DEFAULT_PARAMS, travel: { kind: 'matrix' as const, source: 'restider;=1+1,@A1.csv' } };
    const row = { site_set: 'today' as const, kommun_code: '20', kommun_name: 'Dalarnas län', children_0_6: 1, covered_children: 1, coverage_pct: 100, mean_minutes: 1, median_minutes: 1, children_over_30_min: 0, children_lt_5_min: 1, children_5_10_min: 0, children_10_30_min: 0, unreachable_children: 0, centres_existing: 1, centres_planned: 0, centres_intent: 0, centres_family_unit: 0, candidates: 0, flags: '' };
    for (const dialect of ['sv', 'std'] as const) {
      const text = coverageStatsCsv([{ siteSet: { key: 'today', include: none, candidates: 0 }, params, rows: [], total: row }], 'P', dialect, new Date(2026, 0, 2));
      const cells = text.replace(/^\ufeff/, '').split(/\r?\n/).flatMap((line) => line.split(dialect === 'sv' ? ';' : ','));
      expect(cells.filter((c) => /^"?[=+\-@\t\r]/.test(c)), dialect).toEqual([]);
      expect(text).toContain('restider');
    }
  });
});
