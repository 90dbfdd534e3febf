import { describe, expect, it } from 'vitest';
import { greatCircleKm } from '../../src/geo/distance';
import { buildCostTable, circuityFactor, DEFAULT_ROAD, roadKm, roadMinutes } from '../../src/domain/travel';
import { travelText } from '../../src/i18n/describe';
import type { TravelMatrix } from '../../src/domain/types';

describe('modelled road', () => {
  it('uses k = 1.40 below 10 km, 1.33 for 10–40 km and 1.28 above', () => {
    expect(circuityFactor(9.999, DEFAULT_ROAD)).toBe(1.4);
    expect(circuityFactor(10, DEFAULT_ROAD)).toBe(1.33);
    expect(circuityFactor(40, DEFAULT_ROAD)).toBe(1.33);
    expect(circuityFactor(40.001, DEFAULT_ROAD)).toBe(1.28);
    expect(roadKm(5, DEFAULT_ROAD)).toBeCloseTo(7.0, 12);
    expect(roadKm(10, DEFAULT_ROAD)).toBeCloseTo(13.3, 12);
    expect(roadKm(50, DEFAULT_ROAD)).toBeCloseTo(64.0, 12);
  });
  it('drives 35 km/h for the first 2 km, 70 km/h beyond, plus 2 minutes', () => {
    // 1 km: 2 + 60/35
    expect(roadMinutes(1, DEFAULT_ROAD)).toBeCloseTo(2 + 60 / 35, 12);
    // 7 km: 2 + 2·60/35 + 5·60/70 = 2 + 3.428571 + 4.285714
    expect(roadMinutes(7, DEFAULT_ROAD)).toBeCloseTo(9.714286, 6);
    // 13.3 km: 2 + 3.428571 + 11.3·60/70
    expect(roadMinutes(13.3, DEFAULT_ROAD)).toBeCloseTo(15.114286, 6);
    expect(roadMinutes(0, DEFAULT_ROAD)).toBe(2);
  });
  it('parameters are editable', () => {
    const p = { ...DEFAULT_ROAD, terminalMinutes: 0, urbanKm: 0, ruralSpeedKmh: 60 };
    expect(roadMinutes(30, p)).toBeCloseTo(30, 12);
  });
});

describe('buildCostTable', () => {
  const units = [
    { id: 'u1', lon: 15, lat: 60 },
    { id: 'u2', lon: 15, lat: 60.1 },
  ];
  const sites = [{ id: 's1', lon: 15, lat: 60.05 }];
  it('straight line: great-circle km at the given speed', () => {
    const t = buildCostTable(units, sites, { kind: 'straight', speedKmh: 50 });
    const km = greatCircleKm(15, 60, 15, 60.05);
    expect(t.km[0]).toBeCloseTo(km, 12);
    expect(t.minutes[0]).toBeCloseTo((km / 50) * 60, 12);
    expect(km).toBeCloseTo(5.5598, 3);
  });
  it('road: k × great-circle km, two-speed minutes', () => {
    const t = buildCostTable(units, sites, DEFAULT_ROAD);
    const km = greatCircleKm(15, 60, 15, 60.05) * 1.4;
    expect(t.km[0]).toBeCloseTo(km, 12);
    expect(t.minutes[0]).toBeCloseTo(2 + (2 / 35) * 60 + ((km - 2) / 70) * 60, 12);
  });
  it('matrix: looks pairs up by id and leaves missing pairs NaN, counted', () => {
    const matrix: TravelMatrix = {
      origins: ['u2', 'u1'],
      destinations: ['s1', 'x'],
      minutes: new Float64Array([7, 1, NaN, 2]),
      km: new Float64Array([6, 1, NaN, 2]),
    };
    const t = buildCostTable(units, [...sites, { id: 'nowhere', lon: 0, lat: 0 }], { kind: 'matrix', source: 'm.csv' }, matrix);
    expect(Array.from(t.minutes)).toEqual([NaN, NaN, 7, NaN]);
    expect(Array.from(t.km)).toEqual([NaN, NaN, 6, NaN]);
    expect(t.missingPairs).toBe(3);
    expect(() => buildCostTable(units, sites, { kind: 'matrix', source: 'x' })).toThrow();
  });
  it('describes the assumptions in Swedish', () => {
    expect(travelText(DEFAULT_ROAD)).toContain('k = 1,4 under 10 km, 1,33 för 10–40 km, 1,28 över 40 km');
    expect(travelText({ kind: 'straight', speedKmh: 50 })).toBe('Fågelvägen (storcirkelavstånd), 50 km/h');
  });
});
