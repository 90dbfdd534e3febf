import type { DocRef } from '../services/docRef';
import { DATED_STARTS } from './transcription';
import type { PeriodStatus, SiteKindInDocs, Snapshot, SnapshotEntry, StatusNoteCode } from './types';

/** A kommun's sites in a snapshot, counted by kind and status ("familjecentral:open" → 2). */
export type GroupCounts = Record<string, number>;

/** The key of a (kind, status) group: "familjecentral:open", "familjeenhet:open", … */
export const groupKey = (kind: SiteKindInDocs, status: PeriodStatus): string => `${kind}:${status}`;

/**
 * What changed in a kommun between two snapshots, from the counts the documents give:
 * - `added`: no site listed in `from`, some in `to`;
 * - `removed`: sites listed in `from`, none in `to` — the later source does not list them; that
 *   says nothing of a closure;
 * - `status_changed`: as many sites, but other kinds or statuses;
 * - `count_changed`: more or fewer sites;
 * - `unchanged`: the same counts.
 */
export type KommunChangeKind = 'added' | 'removed' | 'status_changed' | 'count_changed' | 'unchanged';

/**
 * A change of one site, when the site can be followed:
 * - `added` / `removed`: the site is in only one snapshot and its kommun has none in the other;
 * - `status_changed` / `unchanged`: the same site (same id or a documented `sameAs`) in both;
 * - `link_unknown`: the kommun has sites in both snapshots, but no document says which is which
 *   (uppgift saknas); `from_ids` and `to_ids` list the sites on each side.
 */
export interface SiteChange {
  kind: 'added' | 'removed' | 'status_changed' | 'unchanged' | 'link_unknown';
  from_ids: string[];
  to_ids: string[];
  /** Status before / after for a followed site; null otherwise. */
  from_status: PeriodStatus | null;
  to_status: PeriodStatus | null;
}

/** One kommun's changes between two snapshots. */
export interface KommunChange {
  kommun_code: string;
  kommun_name: string;
  change: KommunChangeKind;
  before: GroupCounts;
  after: GroupCounts;
  /** The earlier source states that the kommun had no (fully developed) family centre. */
  stated_without_before: boolean;
  sites: SiteChange[];
  /**
   * A documented explanation of the kommun's later state (e.g. why letters of intent have not
   * led further), from the later snapshot's `statusNote`; null = uppgift saknas (never a guess).
   * The mere listing in a document is no explanation.
   */
  reason: { code: StatusNoteCode; source: DocRef } | null;
  /** Opening months the data gives for sites new in `to` (they date the change, they do not explain it). */
  dated: { id: string; from: string; source: DocRef }[];
}

const countsOf = (entries: readonly SnapshotEntry[]): GroupCounts => {
  const c: GroupCounts = {};
  for (const e of entries) c[groupKey(e.kind, e.status)] = (c[groupKey(e.kind, e.status)] ?? 0) + 1;
  return c;
};

const sameCounts = (a: GroupCounts, b: GroupCounts): boolean => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? 0) !== (b[k] ?? 0)) return false;
  return true;
};

const total = (c: GroupCounts): number => Object.values(c).reduce((s, n) => s + n, 0);

/**
 * The change list between two snapshots, per kommun (every kommun that either snapshot lists or
 * the earlier one states to be without a centre), sorted by kommun name (Swedish order).
 *
 * Reasons are filled only from a documented explanation carried by the later snapshot's entries
 * (`statusNote`); otherwise null, which the words layer shows as "uppgift saknas".
 *
 * @example changeList(snapshotAt('2019'), snapshotAt('2026')).find((k) => k.kommun_name === 'Hedemora')
 *   // → { change: 'removed', before: { 'familjecentral:open': 1 }, after: {}, reason: null, … }
 */
export function changeList(from: Snapshot, to: Snapshot): KommunChange[] {
  const names = new Map<string, string>();
  const byKommun = (s: Snapshot) => {
    const m = new Map<string, SnapshotEntry[]>();
    for (const e of s.entries) {
      names.set(e.kommun_code, e.kommun_name);
      m.set(e.kommun_code, [...(m.get(e.kommun_code) ?? []), e]);
    }
    return m;
  };
  const a = byKommun(from);
  const b = byKommun(to);
  for (const k of from.statedWithout?.kommuner ?? []) names.set(k.kommun_code, k.kommun_name);
  const without = new Set((from.statedWithout?.kommuner ?? []).map((k) => k.kommun_code));
  const codes = new Set([...a.keys(), ...b.keys(), ...without]);
  const out: KommunChange[] = [];
  for (const code of codes) {
    const ea = a.get(code) ?? [];
    const eb = b.get(code) ?? [];
    const before = countsOf(ea);
    const after = countsOf(eb);
    const change: KommunChangeKind =
      ea.length === 0 && eb.length === 0
        ? 'unchanged'
        : ea.length === 0
          ? 'added'
          : eb.length === 0
            ? 'removed'
            : sameCounts(before, after)
              ? 'unchanged'
              : total(before) === total(after)
                ? 'status_changed'
                : 'count_changed';
    const note = eb.find((e) => e.statusNote)?.statusNote ?? null;
    const sites = siteChanges(ea, eb);
    const newIds = new Set(sites.flatMap((c) => (c.kind === 'added' || c.kind === 'link_unknown' ? c.to_ids : [])));
    out.push({
      kommun_code: code,
      kommun_name: names.get(code) ?? code,
      change,
      before,
      after,
      stated_without_before: without.has(code),
      sites,
      reason: note ? { code: note.code, source: note.source } : null,
      dated: DATED_STARTS.filter((d) => newIds.has(d.id)).map((d) => ({ ...d })),
    });
  }
  return out.sort((x, y) => x.kommun_name.localeCompare(y.kommun_name, 'sv'));
}

/** Site-level changes in one kommun (see `SiteChange`). */
function siteChanges(ea: readonly SnapshotEntry[], eb: readonly SnapshotEntry[]): SiteChange[] {
  const out: SiteChange[] = [];
  const laterId = (e: SnapshotEntry) => e.sameAs ?? e.id;
  const inB = new Map(eb.map((e) => [e.id, e]));
  const followedB = new Set<string>();
  const unfollowedA: SnapshotEntry[] = [];
  for (const e of ea) {
    const f = inB.get(laterId(e));
    if (!f) {
      unfollowedA.push(e);
      continue;
    }
    followedB.add(f.id);
    const same = f.status === e.status && f.kind === e.kind;
    out.push({ kind: same ? 'unchanged' : 'status_changed', from_ids: [e.id], to_ids: [f.id], from_status: e.status, to_status: f.status });
  }
  const unfollowedB = eb.filter((e) => !followedB.has(e.id));
  if (unfollowedA.length && unfollowedB.length) {
    out.push({ kind: 'link_unknown', from_ids: unfollowedA.map((e) => e.id), to_ids: unfollowedB.map((e) => e.id), from_status: null, to_status: null });
  } else {
    for (const e of unfollowedA) out.push({ kind: 'removed', from_ids: [e.id], to_ids: [], from_status: e.status, to_status: null });
    for (const e of unfollowedB) out.push({ kind: 'added', from_ids: [], to_ids: [e.id], from_status: null, to_status: e.status });
  }
  return out;
}
