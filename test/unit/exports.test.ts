import { describe, expect, it } from 'vitest';
import { desoResults } from '../../src/domain/desoResults';
import { DEFAULT_PARAMS } from '../../src/domain/scenario';
import type { DemandUnit } from '../../src/domain/types';
import { desoGeoJson, exportFileName, sitesGeoJson, slug } from '../../src/io/exports';
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
  const site = { id: 'k1', name: 'Säter torget', status: 'candidate' as const, lon: 15.7507, lat: 60.3466 };
  it('WGS84 keeps lon/lat and states the assumptions', () => {
    const j = JSON.parse(sitesGeoJson([site], null, 'wgs84', 'Test', params, new Date(2026, 0, 2)));
    expect(j.features[0].geometry.coordinates).toEqual([15.7507, 60.3466]);
    expect(j.metadata.exported).toBe('2026-01-02');
    expect(j.metadata.assumptions.join(' ')).toContain('Tröskel: 20 min');
    expect(j.crs).toBeUndefined();
  });
  it('SWEREF 99 TM gives E/N metres that convert back to the same point', () => {
    const j = JSON.parse(sitesGeoJson([site], null, 'sweref99tm', 'Test', params, new Date()));
    const [e, n] = j.features[0].geometry.coordinates;
    const [lon, lat] = swerefToWgs84(n, e);
    expect(lon).toBeCloseTo(15.7507, 5);
    expect(lat).toBeCloseTo(60.3466, 5);
    expect(j.crs.properties.name).toBe('urn:ogc:def:crs:EPSG::3006');
  });
  it('per-DeSO results carry coverage in percent', () => {
    const deso = {
      type: 'FeatureCollection' as const,
      features: [{ type: 'Feature' as const, geometry: { type: 'Polygon' as const, coordinates: [[[15, 60], [15.1, 60], [15.1, 60.1], [15, 60]]] }, properties: { deso_code: 'D1', regso_code: 'R', kommun_code: '2080', omradestyp_2023: 2, population: 100, children_0_6: 40 } }],
    };
    const res = desoResults([unit('a', 'D1', 10), unit('b', 'D1', 30)], [5, 30], [0, 0], ['s1'], 20);
    const j = JSON.parse(desoGeoJson(deso, res, 'wgs84', 'T', params, new Date()));
    expect(j.features[0].properties).toMatchObject({ deso_code: 'D1', omradestyp: 2, children_0_6_estimated: 40, covered_children: 10, coverage_pct: 25, main_site_id: 's1' });
  });
});
