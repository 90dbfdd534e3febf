import type { LegendSection } from '../map/legendSpec';
import type { Block } from './block';
import { type FairnessChartSpec, fairnessBlock } from './fairnessBlock';
import { legendSectionBlock } from './legendBlock';
import { fitImage, type MapFrameContent, mapFramePrims } from './mapFrame';
import { layoutPage, type PageLayout } from './page';
import type { Scene } from './scene';
import { keyFiguresBlock, textBlock } from './textBlock';
import type { Measure, Typography } from './typography';

/** A map sheet's content: what the slide, the paper exports and the map PNG compose. */
export interface SheetContent {
  width: number;
  height: number;
  typography: Typography;
  measure: Measure;
  title: string;
  subtitle?: string;
  /** Number of map panels side by side (today | proposal, 2025 | 2035). */
  maps: number;
  keyFigures?: { title: string; lines: { label: string; value: string }[]; note?: string };
  /** The legend model of the screen (legendSections), one block per section. */
  legend: LegendSection[];
  /** Output px per map CSS px at the map image's own size (so a size key's circles match the map's). */
  mapScale: number;
  /** The map image's size in its px, when known before layout: the size key is then scaled by the fit. */
  mapImage?: { width: number; height: number };
  fairness?: FairnessChartSpec;
  /** Short notes after the legend (e.g. the year comparison's assumption). */
  notes?: string[];
  footer: string[];
  sideShares?: number[];
}

/** The blocks of a sheet's side column, in reading order. The fairness chart is optional. */
export function sheetBlocks(c: SheetContent): Block[] {
  const blocks: Block[] = [];
  if (c.keyFigures) blocks.push(keyFiguresBlock('key-figures', c.keyFigures.title, c.keyFigures.lines, c.keyFigures.note));
  for (const sec of c.legend) blocks.push(legendSectionBlock(sec, c.mapScale));
  (c.notes ?? []).forEach((n, i) => blocks.push(textBlock(`note-${i}`, n, { size: 'small' })));
  if (c.fairness) blocks.push(fairnessBlock('fairness', c.fairness));
  return blocks;
}

/** Lays out a sheet (before its maps are rendered: the frames say at what size to render them). */
export function sheetLayout(c: SheetContent): PageLayout {
  const lay = (mapScale: number) => layoutPage({ width: c.width, height: c.height, typography: c.typography, measure: c.measure, title: c.title, subtitle: c.subtitle, maps: c.maps, side: sheetBlocks({ ...c, mapScale }), footer: c.footer, sideShares: c.sideShares });
  let k = 1;
  let out = lay(c.mapScale);
  const img = c.mapImage;
  // The image is fitted into its frame, so the size key follows that fit: lay out again until
  // the fit settles (the frame depends on the legend's width, which depends on the key).
  for (let pass = 0; img && out.mapFrames[0] && pass < 4; pass++) {
    const next = fitImage(out.mapFrames[0], img.width, img.height).k;
    if (Math.abs(next - k) / next < 0.005) break;
    k = next;
    out = lay(c.mapScale * k);
  }
  return out;
}

/** The finished scene: the layout's prims and each frame's map with its furniture. */
export function sheetScene(c: SheetContent, layout: PageLayout, frames: MapFrameContent[]): Scene {
  const prims = [...layout.prims];
  frames.forEach((f, i) => {
    const box = layout.mapFrames[i];
    if (box) prims.push(...mapFramePrims(box, f, layout.typography, c.measure));
  });
  return { width: c.width, height: c.height, prims };
}
