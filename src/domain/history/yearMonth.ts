/**
 * A point in time as the sources give it: a year ('2019') or a year and month ('2023-05').
 * A year stands for the whole year (January–December), so it overlaps every month of it.
 */
export type YearMonth = string;

/** Earliest year a history date may have (a sanity range, not a claim about the data). */
export const YEAR_MIN = 1900;
/** Latest year a history date may have. */
export const YEAR_MAX = 2100;

const PATTERN = /^(\d{4})(?:-(\d{2}))?$/;

/** True for 'YYYY' or 'YYYY-MM' with a year in YEAR_MIN–YEAR_MAX and a month 01–12. */
export function isYearMonth(s: unknown): s is YearMonth {
  if (typeof s !== 'string') return false;
  const m = PATTERN.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  if (y < YEAR_MIN || y > YEAR_MAX) return false;
  if (m[2] === undefined) return true;
  const mo = Number(m[2]);
  return mo >= 1 && mo <= 12;
}

/**
 * The months a date covers, as month indices (year × 12 + month − 1): a year covers its twelve
 * months, a year-month one month. The caller checks `isYearMonth` first.
 *
 * @example monthSpan('2019') // → [24228, 24239]
 * @example monthSpan('2023-05') // → [24280, 24280]
 */
export function monthSpan(d: YearMonth): [number, number] {
  const m = PATTERN.exec(d)!;
  const y = Number(m[1]) * 12;
  if (m[2] === undefined) return [y, y + 11];
  const i = y + Number(m[2]) - 1;
  return [i, i];
}

/**
 * True when two spans overlap; a null bound is open (−∞ for `from`, +∞ for `to`).
 * Every date is read as its month span, so '2019' and '2019-10' overlap.
 */
export function overlaps(aFrom: YearMonth | null, aTo: YearMonth | null, bFrom: YearMonth | null, bTo: YearMonth | null): boolean {
  const aStart = aFrom === null ? -Infinity : monthSpan(aFrom)[0];
  const aEnd = aTo === null ? Infinity : monthSpan(aTo)[1];
  const bStart = bFrom === null ? -Infinity : monthSpan(bFrom)[0];
  const bEnd = bTo === null ? Infinity : monthSpan(bTo)[1];
  return aStart <= bEnd && bStart <= aEnd;
}

/** Orders dates by their first month, a year before its own months; null (open start) first. */
export function compareFrom(a: YearMonth | null, b: YearMonth | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const d = monthSpan(a)[0] - monthSpan(b)[0];
  return d !== 0 ? d : a.length - b.length;
}
