import type { Lang, Strings } from '../i18n';
import type { MapLabel } from './exportPng';
import { MapController } from './MapController';
import type { MapData, MapViewState } from './layers';

/**
 * Renders maps off screen at a chosen size and pixel ratio (for exports and the atlas): one
 * hidden map, re-fitted per request, copied to a plain canvas each time.
 */
export class OffscreenMaps {
  private host: HTMLDivElement;
  private ctrl: MapController;
  private ready: Promise<void>;

  constructor(data: MapData, state: MapViewState, strings: Strings, lang: Lang, private readonly cssWidth: number, cssHeight: number, pixelRatio: number) {
    this.host = document.createElement('div');
    this.host.style.cssText = `position:fixed;left:-20000px;top:0;width:${cssWidth}px;height:${cssHeight}px;`;
    this.host.setAttribute('aria-hidden', 'true');
    document.body.appendChild(this.host);
    this.ctrl = new MapController(this.host, state, strings, lang, { controls: false, interactive: false, pixelRatio, padding: 10 });
    // A copy (the controller may change its features); the grid loader is shared, not copied.
    const { loadGrid, ...copyable } = data;
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

  destroy(): void {
    this.ctrl.destroy();
    this.host.remove();
  }
}
