import type { InputIssue } from '../io/issues';
import { parseScenario, type ScenarioDoc } from '../io/scenarioFile';

/**
 * Scenario storage that merges and never clobbers (no React, no store: testable in Node with any
 * `Storage`). One entry per scenario, `fcp.v3.scenario.<id>`, written only when that scenario
 * changes; a small index, `fcp.v3.index`, lists them. Each entry is the scenario file itself (the
 * same JSON as an export) plus `_rev` (a counter) and `_writer` (the tab that wrote it), so a tab
 * can tell that another tab changed a scenario since it last read it.
 *
 * Entries the app cannot read (damaged, or written by a newer version) are never overwritten or
 * removed: they stay under their key and are listed as quarantined, with the reason, for download.
 */

export const INDEX_KEY = 'fcp.v3.index';
export const ENTRY_PREFIX = 'fcp.v3.scenario.';
/** The single-key list of earlier versions, migrated into entries on first start. */
export const LEGACY_KEY = 'familjecentralsplaneraren.scenarios.v2';

export const entryKey = (id: string) => `${ENTRY_PREFIX}${id}`;

/** A stored entry that could not be read. */
export interface QuarantinedEntry {
  key: string;
  /** Name from the raw JSON when there is one. */
  name: string | null;
  /** Why it could not be read (the parser's first problem). */
  issue: InputIssue;
  /** The stored text, exactly as found (for download). */
  raw: string;
}

export interface StoredScenario {
  doc: ScenarioDoc;
  rev: number;
  writer: string;
}

/** Reads one entry: the scenario with its revision, or why it cannot be read. */
export function readEntry(key: string, raw: string): { ok: StoredScenario } | { bad: QuarantinedEntry } {
  const r = parseScenario(raw);
  if (!r.value) {
    let name: string | null = null;
    try {
      const j = JSON.parse(raw) as { name?: unknown };
      name = typeof j?.name === 'string' ? j.name : null;
    } catch {
      /* damaged JSON has no name */
    }
    return { bad: { key, name, issue: r.issues[0] ?? { severity: 'error', code: 'scenario_invalid_json', params: { error: '' } }, raw } };
  }
  let rev = 0;
  let writer = '';
  try {
    const j = JSON.parse(raw) as { _rev?: unknown; _writer?: unknown };
    rev = typeof j._rev === 'number' ? j._rev : 0;
    writer = typeof j._writer === 'string' ? j._writer : '';
  } catch {
    /* parsed above */
  }
  return { ok: { doc: r.value, rev, writer } };
}

/** Every stored scenario and every quarantined entry, in index order (unindexed entries last). */
export function loadAll(storage: Storage): { scenarios: StoredScenario[]; quarantined: QuarantinedEntry[] } {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k && k.startsWith(ENTRY_PREFIX)) keys.push(k);
  }
  const order = readIndex(storage);
  const pos = new Map(order.map((id, i) => [entryKey(id), i]));
  keys.sort((a, b) => (pos.get(a) ?? Infinity) - (pos.get(b) ?? Infinity) || (a < b ? -1 : 1));
  const scenarios: StoredScenario[] = [];
  const quarantined: QuarantinedEntry[] = [];
  for (const k of keys) {
    const e = readEntry(k, storage.getItem(k) ?? '');
    if ('ok' in e) scenarios.push(e.ok);
    else quarantined.push(e.bad);
  }
  return { scenarios, quarantined };
}

export function readIndex(storage: Storage): string[] {
  try {
    const j = JSON.parse(storage.getItem(INDEX_KEY) ?? '{}') as { ids?: unknown };
    return Array.isArray(j.ids) ? j.ids.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function writeIndex(storage: Storage, ids: readonly string[]): void {
  storage.setItem(INDEX_KEY, JSON.stringify({ ids }));
}

/** The text of an entry: the scenario file plus revision and writer. */
export function entryText(doc: ScenarioDoc, rev: number, writer: string): string {
  return JSON.stringify({ ...doc, _rev: rev, _writer: writer });
}

/**
 * Moves the single-key list of earlier versions into one entry per scenario. Readable scenarios
 * become entries; unreadable ones are copied unchanged into quarantine entries. The old key is
 * removed only after everything was written.
 */
export function migrateLegacy(storage: Storage, writer: string): void {
  const raw = storage.getItem(LEGACY_KEY);
  if (raw === null) return;
  let list: unknown[] = [];
  try {
    const j = JSON.parse(raw) as { scenarios?: unknown };
    list = Array.isArray(j.scenarios) ? j.scenarios : [];
  } catch {
    // The whole list is damaged: keep it, as one quarantined entry.
    storage.setItem(`${ENTRY_PREFIX}legacy-${Date.now().toString(36)}`, raw);
    storage.removeItem(LEGACY_KEY);
    return;
  }
  const ids = readIndex(storage);
  list.forEach((item, i) => {
    const text = JSON.stringify(item);
    const r = parseScenario(text);
    if (r.value && !storage.getItem(entryKey(r.value.id))) {
      storage.setItem(entryKey(r.value.id), entryText(r.value, 1, writer));
      ids.push(r.value.id);
    } else if (!r.value) storage.setItem(`${ENTRY_PREFIX}legacy-${i}-${Date.now().toString(36)}`, text);
  });
  writeIndex(storage, ids);
  storage.removeItem(LEGACY_KEY);
}

/** What a tab should do with its version of a scenario it is about to write. */
export type WriteDecision = { write: true; rev: number } | { write: false; theirs: StoredScenario };

/**
 * Optimistic concurrency: write when nobody else wrote the entry since this tab last read or
 * wrote it (`knownRev`); otherwise the other tab's version stays and this tab's edit must be kept
 * as a copy. A quarantined entry under the same key is never overwritten.
 */
export function decideWrite(storage: Storage, id: string, knownRev: number, writer: string): WriteDecision | { write: false; quarantined: true } {
  const raw = storage.getItem(entryKey(id));
  if (raw === null) return { write: true, rev: knownRev + 1 };
  const e = readEntry(entryKey(id), raw);
  if ('bad' in e) return { write: false, quarantined: true };
  if (e.ok.rev > knownRev && e.ok.writer !== writer) return { write: false, theirs: e.ok };
  return { write: true, rev: Math.max(e.ok.rev, knownRev) + 1 };
}
