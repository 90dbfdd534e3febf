import { dataDir } from '../../src/cli/rawInputs';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { TatortProps } from '../../src/domain/dataset';
import { changeList } from '../../src/domain/history/changeList';
import { documentedPeriods, overlappingPeriods, statusAt } from '../../src/domain/history/periods';
import { appStatus, largestTatortByKommun, placeSnapshot, snapshotAt, snapshotCounts, snapshotFamilyCentres, snapshotSites } from '../../src/domain/history/snapshot';
import type { Snapshot, SnapshotEntry } from '../../src/domain/history/types';
import { compareFrom, isYearMonth, monthSpan, overlaps } from '../../src/domain/history/yearMonth';
import type { FamilyCentre } from '../../src/domain/types';

// The background documents sit beside the shared data (../shared/seeds, or next to $FCP_DATA_DIR).
const SEEDS = resolve(dataDir(), '..', 'seeds');
const seed = (file: string) => readFileSync(resolve(SEEDS, file), 'utf8').replace(/\s+/g, ' ');

describe('the snapshots: counts exactly as the documents state them', () => {
  it('2019 (000/001): 8 centres in 7 kommuner — Avesta, Ludvika, Falun ×2, Gagnef, Leksand, Hedemora, Mora', () => {
    const s = snapshotAt('2019');
    const c = snapshotCounts(s);
    expect(c).toEqual({
      open_centres: 8,
      kommuner_with_open: 7,
      planned: 0,
      intent: 0,
      family_units: 0,
      // Gagnef 2026, Leksand 2029, Mora 2062, Falun 2080, Hedemora 2083, Avesta 2084, Ludvika 2085
      kommun_codes_with_open: ['2026', '2029', '2062', '2080', '2083', '2084', '2085'],
    });
    expect(c.open_centres).toBe(s.statedCounts.open_centres);
    expect(c.kommuner_with_open).toBe(s.statedCounts.kommuner_with_open);
    expect(s.entries.filter((e) => e.kommun_name === 'Falun')).toHaveLength(2);
  });

  it('2019: the 7 kommuner with a centre and the 8 stated without make the county\'s 15, once each', () => {
    const s = snapshotAt('2019');
    const withC = new Set(s.entries.map((e) => e.kommun_code));
    const without = s.statedWithout!.kommuner.map((k) => k.kommun_code);
    expect(without).toHaveLength(8);
    expect(without.filter((k) => withC.has(k))).toEqual([]);
    expect(new Set([...withC, ...without]).size).toBe(15);
  });

  it('2026 (002, avsnitt 3.1): 9 existing in 8 kommuner, 1 planned, 3 letters of intent, 2 family units', () => {
    const s = snapshotAt('2026');
    const c = snapshotCounts(s);
    expect(c).toMatchObject({ open_centres: 9, kommuner_with_open: 8, planned: 1, intent: 3, family_units: 2 });
    expect(s.statedCounts).toEqual({ open_centres: 9, kommuner_with_open: 8, planned: 1, intent: 3, family_units: 2 });
    const names = (f: (e: SnapshotEntry) => boolean) => s.entries.filter(f).map((e) => e.kommun_name);
    expect(names((e) => e.kind === 'familjecentral' && e.status === 'open')).toEqual(['Mora', 'Leksand', 'Rättvik', 'Gagnef', 'Falun', 'Falun', 'Borlänge', 'Ludvika', 'Avesta']);
    expect(names((e) => e.status === 'planned')).toEqual(['Smedjebacken']);
    expect(names((e) => e.status === 'intent')).toEqual(['Vansbro', 'Malung-Sälen', 'Malung-Sälen']);
    expect(names((e) => e.kind === 'familjeenhet')).toEqual(['Orsa', 'Älvdalen']);
  });

  it('the transcription matches the documents\' text', () => {
    const s000 = seed('000_73645d83e91d4c02.txt');
    const s001 = seed('001_f9e0c0b75e7e9f81.txt');
    for (const t of [s000, s001]) {
      expect(t).toContain('8 familjecentraler i 7 kommuner');
      // The list on the slide "Dalarnas familjecentraler", in its order.
      expect(t).toMatch(/Avesta • Ludvika • Falun 2 stycken • Gagnef • Leksand • Hedemora • Mora|- Avesta - Ludvika - Falun 2 stycken - Gagnef - Leksand - Hedemora - Mora/);
      for (const k of snapshotAt('2019').statedWithout!.kommuner) expect(t).toContain(k.kommun_name);
    }
    const t = seed('002_d1efa921fd6db66c.txt');
    expect(t).toContain('nio familjecentraler, fördelade i åtta av länets femton kommuner');
    expect(t).toContain('Mora, Leksand, Rättvik, Gagnef, Falun (2 stycken), Borlänge, Ludvika och Avesta');
    expect(t).toContain('planeras en familjecentral i Smedjebackens kommun');
    expect(t).toContain('En i Vansbro kommun och två i Malung-Sälens kommun');
    expect(t).toContain('I Orsa kommun och Älvdalens kommun finns det familjeenheter');
    expect(t).toContain('Familjecentralen Elsborg'); // avsnitt 3.3
    expect(t).toContain('Sopranen i Borlänge'); // avsnitt 3.4
  });

  it('no 2019 centre is linked to a 2026 one (the documents never say which became which)', () => {
    expect(snapshotAt('2019').entries.every((e) => e.sameAs === null && e.identity === 'none' && e.position.kind === 'largest_tatort')).toBe(true);
  });
});

describe('changeList 2019 → 2026', () => {
  const list = changeList(snapshotAt('2019'), snapshotAt('2026'));
  const k = (name: string) => list.find((x) => x.kommun_name === name)!;

  it('covers the 15 kommuner in Swedish order', () => {
    expect(list.map((x) => x.kommun_name)).toEqual([
      'Avesta', 'Borlänge', 'Falun', 'Gagnef', 'Hedemora', 'Leksand', 'Ludvika', 'Malung-Sälen', 'Mora', 'Orsa', 'Rättvik', 'Smedjebacken', 'Säter', 'Vansbro', 'Älvdalen',
    ]);
  });

  it('Hedemora: listed in 2019, not in 2026; why: uppgift saknas', () => {
    expect(k('Hedemora')).toEqual({
      kommun_code: '2083',
      kommun_name: 'Hedemora',
      change: 'removed',
      before: { 'familjecentral:open': 1 },
      after: {},
      stated_without_before: false,
      sites: [{ kind: 'removed', from_ids: ['h2019-hedemora'], to_ids: [], from_status: 'open', to_status: null }],
      reason: null,
      dated: [],
    });
  });

  it('Rättvik and Borlänge: new (stated without a centre in 2019); why: uppgift saknas; Sopranen dated 2023-05', () => {
    expect(k('Rättvik')).toMatchObject({
      change: 'added',
      before: {},
      after: { 'familjecentral:open': 1 },
      stated_without_before: true,
      sites: [{ kind: 'added', from_ids: [], to_ids: ['fc-rattvik'], from_status: null, to_status: 'open' }],
      reason: null,
      dated: [],
    });
    expect(k('Borlänge')).toMatchObject({ change: 'added', stated_without_before: true, reason: null });
    expect(k('Borlänge').dated).toEqual([{ id: 'fc-borlange-sopranen', from: '2023-05', source: { docs: ['family-centres.csv'], place: 'kolumnen opened (fc-borlange-sopranen)' } }]);
  });

  it('Falun: two and two, but which became which is not documented', () => {
    expect(k('Falun')).toMatchObject({
      change: 'unchanged',
      before: { 'familjecentral:open': 2 },
      after: { 'familjecentral:open': 2 },
      sites: [{ kind: 'link_unknown', from_ids: ['h2019-falun-1', 'h2019-falun-2'], to_ids: ['fc-falun-elsborg', 'fc-falun-britsarvet'], from_status: null, to_status: null }],
    });
  });

  it('Vansbro and Malung-Sälen: new letters of intent, with the documented note on why work stalled', () => {
    expect(k('Vansbro')).toMatchObject({ change: 'added', after: { 'familjecentral:intent': 1 }, reason: { code: 'intent_work_stalled', source: { docs: ['002'] } } });
    expect(k('Malung-Sälen')).toMatchObject({ change: 'added', after: { 'familjecentral:intent': 2 } });
    expect(k('Malung-Sälen').sites.map((s) => s.kind)).toEqual(['added', 'added']);
  });

  it('Smedjebacken planned; Orsa and Älvdalen family units; Säter unchanged (none in either)', () => {
    expect(k('Smedjebacken')).toMatchObject({ change: 'added', after: { 'familjecentral:planned': 1 }, reason: null });
    expect(k('Orsa')).toMatchObject({ change: 'added', after: { 'familjeenhet:open': 1 } });
    expect(k('Orsa').dated.map((d) => d.from)).toEqual(['2023-10']);
    expect(k('Säter')).toMatchObject({ change: 'unchanged', before: {}, after: {}, stated_without_before: true, sites: [], reason: null });
  });

  it('the reverse direction turns added into removed', () => {
    const back = changeList(snapshotAt('2026'), snapshotAt('2019'));
    expect(back.find((x) => x.kommun_name === 'Hedemora')!.change).toBe('added');
    expect(back.find((x) => x.kommun_name === 'Rättvik')!.change).toBe('removed');
    expect(back.find((x) => x.kommun_name === 'Säter')).toBeUndefined(); // 2026 states no kommun without
  });
});

describe('changeList on toy snapshots (followed sites)', () => {
  const entry = (id: string, kommun: string, status: SnapshotEntry['status'], sameAs: string | null = null, kind: SnapshotEntry['kind'] = 'familjecentral'): SnapshotEntry => ({
    id,
    kommun_code: kommun,
    kommun_name: `K${kommun}`,
    kind,
    status,
    source: { docs: ['002'], place: 'x' },
    identity: 'named',
    identitySource: null,
    position: { kind: 'largest_tatort' },
    sameAs,
    statusNote: null,
  });
  const snap = (key: '2019' | '2026', entries: SnapshotEntry[]): Snapshot => ({
    key,
    at: key,
    documentDate: '',
    source: { docs: ['002'], place: 'x' },
    entries,
    statedWithout: null,
    statedCounts: { open_centres: 0, kommuner_with_open: 0, planned: null, intent: null, family_units: null },
  });

  it('same id or a documented sameAs follows a site; counts decide the kommun kind', () => {
    const a = snap('2019', [entry('a', '1', 'planned'), entry('b', '2', 'open', 'b2'), entry('c', '3', 'open')]);
    const b = snap('2026', [entry('a', '1', 'open'), entry('b2', '2', 'open'), entry('c', '3', 'open'), entry('d', '3', 'intent')]);
    const l = changeList(a, b);
    expect(l.map((x) => x.change)).toEqual(['status_changed', 'unchanged', 'count_changed']);
    expect(l[0].sites).toEqual([{ kind: 'status_changed', from_ids: ['a'], to_ids: ['a'], from_status: 'planned', to_status: 'open' }]);
    expect(l[1].sites).toEqual([{ kind: 'unchanged', from_ids: ['b'], to_ids: ['b2'], from_status: 'open', to_status: 'open' }]);
    expect(l[2].sites).toEqual([
      { kind: 'unchanged', from_ids: ['c'], to_ids: ['c'], from_status: 'open', to_status: 'open' },
      { kind: 'added', from_ids: [], to_ids: ['d'], from_status: null, to_status: 'intent' },
    ]);
  });

  it('a familjecentral that becomes a familjeenhet is a status change', () => {
    const l = changeList(snap('2019', [entry('a', '1', 'open')]), snap('2026', [entry('a', '1', 'open', null, 'familjeenhet')]));
    expect(l[0].change).toBe('status_changed');
    expect(l[0].sites[0].kind).toBe('status_changed');
  });
});

describe('status periods', () => {
  it('documented periods: a listing covers only its snapshot; a dated start extends it', () => {
    const p = documentedPeriods();
    expect(p.get('h2019-hedemora')).toEqual([{ status: 'open', from: '2019', to: '2019', fromIsStart: false, toIsEnd: false, sources: [{ docs: ['000', '001'], place: 'bilden "Dalarnas familjecentraler"' }] }]);
    expect(p.get('fc-borlange-sopranen')).toMatchObject([{ status: 'open', from: '2023-05', to: '2026', fromIsStart: true, toIsEnd: false }]);
    expect(p.get('fc-borlange-sopranen')![0].sources.map((s) => s.docs[0])).toEqual(['family-centres.csv', '002']);
    expect(p.get('fc-vansbro')).toMatchObject([{ status: 'intent', from: '2026', to: '2026' }]);
    expect(p.size).toBe(23);
    // Hedemora in 2026 and Rättvik in 2019: no period → uppgift saknas.
    expect(statusAt(p.get('h2019-hedemora')!, '2026')).toBeNull();
    expect(statusAt(p.get('fc-rattvik')!, '2019')).toBeNull();
    expect(statusAt(p.get('fc-borlange-sopranen')!, '2024-02')).toBe('open');
    expect(statusAt(p.get('fc-borlange-sopranen')!, '2023-04')).toBeNull();
  });

  it('statusAt: inclusive bounds, open ends, the later start where periods overlap', () => {
    const periods = [
      { status: 'intent' as const, from: '2019-12', to: '2022' },
      { status: 'planned' as const, from: '2022-06', to: '2023-04' },
      { status: 'open' as const, from: '2023-05', to: null },
    ];
    expect(statusAt(periods, '2019-11')).toBeNull();
    expect(statusAt(periods, '2019-12')).toBe('intent');
    expect(statusAt(periods, '2022-05')).toBe('intent');
    expect(statusAt(periods, '2022-07')).toBe('planned'); // intent (to 2022-12) and planned overlap: later start
    expect(statusAt(periods, '2023-04')).toBe('planned');
    expect(statusAt(periods, '2040')).toBe('open');
    expect(statusAt([{ status: 'open', from: null, to: '2010' }], '1990')).toBe('open');
    expect(overlappingPeriods(periods)).toEqual([[0, 1]]);
  });

  it('year-month arithmetic', () => {
    expect(['2019', '2019-01', '2019-12', '1900', '2100'].every(isYearMonth)).toBe(true);
    expect(['2019-13', '2019-00', '19', '2019-1', '1899', '2101', '2019-10-01', 2019, null].some(isYearMonth)).toBe(false);
    // 2019 × 12 = 24228; May = +4.
    expect(monthSpan('2019')).toEqual([24228, 24239]);
    expect(monthSpan('2019-05')).toEqual([24232, 24232]);
    expect(overlaps('2019', '2019', '2019-10', '2019-10')).toBe(true);
    expect(overlaps('2019', '2019', '2020-01', null)).toBe(false);
    expect(overlaps(null, null, '1950', '1950')).toBe(true);
    expect(['2020', null, '2019-05', '2019'].sort(compareFrom)).toEqual([null, '2019', '2019-05', '2020']);
  });
});

describe('placing a snapshot', () => {
  const fc = (id: string, kommun: string, status: FamilyCentre['status']): FamilyCentre => ({
    id,
    name: `Namn ${id}`,
    status,
    kommun_code: kommun,
    kommun_name: `K${kommun}`,
    lon: 15,
    lat: 60,
    coord_precision: 'site',
    position_note: '',
    host_health_centre_id: 'hc-x',
    opened: '',
  });
  const tatort = (code: string, kommun: string, population: number, lon: number): FeatureCollection<Point, TatortProps>['features'][number] => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [lon, 60] },
    properties: { tatort_code: code, name: `T${code}`, kommun_code: kommun, kommun_name: `K${kommun}`, population, year: 2020 },
  });

  it('the largest tätort per kommun (ties: the smaller code)', () => {
    const m = largestTatortByKommun({ type: 'FeatureCollection', features: [tatort('B', '1', 100, 15.1), tatort('A', '1', 100, 15.2), tatort('C', '1', 99, 15.3), tatort('D', '2', 5, 16)] });
    expect(m.get('1')).toMatchObject({ code: 'A', lon: 15.2 });
    expect(m.get('2')).toMatchObject({ code: 'D' });
  });

  it('2019 sites at the tätort (precision town), generic names; missing data is listed, never dropped silently', () => {
    const tat: FeatureCollection<Point, TatortProps> = { type: 'FeatureCollection', features: [tatort('F', '2080', 1000, 15.6), tatort('H', '2083', 500, 15.98)] };
    const p = placeSnapshot(snapshotAt('2019'), [], tat);
    expect(p.placed.map((e) => e.id)).toEqual(['h2019-falun-1', 'h2019-falun-2', 'h2019-hedemora']);
    expect(p.placed[2]).toMatchObject({ lon: 15.98, lat: 60, coord_precision: 'town', tatort: { code: 'H', name: 'TH' }, facility: null });
    expect(p.unplaced.map((u) => u.reason)).toEqual(['no_tatort', 'no_tatort', 'no_tatort', 'no_tatort', 'no_tatort']);
    const fcs = snapshotFamilyCentres(p);
    expect(fcs.map((f) => f.name)).toEqual(['Familjecentral i Falun (2019, 1 av 2)', 'Familjecentral i Falun (2019, 2 av 2)', 'Familjecentral i Hedemora (2019)']);
    expect(fcs.every((f) => f.status === 'existing' && f.position_note.startsWith('Läge:'))).toBe(true);
    expect(snapshotSites(fcs)[2]).toEqual({ id: 'h2019-hedemora', name: 'Familjecentral i Hedemora (2019)', status: 'existing', lon: 15.98, lat: 60, kommun_code: '2083' });
  });

  it("2026 sites keep the facility's public row, with the snapshot's status", () => {
    const p = placeSnapshot(snapshotAt('2026'), [fc('fc-orsa-familjens-hus', '2034', 'family_unit'), fc('fc-vansbro', '2021', 'intent')], { type: 'FeatureCollection', features: [] });
    expect(p.placed.map((e) => e.id)).toEqual(['fc-vansbro', 'fc-orsa-familjens-hus']);
    expect(p.unplaced).toHaveLength(13);
    expect(p.unplaced.every((u) => u.reason === 'no_facility_row')).toBe(true);
    const fcs = snapshotFamilyCentres(p);
    expect(fcs.map((f) => [f.id, f.status, f.host_health_centre_id])).toEqual([
      ['fc-vansbro', 'intent', 'hc-x'],
      ['fc-orsa-familjens-hus', 'family_unit', 'hc-x'],
    ]);
  });

  it('appStatus maps kind and status to the app', () => {
    expect(appStatus({ kind: 'familjecentral', status: 'open' })).toBe('existing');
    expect(appStatus({ kind: 'familjecentral', status: 'planned' })).toBe('planned');
    expect(appStatus({ kind: 'familjecentral', status: 'intent' })).toBe('intent');
    expect(appStatus({ kind: 'familjeenhet', status: 'open' })).toBe('family_unit');
    expect(appStatus({ kind: 'familjecentral', status: 'closed_or_paused' })).toBeNull();
  });
});
