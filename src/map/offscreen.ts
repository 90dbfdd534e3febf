import type { Lang, Strings } from '../i18n';
import type { MapLabel } from './exportPng';
import { MapController } from './MapController';
import type { MapData, MapViewState } from './layers';

/**
 * Kommun labels and town labels together, without a kommun label whose name a town label also
 * carries (the town "Borlänge" names the place more precisely than the kommun "Borlänge"); a
 * kommun flagged with a gap ("Säter ⚠") keeps its label.
 */
export function withoutTwins(kommunLabels: readonly MapLabel[], towns: readonly MapLabel[]): MapLabel[] {
  const names = new Set(towns.map((t) => t.text));
  return [...kommunLabels.filter((l) => !names.has(l.text)), ...towns];
}

/**
 * Renders maps off screen at a chosen size and pixel ratio (for exports and the atlas): one
 * hidden map, re-fitted per request, copied to a plain canvas each time.
 */
export class OffscreenMaps {
  private host: HTMLDivElement;
  private ctrl: MapController;
  private ready: Promise<void>;
  private towns: { name: string; kommun: string; population: number; lon: number; lat: number }[];

  constructor(data: MapData, state: MapViewState, strings: Strings, lang: Lang, private readonly cssWidth: number, cssHeight: number, pixelRatio: number) {
    this.host = document.createElement('div');
    this.host.style.cssText = `position:fixed;left:-20000px;top:0;width:${cssWidth}px;height:${cssHeight}px;`;
    this.host.setAttribute('aria-hidden', 'true');
    document.body.appendChild(this.host);
    this.ctrl = new MapController(this.host, state, strings, lang, { controls: false, interactive: false, pixelRatio, padding: 10 });
    // A copy (the controller may change its features); the grid loader is shared, not copied.
    const { loadGrid, ...copyable } = data;
    this.towns = data.tatorter.features.map((f) => {
      const p = f.properties as { name: string; kommun_code: string; population: number };
      return { name: p.name, kommun: p.kommun_code, population: p.population, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] };
    });
    this.ready = this.ctrl.setData({ ...structuredClone(copyable), loadGrid });
  }

  get controller(): MapController {
    return this.ctrl;
  }

  /** Applies the presentation's coverage results (gap outlines). */
  async setGaps(codes: string[]): Promise<void> {
    await this.ready;
    this.ctrl.setGaps(codes);
  }

  /** The map fitted to a box: a canvas copy, the kommun labels and a scale bar, in canvas pixels. */
  async render(bbox: [number, number, number, number], padding = 12): Promise<{ canvas: HTMLCanvasElement; labels: MapLabel[]; scaleBar: { px: number; label: string } }> {
    await this.ready;
    this.ctrl.fitTo(bbox, padding);
    await this.ctrl.whenIdle();
    const src = this.ctrl.map.getCanvas();
    const out = document.createElement('canvas');
    out.width = src.width;
    out.height = src.height;
    out.getContext('2d')!.drawImage(src, 0, 0);
    const ratio = src.width / this.cssWidth;
    const bar = this.ctrl.scaleBar();
    return { canvas: out, labels: this.ctrl.labelPositions(ratio), scaleBar: { px: bar.px * ratio, label: bar.label } };
  }

  /**
   * Picks out one kommun (the atlas): every other kommun under a white veil (its fills and symbols
   * muted), the kommun outlined. null removes the focus.
   */
  async setFocus(kommunCode: string | null): Promise<void> {
    await this.ready;
    const m = this.ctrl.map;
    if (!m.getLayer('focus-mute')) {
      m.addLayer({ id: 'focus-mute', type: 'fill', source: 'kommuner', paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.62 } });
      m.addLayer({ id: 'focus-line', type: 'line', source: 'kommuner', paint: { 'line-color': '#1d2327', 'line-width': 4 } });
    }
    const code = kommunCode ?? '';
    m.setFilter('focus-mute', ['!=', ['get', 'kommun_code'], code]);
    m.setFilter('focus-line', ['==', ['get', 'kommun_code'], code]);
    for (const id of ['focus-mute', 'focus-line']) m.setLayoutProperty(id, 'visibility', kommunCode ? 'visible' : 'none');
  }

  /**
   * Towns (tätorter) in view at map-canvas pixels, after a render: the focus kommun's as major
   * labels, its neighbours' as minor ones; larger towns first when labels collide.
   */
  townLabels(focusKommun: string | null): MapLabel[] {
    const src = this.ctrl.map.getCanvas();
    const ratio = src.width / this.cssWidth;
    const out: MapLabel[] = [];
    for (const t of this.towns) {
      const q = this.ctrl.map.project([t.lon, t.lat]);
      if (q.x < 0 || q.y < 0 || q.x * ratio > src.width || q.y * ratio > src.height) continue;
      const own = focusKommun === null || t.kommun === focusKommun;
      out.push({ x: q.x * ratio, y: q.y * ratio - 6 * ratio, text: t.name, priority: own ? t.population : t.population / 10, minor: !own });
    }
    return out;
  }

  /**
   * The place names of a map framed on one kommun (atlas, decision documents), after a render:
   * the other kommuner's names (muted, placed first) and the towns ({@link townLabels}), without
   * a kommun name a town repeats. The focus kommun's own name is left to the page's heading.
   */
  focusLabels(kommunLabels: readonly MapLabel[], focusCode: string | null, focusName: string | undefined): MapLabel[] {
    const others = kommunLabels.filter((l) => !focusName || !l.text.startsWith(focusName)).map((l) => ({ ...l, minor: true, priority: 1e9 }));
    return withoutTwins(others, this.townLabels(focusCode));
  }

  destroy(): void {
    this.ctrl.destroy();
    this.host.remove();
  }
}
