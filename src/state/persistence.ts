import { STRINGS } from '../i18n';
import { issueText } from '../i18n/messages';
import { decodeShare, parseScenario, type ScenarioDoc } from '../io/scenarioFile';
import { liveDoc, usePlanner, type PlannerState } from './store';

/** localStorage key of the saved scenarios. */
export const STORAGE_KEY = 'familjecentralsplaneraren.scenarios.v2';

interface Saved {
  activeId: string;
  scenarios: unknown[];
}

/** Saves every scenario (the active one from the live state) to storage. */
export function saveScenarios(s: PlannerState, storage: Storage, touch: boolean): void {
  const now = new Date().toISOString();
  const scenarios = s.scenarios.map((d) => (d.id === s.activeScenarioId ? { ...liveDoc(s), modified: touch ? now : d.modified } : d));
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify({ activeId: s.activeScenarioId, scenarios } satisfies Saved));
  } catch {
    usePlanner.getState().setScenarioMessage(STRINGS[usePlanner.getState().lang].scenario.saveFailed);
  }
}

/** Reads saved scenarios; older versions are migrated, unreadable ones are skipped and reported. */
export function loadScenarios(storage: Storage): { scenarios: ScenarioDoc[]; activeId: string | null; skipped: number } {
  const raw = storage.getItem(STORAGE_KEY);
  if (!raw) return { scenarios: [], activeId: null, skipped: 0 };
  try {
    const saved = JSON.parse(raw) as Saved;
    const docs: ScenarioDoc[] = [];
    let skipped = 0;
    for (const d of saved.scenarios ?? []) {
      const r = parseScenario(JSON.stringify(d));
      if (r.value) docs.push(r.value);
      else skipped++;
    }
    return { scenarios: docs, activeId: saved.activeId ?? null, skipped };
  } catch {
    return { scenarios: [], activeId: null, skipped: 1 };
  }
}

/**
 * Restores the saved scenarios, opens a shared scenario from the URL (`#s=…`) as a new scenario,
 * and from then on saves on every change (so a reload, a crash or a closed tab loses nothing).
 */
/**
 * The browser's localStorage, or null when the site may not store data (Chrome's "block site
 * data", some private modes): reading `window.localStorage` then throws, or writing fails.
 */
export function browserStorage(): Storage | null {
  try {
    const s = window.localStorage;
    const probe = 'familjecentralsplaneraren.probe';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

export function initPersistence(storage: Storage | null = browserStorage(), loc: Location = window.location): void {
  const st = usePlanner.getState();
  if (!storage) {
    // The app still works; scenarios live in memory and can be exported as files.
    st.setStorageAvailable(false);
    openShareLink(loc);
    return;
  }
  const loaded = loadScenarios(storage);
  if (loaded.scenarios.length) st.setScenarios(loaded.scenarios, loaded.activeId ?? loaded.scenarios[0].id);
  const t = STRINGS[st.lang].scenario;
  if (loaded.skipped) st.setScenarioMessage(`${loaded.skipped} ${t.skipped}`);

  openShareLink(loc);
  saveScenarios(usePlanner.getState(), storage, false);
  usePlanner.subscribe((s, prev) => {
    const liveChanged = s.params !== prev.params || s.candidates !== prev.candidates;
    const sameScenario = s.activeScenarioId === prev.activeScenarioId;
    if (liveChanged || s.scenarios !== prev.scenarios || !sameScenario) saveScenarios(s, storage, liveChanged && sameScenario);
  });
}

/** Opens a shared scenario from the URL (`#s=…`) as a new scenario, and removes the fragment. */
function openShareLink(loc: Location): void {
  const m = /[#&]s=([A-Za-z0-9_-]+)/.exec(loc.hash);
  if (!m) return;
  const t = STRINGS[usePlanner.getState().lang].scenario;
  const r = decodeShare(m[1]);
  if (r.value) usePlanner.getState().importScenario(r.value, `${t.sharedPrefix} "${r.value.name}" ${t.sharedOpened}`);
  else usePlanner.getState().setScenarioMessage(r.issues.map((i) => issueText(i, usePlanner.getState().lang)).join(' '));
  history.replaceState(null, '', loc.pathname + loc.search);
}
