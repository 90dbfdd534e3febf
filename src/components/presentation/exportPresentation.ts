import type { FairnessRow } from '../../domain/fairness';
import { changeInPoints, type KeyFigures } from '../../domain/keyFigures';
import { formatNumber, formatPercent, type Lang, type Strings } from '../../i18n';
import { formatPoints, siteSetLabel } from '../../i18n/describe';
import { isoDate } from '../../io/exports';
import type { FairnessChartSpec } from '../../layout/fairnessBlock';
import type { MapFrameContent } from '../../layout/mapFrame';
import type { PageLayout } from '../../layout/page';
import type { Scene } from '../../layout/scene';
import { sheetLayout, sheetScene, type SheetContent } from '../../layout/sheet';
import { sceneToSvg } from '../../layout/svg';
import { typography } from '../../layout/typography';
import { canvasMeasure, drawScene } from '../../map/drawScene';
import type { LegendSection } from '../../map/legendSpec';
import type { MapData, MapViewState } from '../../map/layers';
import { OffscreenMaps } from '../../map/offscreen';

/** Output sizes: slides and print at 300 dpi (A4 297 × 210 mm, A3 420 × 297 mm, landscape). */
export const SIZES = {
  slide: { width: 1920, height: 1080 },
  a4: { width: 3508, height: 2480 },
  a3: { width: 4961, height: 3508 },
} as const;
export type SizeKey = keyof typeof SIZES;

/**
 * Key figures as label/value lines; with `before` (today), values read "today → proposal" and the
 * coverage line is followed by its change in percentage points.
 */
export function keyFigureLines(key: KeyFigures, s: Strings, lang: Lang, before?: KeyFigures | null): { label: string; value: string }[] {
  const p = s.present;
  const pct = (v: number | null) => (v === null ? '–' : formatPercent(v, 1, lang));
  const pair = (a: string, b: string) => (before ? `${a} → ${b}` : b);
  return [
    {
      label: key.year === 2025 && (!before || before.year === 2025) ? p.children : p.childrenYears(before && before.year !== key.year ? `${before.year} → ${key.year}` : String(key.year)),
      value: before && before.year !== key.year ? `${formatNumber(before.children_0_6, 0, lang)} → ${formatNumber(key.children_0_6, 0, lang)}` : formatNumber(key.children_0_6, 0, lang),
    },
    { label: `${p.within} ${key.thresholdMinutes} min`, value: pair(pct(before?.coverage_share ?? null), pct(key.coverage_share)) },
    ...(before ? [{ label: p.change, value: formatPoints(changeInPoints(before.coverage_share, key.coverage_share), lang) }] : []),
    { label: p.without, value: pair(String(before?.kommuner_without_centre ?? ''), String(key.kommuner_without_centre)) },
    { label: p.ot12, value: pair(pct(before?.coverage_share_ot12 ?? null), pct(key.coverage_share_ot12)) },
  ];
}

/** The sites the figures count, in words (one line per set). */
export function sitesCountedLine(key: KeyFigures, lang: Lang, before?: KeyFigures | null): string {
  // The same sites in two years: name them once.
  if (before && before.year !== key.year && before.siteSet.key === key.siteSet.key) return siteSetLabel(key.siteSet, lang);
  return (before ? [before, key] : [key]).map((k) => siteSetLabel(k.siteSet, lang)).join(' → ');
}

export function fairnessSpec(rows: FairnessRow[], s: Strings, lang: Lang): FairnessChartSpec {
  return {
    title: s.present.fairness,
    rows: rows.map((r) => ({ label: String(r.omradestyp), centreShare: r.centre_share, childrenShare: r.children_share })),
    centreLabel: s.present.centresShare,
    childrenLabel: s.present.childrenShare,
    format: (v) => formatPercent(v, 0, lang),
  };
}

/** One map panel of a sheet: the sites it shows (gap outlines, candidates drawn) and its label. */
export interface SheetMap {
  mapData: MapData;
  gapCodes: string[];
  /** Shown in the panel when there are two ("I dag: …", "2035"). */
  label?: string;
}

export interface PresentationImageInput {
  /** One map, or two side by side (today | proposal, 2025 | 2035), each with its own sites. */
  maps: SheetMap[];
  state: MapViewState;
  bbox: [number, number, number, number];
  title: string;
  subtitle: string;
  scenario: string;
  legend: LegendSection[];
  key: KeyFigures;
  before: KeyFigures | null;
  fairness: FairnessRow[];
  /** Notes under the legend (e.g. the year comparison's assumption). */
  notes?: string[];
  strings: Strings;
  lang: Lang;
  size: SizeKey;
}

/** A composed sheet: its scene, the map images by key, and what the layout decided. */
export interface ComposedSheet {
  scene: Scene;
  images: Record<string, HTMLCanvasElement>;
  layout: PageLayout;
}

/** Print sheets are composed at 300 dpi; slides at 1080 p (scaled for other heights). */
const PRINT_DPI = 300;

/**
 * The presentation composed at an exact size by the layout engine: title, key figures (today →
 * proposal when there are two maps), the screen's legend with the size key, the fairness chart,
 * sources, scenario and date, and each map rendered off screen at its frame's size with scale bar,
 * north arrow and place names. Type sizes are the medium's (slide body ≥ 24 px at 1080 p; print
 * ≥ 8 pt).
 */
export async function composePresentation(input: PresentationImageInput): Promise<ComposedSheet> {
  const { width, height } = SIZES[input.size];
  const slide = input.size === 'slide';
  const t = slide ? typography('slide', { height }) : typography('print', { dpi: PRINT_DPI });
  // Output px per map CSS px: the map's symbols keep their screen proportions.
  const pr = slide ? height / 1080 : PRINT_DPI / 96;
  const s = input.strings;
  const content: SheetContent = {
    width,
    height,
    typography: t,
    measure: canvasMeasure(),
    title: input.title || s.appTitle,
    subtitle: input.subtitle,
    maps: input.maps.length,
    keyFigures: {
      title: input.before
        ? `${s.present.keyFigures}: ${input.before.year !== input.key.year ? `${input.before.year} → ${input.key.year}` : `${s.present.today} → ${s.present.proposal}`}`
        : s.present.keyFigures,
      lines: keyFigureLines(input.key, s, input.lang, input.before),
    },
    legend: input.legend,
    mapScale: pr,
    fairness: fairnessSpec(input.fairness, s, input.lang),
    notes: input.notes,
    footer: [
      `${s.analysis.sitesCounted}: ${sitesCountedLine(input.key, input.lang, input.before)}`,
      s.present.sources,
      `${s.present.scenario}: ${input.scenario} · ${s.present.date}: ${isoDate(new Date())} · ${s.exportPanel.pngNote}`,
    ],
  };
  const layout = sheetLayout(content);
  const images: Record<string, HTMLCanvasElement> = {};
  const frames: MapFrameContent[] = [];
  for (const [i, m] of input.maps.entries()) {
    const box = layout.mapFrames[i];
    const off = new OffscreenMaps(m.mapData, input.state, s, input.lang, Math.max(50, Math.round(box.w / pr)), Math.max(50, Math.round(box.h / pr)), pr);
    try {
      await off.setGaps(m.gapCodes);
      const r = await off.render(input.bbox, 14);
      images[`map${i}`] = r.canvas;
      frames.push({ imageKey: `map${i}`, imageWidth: r.canvas.width, imageHeight: r.canvas.height, label: input.maps.length > 1 ? m.label : undefined, labels: r.labels, scaleBar: r.scaleBar, northArrow: true, northLabel: 'N' });
    } finally {
      off.destroy();
    }
  }
  return { scene: sheetScene(content, layout, frames), images, layout };
}

/** The composed sheet as a PNG canvas. */
export function sheetCanvas(sheet: ComposedSheet): HTMLCanvasElement {
  return drawScene(sheet.scene, sheet.images);
}

/** The composed sheet as SVG for print: text stays text; the maps are embedded PNGs. */
export function sheetSvg(sheet: ComposedSheet, size: 'a4' | 'a3', label: string): string {
  const images = Object.fromEntries(Object.entries(sheet.images).map(([k, c]) => [k, c.toDataURL('image/png')]));
  const mm = size === 'a4' ? { widthAttr: '297mm', heightAttr: '210mm' } : { widthAttr: '420mm', heightAttr: '297mm' };
  return sceneToSvg(sheet.scene, images, mm, label);
}
