import type { FamilyCentreStatus } from './types';

/**
 * Public fields of a family centre derived from the data team's record. The shared data names a
 * centre whose real name was not found "Familjecentral Leksand (name not found)" and marks other
 * working states in English parentheses; none of that may reach a user.
 */

/** English working suffixes in the shared data's names. */
const WORKING_SUFFIX = /\s*\((name not found|intent|planned|unknown)\)\s*$/i;

/**
 * The Swedish display name of a family centre.
 * - "Familjecentral Leksand (name not found)" → "Familjecentralen i Leksand"
 * - "Familjeenhet Älvdalen (name not found)" (family unit) → "Familjeenheten i Älvdalen"
 * - "Familjecentral Vansbro (intent)" → "Familjecentral Vansbro" (the status is shown beside it)
 * - any other name is kept as published.
 */
export function publicFamilyCentreName(name: string, status: FamilyCentreStatus, kommunName: string): string {
  const m = WORKING_SUFFIX.exec(name);
  if (!m) return name.trim();
  if (m[1].toLowerCase() === 'name not found') return status === 'family_unit' ? `Familjeenheten i ${kommunName}` : `Familjecentralen i ${kommunName}`;
  return name.slice(0, m.index).trim();
}

/** Swedish note on how exact a point is, by the data's `coord_precision`; '' when it is the building itself. */
const POSITION_NOTES: Record<string, string> = {
  town: 'Läge: ortens centrum, ±1–2 km',
  point: 'Läge: koordinat ur Region Dalarnas register, ej kontrollerad mot adress',
  site_adjacent: 'Läge: vårdcentralens fastighet; lokalen ligger intill',
  near_site: 'Läge: vårdcentralens fastighet; lokalen ligger tiotals meter bort',
};

export function positionNote(coordPrecision: string): string {
  return POSITION_NOTES[coordPrecision] ?? '';
}
