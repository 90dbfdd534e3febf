import type { FeatureCollection, Point } from 'geojson';
import type { TatortProps } from '../domain/dataset';
import { placeSnapshot, snapshotAt, snapshotFamilyCentres, type PlacedSnapshot } from '../domain/history/snapshot';
import type { SnapshotKey, StatusNoteCode } from '../domain/history/types';
import type { DocRef } from '../domain/services/docRef';
import type { FamilyCentre, Site, SiteStatus } from '../domain/types';
import type { KommunRef } from '../domain/views';

/**
 * What the history panel and the map show of a documented snapshot, from the loaded data: the
 * snapshot's entries placed on the map (`placeSnapshot`) and the same entries as the app's family
 * centres (`snapshotFamilyCentres`), which the analysis worker counts and the map draws.
 */
export interface SnapshotView {
  placed: PlacedSnapshot;
  centres: FamilyCentre[];
}

/** The data a snapshot is placed on: today's family centres (points of the 2026 rows) and the tätorter. */
export interface SnapshotData {
  familyCentres: readonly FamilyCentre[];
  tatorter: FeatureCollection<Point, TatortProps>;
}

const views = new WeakMap<SnapshotData, Map<SnapshotKey, SnapshotView>>();

/** A snapshot placed on the data, computed once per data and key (the panel and the map share it). */
export function snapshotView(data: SnapshotData, key: SnapshotKey): SnapshotView {
  let m = views.get(data);
  if (!m) views.set(data, (m = new Map()));
  let v = m.get(key);
  if (!v) {
    const placed = placeSnapshot(snapshotAt(key), data.familyCentres, data.tatorter);
    m.set(key, (v = { placed, centres: snapshotFamilyCentres(placed) }));
  }
  return v;
}

/** Sites per app status, all zero. */
export const zeroStatusCounts = (): Record<SiteStatus, number> => ({ existing: 0, planned: 0, intent: 0, family_unit: 0, candidate: 0 });

/**
 * One kommun where a snapshot and today's scenario differ:
 * - `before`: the snapshot's sites by the app's status;
 * - `after`: the scenario's — the data's family centres (every status) and its candidate sites;
 * - `cause`: `candidates` when only the scenario's candidate sites differ (the planner's own),
 *   `listing` when the listed centres differ (why: uppgift saknas unless `note`), `both`;
 * - `note`: a documented note on the kommun's sites in the scenario (the 2026 list's
 *   `statusNote`, e.g. the stalled letters of intent), or null.
 * Candidates without a kommun code are gathered under `kommun_code` ''.
 */
export interface ScenarioChange {
  kommun_code: string;
  kommun_name: string;
  before: Record<SiteStatus, number>;
  after: Record<SiteStatus, number>;
  cause: 'candidates' | 'listing' | 'both';
  note: { code: StatusNoteCode; source: DocRef } | null;
}

/**
 * The kommuner where a snapshot's sites and today's scenario differ, in the order of `kommuner`
 * (a code outside it, e.g. a candidate without a kommun, last). Equal kommuner are left out.
 *
 * @param snapshot the snapshot's sites as family centres (`snapshotView(...).centres`)
 * @param today the data's family centres
 * @param candidates the scenario's candidate sites
 * @param notes documented notes by site id (the 2026 list's entries with a `statusNote`)
 */
export function scenarioChanges(
  snapshot: readonly FamilyCentre[],
  today: readonly FamilyCentre[],
  candidates: readonly Site[],
  kommuner: readonly KommunRef[],
  notes: ReadonlyMap<string, { code: StatusNoteCode; source: DocRef }>,
): ScenarioChange[] {
  const before = new Map<string, Record<SiteStatus, number>>();
  const after = new Map<string, Record<SiteStatus, number>>();
  const noteOf = new Map<string, ScenarioChange['note']>();
  const bump = (m: Map<string, Record<SiteStatus, number>>, code: string, status: SiteStatus) => {
    let c = m.get(code);
    if (!c) m.set(code, (c = zeroStatusCounts()));
    c[status]++;
  };
  for (const f of snapshot) bump(before, f.kommun_code, f.status);
  for (const f of today) {
    bump(after, f.kommun_code, f.status);
    const note = notes.get(f.id);
    if (note && !noteOf.has(f.kommun_code)) noteOf.set(f.kommun_code, note);
  }
  for (const c of candidates) bump(after, c.kommun_code ?? '', 'candidate');
  const names = new Map(kommuner.map((k) => [k.kommun_code, k.kommun_name]));
  for (const f of [...snapshot, ...today]) if (!names.has(f.kommun_code)) names.set(f.kommun_code, f.kommun_name);
  const order = [...kommuner.map((k) => k.kommun_code), ...[...new Set([...before.keys(), ...after.keys()])].filter((c) => !kommuner.some((k) => k.kommun_code === c)).sort()];
  const out: ScenarioChange[] = [];
  for (const code of order) {
    const b = before.get(code) ?? zeroStatusCounts();
    const a = after.get(code) ?? zeroStatusCounts();
    const listing = (['existing', 'planned', 'intent', 'family_unit'] as const).some((s) => a[s] !== b[s]);
    const cand = a.candidate !== b.candidate;
    if (!listing && !cand) continue;
    out.push({
      kommun_code: code,
      kommun_name: names.get(code) ?? '',
      before: b,
      after: a,
      cause: listing && cand ? 'both' : listing ? 'listing' : 'candidates',
      note: listing ? (noteOf.get(code) ?? null) : null,
    });
  }
  return out;
}

/**
 * Points shared by several sites (the two Falun centres of 2019 are both drawn at Falun's
 * tätort): each point with the sites on it, in input order; points with one site are left out.
 * Sites share a point when their coordinates are equal.
 */
export function sharedPoints(sites: readonly Pick<FamilyCentre, 'id' | 'lon' | 'lat'>[]): { lon: number; lat: number; ids: string[] }[] {
  const m = new Map<string, { lon: number; lat: number; ids: string[] }>();
  for (const s of sites) {
    const k = `${s.lon},${s.lat}`;
    const g = m.get(k);
    if (g) g.ids.push(s.id);
    else m.set(k, { lon: s.lon, lat: s.lat, ids: [s.id] });
  }
  return [...m.values()].filter((g) => g.ids.length > 1);
}
