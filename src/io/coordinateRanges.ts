/** Coordinate system of a candidate file, as detected from its header. */
export type CandidateCrs = 'wgs84' | 'sweref99tm';

/**
 * Bounds that any point in Sweden lies within, per coordinate system: `y` is north (lat or N),
 * `x` is east (lon or E); WGS84 degrees, SWEREF 99 TM metres. Messages quote them as expectations.
 */
export const COORDINATE_RANGES: Record<CandidateCrs, { y: [number, number]; x: [number, number] }> = {
  wgs84: { y: [55, 69.1], x: [10.9, 24.2] },
  sweref99tm: { y: [6_100_000, 7_700_000], x: [250_000, 930_000] },
};
