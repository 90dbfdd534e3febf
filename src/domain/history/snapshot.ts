import type { FeatureCollection, Point } from 'geojson';
import type { TatortProps } from '../dataset';
import type { FamilyCentre, FamilyCentreStatus, Site } from '../types';
import { SNAPSHOTS } from './transcription';
import type { Snapshot, SnapshotEntry, SnapshotKey } from './types';

/**
 * The documented snapshot for a key: the sites the source lists, with their status.
 *
 * @example snapshotAt('2019').entries.length // → 8
 */
export function snapshotAt(key: SnapshotKey): Snapshot {
  const s = SNAPSHOTS.find((x) => x.key === key);
  if (!s) throw new Error(`Okänd ögonblicksbild: ${key}`);
  return s;
}

/** Counts of a snapshot, as the documents state them (family units apart from centres). */
export interface SnapshotCounts {
  /** Operating familjecentraler. */
  open_centres: number;
  /** Kommuner with at least one operating familjecentral. */
  kommuner_with_open: number;
  planned: number;
  intent: number;
  /** Operating familjeenheter (never counted as familjecentraler). */
  family_units: number;
  /** Kommun codes with at least one operating familjecentral, sorted. */
  kommun_codes_with_open: string[];
}

/** Counts the entries of a snapshot. */
export function snapshotCounts(s: Snapshot): SnapshotCounts {
  const centres = s.entries.filter((e) => e.kind === 'familjecentral');
  const open = centres.filter((e) => e.status === 'open');
  const codes = [...new Set(open.map((e) => e.kommun_code))].sort();
  return {
    open_centres: open.length,
    kommuner_with_open: codes.length,
    planned: centres.filter((e) => e.status === 'planned').length,
    intent: centres.filter((e) => e.status === 'intent').length,
    family_units: s.entries.filter((e) => e.kind === 'familjeenhet' && e.status === 'open').length,
    kommun_codes_with_open: codes,
  };
}

/** A snapshot entry with a point to draw (WGS84). */
export interface PlacedEntry extends SnapshotEntry {
  lon: number;
  lat: number;
  /** The facility row's precision, or `town` for a tätort point. */
  coord_precision: string;
  /** The facility's public row, or null for a site known only by its kommun. */
  facility: FamilyCentre | null;
  /** The tätort the site is drawn at (`largest_tatort` positions), else null. */
  tatort: { code: string; name: string } | null;
}

/** Placed entries, and the entries that could not be placed (with why). */
export interface PlacedSnapshot {
  snapshot: Snapshot;
  placed: PlacedEntry[];
  /** `no_facility_row`: the id is not in the facility data; `no_tatort`: the kommun has no tätort in the data. */
  unplaced: { id: string; reason: 'no_facility_row' | 'no_tatort' }[];
}

/**
 * Gives every entry of a snapshot a point: a facility's own point, or — for a site known only by
 * its kommun — the kommun's most populous tätort (SCB Tätorter 2020), precision `town`. Nothing is
 * dropped silently: an entry that cannot be placed is listed in `unplaced`.
 *
 * @param familyCentres today's family centres (the app's public rows)
 * @param tatorter the data's tätort points
 */
export function placeSnapshot(s: Snapshot, familyCentres: readonly FamilyCentre[], tatorter: FeatureCollection<Point, TatortProps>): PlacedSnapshot {
  const byId = new Map(familyCentres.map((f) => [f.id, f]));
  const largest = largestTatortByKommun(tatorter);
  const placed: PlacedEntry[] = [];
  const unplaced: PlacedSnapshot['unplaced'] = [];
  for (const e of s.entries) {
    if (e.position.kind === 'facility') {
      const f = byId.get(e.position.id);
      if (!f) unplaced.push({ id: e.id, reason: 'no_facility_row' });
      else placed.push({ ...e, lon: f.lon, lat: f.lat, coord_precision: f.coord_precision, facility: f, tatort: null });
    } else {
      const t = largest.get(e.kommun_code);
      if (!t) unplaced.push({ id: e.id, reason: 'no_tatort' });
      else placed.push({ ...e, lon: t.lon, lat: t.lat, coord_precision: 'town', facility: null, tatort: { code: t.code, name: t.name } });
    }
  }
  return { snapshot: s, placed, unplaced };
}

/** The most populous tätort of each kommun (ties: the smaller tätort code). */
export function largestTatortByKommun(tatorter: FeatureCollection<Point, TatortProps>): Map<string, { code: string; name: string; population: number; lon: number; lat: number }> {
  const out = new Map<string, { code: string; name: string; population: number; lon: number; lat: number }>();
  for (const f of tatorter.features) {
    const p = f.properties;
    const cur = out.get(p.kommun_code);
    if (cur && (cur.population > p.population || (cur.population === p.population && cur.code < p.tatort_code))) continue;
    const [lon, lat] = f.geometry.coordinates;
    out.set(p.kommun_code, { code: p.tatort_code, name: p.name, population: p.population, lon, lat });
  }
  return out;
}

/**
 * The app's status of a snapshot entry: a familjeenhet is `family_unit`; an operating centre
 * `existing`; planned and intent keep theirs; a closed or paused site is not a centre at that
 * time (null).
 */
export function appStatus(e: Pick<SnapshotEntry, 'kind' | 'status'>): FamilyCentreStatus | null {
  if (e.status === 'closed_or_paused') return null;
  if (e.kind === 'familjeenhet') return 'family_unit';
  return e.status === 'open' ? 'existing' : e.status;
}

/** Swedish note on a tätort point (the kind `FamilyCentre.position_note` carries). */
const TATORT_NOTE = 'Läge: endast kommunen är känd; visas i kommunens största tätort (±några km)';

/**
 * The placed entries as the app's family centres, so the map, key figures and gap flags
 * (`kommunGaps`) can run on a snapshot exactly as on today's data. A site known only by its
 * kommun gets a generic name, "Familjecentral i Falun (2019, 1 av 2)", and a position note; a
 * facility keeps its public row (name, point, note, host, opened) with the snapshot's status.
 */
export function snapshotFamilyCentres(p: PlacedSnapshot): FamilyCentre[] {
  const perKommun = new Map<string, number>();
  for (const e of p.placed) if (e.facility === null) perKommun.set(e.kommun_code, (perKommun.get(e.kommun_code) ?? 0) + 1);
  const seen = new Map<string, number>();
  const out: FamilyCentre[] = [];
  for (const e of p.placed) {
    const status = appStatus(e);
    if (status === null) continue;
    if (e.facility) {
      out.push({ ...e.facility, status });
      continue;
    }
    const n = perKommun.get(e.kommun_code) ?? 1;
    const i = (seen.get(e.kommun_code) ?? 0) + 1;
    seen.set(e.kommun_code, i);
    out.push({
      id: e.id,
      name: `Familjecentral i ${e.kommun_name} (${p.snapshot.key}${n > 1 ? `, ${i} av ${n}` : ''})`,
      status,
      kommun_code: e.kommun_code,
      kommun_name: e.kommun_name,
      lon: e.lon,
      lat: e.lat,
      coord_precision: e.coord_precision,
      position_note: TATORT_NOTE,
      host_health_centre_id: '',
      opened: '',
    });
  }
  return out;
}

/** The snapshot's family centres as analysis sites (status as in `snapshotFamilyCentres`). */
export function snapshotSites(centres: readonly FamilyCentre[]): Site[] {
  return centres.map((f) => ({ id: f.id, name: f.name, status: f.status, lon: f.lon, lat: f.lat, kommun_code: f.kommun_code }));
}
