import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { dataDir } from '../../src/cli/rawInputs';
import type { TatortProps } from '../../src/domain/dataset';
import { appStatus, placeSnapshot, snapshotAt, snapshotFamilyCentres } from '../../src/domain/history/snapshot';
import type { FamilyCentre } from '../../src/domain/types';

// The shared data as the data build reads it: family-centres.csv and tatorter.geojson.
const rows = Papa.parse<Record<string, string>>(readFileSync(join(dataDir(), 'facilities/family-centres.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
const centres: FamilyCentre[] = rows.map((r) => ({
  id: r.id,
  name: r.name,
  status: r.status as FamilyCentre['status'],
  kommun_code: r.kommun_code,
  kommun_name: r.kommun_name,
  lon: Number(r.lon),
  lat: Number(r.lat),
  coord_precision: r.coord_precision,
  position_note: '',
  host_health_centre_id: r.host_health_centre_id,
  opened: r.opened,
}));
const tatorter = JSON.parse(readFileSync(join(dataDir(), 'geo/tatorter.geojson'), 'utf8')) as FeatureCollection<Point, TatortProps>;

describe('the transcription against the shared data', () => {
  it('2026: every entry is a row of family-centres.csv with the same kommun and status, and every row is an entry', () => {
    const s = snapshotAt('2026');
    for (const e of s.entries) {
      const r = centres.find((c) => c.id === e.id);
      expect(r, e.id).toBeDefined();
      expect([r!.kommun_code, r!.status]).toEqual([e.kommun_code, appStatus(e)]);
    }
    expect(s.entries.map((e) => e.id).sort()).toEqual(centres.map((c) => c.id).sort());
  });

  it("2026 'kommun_match' entries are the only rows of their status in their kommun (Falun's second is the data's inference)", () => {
    for (const e of snapshotAt('2026').entries) {
      const same = centres.filter((c) => c.kommun_code === e.kommun_code && c.status === appStatus(e));
      if (e.identity === 'kommun_match') {
        const inDoc = snapshotAt('2026').entries.filter((x) => x.kommun_code === e.kommun_code && appStatus(x) === appStatus(e));
        expect(same.length, e.id).toBe(inDoc.length);
      }
    }
  });

  it('2019: all eight placed at the largest tätort of their kommun; Hedemora at Hedemora (SCB 2083TC103)', () => {
    const p = placeSnapshot(snapshotAt('2019'), centres, tatorter);
    expect(p.unplaced).toEqual([]);
    expect(p.placed).toHaveLength(8);
    const h = p.placed.find((e) => e.id === 'h2019-hedemora')!;
    expect(h).toMatchObject({ tatort: { code: '2083TC103', name: 'Hedemora' }, lon: 15.98095, lat: 60.28089, coord_precision: 'town' });
    // Gagnef's largest tätort is Djurås (2 177 inhabitants 2020), not the village named Gagnef (1 212).
    expect(p.placed.find((e) => e.id === 'h2019-gagnef')!.tatort).toEqual({ code: '2026TB105', name: 'Djurås' });
    expect(snapshotFamilyCentres(p)).toHaveLength(8);
  });

  it('2026: all fifteen placed at their facility points', () => {
    const p = placeSnapshot(snapshotAt('2026'), centres, tatorter);
    expect(p.unplaced).toEqual([]);
    const f = snapshotFamilyCentres(p);
    expect(f.map((x) => x.status).filter((s) => s === 'existing')).toHaveLength(9);
    expect(f.find((x) => x.id === 'fc-smedjebacken')).toMatchObject({ lon: 15.409203, lat: 60.146382 });
  });
});
