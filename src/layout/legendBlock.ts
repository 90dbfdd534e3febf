import type { LegendItem, LegendSection } from '../map/legendSpec';
import { type Block, INK, linesHeight, textLines } from './block';
import type { Prim } from './scene';
import { wrapText } from './wrap';

/** The graduated-symbol size key (legendSpec's `sizes` item): radii in map CSS px. */
export interface SizesItem {
  kind: 'sizes';
  fill: string;
  stroke: string;
  strokeWidth: number;
  steps: { value: number; radius: number; label: string }[];
  label: string;
}

const isSizes = (it: unknown): it is SizesItem => (it as { kind?: string }).kind === 'sizes';

/**
 * One legend section as a block: its title (wrapped, never cut) and its items, each a symbol and a
 * wrapped label. Symbols scale with the body type; a size key's circles scale with the map
 * (`mapScale`: output px per map CSS px), so they match the circles drawn on the map.
 */
export function legendSectionBlock(section: LegendSection, mapScale: number): Block {
  return {
    id: `legend-${section.layer}`,
    measure(w, t, m) {
      const sym = t.body * 1.5; // symbol column width
      const gap = t.body * 0.5;
      const textW = w - sym - gap;
      const title = section.title ? wrapText(section.title, w, t.heading, true, m) : [];
      const titleH = linesHeight(title.length, t.heading, t) + (title.length ? t.pad * 0.3 : 0);
      const items = (section.items as unknown[]).map((it) => {
        if (isSizes(it)) {
          const rMax = Math.max(...it.steps.map((s) => s.radius)) * mapScale;
          const head = it.label ? wrapText(it.label, w, t.body, false, m) : [];
          const headH = linesHeight(head.length, t.body, t);
          const h = headH + t.pad * 0.3 + t.body * 0.5 + sizesGeometry(it, mapScale, t.body * t.leading).height + t.pad * 0.3;
          return { h, draw: (x: number, y: number): Prim[] => drawSizes(it, head, headH, x, y, rMax, mapScale, t.body, t, m) };
        }
        const item = it as LegendItem;
        const lines = wrapText(item.label, textW, t.body, false, m);
        const h = Math.max(linesHeight(lines.length, t.body, t), sym * 0.8);
        return {
          h,
          draw: (x: number, y: number): Prim[] => [...drawSymbol(item, x, y + t.body * 0.55, sym, t.body), ...textLines(lines, x + sym + gap, y, t.body, false, INK, t, m)],
        };
      });
      const rowGap = t.body * 0.2;
      const h = titleH + items.reduce((a, b) => a + b.h + rowGap, 0);
      return {
        h,
        draw(x, y) {
          const out: Prim[] = textLines(title, x, y, t.heading, true, INK, t, m);
          let yy = y + titleH;
          for (const it of items) {
            out.push(...it.draw(x, yy));
            yy += it.h + rowGap;
          }
          return out;
        },
      };
    },
  };
}

/** A legend symbol centred vertically on `cy`, in a column `sym` px wide; `body` is the type size. */
function drawSymbol(it: LegendItem, x: number, cy: number, sym: number, body: number): Prim[] {
  const k = body / 13; // the screen legend's symbols are drawn for 13 px text
  switch (it.kind) {
    case 'swatch':
      return [{ t: 'rect', x, y: cy - body * 0.45, w: sym, h: body * 0.9, fill: it.color, stroke: '#999999', strokeWidth: Math.max(1, k) }];
    case 'circle':
      return [{ t: 'circle', cx: x + sym / 2, cy, r: Math.min(it.radius * k, sym / 2), fill: it.fill, stroke: it.stroke, strokeWidth: it.strokeWidth * k }];
    case 'line':
      return [{ t: 'polyline', points: [[x, cy], [x + sym, cy]], stroke: it.color, width: 3 * k, dash: it.dash ? [5 * k, 3 * k] : undefined }];
    case 'symbol': {
      const s = (sym * 0.9) / 24;
      return [{ t: 'path', d: it.symbol.path, x: x + (sym - 24 * s) / 2, y: cy - 12 * s, scale: s, fill: it.symbol.fill, stroke: it.symbol.stroke, strokeWidth: it.symbol.strokeWidth, dash: it.symbol.dash }];
    }
    default:
      return [];
  }
}

/**
 * The size key's geometry relative to its top: circles share the bottom `bottom` (= the largest
 * diameter); each label sits at its circle's top, pushed down to keep one `lineH` apart.
 */
function sizesGeometry(it: SizesItem, mapScale: number, lineH: number) {
  const steps = [...it.steps].sort((a, b) => b.radius - a.radius);
  const bottom = 2 * Math.max(...steps.map((s) => s.radius)) * mapScale;
  const labelY: number[] = [];
  steps.forEach((s, i) => labelY.push(Math.max(bottom - 2 * s.radius * mapScale, i === 0 ? 0 : labelY[i - 1] + lineH)));
  return { steps, bottom, labelY, height: Math.max(bottom, (labelY[labelY.length - 1] ?? 0) + lineH * 0.4) };
}

/** Nested circles on a common bottom with a leader line from each top to its label. */
function drawSizes(it: SizesItem, head: string[], headH: number, x: number, y: number, rMax: number, mapScale: number, size: number, t: Parameters<Block['measure']>[1], m: Parameters<Block['measure']>[2]): Prim[] {
  const out: Prim[] = textLines(head, x, y, size, false, INK, t, m);
  const top = y + headH + t.pad * 0.3 + size * 0.5;
  const g = sizesGeometry(it, mapScale, size * t.leading);
  const cx = x + rMax + 1;
  const labelX = cx + rMax + size * 0.8;
  for (const s of g.steps) {
    const r = s.radius * mapScale;
    out.push({ t: 'circle', cx, cy: top + g.bottom - r, r, fill: it.fill, stroke: it.stroke, strokeWidth: it.strokeWidth * mapScale * 0.6 });
  }
  g.steps.forEach((s, i) => {
    const r = s.radius * mapScale;
    const ly = top + g.labelY[i];
    const cTop = top + g.bottom - 2 * r;
    out.push({ t: 'polyline', points: [[cx, cTop], [labelX - size * 0.2, cTop], [labelX - size * 0.2, ly]], stroke: '#777777', width: Math.max(1, size / 24) });
    out.push({ t: 'text', x: labelX, y: ly + size * 0.35, text: s.label, size, bold: false, color: INK, anchor: 'start', w: m(s.label, size, false) });
  });
  return out;
}
