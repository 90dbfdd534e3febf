import { create } from 'zustand';
import { DEFAULT_PARAMS, type ScenarioParams } from '../domain/scenario';
import type { OmradestypYear, ListingRecord, Site, TravelMatrix } from '../domain/types';
import type { OptimiseResponse } from '../worker/optimiseApi';
import type { CoverageSummary } from '../worker/analysisApi';
import type { Lang } from '../i18n';
import type { AppData } from '../io/appData';
import type { InputIssue } from '../io/issues';
import type { DensityMode, LayerKey } from '../map/MapController';

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

/** Analysis parameters the planner edits; the områdestyp year is shared with the map. */
export type EditableParams = Omit<ScenarioParams, 'omradestypYear'>;

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
  omradestypYear: OmradestypYear;
  basemap: boolean;
  listingImport: ListingImportState | null;
  pendingImport: PendingImport | null;
  lastImportMessage: string | null;
  params: EditableParams;
  matrix: ImportedMatrix | null;
  /** The planner's candidate sites in the scenario (counted in the live coverage). */
  candidates: Site[];
  suggestion: OptimiseResponse | null;
  addCandidates: (sites: Site[]) => void;
  removeCandidate: (id: string) => void;
  setSuggestion: (s: OptimiseResponse | null) => void;
  coverage: CoverageSummary | null;
  analysisStatus: 'idle' | 'running' | 'error';
  analysisError: string | null;
  setParams: (p: Partial<EditableParams>) => void;
  setMatrix: (m: ImportedMatrix | null) => void;
  setCoverage: (c: CoverageSummary | null, status: 'idle' | 'running' | 'error', error?: string | null) => void;
  setLang: (lang: Lang) => void;
  setData: (data: AppData) => void;
  setLoadError: (msg: string) => void;
  setVisible: (key: LayerKey, on: boolean) => void;
  setDensityMode: (mode: DensityMode) => void;
  setOmradestypYear: (year: OmradestypYear) => void;
  setBasemap: (on: boolean) => void;
  setListingImport: (imp: ListingImportState | null) => void;
  setPendingImport: (p: PendingImport | null) => void;
  setLastImportMessage: (msg: string | null) => void;
}

export const DEFAULT_VISIBLE: Record<LayerKey, boolean> = {
  omradestyp: true,
  density: false,
  access: false,
  gaps: true,
  candidates: true,
  healthCentres: true,
  familyCentres: true,
  stops: false,
  tatorter: false,
  kommuner: true,
};

export const usePlanner = create<PlannerState>((set) => ({
  lang: 'sv',
  data: null,
  loadError: null,
  visible: { ...DEFAULT_VISIBLE },
  densityMode: 'grid',
  omradestypYear: 2023,
  basemap: false,
  listingImport: null,
  pendingImport: null,
  lastImportMessage: null,
  params: (({ omradestypYear: _y, ...rest }) => rest)(DEFAULT_PARAMS),
  matrix: null,
  candidates: [],
  suggestion: null,
  addCandidates: (sites) =>
    set((s) => {
      const have = new Set(s.candidates.map((c) => c.id));
      return { candidates: [...s.candidates, ...sites.filter((x) => !have.has(x.id)).map((x) => ({ ...x, status: 'candidate' as const }))] };
    }),
  removeCandidate: (id) => set((s) => ({ candidates: s.candidates.filter((c) => c.id !== id) })),
  setSuggestion: (suggestion) => set({ suggestion }),
  coverage: null,
  analysisStatus: 'idle',
  analysisError: null,
  setParams: (p) => set((s) => ({ params: { ...s.params, ...p } })),
  setMatrix: (matrix) => set({ matrix }),
  setCoverage: (coverage, analysisStatus, analysisError = null) =>
    set((s) => ({ coverage: coverage ?? s.coverage, analysisStatus, analysisError })),
  setLang: (lang) => set({ lang }),
  setData: (data) => set({ data, loadError: null }),
  setLoadError: (loadError) => set({ loadError }),
  setVisible: (key, on) => set((s) => ({ visible: { ...s.visible, [key]: on } })),
  setDensityMode: (densityMode) => set({ densityMode }),
  setOmradestypYear: (omradestypYear) => set({ omradestypYear }),
  setBasemap: (basemap) => set({ basemap }),
  setListingImport: (listingImport) => set({ listingImport }),
  setPendingImport: (pendingImport) => set({ pendingImport }),
  setLastImportMessage: (lastImportMessage) => set({ lastImportMessage }),
}));
