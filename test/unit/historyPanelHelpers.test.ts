import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { TatortProps } from '../../src/domain/dataset';
import { report } from '../../src/domain/services/docRef';
import type { FamilyCentre, Site } from '../../src/domain/types';
import { scenarioChanges, sharedPoints, snapshotView, zeroStatusCounts } from '../../src/components/historySnapshots';

/** The history panel's pure helpers: snapshot placing per data, snapshot → scenario changes, shared points. */

const fc = (id: string, kommun: string, status: FamilyCentre['status'], lon = 15, lat = 60): FamilyCentre => ({
  id,
  name: id,
  status,
  kommun_code: kommun,
  kommun_name: `K${kommun}`,
  lon,
  lat,
  coord_precision: 'exact',
  position_note: '',
  host_health_centre_id: '',
  opened: '',
});

const tatort = (code: string, name: string, kommun: string, population: number, lon: number, lat: number) => ({
  type: 'Feature' as const,
  geometry: { type: 'Point' as const, coordinates: [lon, lat] },
  properties: { tatort_code: code, name, kommun_code: kommun, kommun_name: name, population, year: 2020 },
});

describe('snapshotView', () => {
  // Only Falun (2080) has tätorter here: Falun 40 000 at (15,6; 60,6) and a smaller one.
  const tatorter: FeatureCollection<Point, TatortProps> = {
    type: 'FeatureCollection',
    features: [tatort('T1', 'Falun', '2080', 40000, 15.6, 60.6), tatort('T2', 'Grycksbo', '2080', 3000, 15.5, 60.7)],
  };
  const data = { familyCentres: [fc('fc-mora', '2062', 'existing', 14.5, 61.0)], tatorter };

  it("places 2019's two Falun centres at Falun's largest tätort and lists the six others it cannot place", () => {
    const v = snapshotView(data, '2019');
    expect(v.placed.placed.map((p) => [p.id, p.lon, p.lat, p.tatort?.name])).toEqual([
      ['h2019-falun-1', 15.6, 60.6, 'Falun'],
      ['h2019-falun-2', 15.6, 60.6, 'Falun'],
    ]);
    // 8 entries − 2 placed = 6 without a tätort in this data.
    expect(v.placed.unplaced).toHaveLength(6);
    expect(new Set(v.placed.unplaced.map((u) => u.reason))).toEqual(new Set(['no_tatort']));
    expect(v.centres.map((c) => [c.id, c.status, c.name])).toEqual([
      ['h2019-falun-1', 'existing', 'Familjecentral i Falun (2019, 1 av 2)'],
      ['h2019-falun-2', 'existing', 'Familjecentral i Falun (2019, 2 av 2)'],
    ]);
  });

  it('places 2026 rows only where the data has them (14 of the 15 ids are missing here)', () => {
    const v = snapshotView(data, '2026');
    expect(v.centres.map((c) => [c.id, c.status])).toEqual([['fc-mora', 'existing']]);
    expect(v.placed.unplaced).toHaveLength(14);
    expect(new Set(v.placed.unplaced.map((u) => u.reason))).toEqual(new Set(['no_facility_row']));
  });

  it('is computed once per data and key', () => {
    expect(snapshotView(data, '2019')).toBe(snapshotView(data, '2019'));
    expect(snapshotView({ ...data }, '2019')).not.toBe(snapshotView(data, '2019'));
  });
});

describe('scenarioChanges', () => {
  const kommuner = [
    { kommun_code: '1', kommun_name: 'Ett' },
    { kommun_code: '2', kommun_name: 'Två' },
    { kommun_code: '3', kommun_name: 'Tre' },
    { kommun_code: '4', kommun_name: 'Fyra' },
  ];
  const note = { code: 'intent_work_stalled' as const, source: report('avsnitt 3.1 Bakgrund') };
  const snapshot = [fc('a', '1', 'existing'), fc('b', '2', 'existing'), fc('c', '3', 'existing')];
  const today = [fc('a2', '1', 'existing'), fc('i', '2', 'intent'), fc('c2', '3', 'existing'), fc('d', '4', 'existing')];
  const cand = (id: string, kommun?: string): Site => ({ id, name: id, status: 'candidate', lon: 15, lat: 60, kommun_code: kommun });

  it('lists only kommuner whose counts differ, by cause, with a documented note where the listing differs', () => {
    const rows = scenarioChanges(snapshot, today, [cand('k1', '3'), cand('k2')], kommuner, new Map([['i', note]]));
    // Ett: 1 existing → 1 existing (other id, same count): left out.
    // Två: 1 existing → 1 intent: listing; the intent site carries the note.
    // Tre: 1 existing → 1 existing + 1 candidate: candidates only.
    // Fyra: 0 → 1 existing: listing, no note. A candidate without a kommun: code '' last.
    expect(rows.map((r) => [r.kommun_code, r.cause, r.note?.code ?? null])).toEqual([
      ['2', 'listing', 'intent_work_stalled'],
      ['3', 'candidates', null],
      ['4', 'listing', null],
      ['', 'candidates', null],
    ]);
    expect(rows[0].before).toEqual({ ...zeroStatusCounts(), existing: 1 });
    expect(rows[0].after).toEqual({ ...zeroStatusCounts(), intent: 1 });
    expect(rows[1].after).toEqual({ ...zeroStatusCounts(), existing: 1, candidate: 1 });
    expect(rows[3].kommun_name).toBe('');
  });

  it('marks both causes, and gives nothing when the snapshot equals the scenario', () => {
    const rows = scenarioChanges(snapshot, today, [cand('k3', '2')], kommuner, new Map());
    expect(rows.find((r) => r.kommun_code === '2')!.cause).toBe('both');
    expect(scenarioChanges(today, today, [], kommuner, new Map())).toEqual([]);
  });
});

describe('sharedPoints', () => {
  it('groups sites on equal coordinates and leaves single points out', () => {
    const sites = [
      { id: 'x', lon: 15.6, lat: 60.6 },
      { id: 'y', lon: 14.5, lat: 61 },
      { id: 'z', lon: 15.6, lat: 60.6 },
      { id: 'w', lon: 15.6, lat: 60.60001 },
    ];
    expect(sharedPoints(sites)).toEqual([{ lon: 15.6, lat: 60.6, ids: ['x', 'z'] }]);
    expect(sharedPoints([])).toEqual([]);
  });
});
