import { scaleSqrt, scaleThreshold } from 'd3-scale';
import type { Omradestyp } from '../domain/types';

/**
 * Colours and scales of the map, shared by the map layers and the legend.
 * Områdestyp: ColorBrewer OrRd (5 classes, colour-blind safe), type 1 strongest.
 * Density: ColorBrewer YlGnBu (7 classes, colour-blind safe).
 */
export const OMRADESTYP_COLORS: Record<Omradestyp, string> = {
  1: '#b30000',
  2: '#e34a33',
  3: '#fc8d59',
  4: '#fdcc8a',
  5: '#fef0d9',
};

/** Class breaks of children 0–6 per km². */
export const DENSITY_BREAKS = [0.5, 2, 5, 10, 25, 100];
export const DENSITY_COLORS = ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'];

/** d3 threshold scale: children per km² → colour. */
export const densityScale = scaleThreshold<number, string>().domain(DENSITY_BREAKS).range(DENSITY_COLORS);

/** Okabe–Ito blue, for health centres (region filled, private hollow). */
export const HEALTH_CENTRE_COLOR = '#0072B2';
export const FAMILY_CENTRE_COLOR = '#3b0f4f';
export const STOP_COLOR = '#009E73';
export const TATORT_COLOR = '#444444';

/** Health-centre circle radius in px from listed children 0–6 (area ∝ children). */
export function healthCentreRadiusScale(maxChildren: number) {
  return scaleSqrt().domain([0, Math.max(1, maxChildren)]).range([3, 20]).clamp(true);
}

/** Bus-stop circle radius in px from departures per weekday (area ∝ departures). */
export const stopRadiusScale = scaleSqrt().domain([0, 500]).range([1.5, 11]).clamp(true);

/** The maplibre expression reading a numeric feature property (0 when missing). */
export const numberProperty = (property: string): unknown[] => ['to-number', ['get', property], 0];

/**
 * A maplibre `step` expression equivalent to a d3 threshold scale over a numeric input expression.
 */
export function stepExpression(input: unknown, breaks: readonly number[], colors: readonly string[]): unknown[] {
  const expr: unknown[] = ['step', input, colors[0]];
  breaks.forEach((b, i) => expr.push(b, colors[i + 1]));
  return expr;
}

/** Minutes to the nearest family centre: viridis, 6 classes (colour-blind safe), near = light. */
export const ACCESS_BREAKS = [5, 10, 20, 30, 45];
export const ACCESS_COLORS = ['#fde725', '#7ad151', '#22a884', '#2a788e', '#414487', '#440154'];
export const ACCESS_UNREACHABLE_COLOR = '#9e9e9e';
export const accessScale = scaleThreshold<number, string>().domain(ACCESS_BREAKS).range(ACCESS_COLORS);

/** Outline of kommuner with gap flags. */
export const GAP_COLOR = '#d4006a';

/** Road network layer: NVDB national roads by posted limit (ColorBrewer Reds), bus-route roads grey, connectors and gap chords dashed. */
export const ROAD_SPEED_BREAKS = [60, 80, 100];
export const ROAD_SPEED_COLORS = ['#fcbba1', '#fb6a4a', '#cb181d', '#67000d'];
export const ROAD_BUS_COLOR = '#6b6b6b';
export const ROAD_GAP_COLOR = '#6b6b6b';
export const ROAD_LINK_COLOR = '#1f78b4';

/**
 * Catchment layer: the 12 colours of ColorBrewer "Paired" (as many as CATCHMENT_PALETTE_SIZE in
 * src/domain/summary.ts), the six strong ones first and then the six light ones, so the largest
 * catchments (the first slots) differ in hue. Sites get colours of their own while there are at
 * most 12; beyond that touching catchments still differ. Units with no reachable site are grey.
 */
export const CATCHMENT_COLORS = ['#1f78b4', '#33a02c', '#e31a1c', '#ff7f00', '#6a3d9a', '#b15928', '#a6cee3', '#b2df8a', '#fb9a99', '#fdbf6f', '#cab2d6', '#ffff99'];
export const CATCHMENT_NONE_COLOR = ACCESS_UNREACHABLE_COLOR;
