import type { FairnessChartSpec } from '../layout/fairnessBlock';
import { type MapPlaceLabel } from '../layout/mapFrame';
import { sheetLayout, sheetScene, type SheetContent } from '../layout/sheet';
import { scaled, typography } from '../layout/typography';
import { canvasMeasure, drawScene } from './drawScene';

export { canvasToPng } from './drawScene';
import type { LegendSection } from './legendSpec';

export { CENTRE_BAR_COLOR, CHILDREN_BAR_COLOR } from '../layout/fairnessBlock';
export type { FairnessChartSpec } from '../layout/fairnessBlock';

/** A label at map-canvas pixel coordinates. */
export type MapLabel = MapPlaceLabel;

/** The map PNG of the sidebar: the current map with its title, legend and footer. */
export interface ComposeSpec {
  /** Key figures shown top right (label and formatted value). */
  keyFigures?: { label: string; value: string }[];
  keyFiguresTitle?: string;
  fairness?: FairnessChartSpec;
  /** Draw a north arrow (maps here are never rotated). */
  northArrow?: boolean;
  title: string;
  subtitle?: string;
  legend: LegendSection[];
  /** Lines at the bottom: sources with years, assumptions, date and scenario. */
  footer: string[];
  /** Output size in pixels. */
  width: number;
  height: number;
  /** Output px per CSS px (1 = screen). */
  scale?: number;
}

/**
 * Composes the map canvas with title, legend, scale bar, north arrow and footer at the requested
 * size, through the layout engine (measured, wrapped, nothing clipped). Screen type sizes × scale.
 */
export function composeMap(mapCanvas: HTMLCanvasElement, spec: ComposeSpec, scaleBar?: { px: number; label: string }, labels: readonly MapLabel[] = []): HTMLCanvasElement {
  const k = spec.scale ?? 1;
  const base = typography('screen');
  // The whole screen scale × k, its floor too (a larger PNG keeps the screen's proportions).
  const t = { ...scaled(base, k), min: base.min * k };
  const content: SheetContent = {
    width: spec.width,
    height: spec.height,
    typography: t,
    measure: canvasMeasure(),
    title: spec.title,
    subtitle: spec.subtitle,
    maps: 1,
    keyFigures: spec.keyFigures?.length ? { title: spec.keyFiguresTitle ?? '', lines: spec.keyFigures } : undefined,
    legend: spec.legend,
    mapScale: mapCanvas.width / (mapCanvas.clientWidth || mapCanvas.width),
    mapImage: { width: mapCanvas.width, height: mapCanvas.height },
    fairness: spec.fairness,
    footer: spec.footer,
    sideShares: [Math.min(0.3, 340 / spec.width), 0.3, 0.36, 0.42],
  };
  const layout = sheetLayout(content);
  const scene = sheetScene(content, layout, [{ imageKey: 'map', imageWidth: mapCanvas.width, imageHeight: mapCanvas.height, labels: [...labels], scaleBar, northArrow: spec.northArrow ?? true }]);
  return drawScene(scene, { map: mapCanvas });
}
