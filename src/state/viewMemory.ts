/**
 * Per-scenario memory of the active tab and the map view, for this browser tab's session
 * (sessionStorage): switching scenario brings back that scenario's last tab and view, and a reload
 * keeps the open scenario's.
 *
 * The map view has a working copy under `fcp.mapView` (written by MapView on every move, read at
 * its mount) that always holds the view of the scenario named by `fcp.mapView.of`. A switch stores
 * the working copy under the scenario left (`fcp.mapView.<id>`), makes the new scenario's memory the
 * working copy and moves the map there. A stored `null` means "the county fitted" (MapView removes
 * the working copy then); no entry means the scenario was never shown in this session, and the map
 * stays where it is. Tabs are stored under `fcp.tab.<id>` (the last one shown, for a reload) and
 * `fcp.returnTab.<id>` (the last one outside the Scenarios tab, where switching happens: what a
 * switch brings back).
 *
 * Every function takes the storage (sessionStorage in the app; tests pass their own); a blocked
 * storage is simply not used.
 */

/** Where the map looks: centre (WGS84 lon, lat in degrees) and zoom (MapLibre zoom level). */
export interface ViewPosition {
  center: [number, number];
  zoom: number;
}

/** The working copy MapView reads and writes (unchanged key, kept for MapView). */
export const WORKING_VIEW_KEY = 'fcp.mapView';
/** Which scenario the working copy belongs to. */
export const WORKING_VIEW_OWNER_KEY = 'fcp.mapView.of';

/** Storage key of a scenario's remembered map view. */
export const viewKey = (scenarioId: string): string => `fcp.mapView.${scenarioId}`;
/** Storage key of the tab a scenario showed last (for a reload). */
export const tabKey = (scenarioId: string): string => `fcp.tab.${scenarioId}`;
/** Storage key of the tab a scenario returns to on a switch (its last one outside the switch tabs). */
export const returnTabKey = (scenarioId: string): string => `fcp.returnTab.${scenarioId}`;

/** sessionStorage, or null where the browser blocks it. */
export function sessionStore(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function get(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function put(storage: Storage | null, key: string, value: string | null): void {
  try {
    if (value === null) storage?.removeItem(key);
    else storage?.setItem(key, value);
  } catch {
    /* storage blocked or full: not remembered */
  }
}

/** A stored view if it is a valid one (finite centre with |lat| ≤ 90, finite zoom), else null. */
export function parseView(text: string | null): ViewPosition | null {
  if (text === null) return null;
  try {
    const v = JSON.parse(text) as ViewPosition | null;
    const ok = !!v && Array.isArray(v.center) && v.center.length === 2 && v.center.every(Number.isFinite) && Number.isFinite(v.zoom) && Math.abs(v.center[1]) <= 90;
    return ok ? { center: [v.center[0], v.center[1]], zoom: v.zoom } : null;
  } catch {
    return null;
  }
}

/** The tab a scenario showed last, when it is one of `allowed`; null when none is (for a reload). */
export function recallTab<T extends string>(storage: Storage | null, scenarioId: string, allowed: readonly T[]): T | null {
  const v = get(storage, tabKey(scenarioId));
  return v !== null && (allowed as readonly string[]).includes(v) ? (v as T) : null;
}

/**
 * The tab a scenario returns to when it is switched to: the last one it showed other than the
 * tabs where scenarios are switched (`switchTabs` of `rememberTab`); null when there is none.
 */
export function recallReturnTab<T extends string>(storage: Storage | null, scenarioId: string, allowed: readonly T[]): T | null {
  const v = get(storage, returnTabKey(scenarioId));
  return v !== null && (allowed as readonly string[]).includes(v) ? (v as T) : null;
}

/**
 * Remembers the tab a scenario shows. A tab in `switchTabs` (where the planner goes to switch
 * scenario, e.g. 'scenarios') is kept for a reload but is not the tab the scenario returns to.
 */
export function rememberTab(storage: Storage | null, scenarioId: string, tab: string, switchTabs: readonly string[] = []): void {
  put(storage, tabKey(scenarioId), tab);
  if (!switchTabs.includes(tab)) put(storage, returnTabKey(scenarioId), tab);
}

/**
 * The view remembered for a scenario: a position, `'county'` (the county was fitted), or
 * undefined when the scenario has no memory in this session.
 */
export function recallView(storage: Storage | null, scenarioId: string): ViewPosition | 'county' | undefined {
  const raw = get(storage, viewKey(scenarioId));
  if (raw === null) return undefined;
  if (raw === 'null') return 'county';
  return parseView(raw) ?? undefined;
}

/** Remembers a scenario's view (`'county'` when the county is fitted). */
export function rememberView(storage: Storage | null, scenarioId: string, view: ViewPosition | 'county'): void {
  put(storage, viewKey(scenarioId), view === 'county' ? 'null' : JSON.stringify(view));
}

/** The working copy as a remembered view: its position, or 'county' when MapView removed it. */
function workingView(storage: Storage | null): ViewPosition | 'county' {
  return parseView(get(storage, WORKING_VIEW_KEY)) ?? 'county';
}

/** Makes a remembered view the working copy, owned by `scenarioId`. */
function setWorking(storage: Storage | null, scenarioId: string, view: ViewPosition | 'county'): void {
  put(storage, WORKING_VIEW_KEY, view === 'county' ? null : JSON.stringify(view));
  put(storage, WORKING_VIEW_OWNER_KEY, scenarioId);
}

/**
 * Before the map is made (the first render): makes the working copy the open scenario's view.
 * When it belongs to another scenario (a share link opened one, or the working copy predates this
 * module) it is stored under its owner and replaced by the open scenario's memory; a working copy
 * without an owner is taken as the open scenario's (a reload from before per-scenario memory).
 */
export function claimWorkingView(storage: Storage | null, scenarioId: string): void {
  const owner = get(storage, WORKING_VIEW_OWNER_KEY);
  if (owner === scenarioId) return;
  if (owner === null) {
    put(storage, WORKING_VIEW_OWNER_KEY, scenarioId);
    return;
  }
  rememberView(storage, owner, workingView(storage));
  const mine = recallView(storage, scenarioId);
  if (mine !== undefined) setWorking(storage, scenarioId, mine);
  else put(storage, WORKING_VIEW_OWNER_KEY, scenarioId);
}

/**
 * A scenario switch: the working copy is stored as the left scenario's view, the entered
 * scenario's memory becomes the working copy. Returns the view to move the map to (a position or
 * 'county'), or undefined when the entered scenario has no memory (the map stays; its view becomes
 * the entered scenario's).
 */
export function switchView(storage: Storage | null, fromId: string, toId: string): ViewPosition | 'county' | undefined {
  rememberView(storage, fromId, workingView(storage));
  const next = recallView(storage, toId);
  if (next !== undefined) setWorking(storage, toId, next);
  else put(storage, WORKING_VIEW_OWNER_KEY, toId);
  return next;
}

/** What moves the map: the live map controller's part this module uses. */
export interface ViewTarget {
  map: { jumpTo(options: { center: [number, number]; zoom: number }): unknown };
  fitCountyView(): void;
}

/** Moves the map to a remembered view (at once, no animation). */
export function applyView(target: ViewTarget | null | undefined, view: ViewPosition | 'county'): void {
  if (!target) return;
  if (view === 'county') target.fitCountyView();
  else target.map.jumpTo({ center: view.center, zoom: view.zoom });
}
