import { useEffect, useRef, useState } from 'react';
import { usePlanner } from '../state/store';
import { applyView, claimWorkingView, recallReturnTab, recallTab, rememberTab, sessionStore, switchView } from '../state/viewMemory';

/**
 * The active tab, remembered per scenario (see src/state/viewMemory.ts), and the map view's
 * per-scenario memory: a scenario switch stores the left scenario's view and brings back the
 * entered one's view and tab — its last tab outside `switchTabs`, the tabs where scenarios are
 * switched (a scenario never shown keeps the current tab and view; deleting the open scenario keeps
 * the tab); a reload keeps the open scenario's tab and view. Returns the tab and its setter, like useState.
 */
export function useScenarioTab<T extends string>(tabs: readonly T[], fallback: T, switchTabs: readonly T[] = []): [T, (tab: T) => void] {
  const [tab, setTabState] = useState<T>(() => {
    // First render, before the map is made: the map's working view becomes the open scenario's.
    const id = usePlanner.getState().activeScenarioId;
    claimWorkingView(sessionStore(), id);
    return recallTab(sessionStore(), id, tabs) ?? fallback;
  });
  const current = useRef(tab);
  current.current = tab;

  useEffect(
    () =>
      usePlanner.subscribe((s, prev) => {
        if (s.activeScenarioId === prev.activeScenarioId) return;
        const store = sessionStore();
        const view = switchView(store, prev.activeScenarioId, s.activeScenarioId);
        if (view !== undefined) applyView(window.__planner, view);
        // A switch forced by deleting the open scenario keeps the tab (the planner chose no scenario).
        const deleted = !s.scenarios.some((d) => d.id === prev.activeScenarioId);
        const next = (deleted ? null : recallReturnTab(store, s.activeScenarioId, tabs)) ?? current.current;
        setTabState(next);
        rememberTab(store, s.activeScenarioId, next, switchTabs);
      }),
    [tabs, switchTabs],
  );

  const setTab = (k: T) => {
    setTabState(k);
    rememberTab(sessionStore(), usePlanner.getState().activeScenarioId, k, switchTabs);
  };
  return [tab, setTab];
}
