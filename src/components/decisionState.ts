import { create } from 'zustand';
import type { DecisionSubject } from './decisionInput';

/**
 * Which decision documents (beslutsunderlag) the print view shows: one kommun, one candidate,
 * or several (all kommuner, each on its own pages). Kept apart from the planner store: the view
 * is opened from the export panel or by the report URL (`?report=kommun&kommun=2080`).
 */
export interface DecisionViewState {
  /** The documents shown, in order; null = the view is closed. */
  subjects: DecisionSubject[] | null;
  /** Opened by the report URL (headless CLI): the page signals when the document is complete. */
  fromUrl: boolean;
  open: (subjects: DecisionSubject[], fromUrl?: boolean) => void;
  close: () => void;
}

export const useDecisionView = create<DecisionViewState>((set) => ({
  subjects: null,
  fromUrl: false,
  open: (subjects, fromUrl = false) => set({ subjects, fromUrl }),
  close: () => set({ subjects: null, fromUrl: false }),
}));

/**
 * The subjects of a report URL's parameters: `report=kommun&kommun=2080` (or `kommun=all`: every
 * kommun, by name) and `report=candidate&candidate=ID|NAME`; null for no (or another) report.
 */
export function subjectsFromParams(q: URLSearchParams, kommuner: readonly { kommun_code: string; kommun_name: string }[]): DecisionSubject[] | null {
  const report = q.get('report');
  if (report === 'kommun') {
    const k = q.get('kommun') ?? '';
    if (k === 'all') return [...kommuner].sort((a, b) => a.kommun_name.localeCompare(b.kommun_name, 'sv')).map((p) => ({ kind: 'kommun', code: p.kommun_code }));
    return [{ kind: 'kommun', code: k }];
  }
  if (report === 'candidate') return [{ kind: 'candidate', id: q.get('candidate') ?? '' }];
  return null;
}
