import { describe, expect, it } from 'vitest';
import { gridCandidates, gridCorner, gridPointName, placeNear } from '../../src/domain/optimise/candidateSets';
import type { DemandUnit } from '../../src/domain/types';

const cell = (n: number, e: number, children: number, lon: number, lat: number, kommun = '2080'): DemandUnit => ({
  id: `CRS3035RES1000mN${n}E${e}`, kind: 'grid', lon, lat, deso_code: 'x', regso_code: 'x', kommun_code: kommun,
  omradestyp_2022: 3, omradestyp_2023: 3, population: 10, children_0_6: children, women_16_54: 0,
});

describe('gridCandidates', () => {
  it('parses Eurostat grid ids', () => {
    expect(gridCorner('CRS3035RES1000mN4100000E4621000')).toEqual({ n: 4100000, e: 4621000 });
    expect(gridCorner('2080C1010')).toBeNull();
  });
  it('groups 1 km cells into 5 km blocks at the child-weighted centre, dropping small blocks', () => {
    const units = [
      cell(4100000, 4620000, 3, 15.0, 60.0),
      cell(4104000, 4624000, 9, 15.1, 60.2, '2081'), // same block (N 4100–4105 km, E 4620–4625 km)
      cell(4105000, 4620000, 2, 16.0, 61.0), // next block north, only 2 children
      { ...cell(0, 0, 50, 14, 59), id: '2080C1010', kind: 'deso' as const }, // DeSO points are not grid cells
    ];
    const c = gridCandidates(units, 5, 5);
    expect(c).toHaveLength(1);
    expect(c[0].id).toBe('grid-4100-4620');
    // (3·15.0 + 9·15.1) / 12 = 15.075 ; (3·60.0 + 9·60.2) / 12 = 60.15
    expect(c[0].lon).toBeCloseTo(15.075, 9);
    expect(c[0].lat).toBeCloseTo(60.15, 9);
    expect(c[0].kommun_code).toBe('2081');
    expect(gridCandidates(units, 5, 1)).toHaveLength(2);
  });
});

describe('gridPointName', () => {
  const towns = [
    { name: 'Säter', lon: 15.75, lat: 60.35 },
    { name: 'Borlänge', lon: 15.43, lat: 60.48 },
  ];
  it('names a point by its nearest tätort, with whole km, a compass point and the block size', () => {
    // 0,03° north of Säter = 0,03 × 111,2 km ≈ 3,3 km → "3 km N"
    expect(gridPointName(15.75, 60.38, towns)).toBe('3 km N om Säter, 5 km-ruta');
    // 0,05° east and 0,025° north: dx = 0,05 × cos 60,35° ≈ 0,0247, dy = 0,025 → bearing ≈ 44,7° → NO;
    // distance ≈ √((0,0247 × 111,2)² + (0,025 × 111,2)²) ≈ 3,9 km → 4 km
    expect(gridPointName(15.8, 60.375, towns)).toBe('4 km NO om Säter, 5 km-ruta');
    // 0,001° east and north of Borlänge ≈ 0,12 km: within 1 km → "Nära"; a 10 km block says so.
    expect(gridPointName(15.431, 60.481, towns)).toBe('Nära Borlänge, 5 km-ruta');
    expect(gridPointName(15.431, 60.481, towns, 10)).toBe('Nära Borlänge, 10 km-ruta');
    expect(gridPointName(15.43, 60.48, [])).toBeNull();
  });
  it('placeNear says where a point lies from its nearest tätort', () => {
    expect(placeNear(15.75, 60.38, towns)).toMatchObject({ town: 'Säter', direction: 'N', text: '3 km N om Säter' });
    // 0,03° × 111,2 km = 3,34 km
    expect(placeNear(15.75, 60.38, towns)!.km).toBeCloseTo(3.34, 1);
    expect(placeNear(15.431, 60.481, towns)).toMatchObject({ direction: null, text: 'i Borlänge' });
  });
});
