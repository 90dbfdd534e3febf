/**
 * A composed output as positioned primitives: what the layout engine places and what the SVG and
 * canvas renderers draw. All lengths are output pixels (px of the PNG, or px of the sheet's viewBox
 * for print at its dpi); y grows downwards; text `y` is the baseline.
 */
export type Prim =
  | { t: 'text'; x: number; y: number; text: string; size: number; bold: boolean; color: string; anchor: 'start' | 'middle' | 'end'; /** Measured advance width, px. */ w: number; halo?: string }
  | { t: 'rect'; x: number; y: number; w: number; h: number; fill: string; stroke?: string; strokeWidth?: number }
  | { t: 'circle'; cx: number; cy: number; r: number; fill: string; stroke: string; strokeWidth: number }
  | { t: 'polyline'; points: [number, number][]; stroke: string; width: number; dash?: number[]; fill?: string; closed?: boolean }
  | { t: 'path'; d: string; x: number; y: number; scale: number; fill: string; stroke: string; strokeWidth: number; dash?: number[] }
  | { t: 'image'; key: string; x: number; y: number; w: number; h: number; stroke?: string };

/** A scene: its size and what is drawn, in order. */
export interface Scene {
  width: number;
  height: number;
  prims: Prim[];
}

/** An axis-aligned box, px. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The box a primitive covers (text by its measured width and font size; ascent 0,8 em, descent 0,25 em). */
export function primBox(p: Prim): Box {
  switch (p.t) {
    case 'text': {
      const x = p.anchor === 'start' ? p.x : p.anchor === 'middle' ? p.x - p.w / 2 : p.x - p.w;
      return { x, y: p.y - p.size * 0.8, w: p.w, h: p.size * 1.05 };
    }
    case 'rect':
      return { x: p.x, y: p.y, w: p.w, h: p.h };
    case 'circle':
      return { x: p.cx - p.r, y: p.cy - p.r, w: 2 * p.r, h: 2 * p.r };
    case 'polyline': {
      const xs = p.points.map((q) => q[0]);
      const ys = p.points.map((q) => q[1]);
      return { x: Math.min(...xs), y: Math.min(...ys), w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys) };
    }
    case 'path':
      return { x: p.x, y: p.y, w: 24 * p.scale, h: 24 * p.scale };
    case 'image':
      return { x: p.x, y: p.y, w: p.w, h: p.h };
  }
}

/** Whether box `a` lies inside box `b` (with a tolerance of `eps` px). */
export function inside(a: Box, b: Box, eps = 0.5): boolean {
  return a.x >= b.x - eps && a.y >= b.y - eps && a.x + a.w <= b.x + b.w + eps && a.y + a.h <= b.y + b.h + eps;
}

/** Whether two boxes overlap. */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
