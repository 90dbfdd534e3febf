/**
 * Text measurement and type sizes per medium. The engine never guesses a text's width: the caller
 * passes a `Measure` (the browser's canvas measureText with the output font; tests pass a fixed
 * per-character width).
 */

/** Advance width in px of `text` at font size `size` px, bold or regular. */
export type Measure = (text: string, size: number, bold: boolean) => number;

/** A measure where every character is `em` × size wide (tests; a conservative estimate). */
export const fixedMeasure =
  (em = 0.6): Measure =>
  (text, size) =>
    [...text].length * em * size;

/** The output media: a 16:9 slide, paper at a dpi, or the screen. */
export type Medium = 'slide' | 'print' | 'screen';

/** Type sizes in output px. */
export interface Typography {
  medium: Medium;
  title: number;
  subtitle: number;
  heading: number;
  body: number;
  /** Sources and notes. */
  small: number;
  /** A key figure's value. */
  figure: number;
  /** The smallest size the medium allows (slide 24 px at 1080 p; print 8 pt). */
  min: number;
  /** Line height as a multiple of the font size. */
  leading: number;
  /** A unit of spacing (padding, gaps), px. */
  pad: number;
}

/** Print sizes in points: body 9 pt, notes 8 pt (the floor), title 20 pt. */
const PRINT_PT = { title: 20, subtitle: 12, heading: 10.5, body: 9, small: 8, figure: 14, min: 8 };

/**
 * Type sizes for a medium. `slide`: px at 1080 p scaled by `height / 1080` (body 24 px, the floor).
 * `print`: points at `dpi` (px = pt × dpi / 72). `screen`: CSS px (body 14).
 */
export function typography(medium: Medium, opts: { height?: number; dpi?: number } = {}): Typography {
  if (medium === 'slide') {
    const k = (opts.height ?? 1080) / 1080;
    return { medium, title: 48 * k, subtitle: 30 * k, heading: 27 * k, body: 24 * k, small: 24 * k, figure: 38 * k, min: 24 * k, leading: 1.25, pad: 20 * k };
  }
  if (medium === 'print') {
    const k = (opts.dpi ?? 300) / 72;
    const s = PRINT_PT;
    return { medium, title: s.title * k, subtitle: s.subtitle * k, heading: s.heading * k, body: s.body * k, small: s.small * k, figure: s.figure * k, min: s.min * k, leading: 1.3, pad: 4 * k };
  }
  return { medium, title: 26, subtitle: 17, heading: 14, body: 14, small: 12, figure: 20, min: 12, leading: 1.3, pad: 12 };
}

/** The typography scaled by `k` (the spacing and every size). */
export function scaled(t: Typography, k: number): Typography {
  return { ...t, title: t.title * k, subtitle: t.subtitle * k, heading: t.heading * k, body: t.body * k, small: t.small * k, figure: t.figure * k, pad: t.pad * k };
}
