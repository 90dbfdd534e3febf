import type { Prim } from './scene';
import type { Measure, Typography } from './typography';

/** A block measured for a column width: its height, px, and how to draw it at a position. */
export interface Measured {
  h: number;
  draw(x: number, y: number): Prim[];
}

/**
 * A piece of a composed output that is measured before it is placed (key figures, a legend
 * section, a chart, a note). `optional` blocks may be left out when the frame is too small; the
 * layout reports which.
 */
export interface Block {
  id: string;
  optional?: boolean;
  measure(width: number, t: Typography, m: Measure): Measured;
}

export const INK = '#1d2327';
export const MUTED = '#444444';
export const FIGURE_COLOR = '#0c2c84';
export const FONT_FAMILY = "'DejaVu Sans', Verdana, sans-serif";

/** Text lines drawn from the baseline of the first at `y + size`, each `size × leading` apart. */
export function textLines(lines: string[], x: number, y: number, size: number, bold: boolean, color: string, t: Typography, m: Measure): Prim[] {
  return lines.map((text, i) => ({ t: 'text', x, y: y + size + i * size * t.leading, text, size, bold, color, anchor: 'start', w: m(text, size, bold) }));
}

/** The height of `n` lines at `size` px. */
export const linesHeight = (n: number, size: number, t: Typography) => (n === 0 ? 0 : size + (n - 1) * size * t.leading + size * (t.leading - 1));
