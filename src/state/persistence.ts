import { STRINGS } from '../i18n';
import { issueText } from '../i18n/messages';
import { decodeShare, newScenarioId, type ScenarioDoc } from '../io/scenarioFile';
import {
  decideWrite,
  ENTRY_PREFIX,
  entryKey,
  entryText,
  INDEX_KEY,
  loadAll,
  migrateLegacy,
  readEntry,
  writeIndex,
  type QuarantinedEntry,
} from './scenarioStore';
import { liveDoc, usePlanner, type PlannerState } from './store';

/**
 * Keeps the browser's storage and the store in step (see scenarioStore.ts for the format):
 * every change of a scenario writes that scenario's entry only; other tabs' writes arrive through
 * the `storage` event and are merged in; two edits of the same scenario in two tabs are both kept
 * (the later one as a copy, with a message); entries that cannot be read are kept untouched and
 * listed for download. A reload, a crash or a closed tab loses nothing.
 */

/** This tab, as the writer of entries. */
const TAB = `tab-${Math.random().toString(36).slice(2, 10)}`;
/** The session key of the scenario this tab has open (tabs may have different ones open). */
const ACTIVE_KEY = 'fcp.v3.active';

/** Revision of each scenario as this tab last read or wrote it. */
const known = new Map<string, number>();
/** True while applying another tab's change (so it is not written back). */
let applyingRemote = false;

/**
 * The browser's localStorage, or null when the site may not store data (Chrome's "block site
 * data", some private modes): reading `window.localStorage` then throws, or writing fails.
 */
export function browserStorage(): Storage | null {
  try {
    const s = window.localStorage;
    const probe = 'fcp.probe';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

function session(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

const strings = () => STRINGS[usePlanner.getState().lang].scenario;
const say = (m: string) => usePlanner.getState().setScenarioMessage(m);

/** Applies a change without writing it back to storage. */
function remote(fn: () => void): void {
  applyingRemote = true;
  try {
    fn();
  } finally {
    applyingRemote = false;
  }
}

/**
 * Writes one scenario's entry. When another tab changed the same scenario since this tab read it,
 * both versions are kept: the other tab's stays, this tab's edit becomes a copy named so.
 */
function writeDoc(storage: Storage, doc: ScenarioDoc): void {
  try {
    const d = decideWrite(storage, doc.id, known.get(doc.id) ?? 0, TAB);
    if (d.write) {
      storage.setItem(entryKey(doc.id), entryText(doc, d.rev, TAB));
      known.set(doc.id, d.rev);
      return;
    }
    const copy: ScenarioDoc = { ...doc, id: newScenarioId(), name: `${doc.name} ${strings().conflictSuffix}` };
    storage.setItem(entryKey(copy.id), entryText(copy, 1, TAB));
    known.set(copy.id, 1);
    const s = usePlanner.getState();
    const theirs = 'theirs' in d ? d.theirs : null;
    if (theirs) known.set(doc.id, theirs.rev);
    remote(() => {
      const list = s.scenarios.map((x) => (x.id === doc.id && theirs ? theirs.doc : x));
      usePlanner.getState().setScenarios([...list.filter((x) => x.id !== copy.id), copy], copy.id);
    });
    writeIndex(storage, usePlanner.getState().scenarios.map((x) => x.id));
    say(strings().conflictKept.replace('{name}', doc.name).replace('{copy}', copy.name));
  } catch {
    say(strings().saveFailed);
  }
}

/**
 * Edits of the open scenario (a weight dragged, a candidate moved) are written once the planner
 * pauses, not on every input event: reading back and checking the stored entry costs several
 * milliseconds, which a slider's frame cannot spare. Anything else that writes, a switch of
 * scenario and leaving the page write the pending edit first.
 */
export const LIVE_WRITE_DELAY_MS = 300;
let pendingLive: { storage: Storage; doc: ScenarioDoc; timer: ReturnType<typeof setTimeout> } | null = null;

/** Writes the pending edit of the open scenario now (if any). */
export function flushPendingWrite(): void {
  const p = pendingLive;
  if (!p) return;
  pendingLive = null;
  clearTimeout(p.timer);
  writeDoc(p.storage, p.doc);
}

function scheduleLiveWrite(storage: Storage, doc: ScenarioDoc): void {
  if (pendingLive) clearTimeout(pendingLive.timer);
  pendingLive = { storage, doc, timer: setTimeout(flushPendingWrite, LIVE_WRITE_DELAY_MS) };
}

/** Writes what changed between two states: the active scenario's live fields, added, changed and removed scenarios. */
function persistChange(storage: Storage, s: PlannerState, prev: PlannerState): void {
  const liveChanged = s.params !== prev.params || s.candidates !== prev.candidates;
  const sameScenario = s.activeScenarioId === prev.activeScenarioId;
  if (!sameScenario || s.scenarios !== prev.scenarios) flushPendingWrite();
  if (liveChanged && sameScenario) scheduleLiveWrite(storage, { ...liveDoc(s), modified: new Date().toISOString() });
  if (s.scenarios !== prev.scenarios) {
    const before = new Map(prev.scenarios.map((d) => [d.id, d]));
    const now = new Set(s.scenarios.map((d) => d.id));
    for (const d of s.scenarios) if (before.get(d.id) !== d) writeDoc(storage, d.id === s.activeScenarioId ? liveDoc(s) : d);
    for (const id of before.keys()) {
      if (!now.has(id)) {
        storage.removeItem(entryKey(id));
        known.delete(id);
      }
    }
    writeIndex(storage, s.scenarios.map((d) => d.id));
  }
  if (!sameScenario) session()?.setItem(ACTIVE_KEY, s.activeScenarioId);
}

/** Another tab wrote or removed an entry (or the index): merge it in. */
function onStorage(storage: Storage, e: StorageEvent): void {
  if (e.storageArea !== storage || !e.key) return;
  const st = usePlanner.getState();
  if (e.key === INDEX_KEY) {
    const { scenarios } = loadAll(storage);
    const have = new Set(st.scenarios.map((d) => d.id));
    const added = scenarios.filter((x) => !have.has(x.doc.id));
    if (!added.length) return;
    for (const a of added) known.set(a.doc.id, a.rev);
    remote(() => st.mergeScenarios([...st.scenarios, ...added.map((a) => a.doc)]));
    return;
  }
  if (!e.key.startsWith(ENTRY_PREFIX)) return;
  const id = e.key.slice(ENTRY_PREFIX.length);
  if (e.newValue === null) {
    // Deleted in another tab. The scenario open here is kept (written back), the others go.
    if (id === st.activeScenarioId) {
      known.delete(id);
      writeDoc(storage, liveDoc(st));
      writeIndex(storage, st.scenarios.map((d) => d.id));
      say(strings().deletedElsewhere.replace('{name}', liveDoc(st).name));
    } else if (st.scenarios.some((d) => d.id === id)) {
      known.delete(id);
      remote(() => st.mergeScenarios(st.scenarios.filter((d) => d.id !== id)));
    }
    return;
  }
  const r = readEntry(e.key, e.newValue);
  if ('bad' in r) {
    remote(() => st.setQuarantined([...st.quarantined.filter((q) => q.key !== e.key), r.bad]));
    return;
  }
  known.set(id, r.ok.rev);
  const exists = st.scenarios.some((d) => d.id === id);
  const list = exists ? st.scenarios.map((d) => (d.id === id ? r.ok.doc : d)) : [...st.scenarios, r.ok.doc];
  remote(() => st.mergeScenarios(list));
}

export function initPersistence(storage: Storage | null = browserStorage(), loc: Location = window.location): void {
  const st = usePlanner.getState();
  if (!storage) {
    // The app still works; scenarios live in memory and can be exported as files.
    st.setStorageAvailable(false);
    openShareLink(loc);
    return;
  }
  migrateLegacy(storage, TAB);
  const { scenarios, quarantined } = loadAll(storage);
  for (const x of scenarios) known.set(x.doc.id, x.rev);
  if (scenarios.length) {
    const wanted = session()?.getItem(ACTIVE_KEY);
    const active = scenarios.find((x) => x.doc.id === wanted)?.doc.id ?? scenarios[0].doc.id;
    st.setScenarios(scenarios.map((x) => x.doc), active);
  }
  st.setQuarantined(quarantined);
  if (quarantined.length) say(strings().quarantinedFound.replace('{n}', String(quarantined.length)));
  openShareLink(loc);
  // The first start: the default scenario gets its entry.
  for (const d of usePlanner.getState().scenarios) if (!known.has(d.id)) writeDoc(storage, d);
  writeIndex(storage, usePlanner.getState().scenarios.map((d) => d.id));
  session()?.setItem(ACTIVE_KEY, usePlanner.getState().activeScenarioId);
  usePlanner.subscribe((s, prev) => {
    if (!applyingRemote) persistChange(storage, s, prev);
  });
  window.addEventListener('storage', (e) => onStorage(storage, e));
  window.addEventListener('pagehide', flushPendingWrite);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushPendingWrite();
  });
}

/** A quarantined entry as a file, exactly as it was stored. */
export function quarantinedFile(q: QuarantinedEntry): { name: string; text: string } {
  return { name: `${q.key.replace(/[^a-z0-9._-]+/gi, '-')}.json`, text: q.raw };
}

/** Opens a shared scenario from the URL (`#s=…`) as a new scenario, and removes the fragment. */
function openShareLink(loc: Location): void {
  const m = /[#&]s=([A-Za-z0-9_-]+)/.exec(loc.hash);
  if (!m) return;
  const t = strings();
  const r = decodeShare(m[1]);
  if (r.value) usePlanner.getState().importScenario(r.value, `${t.sharedPrefix} "${r.value.name}" ${t.sharedOpened}`);
  else say(r.issues.map((i) => issueText(i, usePlanner.getState().lang)).join(' '));
  history.replaceState(null, '', loc.pathname + loc.search);
}
