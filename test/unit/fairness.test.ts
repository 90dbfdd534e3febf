import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/domain/dataset';
import { fairness, siteOmradestyp } from '../../src/domain/fairness';
import { keyFigures } from '../../src/domain/keyFigures';
import { kommunGaps } from '../../src/domain/gaps';
import { DEFAULT_PARAMS } from '../../src/domain/scenario';
import { summarise } from '../../src/domain/coverage';
import type { Site } from '../../src/domain/types';
import { readRawInputs } from '../../src/cli/rawInputs';

const ds = buildDataset(readRawInputs());
const existing: Site[] = ds.familyCentres.filter((f) => f.status === 'existing').map((f) => ({ id: f.id, name: f.name, status: f.status, lon: f.lon, lat: f.lat, kommun_code: f.kommun_code }));

describe('fairness view', () => {
  it('puts a site in the områdestyp of the RegSO it lies in', () => {
    const r = ds.regso.features.find((f) => f.properties.omradestyp_2023 === 1)!;
    const d = ds.deso.features.find((f) => f.properties.regso_code === r.properties.regso_code)!;
    expect(siteOmradestyp(ds.regso, { lon: d.properties.rep_lon, lat: d.properties.rep_lat }, 2023)).toBe(1);
    expect(siteOmradestyp(ds.regso, { lon: 0, lat: 0 }, 2023)).toBeNull();
  });
  it('shares of centres and of children each sum to 1, and count the 9 existing centres', () => {
    const rows = fairness(existing, ds.demand.deso, ds.regso, 2023);
    expect(rows.map((r) => r.omradestyp)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.reduce((a, r) => a + r.centres, 0)).toBe(9);
    expect(rows.reduce((a, r) => a + r.centre_share, 0)).toBeCloseTo(1, 12);
    expect(rows.reduce((a, r) => a + r.children_share, 0)).toBeCloseTo(1, 12);
    expect(rows.reduce((a, r) => a + r.children_0_6, 0)).toBeCloseTo(18_890.312, 6);
  });
  it('per kommun: Falun has its 2 centres; Vansbro has none', () => {
    expect(fairness(existing, ds.demand.deso, ds.regso, 2023, '2080').reduce((a, r) => a + r.centres, 0)).toBe(2);
    const v = fairness(existing, ds.demand.deso, ds.regso, 2023, '2021');
    expect(v.every((r) => r.centres === 0 && r.centre_share === 0)).toBe(true);
    expect(v.reduce((a, r) => a + r.children_share, 0)).toBeCloseTo(1, 12);
  });
});

describe('key figures', () => {
  it('counts kommuner without an open site and coverage in områdestyp 1–2', () => {
    const units = [
      { id: 'a', kommun_code: 'A', omradestyp_2022: 1 as const, omradestyp_2023: 1 as const, children_0_6: 10 },
      { id: 'b', kommun_code: 'B', omradestyp_2022: 2 as const, omradestyp_2023: 2 as const, children_0_6: 30 },
      { id: 'c', kommun_code: 'B', omradestyp_2022: 4 as const, omradestyp_2023: 4 as const, children_0_6: 60 },
    ];
    const minutes = [5, 40, 10];
    const county = summarise(units, minutes, [0, 1, 2], 20);
    const byOt = ([1, 2, 3, 4, 5] as const).map((t) => [t, summarise(units, minutes, units.map((u, i) => (u.omradestyp_2023 === t ? i : -1)).filter((i) => i >= 0), 20)] as const);
    const kommuner = [
      { kommun_code: 'A', kommun_name: 'Avesta' },
      { kommun_code: 'B', kommun_name: 'Borlänge' },
    ];
    const sites: Site[] = [{ id: 's', name: 'S', status: 'existing', lon: 0, lat: 0, kommun_code: 'A' }];
    const k = keyFigures({
      siteSet: { key: 'today', include: DEFAULT_PARAMS.include, candidates: 0 },
      params: { ...DEFAULT_PARAMS, thresholdMinutes: 20 },
      county,
      byOmradestyp: byOt.map(([t, st]) => [t, st]),
      gaps: kommunGaps(kommuner, [], sites, new Map(), 0.5),
      siteIds: ['s'],
    });
    // covered 10 + 60 of 100; in types 1–2: 10 of 40
    expect(k).toMatchObject({ children_0_6: 100, coverage_share: 0.7, thresholdMinutes: 20, kommuner_without_centre: 1, kommuner_without_names: ['Borlänge'], coverage_share_ot12: 0.25, sites: 1 });
  });
});
