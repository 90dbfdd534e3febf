import { create } from 'zustand';
import type { OmradestypYear, ListingRecord } from '../domain/types';
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
