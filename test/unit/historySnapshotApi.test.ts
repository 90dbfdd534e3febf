import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, type ScenarioParams } from '../../src/domain/scenario';
import type { DemandUnit, FamilyCentre, Site } from '../../src/domain/types';
import { AnalysisApi } from '../../src/worker/analysisApi';

/**
 * The analysis worker's `snapshot`: a snapshot's sites analysed as the today set in place of the
 * data's family centres, under the request's parameters. A toy county on the equator with
 * straight-line travel at 60 km/h, so minutes = km: one degree of longitude is
 * 2π × 6 371,0088 km / 360 = 111,195 km.
 */

const DEG_KM = (2 * Math.PI * 6371.0088) / 360; // 111,195 km

const unit = (id: string, lon: number, kommun: string, children: number): DemandUnit => ({
  id,
  kind: 'grid',
  lon,
  lat: 0,
  deso_code: `D${id}`,
  regso_code: `R${id}`,
  kommun_code: kommun,
  omradestyp_2022: 3,
  omradestyp_2023: 3,
  population: children * 10,
  children_0_6: children,
  women_16_54: 0,
});

const centre = (id: string, lon: number, kommun: string, status: FamilyCentre['status']): FamilyCentre => ({
  id,
  name: id,
  status,
  kommun_code: kommun,
  kommun_name: kommun,
  lon,
  lat: 0,
  coord_precision: 'exact',
  position_note: '',
  host_health_centre_id: '',
  opened: '',
});

// u1 at 0°, u2 at 0,1°, u3 at 1,0°; children 10, 20, 40 (70 in all).
const grid = [unit('u1', 0, '1001', 10), unit('u2', 0.1, '1001', 20), unit('u3', 1.0, '1002', 40)];
const kommuner = [
  { kommun_code: '1001', kommun_name: 'Aby' },
  { kommun_code: '1002', kommun_name: 'Bby' },
];
const params: ScenarioParams = { ...DEFAULT_PARAMS, travel: { kind: 'straight', speedKmh: 60 }, thresholdMinutes: 20, demand: 'grid' };
// Today's data: one centre at 0° (Aby). A candidate at 1,0° is in the request but never in a snapshot.
const candidate: Site = { id: 'cand', name: 'cand', status: 'candidate', lon: 1.0, lat: 0, kommun_code: '1002' };
const req = { params, candidates: [candidate], matrix: null };
// The snapshot: an operating centre at 1,0° (Bby) and a planned one at 0,1° (Aby).
const snapshot = [centre('s-open', 1.0, '1002', 'existing'), centre('s-planned', 0.1, '1001', 'planned')];

function api(): AnalysisApi {
  const a = new AnalysisApi();
  a.init({ demand: { grid, deso: [] }, familyCentres: [centre('fc-today', 0, '1001', 'existing')], kommuner });
  return a;
}

describe('AnalysisApi.snapshot', () => {
  it("counts the snapshot's operating centre in place of today's, without the request's candidates", async () => {
    const s = await api().snapshot(req, snapshot);
    // Planned sites count only when switched on (off by default): the one site is s-open at 1,0°.
    expect(s.siteIds).toEqual(['s-open']);
    expect(s.siteSet).toEqual({ key: 'today', include: params.include, candidates: 0 });
    // u1 1,0° = 111,2 min, u2 0,9° = 100,1 min: beyond T; u3 0 min: covered. 40 of 70 children.
    expect(s.county.covered_children).toBe(40);
    expect(s.county.children_0_6).toBe(70);
    expect(s.county.coverage_share).toBeCloseTo(40 / 70, 12);
    // Child-weighted mean: (10 × 111,195 + 20 × 100,076 + 40 × 0) / 70 = 3 113,5 / 70 = 44,48 min.
    expect(s.county.mean_minutes).toBeCloseTo((10 * DEG_KM + 20 * 0.9 * DEG_KM) / 70, 3);
    expect(s.county.mean_minutes).toBeCloseTo(44.48, 2);
    // Aby: no site counted, its planned one named as not counted, 0 of 30 covered (< 50 %).
    // Bby: an operating site no document describes: its form is open (services unknown).
    const aby = s.gaps.find((g) => g.kommun_code === '1001')!;
    expect(aby.flags).toEqual(['no_centre', 'low_coverage']);
    expect(aby.centres).toEqual({ existing: 0, planned: 1, intent: 0, family_unit: 0 });
    expect(aby.counted.planned).toBe(0);
    expect(s.gaps.find((g) => g.kommun_code === '1002')!.flags).toEqual(['form_uncertain']);
    // Per-unit arrays in the demand's order: nearest index into siteIds, minutes.
    expect([...s.nearest]).toEqual([0, 0, 0]);
    expect(s.minutes[2]).toBe(0);
  });

  it("follows the request's switches: with planned sites on, the planned one counts", async () => {
    const s = await api().snapshot({ ...req, params: { ...params, include: { ...params.include, planned: true } } }, snapshot);
    expect(s.siteIds).toEqual(['s-open', 's-planned']);
    // u1 0,1° = 11,1 min and u2 0 min from s-planned, u3 0 min from s-open: all 70 covered.
    expect(s.county.covered_children).toBe(70);
    // Mean: (10 × 11,12 + 0 + 0) / 70 = 1,589 min.
    expect(s.county.mean_minutes).toBeCloseTo((10 * 0.1 * DEG_KM) / 70, 3);
    expect(s.gaps.find((g) => g.kommun_code === '1001')!.flags).toEqual(['only_planned_or_intent']);
  });

  it("differs from today's set on the same request, which counts the data's centre", async () => {
    const a = api();
    const today = (await a.coverage(req)).today;
    // Today: fc-today at 0°: u1 0 min, u2 11,1 min covered; u3 111,2 min not: 30 of 70.
    expect(today.siteIds).toEqual(['fc-today']);
    expect(today.county.covered_children).toBe(30);
    expect((await a.snapshot(req, snapshot)).county.covered_children).toBe(40);
  });
});
