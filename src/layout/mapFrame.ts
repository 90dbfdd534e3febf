import { INK, linesHeight, textLines } from './block';
import { wrapText } from './wrap';
import { type Box, overlaps, type Prim } from './scene';
import type { Measure, Typography } from './typography';

/** A place label at a position in the map image's own pixels. */
export interface MapPlaceLabel {
  x: number;
  y: number;
  text: string;
  color?: string;
  /** Larger numbers are placed first when labels collide (e.g. population). */
  priority?: number;
  /** Drawn smaller and lighter (towns in neighbouring kommuner). */
  minor?: boolean;
}

/** What is drawn in a map frame besides the map image. */
export interface MapFrameContent {
  /** The key of the map image (the renderer looks it up). */
  imageKey: string;
  /** The image's size in its own pixels (it is fitted into the frame, aspect kept). */
  imageWidth: number;
  imageHeight: number;
  /** A label for the panel, e.g. "I dag: befintliga familjecentraler". */
  label?: string;
  labels?: MapPlaceLabel[];
  /** A scale bar: its length in image pixels and its text ("20 km"). */
  scaleBar?: { px: number; label: string };
  northArrow?: boolean;
  northLabel?: string;
}

/** The image box inside a frame: fitted, aspect kept, centred. */
export function fitImage(frame: Box, w: number, h: number): Box & { k: number } {
  const k = Math.min(frame.w / w, frame.h / h);
  return { x: frame.x + (frame.w - w * k) / 2, y: frame.y + (frame.h - h * k) / 2, w: w * k, h: h * k, k };
}

/**
 * A map frame's prims: the image, its border, place labels (with a halo; a label that would
 * overlap a placed one or leave the image is left out, higher priority first), the panel label,
 * the scale bar (bottom left) and the north arrow (top right). Maps here are never rotated.
 */
export function mapFramePrims(frame: Box, c: MapFrameContent, t: Typography, m: Measure): Prim[] {
  const img = fitImage(frame, c.imageWidth, c.imageHeight);
  const out: Prim[] = [{ t: 'image', key: c.imageKey, x: img.x, y: img.y, w: img.w, h: img.h, stroke: '#999999' }];
  const taken: Box[] = [];
  const size = Math.max(t.min, t.body * 0.95);
  const pad = t.pad * 0.5;
  // Furniture first, so labels keep clear of it.
  // The north arrow's room at the top right, so a long panel label wraps before it.
  const arrowR = size * 1.1;
  if (c.label) {
    const maxW = img.w - 3 * pad - (c.northArrow ? 2 * arrowR + pad : 0) - 2 * pad;
    const lines = wrapText(c.label, Math.max(maxW, t.heading * 4), t.heading, true, m);
    const w = Math.max(...lines.map((l) => m(l, t.heading, true))) + 2 * pad;
    const box = { x: img.x + pad, y: img.y + pad, w, h: linesHeight(lines.length, t.heading, t) + pad };
    out.push({ t: 'rect', ...box, fill: 'rgba(255,255,255,0.9)' });
    out.push(...textLines(lines, box.x + pad, box.y + pad * 0.5, t.heading, true, INK, t, m));
    taken.push(box);
  }
  if (c.scaleBar && c.scaleBar.px > 0) {
    const len = c.scaleBar.px * img.k;
    const h = size * 2.1;
    const box = { x: img.x + pad, y: img.y + img.h - pad - h, w: Math.max(len, m(c.scaleBar.label, size, false)) + 2 * pad, h };
    out.push({ t: 'rect', ...box, fill: 'rgba(255,255,255,0.9)' });
    const by = box.y + box.h - pad;
    out.push({ t: 'polyline', points: [[box.x + pad, by - size * 0.4], [box.x + pad, by], [box.x + pad + len, by], [box.x + pad + len, by - size * 0.4]], stroke: INK, width: Math.max(1.5, size / 10) });
    out.push({ t: 'text', x: box.x + pad, y: by - size * 0.55, text: c.scaleBar.label, size, bold: false, color: INK, anchor: 'start', w: m(c.scaleBar.label, size, false) });
    taken.push(box);
  }
  if (c.northArrow) {
    const r = arrowR;
    const cx = img.x + img.w - pad - r;
    const cy = img.y + pad + r;
    out.push({ t: 'circle', cx, cy, r, fill: 'rgba(255,255,255,0.9)', stroke: 'rgba(0,0,0,0)', strokeWidth: 0 });
    out.push({ t: 'polyline', points: [[cx, cy - r * 0.8], [cx + r * 0.4, cy + r * 0.15], [cx, cy - r * 0.1], [cx - r * 0.4, cy + r * 0.15]], stroke: INK, width: 1, fill: INK, closed: true });
    const n = c.northLabel ?? 'N';
    out.push({ t: 'text', x: cx, y: cy + r * 0.85, text: n, size: size * 0.75, bold: true, color: INK, anchor: 'middle', w: m(n, size * 0.75, true) });
    taken.push({ x: cx - r, y: cy - r, w: 2 * r, h: 2 * r });
  }
  const labels = [...(c.labels ?? [])].sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
  // Every label at its point first; then the ones that found no room one line below or above it
  // (as QGIS tries candidate positions). A label with no free position is left out.
  const placeAt = (l: MapPlaceLabel, dy: number): boolean => {
    const s = l.minor ? Math.max(t.min, size * 0.85) : size;
    const bold = !l.minor;
    const w = m(l.text, s, bold);
    let x = img.x + l.x * img.k;
    // Near a side, the label slides inward (by less than half its width, so it still covers its point).
    const over = Math.max(0, img.x - (x - w / 2 - 2)) - Math.max(0, x + w / 2 + 2 - (img.x + img.w));
    if (Math.abs(over) < w / 2) x += over;
    const y = img.y + l.y * img.k + dy * s;
    const box = { x: x - w / 2 - 2, y: y - s * 0.85, w: w + 4, h: s * 1.15 };
    if (box.x < img.x || box.y < img.y || box.x + box.w > img.x + img.w || box.y + box.h > img.y + img.h) return false;
    if (taken.some((b) => overlaps(b, box))) return false;
    taken.push(box);
    out.push({ t: 'text', x, y, text: l.text, size: s, bold, color: l.color ?? (l.minor ? '#555555' : '#222222'), anchor: 'middle', w, halo: 'rgba(255,255,255,0.92)' });
    return true;
  };
  const rest = labels.filter((l) => !placeAt(l, 0));
  for (const l of rest) [1.15, -1.15].some((dy) => placeAt(l, dy));
  return out;
}
