/**
 * The styles of the marks the map draws over its layers when a candidate is selected or sites are
 * suggested, shared by the map controller and the legend (so the legend shows what is drawn).
 */

/** The selected candidate's ring and the outline of the DeSO it reaches; the suggestion markers' fill. */
export const HIGHLIGHT_COLOR = '#993404';

/** The fill of the demand units a selected candidate newly covers (drawn at HIGHLIGHT_ADDED_OPACITY). */
export const HIGHLIGHT_ADDED_COLOR = '#fe9929';
/** Opacity of that fill (0–1). */
export const HIGHLIGHT_ADDED_OPACITY = 0.85;

/** The selection ring: radius and stroke width in CSS px. */
export const SELECTED_RING = { radius: 16, strokeWidth: 3 } as const;

/** The reached-DeSO outline's width in CSS px. */
export const REACHED_LINE_WIDTH = 2;

/** Demand no possible site reaches within T (Föreslå), drawn over every fill. */
export const UNREACHABLE_COLOR = '#4d4d4d';
