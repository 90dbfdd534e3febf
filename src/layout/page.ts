import { type Block, INK, linesHeight, MUTED, textLines } from './block';
import type { Box, Prim } from './scene';
import { type Measure, scaled, type Typography } from './typography';
import { wordsBroken, wrapText } from './wrap';

/** What a composed page holds; sizes in output px. */
export interface PageSpec {
  width: number;
  height: number;
  typography: Typography;
  measure: Measure;
  title: string;
  subtitle?: string;
  /** Map panels side by side (1 or 2), each with an optional label drawn in its frame. */
  maps: number;
  /** The side column's blocks in reading order (key figures, legend sections, chart, notes). */
  side: Block[];
  /** Footer lines (sources with years, sites counted, scenario and date), wrapped to the page. */
  footer: string[];
  /** Side-column widths to try, as shares of the page width (smallest first = largest map). */
  sideShares?: number[];
}

/** Where everything went: the drawn prims (without the maps' content) and the map frames. */
export interface PageLayout {
  prims: Prim[];
  mapFrames: Box[];
  sideBox: Box;
  columns: number;
  /** The type scale used (1 = the medium's sizes). */
  typeScale: number;
  /** Optional blocks left out because the page had no room (ids). */
  dropped: string[];
  /** True when even the smallest allowed type did not fit and the type went below the medium's floor. */
  belowMinimum: boolean;
  typography: Typography;
}

interface Placed {
  block: Block;
  col: number;
  y: number;
  h: number;
  draw: (x: number, y: number) => Prim[];
}

/** Flows blocks top to bottom into `cols` columns of `colW` × `maxH`; null when they do not fit. */
export function flowColumns(blocks: Block[], colW: number, cols: number, maxH: number, gap: number, t: Typography, m: Measure): Placed[] | null {
  const out: Placed[] = [];
  let col = 0;
  let y = 0;
  for (const block of blocks) {
    const mb = block.measure(colW, t, m);
    if (mb.h > maxH) return null;
    if (y > 0 && y + mb.h > maxH) {
      col++;
      y = 0;
    }
    if (col >= cols) return null;
    out.push({ block, col, y, h: mb.h, draw: mb.draw });
    y += mb.h + gap;
  }
  return out;
}

/**
 * Lays out a page: title and subtitle (wrapped), footer (wrapped), the side column and the map
 * frames. Every block is measured before it is placed. Tries, in order: the medium's type at each
 * side width (1 then 2 columns), then smaller type down to the medium's floor, then without the
 * optional blocks (last first), and only then type below the floor (flagged). Nothing is clipped.
 */
export function layoutPage(spec: PageSpec): PageLayout {
  const base = spec.typography;
  // Up to half the page: Dalarna is taller than wide, so a wide side column costs the map little.
  const shares = spec.sideShares ?? [0.26, 0.32, 0.38, 0.44, 0.5];
  const floorScale = base.min / base.body;
  const scales: number[] = [];
  for (let k = 1; k > floorScale + 1e-9; k *= 0.92) scales.push(k);
  scales.push(floorScale);
  const belowFloor = [0.9, 0.8, 0.7, 0.6, 0.5].map((f) => floorScale * f);
  const optional = spec.side.filter((b) => b.optional).map((b) => b.id);
  const attempts: { scale: number; drop: number; below: boolean }[] = [];
  for (let drop = 0; drop <= optional.length; drop++) for (const scale of scales) attempts.push({ scale, drop, below: false });
  for (const scale of belowFloor) attempts.push({ scale, drop: optional.length, below: true });
  // First without breaking any word between characters; then allowing it (very narrow frames).
  for (const strict of [true, false]) {
    for (const a of attempts) {
      const t = scaled(base, a.scale);
      const dropped = optional.slice(optional.length - a.drop);
      const blocks = spec.side.filter((b) => !dropped.includes(b.id));
      const frame = frameOf(spec, t);
      for (const share of shares) {
        for (const cols of [1, 2]) {
          const sideW = spec.width * share;
          const gap = t.pad;
          const colW = (sideW - gap * (cols - 1)) / cols;
          wordsBroken.count = 0;
          const placed = flowColumns(blocks, colW, cols, frame.bodyH, gap * 0.8, t, spec.measure);
          if (!placed || (strict && wordsBroken.count > 0)) continue;
          return assemble(spec, t, frame, sideW, cols, colW, placed, { typeScale: a.scale, dropped, belowMinimum: a.below });
        }
      }
    }
  }
  throw new Error('layoutPage: sidan rymmer inte innehållet ens med den minsta texten');
}

function frameOf(spec: PageSpec, t: Typography) {
  const w = spec.width - 2 * t.pad;
  const title = wrapText(spec.title, w, t.title, true, spec.measure);
  const subtitle = spec.subtitle ? wrapText(spec.subtitle, w, t.subtitle, false, spec.measure) : [];
  const footer = spec.footer.flatMap((l) => wrapText(l, w, t.small, false, spec.measure));
  const titleH = t.pad + linesHeight(title.length, t.title, t) + (subtitle.length ? t.pad * 0.3 + linesHeight(subtitle.length, t.subtitle, t) : 0) + t.pad;
  const footerH = linesHeight(footer.length, t.small, t) + t.pad * 1.5;
  return { title, subtitle, footer, titleH, footerH, bodyH: spec.height - titleH - footerH };
}

function assemble(spec: PageSpec, t: Typography, f: ReturnType<typeof frameOf>, sideW: number, cols: number, colW: number, placed: Placed[], info: Pick<PageLayout, 'typeScale' | 'dropped' | 'belowMinimum'>): PageLayout {
  const m = spec.measure;
  const prims: Prim[] = [{ t: 'rect', x: 0, y: 0, w: spec.width, h: spec.height, fill: '#ffffff' }];
  prims.push(...textLines(f.title, t.pad, t.pad, t.title, true, INK, t, m));
  if (f.subtitle.length) prims.push(...textLines(f.subtitle, t.pad, t.pad + linesHeight(f.title.length, t.title, t) + t.pad * 0.3, t.subtitle, false, MUTED, t, m));
  const sideX = spec.width - t.pad - sideW;
  const top = f.titleH;
  for (const p of placed) prims.push(...p.draw(sideX + p.col * (colW + t.pad), top + p.y));
  prims.push(...textLines(f.footer, t.pad, spec.height - f.footerH + t.pad * 0.5, t.small, false, MUTED, t, m));
  const mapArea: Box = { x: t.pad, y: top, w: sideX - 2 * t.pad, h: f.bodyH - t.pad * 0.5 };
  const n = Math.max(1, spec.maps);
  const mw = (mapArea.w - (n - 1) * t.pad) / n;
  const mapFrames = Array.from({ length: n }, (_, i) => ({ x: mapArea.x + i * (mw + t.pad), y: mapArea.y, w: mw, h: mapArea.h }));
  return { prims, mapFrames, sideBox: { x: sideX, y: top, w: sideW, h: f.bodyH }, columns: cols, typography: t, ...info };
}
