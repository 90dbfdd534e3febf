import { describe, expect, it } from 'vitest';
import {
  applyView,
  claimWorkingView,
  parseView,
  recallReturnTab,
  recallTab,
  recallView,
  rememberTab,
  rememberView,
  switchView,
  WORKING_VIEW_KEY,
  WORKING_VIEW_OWNER_KEY,
  type ViewTarget,
} from '../../src/state/viewMemory';

/** An in-memory Storage (sessionStorage's interface). */
function memoryStorage(init: Record<string, string> = {}): Storage {
  const m = new Map(Object.entries(init));
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

const A = { center: [15.43, 60.49] as [number, number], zoom: 9.5 };
const B = { center: [14.04, 61.23] as [number, number], zoom: 8 };
const TABS = ['map', 'coverage', 'candidates', 'suggest', 'scenarios'] as const;

describe('tabs per scenario', () => {
  it('keeps the last tab for a reload, and the last tab outside the switch tabs for a switch', () => {
    const s = memoryStorage();
    rememberTab(s, 'a', 'coverage', ['scenarios']);
    rememberTab(s, 'a', 'scenarios', ['scenarios']);
    expect(recallTab(s, 'a', TABS)).toBe('scenarios');
    expect(recallReturnTab(s, 'a', TABS)).toBe('coverage');
    expect(recallTab(s, 'b', TABS)).toBeNull();
    expect(recallReturnTab(s, 'b', TABS)).toBeNull();
  });

  it('ignores a stored tab that is not one of the app’s, and a blocked storage', () => {
    const s = memoryStorage({ 'fcp.tab.a': 'gone', 'fcp.returnTab.a': 'gone' });
    expect(recallTab(s, 'a', TABS)).toBeNull();
    expect(recallReturnTab(s, 'a', TABS)).toBeNull();
    const blocked = { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('blocked'); } } as unknown as Storage;
    expect(() => rememberTab(blocked, 'a', 'map')).not.toThrow();
    expect(recallTab(blocked, 'a', TABS)).toBeNull();
    expect(recallTab(null, 'a', TABS)).toBeNull();
  });
});

describe('map view per scenario', () => {
  it('parses only valid views', () => {
    expect(parseView(JSON.stringify(A))).toEqual(A);
    expect(parseView('{"center":[15,95],"zoom":5}')).toBeNull(); // |lat| > 90
    expect(parseView('{"center":[15],"zoom":5}')).toBeNull();
    expect(parseView('not json')).toBeNull();
    expect(parseView(null)).toBeNull();
  });

  it('a switch stores the working view under the scenario left and brings back the entered one', () => {
    // MapView's working copy holds A's view (scenario a open).
    const s = memoryStorage({ [WORKING_VIEW_KEY]: JSON.stringify(A), [WORKING_VIEW_OWNER_KEY]: 'a' });
    // b never shown: the map stays, the working copy becomes b's.
    expect(switchView(s, 'a', 'b')).toBeUndefined();
    expect(recallView(s, 'a')).toEqual(A);
    expect(s.getItem(WORKING_VIEW_OWNER_KEY)).toBe('b');
    // The planner moves the map in b (MapView writes the working copy).
    s.setItem(WORKING_VIEW_KEY, JSON.stringify(B));
    expect(switchView(s, 'b', 'a')).toEqual(A);
    expect(recallView(s, 'b')).toEqual(B);
    expect(parseView(s.getItem(WORKING_VIEW_KEY))).toEqual(A);
    expect(s.getItem(WORKING_VIEW_OWNER_KEY)).toBe('a');
    expect(switchView(s, 'a', 'b')).toEqual(B);
    expect(parseView(s.getItem(WORKING_VIEW_KEY))).toEqual(B);
  });

  it('a fitted county (no working copy) is remembered as the county and brought back as such', () => {
    const s = memoryStorage({ [WORKING_VIEW_OWNER_KEY]: 'a' });
    rememberView(s, 'b', B);
    expect(switchView(s, 'a', 'b')).toEqual(B);
    expect(recallView(s, 'a')).toBe('county');
    // back to a: the county, and the working copy is removed (as MapView does for the county)
    expect(switchView(s, 'b', 'a')).toBe('county');
    expect(s.getItem(WORKING_VIEW_KEY)).toBeNull();
  });

  it('at start, a working copy of another scenario (a share link opened one) is handed over', () => {
    const s = memoryStorage({ [WORKING_VIEW_KEY]: JSON.stringify(A), [WORKING_VIEW_OWNER_KEY]: 'a', 'fcp.mapView.c': JSON.stringify(B) });
    claimWorkingView(s, 'c');
    expect(recallView(s, 'a')).toEqual(A);
    expect(parseView(s.getItem(WORKING_VIEW_KEY))).toEqual(B);
    expect(s.getItem(WORKING_VIEW_OWNER_KEY)).toBe('c');
    // A working copy without an owner (written before per-scenario memory) is the open scenario's.
    const old = memoryStorage({ [WORKING_VIEW_KEY]: JSON.stringify(A) });
    claimWorkingView(old, 'a');
    expect(old.getItem(WORKING_VIEW_OWNER_KEY)).toBe('a');
    expect(parseView(old.getItem(WORKING_VIEW_KEY))).toEqual(A);
  });

  it('moves the map: jumpTo for a position, the county fit for the county', () => {
    const calls: string[] = [];
    const target: ViewTarget = { map: { jumpTo: (o) => calls.push(`jump ${o.center.join(',')} ${o.zoom}`) }, fitCountyView: () => calls.push('county') };
    applyView(target, A);
    applyView(target, 'county');
    applyView(undefined, A);
    expect(calls).toEqual(['jump 15.43,60.49 9.5', 'county']);
  });
});
