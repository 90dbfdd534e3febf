import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource, MapGeoJSONFeature, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import type { FamilyCentreStatus } from '../domain/types';
import { FAMILY_CENTRE_STATUSES } from '../domain/types';
import type { Lang, Strings } from '../i18n';
import {
  ACCESS_BREAKS,
  ROAD_BUS_COLOR,
  ROAD_LINK_COLOR,
  ROAD_SPEED_BREAKS,
  ROAD_SPEED_COLORS,
  ACCESS_COLORS,
  ACCESS_UNREACHABLE_COLOR,
  CATCHMENT_COLORS,
  CATCHMENT_NONE_COLOR,
  DENSITY_BREAKS,
  DENSITY_COLORS,
  GAP_COLOR,
  HEALTH_CENTRE_COLOR,
  OMRADESTYP_COLORS,
  STOP_COLOR,
  TATORT_COLOR,
  numberProperty,
  stepExpression,
} from './palette';
import { popupHtml, type PopupKind } from './popupContent';
import type { ComposeSpec, MapLabel } from './exportPng';
import { CANDIDATE_SYMBOL, FAMILY_CENTRE_SYMBOLS, renderSymbol, symbolImageId } from './symbols';

import { HIGHLIGHT_ADDED_COLOR, HIGHLIGHT_ADDED_OPACITY, HIGHLIGHT_COLOR, REACHED_LINE_WIDTH, SELECTED_RING, UNREACHABLE_COLOR } from './highlightStyle';
import { MAP_UI_WORDS } from '../i18n/mapui';
import { LAYER_IDS, withOneFill, type DensityMode, type Highlight, type LayerKey, type MapData, type MapViewState } from './layers';

/** What the map tells the app. */
export interface MapHandlers {
  /** A click on the map while the add-candidate mode is on. */
  onAddAt?: (lon: number, lat: number) => void;
  /** A candidate was dragged to a new place. */
  onMoveCandidate?: (id: string, lon: number, lat: number) => void;
  /** A candidate symbol was clicked. */
  onSelectCandidate?: (id: string) => void;
}

/** Options for maps other than the main one (presentation, offscreen rendering). */
export interface MapOptions {
  bounds?: [number, number, number, number];
  padding?: number | { top: number; bottom: number; left: number; right: number };
  interactive?: boolean;
  /** Device pixels per CSS pixel (for high-resolution exports). */
  pixelRatio?: number;
  /** false: no navigation, scale or attribution controls. */
  controls?: boolean;
  scaleWidth?: number;
  /** Start at this view instead of the county's bounds (a view kept over a reload). */
  initialView?: MapViewPosition;
  /**
   * The main map: without `initialView` the view is fitted to the county's kommuner once the data
   * is set, and refitted when the map's size changes while it still shows that view; a "Hela
   * länet" button fits it again.
   */
  fitCounty?: boolean;
}

/** Dalarna's approximate bounds, used until the data's own bounds are known. */
const COUNTY_BOUNDS_APPROX: [number, number, number, number] = [12.1, 59.8, 16.8, 62.3];

/** Padding (CSS px) round the county when it is fitted: 3 % of the map's smaller side, 12–40 px. */
export function countyPadding(width: number, height: number): number {
  return Math.round(Math.min(40, Math.max(12, 0.03 * Math.min(width, height))));
}

/** Marks the moves that fit the county (so they are not remembered as the planner's view). */
const COUNTY_MOVE = { fcpCounty: true } as const;

/** A map control with one button that fits the map to the whole county. */
class WholeCountyControl implements maplibregl.IControl {
  private el: HTMLDivElement | null = null;
  private button: HTMLButtonElement | null = null;
  constructor(
    private readonly onClick: () => void,
    private label: string,
    private title: string,
  ) {}
  onAdd(): HTMLElement {
    this.el = document.createElement('div');
    this.el.className = 'maplibregl-ctrl maplibregl-ctrl-group whole-county';
    this.button = document.createElement('button');
    this.button.type = 'button';
    this.button.dataset.testid = 'whole-county';
    this.button.addEventListener('click', this.onClick);
    this.el.appendChild(this.button);
    this.setWords(this.label, this.title);
    return this.el;
  }
  onRemove(): void {
    this.el?.remove();
    this.el = null;
  }
  setWords(label: string, title: string): void {
    this.label = label;
    this.title = title;
    if (!this.button) return;
    this.button.textContent = label;
    this.button.title = title;
  }
}

/** Where the map looks: centre (WGS84 lon, lat) and zoom. */
export interface MapViewPosition {
  center: [number, number];
  zoom: number;
}

/** Sources whose (large) data is set only when first drawn. */
type LazySource = 'deso' | 'grid' | 'stops';
const LAZY_SOURCES = new Set<string>(['deso', 'grid', 'stops']);
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Which popup a layer's features get, in hit-test priority order (points first). */
const INTERACTIVE: [string, PopupKind][] = [
  ['candidate-symbol', 'candidate'],
  ['fc-symbol', 'familyCentre'],
  ['hc-circle', 'healthCentre'],
  ['tatorter-circle', 'tatort'],
  ['stops-circle', 'stop'],
  ['access-grid', 'grid'],
  ['access-deso', 'deso'],
  ['catchment-grid', 'grid'],
  ['catchment-deso', 'deso'],
  ['density-grid', 'grid'],
  ['density-deso', 'deso'],
  ['need-deso', 'deso'],
  ['regso-fill', 'regso'],
  ['kommun-fill', 'kommun'],
];

const HOVER_KINDS = new Set<PopupKind>(['candidate', 'familyCentre', 'healthCentre', 'tatort', 'stop', 'grid']);

const OSM_ATTRIBUTION = '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-bidragsgivare';

function baseStyle(): StyleSpecification {
  // A local style: no glyphs, sprites or tiles, so nothing is requested from the network.
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#dde5ea' } }],
  };
}

/**
 * The imperative map: owns the maplibre instance, its sources, layers, kommun labels and
 * popups. The app's state drives it through the setters; it never computes analysis results.
 */
export class MapController {
  readonly map: maplibregl.Map;
  private data: MapData | null = null;
  private labels: maplibregl.Marker[] = [];
  private hoverPopup: maplibregl.Popup;
  private clickPopup: maplibregl.Popup;
  private state: MapViewState;
  private strings: Strings;
  private lang: Lang;
  private styleReady: Promise<void>;
  private gapCodes = new Set<string>();
  private suggestionMarkers: maplibregl.Marker[] = [];
  /** Count markers on points several shown family centres share (`setFamilyCentres`). */
  private familyCentreStacks: maplibregl.Marker[] = [];
  private handlers: MapHandlers = {};
  private addMode = false;
  private dragging: string | null = null;
  private highlightAdded: { kind: DensityMode; ids: string[] } | null = null;
  private unreachable: { kind: 'grid' | 'deso'; ids: string[] } | null = null;
  private lastAccess: { kind: DensityMode; ids: string[] } | null = null;
  private lastCatchments: { kind: DensityMode; ids: string[] } | null = null;
  private needColors: { colors: string[]; missing: string } = { colors: [], missing: '#bdbdbd' };
  private needIndex: ReadonlyMap<string, number | null> | null = null;
  private readonly loadedSources = new Set<LazySource>();
  /** Source data still being fetched; `whenIdle` waits for it. */
  private pendingSources: Promise<unknown>[] = [];
  private regsoNeedIndex: ReadonlyMap<string, number | null> | null = null;
  private readonly fitCounty: boolean;
  /** The view is the fitted county (not moved since): a size change refits it. */
  private countyView: boolean;
  private wholeCounty: WholeCountyControl | null = null;
  /** The last finished move fitted the county. */
  private lastMoveCounty = false;
  private resizeFitted = false;

  constructor(container: HTMLElement, state: MapViewState, strings: Strings, lang: Lang, opts: MapOptions = {}) {
    this.state = state;
    this.strings = strings;
    this.lang = lang;
    this.map = new maplibregl.Map({
      container,
      style: baseStyle(),
      ...(opts.initialView ? { center: opts.initialView.center, zoom: opts.initialView.zoom } : { bounds: opts.bounds ?? COUNTY_BOUNDS_APPROX }),
      // The legend is docked beside the map (not over it), so the padding is even on every side.
      fitBoundsOptions: { padding: opts.padding ?? (opts.fitCounty ? countyPadding(container.clientWidth, container.clientHeight) : 20) },
      attributionControl: opts.controls === false ? false : { compact: false },
      maxZoom: 16,
      minZoom: 4,
      interactive: opts.interactive ?? true,
      pixelRatio: opts.pixelRatio,
      // No fade-in: every frame is read back in software compositing, so fewer frames draw sooner.
      fadeDuration: 0,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    this.fitCounty = !!opts.fitCounty;
    this.countyView = this.fitCounty && !opts.initialView;
    if (opts.controls !== false) {
      this.map.addControl(new maplibregl.NavigationControl({ showCompass: true }), 'top-right');
      if (this.fitCounty) {
        const w = MAP_UI_WORDS[lang];
        this.wholeCounty = new WholeCountyControl(() => this.fitCountyView(), w.wholeCounty, w.wholeCountyTitle);
        this.map.addControl(this.wholeCounty, 'top-right');
      }
      this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: opts.scaleWidth ?? 140 }), 'bottom-left');
    }
    this.hoverPopup = new maplibregl.Popup({ closeButton: false, closeOnClick: false, className: 'hover-popup', maxWidth: '320px' });
    this.clickPopup = new maplibregl.Popup({ closeButton: true, className: 'click-popup', maxWidth: '360px' });
    this.styleReady = new Promise((resolve) => this.map.once('load', () => resolve()));
    this.wireInteraction();
    // Which moves fit the county: the marked ones and the one a resize ends with after it refitted.
    this.map.on('moveend', (e) => {
      this.lastMoveCounty = !!(e as { fcpCounty?: boolean }).fcpCounty || this.resizeFitted;
      if (!this.lastMoveCounty) this.countyView = false;
    });
    this.map.on('resize', () => {
      if (!this.countyView) return;
      this.fitCountyView();
      // A resize fires its own moveend right after this event (synchronously).
      this.resizeFitted = true;
      queueMicrotask(() => (this.resizeFitted = false));
    });
  }

  /**
   * Fits the view to the county's kommuner (the data's bounds; approximate ones before the data)
   * with padding for the map's size; the view then follows size changes until the planner moves.
   */
  fitCountyView(): void {
    const b = this.data?.bbox ?? COUNTY_BOUNDS_APPROX;
    const c = this.map.getContainer();
    this.countyView = true;
    this.map.fitBounds([b[0], b[1], b[2], b[3]], { padding: countyPadding(c.clientWidth, c.clientHeight), animate: false }, COUNTY_MOVE);
  }

  /** Whether the view is the fitted county (not moved by the planner or the app since). */
  showsCounty(): boolean {
    return this.countyView;
  }

  /** Adds the data layers (once). */
  async setData(data: MapData): Promise<void> {
    await this.styleReady;
    this.data = data;
    const m = this.map;
    for (const status of FAMILY_CENTRE_STATUSES) {
      if (!m.hasImage(symbolImageId(status))) m.addImage(symbolImageId(status), renderSymbol(FAMILY_CENTRE_SYMBOLS[status]), { pixelRatio: 2 });
    }
    const add = (id: string, fc: FeatureCollection, promoteId?: string) => m.addSource(id, { type: 'geojson', data: fc, ...(promoteId ? { promoteId } : {}) });
    add('kommuner', data.kommuner, 'kommun_code');
    add('regso', data.regso);
    // The large sources start empty and get their data when a layer that draws them is shown
    // (ensureSource): the first map does not wait for 1 km cells, DeSO and stops it does not draw.
    this.loadedSources.clear();
    add('deso', EMPTY, 'deso_code');
    add('grid', EMPTY, 'id');
    add('stops', EMPTY);
    add('tatorter', data.tatorter);
    add('health-centres', data.healthCentres);
    add('family-centres', data.familyCentres);
    add('candidates', data.candidates);
    if (!m.hasImage('candidate')) m.addImage('candidate', renderSymbol(CANDIDATE_SYMBOL), { pixelRatio: 2 });

    m.addLayer({ id: 'kommun-fill', type: 'fill', source: 'kommuner', paint: { 'fill-color': '#f7f7f4', 'fill-opacity': 1 } });
    m.addLayer({ id: 'regso-fill', type: 'fill', source: 'regso', paint: { 'fill-color': this.omradestypColor(), 'fill-opacity': 0.75 } });
    m.addLayer({
      id: 'need-deso',
      type: 'fill',
      source: 'deso',
      paint: { 'fill-color': this.needColor(), 'fill-opacity': 0.85, 'fill-outline-color': '#ffffff' },
    });
    m.addLayer({
      id: 'density-grid',
      type: 'fill',
      source: 'grid',
      paint: { 'fill-color': stepExpression(numberProperty('children_0_6'), DENSITY_BREAKS, DENSITY_COLORS) as never, 'fill-opacity': 0.85 },
    });
    m.addLayer({
      id: 'density-deso',
      type: 'fill',
      source: 'deso',
      paint: { 'fill-color': stepExpression(numberProperty('children_per_km2'), DENSITY_BREAKS, DENSITY_COLORS) as never, 'fill-opacity': 0.85, 'fill-outline-color': '#ffffff' },
    });
    const accessPaint = {
      'fill-color': [
        'case',
        ['<', ['coalesce', ['feature-state', 'minutes'], -2], -1.5], 'rgba(0,0,0,0)',
        ['<', ['feature-state', 'minutes'], 0], ACCESS_UNREACHABLE_COLOR,
        stepExpression(['feature-state', 'minutes'], ACCESS_BREAKS, ACCESS_COLORS),
      ],
      'fill-opacity': 0.85,
    } as never;
    m.addLayer({ id: 'access-grid', type: 'fill', source: 'grid', paint: accessPaint });
    m.addLayer({ id: 'access-deso', type: 'fill', source: 'deso', paint: accessPaint });
    const slotExpr: unknown[] = ['match', ['coalesce', ['feature-state', 'catchment'], -2], -1, CATCHMENT_NONE_COLOR];
    CATCHMENT_COLORS.forEach((c, i) => slotExpr.push(i, c));
    slotExpr.push('rgba(0,0,0,0)');
    const catchmentPaint = { 'fill-color': slotExpr, 'fill-opacity': 0.8 } as never;
    m.addLayer({ id: 'catchment-grid', type: 'fill', source: 'grid', paint: catchmentPaint });
    m.addLayer({ id: 'catchment-deso', type: 'fill', source: 'deso', paint: { ...(catchmentPaint as object), 'fill-outline-color': '#ffffff' } as never });
    m.addSource('roads', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    const roadWidth = (z6: number, z11: number, link: number) =>
      ['interpolate', ['linear'], ['zoom'], 6, ['match', ['get', 'road_class'], 'nvdb', z6, 'link', link, z6 / 2.3], 11, ['match', ['get', 'road_class'], 'nvdb', z11, 'link', link, z11 / 2]] as never;
    const roadColor = [
      'match', ['get', 'road_class'],
      'nvdb', stepExpression(['coalesce', ['get', 'speed_kmh'], 0], ROAD_SPEED_BREAKS, ROAD_SPEED_COLORS),
      'link', ROAD_LINK_COLOR,
      ROAD_BUS_COLOR,
    ] as never;
    m.addLayer({ id: 'roads-line', type: 'line', source: 'roads', filter: ['in', ['get', 'road_class'], ['literal', ['nvdb', 'bus']]], paint: { 'line-color': roadColor, 'line-width': roadWidth(1.6, 4, 1.2) } });
    m.addLayer({
      id: 'roads-dash',
      type: 'line',
      source: 'roads',
      filter: ['in', ['get', 'road_class'], ['literal', ['gap', 'link']]],
      paint: { 'line-color': roadColor, 'line-width': roadWidth(1.6, 4, 1.2), 'line-dasharray': [2, 2] },
    });
    m.addLayer({ id: 'regso-line', type: 'line', source: 'regso', paint: { 'line-color': '#ffffff', 'line-width': 0.6, 'line-opacity': 0.8 } });
    m.addLayer({ id: 'kommun-line', type: 'line', source: 'kommuner', paint: { 'line-color': '#333333', 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 1.2, 10, 2.5] } });
    m.addLayer({
      id: 'gap-line',
      type: 'line',
      source: 'kommuner',
      filter: ['in', ['get', 'kommun_code'], ['literal', []]],
      paint: { 'line-color': GAP_COLOR, 'line-width': 3.5, 'line-dasharray': [2, 1.2], 'line-offset': 1.5 },
    });
    m.addLayer({
      id: 'stops-circle',
      type: 'circle',
      source: 'stops',
      paint: { 'circle-radius': ['get', 'radius'], 'circle-color': STOP_COLOR, 'circle-opacity': 0.7, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 0.5 },
    });
    m.addLayer({
      id: 'tatorter-circle',
      type: 'circle',
      source: 'tatorter',
      paint: { 'circle-radius': 3, 'circle-color': '#ffffff', 'circle-stroke-color': TATORT_COLOR, 'circle-stroke-width': 1.5 },
    });
    m.addLayer({
      id: 'hc-circle',
      type: 'circle',
      source: 'health-centres',
      paint: {
        'circle-radius': ['get', 'radius'],
        'circle-color': ['match', ['get', 'ownership'], 'private', '#ffffff', HEALTH_CENTRE_COLOR],
        'circle-opacity': 0.9,
        'circle-stroke-color': ['match', ['get', 'ownership'], 'private', HEALTH_CENTRE_COLOR, '#ffffff'],
        'circle-stroke-width': ['match', ['get', 'ownership'], 'private', 3, 1.5],
      },
    });
    m.addLayer({
      id: 'fc-symbol',
      type: 'symbol',
      source: 'family-centres',
      layout: { 'icon-image': ['get', 'icon'], 'icon-size': 1, 'icon-allow-overlap': true, 'icon-ignore-placement': true },
    });
    m.addLayer({
      id: 'reach-deso-line',
      type: 'line',
      source: 'deso',
      filter: ['in', ['get', 'deso_code'], ['literal', []]],
      paint: { 'line-color': HIGHLIGHT_COLOR, 'line-width': REACHED_LINE_WIDTH },
    });
    const addedPaint = { 'fill-color': HIGHLIGHT_ADDED_COLOR, 'fill-opacity': ['case', ['boolean', ['feature-state', 'added'], false], HIGHLIGHT_ADDED_OPACITY, 0] } as never;
    m.addLayer({ id: 'added-grid', type: 'fill', source: 'grid', paint: addedPaint });
    m.addLayer({ id: 'added-deso', type: 'fill', source: 'deso', paint: addedPaint });
    // Demand no possible site reaches within T (Föreslå): grey, over every fill.
    const unreachablePaint = { 'fill-color': UNREACHABLE_COLOR, 'fill-opacity': ['case', ['boolean', ['feature-state', 'unreachable'], false], 0.75, 0] } as never;
    m.addLayer({ id: 'unreachable-grid', type: 'fill', source: 'grid', paint: unreachablePaint });
    m.addLayer({ id: 'unreachable-deso', type: 'fill', source: 'deso', paint: unreachablePaint });
    m.addLayer({
      id: 'candidate-selected',
      type: 'circle',
      source: 'candidates',
      filter: ['==', ['get', 'id'], ''],
      paint: { 'circle-radius': SELECTED_RING.radius, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': HIGHLIGHT_COLOR, 'circle-stroke-width': SELECTED_RING.strokeWidth },
    });
    m.addLayer({
      id: 'candidate-symbol',
      type: 'symbol',
      source: 'candidates',
      layout: { 'icon-image': 'candidate', 'icon-size': 1, 'icon-allow-overlap': true, 'icon-ignore-placement': true },
    });
    // Draw once, complete: the layers stay hidden while the sources are prepared (in software
    // compositing every frame is read back, so partial frames cost as much as the finished one).
    const all = m.getStyle().layers.filter((l) => l.id !== 'background').map((l) => l.id);
    for (const id of all) m.setLayoutProperty(id, 'visibility', 'none');
    await new Promise<void>((resolve) => {
      const done = () => {
        m.off('sourcedata', check);
        clearTimeout(timer);
        resolve();
      };
      const check = () => {
        if (['kommuner', 'regso', 'health-centres', 'family-centres'].every((id) => m.isSourceLoaded(id))) done();
      };
      // Never wait for ever (a source that fails to load still shows the rest).
      const timer = setTimeout(done, 5000);
      m.on('sourcedata', check);
      check();
    });
    // Layers outside the toggles (kommun fill, highlights) are always on; the toggles follow the state.
    const toggled = new Set(Object.values(LAYER_IDS).flat());
    for (const id of all) if (!toggled.has(id)) m.setLayoutProperty(id, 'visibility', 'visible');
    // The kommun names come with the layers they name (not on an empty map while sources load).
    this.buildLabels();
    this.applyState(this.state);
    if (this.countyView) this.fitCountyView();
  }

  setHandlers(h: MapHandlers): void {
    this.handlers = h;
  }

  /** When on, a click on the map adds a candidate there (cursor: crosshair). */
  setAddMode(on: boolean): void {
    this.addMode = on;
    this.map.getCanvas().style.cursor = on ? 'crosshair' : '';
  }

  /** Highlights a selected candidate, the DeSO it reaches and the units it newly covers (null clears). */
  setHighlight(h: Highlight | null): void {
    if (!this.data) return;
    const m = this.map;
    m.setFilter('candidate-selected', ['==', ['get', 'id'], h?.siteId ?? '']);
    m.setFilter('reach-deso-line', ['in', ['get', 'deso_code'], ['literal', h?.reachedDeso ?? []]]);
    if (this.highlightAdded) {
      const src = this.highlightAdded.kind === 'grid' ? 'grid' : 'deso';
      for (const id of this.highlightAdded.ids) m.setFeatureState({ source: src, id }, { added: false });
    }
    this.highlightAdded = h ? { kind: h.addedKind, ids: h.addedIds } : null;
    if (h) {
      const src = h.addedKind === 'grid' ? 'grid' : 'deso';
      this.ensureSource('deso');
      this.ensureSource(src);
      for (const id of h.addedIds) m.setFeatureState({ source: src, id }, { added: true });
    }
  }

  /**
   * Marks the demand units no possible site reaches within T (Föreslå's summary): 1 km grid cells
   * or DeSO by id. An empty list clears.
   */
  setUnreachable(kind: 'grid' | 'deso', ids: readonly string[]): void {
    if (!this.data) return;
    const m = this.map;
    if (this.unreachable) {
      const src = this.unreachable.kind;
      for (const id of this.unreachable.ids) m.setFeatureState({ source: src, id }, { unreachable: false });
    }
    this.unreachable = ids.length ? { kind, ids: [...ids] } : null;
    if (!ids.length) return;
    this.ensureSource(kind);
    for (const id of ids) m.setFeatureState({ source: kind, id }, { unreachable: true });
  }

  setCandidates(fc: FeatureCollection<Point>): void {
    if (!this.data) return;
    this.data.candidates = fc;
    (this.map.getSource('candidates') as GeoJSONSource | undefined)?.setData(fc);
  }

  /** The road network layer's data (loaded when the layer is first switched on). */
  setRoads(fc: FeatureCollection): void {
    (this.map.getSource('roads') as GeoJSONSource | undefined)?.setData(fc);
  }

  /** Numbered markers for suggested sites (cleared with an empty list). */
  setSuggestions(sites: readonly { lon: number; lat: number; name: string }[]): void {
    this.suggestionMarkers.forEach((mk) => mk.remove());
    this.suggestionMarkers = sites.map((s, i) => {
      const el = document.createElement('div');
      el.className = 'suggest-marker';
      el.textContent = String(i + 1);
      el.title = s.name;
      return new maplibregl.Marker({ element: el }).setLngLat([s.lon, s.lat]).addTo(this.map);
    });
    // The map moves to the suggested sites (all of them in view, not closer than a town's scale).
    if (sites.length > 0) {
      const b = new maplibregl.LngLatBounds([sites[0].lon, sites[0].lat], [sites[0].lon, sites[0].lat]);
      for (const x of sites) b.extend([x.lon, x.lat]);
      this.map.fitBounds(b, { padding: 80, maxZoom: 10, duration: 0 });
    }
  }

  /** Gives a lazily filled source its data (once; the grid's polygons are fetched first). */
  private ensureSource(id: string): void {
    if (!this.data || !LAZY_SOURCES.has(id) || this.loadedSources.has(id as LazySource)) return;
    this.loadedSources.add(id as LazySource);
    const set = (fc: FeatureCollection) => (this.map.getSource(id) as GeoJSONSource | undefined)?.setData(fc);
    if (id === 'grid') {
      const p = this.data.loadGrid().then(set, () => this.loadedSources.delete('grid'));
      this.pendingSources.push(p);
      void p.finally(() => (this.pendingSources = this.pendingSources.filter((x) => x !== p)));
    } else set(this.data[id as 'deso' | 'stops']);
  }

  /** Applies visibility, density mode, områdestyp year and basemap. */
  applyState(state: MapViewState): void {
    // One area fill at a time: a state with several (saved before) shows the one shownFill keeps.
    this.state = state = { ...state, visible: withOneFill(state.visible) };
    if (!this.data) return;
    const m = this.map;
    const vis = (on: boolean) => (on ? 'visible' : 'none');
    for (const key of Object.keys(LAYER_IDS) as LayerKey[]) {
      for (const id of LAYER_IDS[key]) {
        let on = state.visible[key];
        if (id === 'density-grid') on = on && state.densityMode === 'grid';
        if (id === 'density-deso') on = on && state.densityMode === 'deso';
        if (id === 'access-grid') on = on && state.accessMode === 'grid';
        if (id === 'access-deso') on = on && state.accessMode === 'deso';
        if (id === 'catchment-grid') on = on && state.accessMode === 'grid';
        if (id === 'catchment-deso') on = on && state.accessMode === 'deso';
        m.setLayoutProperty(id, 'visibility', vis(on));
        const src = (m.getLayer(id) as { source?: string } | undefined)?.source;
        if (on && src) this.ensureSource(src);
      }
    }
    m.setPaintProperty('regso-fill', 'fill-color', this.omradestypColor());
    for (const l of this.labels) {
      const el = l.getElement();
      el.style.display = state.visible.kommuner ? '' : 'none';
      el.classList.toggle('gap', state.visible.gaps && this.gapCodes.has(el.dataset.kommun ?? ''));
    }
    this.setBasemap(state.basemap);
  }

  /**
   * Shows other family-centre symbols — a documented snapshot's sites (history panel) — or, with
   * null, the data's again. `stacks` are points several sites share (their symbols lie on top of
   * each other): each gets a marker with the number of sites, `title` as its tooltip.
   */
  setFamilyCentres(fc: FeatureCollection<Point> | null, stacks: readonly { lon: number; lat: number; count: number; title: string }[] = []): void {
    this.familyCentreStacks.forEach((mk) => mk.remove());
    this.familyCentreStacks = [];
    if (!this.data) return;
    (this.map.getSource('family-centres') as GeoJSONSource | undefined)?.setData(fc ?? this.data.familyCentres);
    this.familyCentreStacks = (fc ? stacks : []).map((st) => {
      const el = document.createElement('div');
      el.className = 'fc-stack-marker';
      el.textContent = String(st.count);
      el.title = st.title;
      el.setAttribute('aria-label', st.title);
      // Above the symbol's upper right corner, so the symbol itself stays visible and clickable.
      el.style.cssText = 'min-width:16px;height:16px;padding:0 3px;border-radius:8px;background:#fff;color:#333;border:1.5px solid #333;font:700 11px/16px sans-serif;text-align:center;pointer-events:auto;';
      return new maplibregl.Marker({ element: el, offset: [11, -11] }).setLngLat([st.lon, st.lat]).addTo(this.map);
    });
  }

  setHealthCentres(fc: FeatureCollection<Point>): void {
    if (!this.data) return;
    this.data.healthCentres = fc;
    (this.map.getSource('health-centres') as GeoJSONSource | undefined)?.setData(fc);
  }

  /**
   * Colours demand units by minutes to their nearest centre (feature state). `ids` are grid ids
   * or DeSO codes in the order of `minutes`; Infinity = no reachable centre.
   */
  setAccess(kind: DensityMode, ids: readonly string[], minutes: ArrayLike<number>): void {
    if (!this.data) return;
    const m = this.map;
    // Clear only the minutes we set before (other feature states, e.g. highlights, stay).
    if (this.lastAccess) {
      const prevSource = this.lastAccess.kind === 'grid' ? 'grid' : 'deso';
      for (const id of this.lastAccess.ids) m.setFeatureState({ source: prevSource, id }, { minutes: null });
    }
    this.lastAccess = { kind, ids: [...ids] };
    const source = kind === 'grid' ? 'grid' : 'deso';
    for (let i = 0; i < ids.length; i++) {
      const v = minutes[i];
      m.setFeatureState({ source, id: ids[i] }, { minutes: Number.isFinite(v) ? v : -1 });
    }
  }

  /**
   * Colours demand units by their catchment (feature state `catchment`: the colour slot of the
   * unit's nearest site, −1 = none reachable). `ids` are grid ids or DeSO codes in the order of
   * `nearest`; `slots` is per site.
   */
  setCatchments(kind: DensityMode, ids: readonly string[], nearest: ArrayLike<number>, slots: ArrayLike<number>): void {
    if (!this.data) return;
    const m = this.map;
    if (this.lastCatchments) {
      const prevSource = this.lastCatchments.kind === 'grid' ? 'grid' : 'deso';
      for (const id of this.lastCatchments.ids) m.setFeatureState({ source: prevSource, id }, { catchment: null });
    }
    this.lastCatchments = { kind, ids: [...ids] };
    const source = kind === 'grid' ? 'grid' : 'deso';
    for (let i = 0; i < ids.length; i++) {
      const j = nearest[i];
      m.setFeatureState({ source, id: ids[i] }, { catchment: j >= 0 ? slots[j] : -1 });
    }
  }

  /**
   * Colours DeSO by need class (feature state `needClass`, −1 = missing) with one colour per class;
   * `values` (index or indicator per DeSO) and `weights` (need weight, index mode) go into popups.
   */
  setNeed(ids: readonly string[], classes: readonly number[], colors: readonly string[], missingColor: string, index: ReadonlyMap<string, number | null> | null, regsoIndex: ReadonlyMap<string, number | null> | null = null): void {
    this.needColors = { colors: [...colors], missing: missingColor };
    this.needIndex = index;
    this.regsoNeedIndex = regsoIndex;
    if (!this.data) return;
    const m = this.map;
    for (let i = 0; i < ids.length; i++) m.setFeatureState({ source: 'deso', id: ids[i] }, { needClass: classes[i] });
    m.setPaintProperty('need-deso', 'fill-color', this.needColor());
  }

  private needColor(): never {
    const { colors, missing } = this.needColors;
    const expr: unknown[] = ['match', ['coalesce', ['feature-state', 'needClass'], -2], -1, missing];
    colors.forEach((c, i) => expr.push(i, c));
    expr.push('rgba(0,0,0,0)');
    return expr as never;
  }

  /** Outlines the kommuner with gap flags and marks their labels. */
  /** The kommuner outlined as gaps (for tests and the console). */
  gapKommuner(): string[] {
    return [...this.gapCodes].sort();
  }

  setGaps(codes: readonly string[]): void {
    this.gapCodes = new Set(codes);
    if (!this.data) return;
    this.map.setFilter('gap-line', ['in', ['get', 'kommun_code'], ['literal', [...codes]]]);
    this.applyState(this.state);
  }

  setStrings(strings: Strings, lang: Lang): void {
    this.strings = strings;
    this.lang = lang;
    this.wholeCounty?.setWords(MAP_UI_WORDS[lang].wholeCounty, MAP_UI_WORDS[lang].wholeCountyTitle);
  }

  /**
   * The current map composed with title, legend, scale bar and footer as a canvas of the given
   * size (waits until the map has rendered).
   */
  async snapshot(spec: ComposeSpec): Promise<HTMLCanvasElement> {
    await this.whenIdle();
    this.map.triggerRepaint();
    await new Promise<void>((r) => this.map.once('render', () => r()));
    const canvas = this.map.getCanvas();
    const ratio = canvas.width / (canvas.clientWidth || canvas.width);
    const bar = this.scaleBar();
    // The layout engine loads with the first export, not with the map.
    const { composeMap } = await import('./exportPng');
    return composeMap(canvas, spec, { px: bar.px * ratio, label: bar.label }, this.labelPositions(ratio));
  }

  /** Kommun names at map-canvas pixel positions (for exports); flagged kommuner in the gap colour. */
  labelPositions(ratio: number): MapLabel[] {
    if (!this.state.visible.kommuner) return [];
    return (this.data?.kommuner.features ?? []).map((f) => {
      const p = f.properties as { kommun_name: string; kommun_code: string; label_lon: number; label_lat: number };
      const q = this.map.project([p.label_lon, p.label_lat]);
      const gap = this.state.visible.gaps && this.gapCodes.has(p.kommun_code);
      return { x: q.x * ratio, y: q.y * ratio, text: gap ? `${p.kommun_name} ⚠` : p.kommun_name, color: gap ? GAP_COLOR : undefined };
    });
  }

  /** A round scale-bar length (CSS px) and label for about 120 px at the map centre. */
  scaleBar(): { px: number; label: string } {
    const lat = this.map.getCenter().lat;
    const mPerPx = (40075016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** this.map.getZoom());
    const target = mPerPx * 120;
    const pow = 10 ** Math.floor(Math.log10(target));
    const nice = [1, 2, 5, 10].map((k) => k * pow).filter((v) => v <= target).pop() ?? pow;
    return { px: nice / mPerPx, label: nice >= 1000 ? `${nice / 1000} km` : `${nice} m` };
  }

  /** Fits the view to a box [minLon, minLat, maxLon, maxLat] at once (no animation). */
  fitTo(bbox: [number, number, number, number], padding: number | { top: number; bottom: number; left: number; right: number } = 20): void {
    this.map.fitBounds([bbox[0], bbox[1], bbox[2], bbox[3]], { padding, animate: false });
  }

  /** Number of features of a layer currently drawn in the viewport. */
  renderedCount(layerId: string): number {
    if (!this.map.getLayer(layerId)) return 0;
    return this.map.queryRenderedFeatures({ layers: [layerId] }).length;
  }

  /** Resolves when the map has finished rendering everything it has. */
  /**
   * Calls `cb` with the view after every move the planner (or the app) makes; with null when the
   * map was fitted to the county (nothing to remember: the county is fitted again at any size).
   */
  onViewChange(cb: (v: MapViewPosition | null) => void): void {
    this.map.on('moveend', () => {
      if (this.lastMoveCounty) return cb(null);
      const c = this.map.getCenter();
      cb({ center: [c.lng, c.lat], zoom: this.map.getZoom() });
    });
  }

  async whenIdle(): Promise<void> {
    while (this.pendingSources.length) await Promise.all(this.pendingSources);
    return new Promise((resolve) => {
      if (this.map.loaded() && !this.map.isMoving()) {
        this.map.once('idle', () => resolve());
        this.map.triggerRepaint();
      } else this.map.once('idle', () => resolve());
    });
  }

  destroy(): void {
    this.labels.forEach((l) => l.remove());
    this.map.remove();
  }

  private omradestypColor(): maplibregl.ExpressionSpecification {
    const key = this.state.omradestypYear === 2022 ? 'omradestyp_2022' : 'omradestyp_2023';
    return ['match', ['get', key], 1, OMRADESTYP_COLORS[1], 2, OMRADESTYP_COLORS[2], 3, OMRADESTYP_COLORS[3], 4, OMRADESTYP_COLORS[4], 5, OMRADESTYP_COLORS[5], '#cccccc'];
  }

  private setBasemap(on: boolean): void {
    const m = this.map;
    const has = !!m.getSource('osm');
    if (on && !has) {
      m.addSource('osm', {
        type: 'raster',
        tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
        tileSize: 256,
        maxzoom: 19,
        attribution: OSM_ATTRIBUTION,
      });
      m.addLayer({ id: 'osm', type: 'raster', source: 'osm', paint: { 'raster-opacity': 0.9 } }, 'kommun-fill');
      m.setPaintProperty('kommun-fill', 'fill-opacity', 0.35);
    } else if (!on && has) {
      m.removeLayer('osm');
      m.removeSource('osm');
      m.setPaintProperty('kommun-fill', 'fill-opacity', 1);
    }
  }

  private buildLabels(): void {
    this.labels.forEach((l) => l.remove());
    this.labels = (this.data?.kommuner.features ?? []).map((f) => {
      const p = f.properties as { kommun_name: string; label_lon: number; label_lat: number };
      const el = document.createElement('div');
      el.className = 'kommun-label';
      el.textContent = p.kommun_name;
      el.dataset.kommun = (f.properties as { kommun_code: string }).kommun_code;
      return new maplibregl.Marker({ element: el }).setLngLat([p.label_lon, p.label_lat]).addTo(this.map);
    });
  }

  /** A feature's properties for its popup; DeSO get the needs index of the scenario's components. */
  private popupProps(h: { feature: MapGeoJSONFeature; kind: PopupKind }): Record<string, unknown> {
    const p = h.feature.properties as Record<string, unknown>;
    if (h.kind === 'regso' && this.regsoNeedIndex) return { ...p, need_index: this.regsoNeedIndex.get(String(p.regso_code)) ?? null };
    if (h.kind !== 'deso' || !this.needIndex) return p;
    return { ...p, need_index: this.needIndex.get(String(p.deso_code)) ?? null };
  }

  private hit(point: maplibregl.PointLike): { feature: MapGeoJSONFeature; kind: PopupKind } | null {
    const layers = INTERACTIVE.map(([id]) => id).filter((id) => this.map.getLayer(id) && this.map.getLayoutProperty(id, 'visibility') !== 'none');
    if (!layers.length) return null;
    const features = this.map.queryRenderedFeatures(point, { layers });
    for (const [id, kind] of INTERACTIVE) {
      const f = features.find((x) => x.layer.id === id);
      if (f) return { feature: f, kind };
    }
    return null;
  }

  private wireInteraction(): void {
    const m = this.map;
    m.on('mousedown', 'candidate-symbol', (e) => {
      const id = e.features?.[0]?.properties?.id as string | undefined;
      if (!id || this.addMode) return;
      e.preventDefault();
      this.dragging = id;
      m.dragPan.disable();
      m.getCanvas().style.cursor = 'grabbing';
    });
    m.on('mouseup', (e) => {
      if (!this.dragging) return;
      const id = this.dragging;
      this.dragging = null;
      m.dragPan.enable();
      m.getCanvas().style.cursor = '';
      this.handlers.onMoveCandidate?.(id, e.lngLat.lng, e.lngLat.lat);
    });
    m.on('mousemove', (e) => {
      if (this.dragging && this.data) {
        const fc = this.data.candidates;
        const f = fc.features.find((x) => x.properties?.id === this.dragging);
        if (f) {
          f.geometry.coordinates = [e.lngLat.lng, e.lngLat.lat];
          (m.getSource('candidates') as GeoJSONSource | undefined)?.setData(fc);
        }
      }
    });
    m.on('mousemove', (e) => {
      if (this.addMode || this.dragging) {
        this.hoverPopup.remove();
        return;
      }
      const found = this.hit(e.point);
      // Hover only for points and grid cells; areas answer a click, so the map stays calm.
      const h = found && HOVER_KINDS.has(found.kind) ? found : null;
      m.getCanvas().style.cursor = h ? 'pointer' : '';
      if (!h) {
        this.hoverPopup.remove();
        return;
      }
      this.hoverPopup
        .setLngLat(e.lngLat)
        .setHTML(popupHtml(h.kind, this.popupProps(h), this.strings, this.lang, this.state.omradestypYear))
        .addTo(m);
    });
    m.on('mouseout', () => this.hoverPopup.remove());
    m.on('click', (e) => {
      if (this.addMode) {
        this.handlers.onAddAt?.(e.lngLat.lng, e.lngLat.lat);
        return;
      }
      const h = this.hit(e.point);
      if (!h) return;
      if (h.kind === 'candidate') this.handlers.onSelectCandidate?.(String(h.feature.properties.id));
      this.hoverPopup.remove();
      this.clickPopup
        .setLngLat(e.lngLat)
        .setHTML(popupHtml(h.kind, this.popupProps(h), this.strings, this.lang, this.state.omradestypYear))
        .addTo(m);
    });
  }
}

export type { FamilyCentreStatus };
