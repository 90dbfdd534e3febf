import { create } from 'zustand';
import { DEFAULT_PARAMS, type ScenarioParams } from '../domain/scenario';
import type { SiteSetKey } from '../domain/siteSets';
import type { SnapshotKey } from '../domain/history/types';
import type { CoverageSets } from '../domain/summary';
import type { OmradestypYear, ListingRecord, Site, TravelMatrix } from '../domain/types';
import type { OptimiseResponse } from '../worker/optimiseApi';
import type { CandidateScore } from '../domain/scoring';
import { STRINGS, type Lang } from '../i18n';
import type { AppData } from '../io/appData';
import type { InputIssue } from '../io/issues';
import { newScenario, newScenarioId, type ScenarioDoc } from '../io/scenarioFile';
import { isFillLayer, withOneFill, type DensityMode, type FillLayerKey, type LayerKey } from '../map/layers';
import type { NeedLayerKey } from '../map/needClasses';
import type { QuarantinedEntry } from './scenarioStore';

export interface ListingImportState {
  fileName: string;
  year: number;
  records: ListingRecord[];
}

export interface PendingImport {
  fileName: string;
  records: ListingRecord[];
  issues: InputIssue[];
  rowsRead: number;
}

export interface ImportedMatrix {
  fileName: string;
  matrix: TravelMatrix;
}

export interface PlannerState {
  lang: Lang;
  data: AppData | null;
  loadError: string | null;
  visible: Record<LayerKey, boolean>;
  densityMode: DensityMode;
  /** What the need layer shows: the needs index of the scenario's components, or one indicator. */
  needLayer: NeedLayerKey;
  setNeedLayer: (k: NeedLayerKey) => void;
  basemap: boolean;
  listingImport: ListingImportState | null;
  pendingImport: PendingImport | null;
  lastImportMessage: string | null;
  /** The active scenario's analysis parameters (the map's områdestyp year among them). */
  params: ScenarioParams;
  matrix: ImportedMatrix | null;
  /** Which site set the map's travel-time layer and gap outlines show (the proposal needs candidates). */
  mapSiteSet: SiteSetKey;
  setMapSiteSet: (k: SiteSetKey) => void;
  /** The documented snapshot the map's family-centre symbols show (history panel), or null for today's. */
  historySnapshot: SnapshotKey | null;
  setHistorySnapshot: (k: SnapshotKey | null) => void;
  /** The planner's candidate sites in the scenario (counted in the live coverage). */
  candidates: Site[];
  suggestion: OptimiseResponse | null;
  /**
   * Föreslå's last run: the demand units (ids of the chosen spread) that no possible site (today's
   * and the candidate set) reaches within T, and their children 0–6; null when none or not run.
   * Cleared on a scenario switch. For the map's highlight.
   */
  /** Demand no possible site reaches within T (Föreslå): unit ids of the run's spread (`demand`). */
  suggestUnreachable: { ids: string[]; children: number; demand: ScenarioParams['demand'] } | null;
  setSuggestUnreachable: (u: { ids: string[]; children: number; demand: ScenarioParams['demand'] } | null) => void;
  /** Latest candidate ranking of the live scenario. */
  scores: CandidateScore[] | null;
  setScores: (s: CandidateScore[] | null) => void;
  /**
   * Set while the worker re-scores after a threshold, travel-model or candidate change (the last
   * ranking stays shown as stale); `done/total` counts road searches when there are any.
   */
  scoring: { done: number; total: number } | null;
  setScoring: (p: { done: number; total: number } | null) => void;
  /** True from a re-scoring request until its answer (the table's data-status; progress shows after 200 ms). */
  scoringPending: boolean;
  setScoringPending: (on: boolean) => void;
  /** Saved scenarios; the live fields (params, year, candidates) mirror the active one. */
  scenarios: ScenarioDoc[];
  activeScenarioId: string;
  /** Stored entries that could not be read (damaged, or from a newer version): kept untouched, offered for download. */
  quarantined: QuarantinedEntry[];
  setQuarantined: (q: QuarantinedEntry[]) => void;
  /**
   * Takes another tab's version of the scenario list: the open scenario's live fields follow
   * its stored version when that changed; selection and suggestions stay.
   */
  mergeScenarios: (list: ScenarioDoc[]) => void;
  /** False when the browser refuses site data: scenarios cannot be saved, only exported. */
  storageAvailable: boolean;
  setStorageAvailable: (on: boolean) => void;
  /** A message about scenarios (import, share link), shown once. */
  scenarioMessage: string | null;
  addCandidates: (sites: Site[]) => void;
  removeCandidate: (id: string) => void;
  /** The last removed candidate, its place in the list and its scenario, for undo (null after undo or a switch). */
  lastRemoved: { site: Site; index: number; scenarioId: string } | null;
  /** Puts the last removed candidate back where it was (same scenario only). */
  undoRemove: () => void;
  updateCandidate: (id: string, patch: Partial<Pick<Site, 'name' | 'lon' | 'lat' | 'kommun_code'>>) => void;
  /** Highlighted candidate (ranking row selected). */
  selectedCandidate: string | null;
  setSelectedCandidate: (id: string | null) => void;
  /** Candidates ticked for side-by-side comparison (2–4). */
  compareIds: string[];
  toggleCompare: (id: string) => void;
  /** Presentation mode (full screen) and the atlas. */
  /** `years`: the shown sites in 2025 and 2035 side by side (instead of today vs the proposal). */
  presentation: { open: boolean; compare: boolean; years: boolean; title: string; subtitle: string };
  setPresentation: (p: Partial<PlannerState['presentation']>) => void;
  atlasOpen: boolean;
  setAtlasOpen: (on: boolean) => void;
  /** A composed page waiting to be printed (A4 or A3 landscape). */
  /** The print view: the composed sheet as SVG markup (vector text; the maps embedded as images). */
  print: { size: 'a4' | 'a3'; svg: string } | null;
  setPrint: (p: { size: 'a4' | 'a3'; svg: string } | null) => void;
  /** When on, a click on the map adds a candidate. */
  addMode: boolean;
  setAddMode: (on: boolean) => void;
  setScenarios: (scenarios: ScenarioDoc[], activeId: string) => void;
  activateScenario: (id: string) => void;
  createScenario: (name: string) => void;
  duplicateScenario: (id: string) => void;
  renameScenario: (id: string, name: string) => void;
  deleteScenario: (id: string) => void;
  importScenario: (doc: ScenarioDoc, message?: string) => void;
  setScenarioMessage: (m: string | null) => void;
  setSuggestion: (s: OptimiseResponse | null) => void;
  /** Today and the proposal for the current request; null while none is valid. */
  coverage: CoverageSets | null;
  /** 'blocked': the request cannot run (the matrix model without a matrix): no result is shown. */
  analysisStatus: 'idle' | 'running' | 'error' | 'blocked';
  analysisError: string | null;
  /** Road searches of a running analysis (shown as a progress bar), or null. */
  analysisProgress: { done: number; total: number } | null;
  setAnalysisProgress: (p: { done: number; total: number } | null) => void;
  setParams: (p: Partial<ScenarioParams>) => void;
  setMatrix: (m: ImportedMatrix | null) => void;
  /** A new result (or null with 'blocked'/'error'); 'running' keeps the last result, shown as stale. */
  setCoverage: (c: CoverageSets | null, status: PlannerState['analysisStatus'], error?: string | null) => void;
  setLang: (lang: Lang) => void;
  setData: (data: AppData) => void;
  setLoadError: (msg: string) => void;
  /** Shows or hides a layer; an area fill switched on replaces the one shown (one fill at a time). */
  setVisible: (key: LayerKey, on: boolean) => void;
  /** Shows one area fill, or none, and hides the other fills. */
  setFill: (key: FillLayerKey | null) => void;
  setDensityMode: (mode: DensityMode) => void;
  setOmradestypYear: (year: OmradestypYear) => void;
  setBasemap: (on: boolean) => void;
  setListingImport: (imp: ListingImportState | null) => void;
  setPendingImport: (p: PendingImport | null) => void;
  setLastImportMessage: (msg: string | null) => void;
}

export const DEFAULT_VISIBLE: Record<LayerKey, boolean> = {
  omradestyp: true,
  need: false,
  density: false,
  access: false,
  catchments: false,
  gaps: true,
  roads: false,
  candidates: true,
  healthCentres: true,
  familyCentres: true,
  stops: false,
  tatorter: false,
  kommuner: true,
};

/** The live scenario fields as a document (the active scenario's id and name kept). */
export function liveDoc(s: Pick<PlannerState, 'params' | 'candidates' | 'scenarios' | 'activeScenarioId'>): ScenarioDoc {
  const cur = s.scenarios.find((d) => d.id === s.activeScenarioId);
  const base = cur ?? newScenario('Scenario');
  return { ...base, params: s.params, candidates: s.candidates };
}

function live(doc: ScenarioDoc): Pick<PlannerState, 'params' | 'candidates' | 'activeScenarioId' | 'suggestion' | 'suggestUnreachable' | 'selectedCandidate' | 'compareIds'> {
  return { params: doc.params, candidates: doc.candidates, activeScenarioId: doc.id, suggestion: null, suggestUnreachable: null, selectedCandidate: null, compareIds: [] };
}

const firstScenario = newScenario(STRINGS.sv.scenario.firstName);

export const usePlanner = create<PlannerState>((set, get) => ({
  lang: 'sv',
  data: null,
  loadError: null,
  visible: { ...DEFAULT_VISIBLE },
  densityMode: 'grid',
  needLayer: 'index',
  setNeedLayer: (needLayer) => set({ needLayer }),
  basemap: false,
  listingImport: null,
  pendingImport: null,
  lastImportMessage: null,
  params: DEFAULT_PARAMS,
  matrix: null,
  mapSiteSet: 'proposal',
  setMapSiteSet: (mapSiteSet) => set({ mapSiteSet }),
  historySnapshot: null,
  setHistorySnapshot: (historySnapshot) => set({ historySnapshot }),
  candidates: [],
  suggestion: null,
  suggestUnreachable: null,
  setSuggestUnreachable: (suggestUnreachable) => set({ suggestUnreachable }),
  scores: null,
  scoring: null,
  setScoring: (scoring) => set({ scoring }),
  scoringPending: false,
  setScoringPending: (scoringPending) => set({ scoringPending }),
  setScores: (scores) => set({ scores }),
  scenarios: [firstScenario],
  activeScenarioId: firstScenario.id,
  scenarioMessage: null,
  quarantined: [],
  setQuarantined: (quarantined) => set({ quarantined }),
  mergeScenarios: (list) =>
    set((s) => {
      const active = list.find((d) => d.id === s.activeScenarioId);
      const before = s.scenarios.find((d) => d.id === s.activeScenarioId);
      return active && active !== before ? { scenarios: list, params: active.params, candidates: active.candidates } : { scenarios: list };
    }),
  storageAvailable: true,
  setStorageAvailable: (storageAvailable) => set({ storageAvailable }),
  selectedCandidate: null,
  setSelectedCandidate: (selectedCandidate) => set({ selectedCandidate }),
  compareIds: [],
  toggleCompare: (id) =>
    set((s) => ({ compareIds: s.compareIds.includes(id) ? s.compareIds.filter((x) => x !== id) : s.compareIds.length >= 4 ? s.compareIds : [...s.compareIds, id] })),
  addMode: false,
  setAddMode: (addMode) => set({ addMode }),
  presentation: { open: false, compare: false, years: false, title: 'Familjecentraler i Dalarna', subtitle: '' },
  setPresentation: (p) => set((s) => ({ presentation: { ...s.presentation, ...p } })),
  atlasOpen: false,
  setAtlasOpen: (atlasOpen) => set({ atlasOpen }),
  print: null,
  setPrint: (print) => set({ print }),
  updateCandidate: (id, patch) => set((s) => ({ candidates: s.candidates.map((c) => (c.id === id ? { ...c, ...patch } : c)) })),
  setScenarios: (scenarios, activeId) => {
    const active = scenarios.find((d) => d.id === activeId) ?? scenarios[0];
    set({ scenarios, ...live(active) });
  },
  activateScenario: (id) => {
    const s = get();
    const saved = s.scenarios.map((d) => (d.id === s.activeScenarioId ? liveDoc(s) : d));
    const next = saved.find((d) => d.id === id);
    if (next) set({ scenarios: saved, ...live(next) });
  },
  createScenario: (name) => {
    const s = get();
    const doc = newScenario(name);
    set({ scenarios: [...s.scenarios.map((d) => (d.id === s.activeScenarioId ? liveDoc(s) : d)), doc], ...live(doc) });
  },
  duplicateScenario: (id) => {
    const s = get();
    const saved = s.scenarios.map((d) => (d.id === s.activeScenarioId ? liveDoc(s) : d));
    const src = saved.find((d) => d.id === id);
    if (!src) return;
    const now = new Date().toISOString();
    const copy: ScenarioDoc = { ...structuredClone(src), id: newScenarioId(), name: `${STRINGS[s.lang].scenario.copyOf} ${src.name}`, created: now, modified: now };
    set({ scenarios: [...saved, copy], ...live(copy) });
  },
  renameScenario: (id, name) => set((s) => ({ scenarios: s.scenarios.map((d) => (d.id === id ? { ...d, name, modified: new Date().toISOString() } : d)) })),
  deleteScenario: (id) => {
    const s = get();
    const rest = s.scenarios.filter((d) => d.id !== id);
    if (rest.length === 0) {
      const doc = newScenario(STRINGS[s.lang].scenario.firstName);
      set({ scenarios: [doc], ...live(doc) });
    } else if (id === s.activeScenarioId) set({ scenarios: rest, ...live(rest[0]) });
    else set({ scenarios: rest });
  },
  importScenario: (doc, message) => {
    const s = get();
    const saved = s.scenarios.map((d) => (d.id === s.activeScenarioId ? liveDoc(s) : d));
    const incoming = saved.some((d) => d.id === doc.id) ? { ...doc, id: newScenarioId() } : doc;
    set({ scenarios: [...saved, incoming], ...live(incoming), scenarioMessage: message ?? null });
  },
  setScenarioMessage: (scenarioMessage) => set({ scenarioMessage }),
  addCandidates: (sites) =>
    set((s) => {
      const have = new Set(s.candidates.map((c) => c.id));
      return { candidates: [...s.candidates, ...sites.filter((x) => !have.has(x.id)).map((x) => ({ ...x, status: 'candidate' as const }))] };
    }),
  lastRemoved: null,
  undoRemove: () =>
    set((s) => {
      const r = s.lastRemoved;
      if (!r || r.scenarioId !== s.activeScenarioId || s.candidates.some((c) => c.id === r.site.id)) return { lastRemoved: null };
      const candidates = [...s.candidates];
      candidates.splice(Math.min(r.index, candidates.length), 0, r.site);
      return { candidates, lastRemoved: null };
    }),
  removeCandidate: (id) =>
    set((s) => ({
      lastRemoved: s.candidates.some((c) => c.id === id) ? { site: s.candidates.find((c) => c.id === id)!, index: s.candidates.findIndex((c) => c.id === id), scenarioId: s.activeScenarioId } : s.lastRemoved,
      candidates: s.candidates.filter((c) => c.id !== id),
      compareIds: s.compareIds.filter((x) => x !== id),
      selectedCandidate: s.selectedCandidate === id ? null : s.selectedCandidate,
    })),
  setSuggestion: (suggestion) => set({ suggestion }),
  coverage: null,
  analysisStatus: 'idle',
  analysisError: null,
  analysisProgress: null,
  setAnalysisProgress: (analysisProgress) => set({ analysisProgress }),
  setParams: (p) => set((s) => ({ params: { ...s.params, ...p } })),
  setMatrix: (matrix) => set({ matrix }),
  setCoverage: (coverage, analysisStatus, analysisError = null) =>
    set((s) => ({ coverage: analysisStatus === 'running' ? s.coverage : coverage, analysisStatus, analysisError })),
  setLang: (lang) => set({ lang }),
  setData: (data) => set({ data, loadError: null }),
  setLoadError: (loadError) => set({ loadError }),
  setVisible: (key, on) => set((s) => ({ visible: on && isFillLayer(key) ? withOneFill(s.visible, key) : { ...s.visible, [key]: on } })),
  setFill: (key) => set((s) => ({ visible: withOneFill(s.visible, key) })),
  setDensityMode: (densityMode) => set({ densityMode }),
  setOmradestypYear: (omradestypYear) => set((s) => ({ params: { ...s.params, omradestypYear } })),
  setBasemap: (basemap) => set({ basemap }),
  setListingImport: (listingImport) => set({ listingImport }),
  setPendingImport: (pendingImport) => set({ pendingImport }),
  setLastImportMessage: (lastImportMessage) => set({ lastImportMessage }),
}));
