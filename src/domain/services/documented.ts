import { SNAPSHOTS } from '../history/transcription';
import type { SnapshotEntry, SnapshotKey } from '../history/types';
import type { SiteForm } from './classify';
import { report, slides, type DocRef } from './docRef';
import { UNKNOWN_SERVICES, type SiteServices } from './types';

/**
 * What the documents state about a bundled site's services and form — and nothing more. No
 * document gives any single site's service levels, so every level is `unknown`; what they do
 * give is how they count the site and, for some, a bound on its form.
 */
export interface DocumentedSite {
  id: string;
  kommun_code: string;
  /** Levels the documents state for this site (none do: all `unknown`). */
  services: SiteServices;
  /** How the listing document counts the site. */
  countedAs: 'familjecentral' | 'familjeenhet';
  /** Where. */
  countSource: DocRef;
  /**
   * Whether the count meets 002's definition of a familjecentral (full co-location of all four):
   * - `not_stated`: the document does not say (002's nine centres; 002, avsnitt 3.2, notes that
   *   the vårdval agreement lets the four services be, not must be, co-located);
   * - `not_all_met`: the document says some of the sites it counts are not fully co-located
   *   (the 2019 slides: five of eight fully co-located, which ones is not said);
   * - `not_counted`: the document does not count the site as a familjecentral (a familjeenhet).
   */
  definition: 'not_stated' | 'not_all_met' | 'not_counted';
  /** The strongest form the documents allow by 002's definitions; null = no bound stated. */
  maxForm: SiteForm | null;
  maxFormSource: DocRef | null;
}

/** County-level facts of the autumn-2019 inventory (000/001, bilden "Dalarnas familjecentraler hösten 2019"). */
export const INVENTORY_2019 = {
  source: slides('Dalarnas familjecentraler hösten 2019'),
  /** Centres in the inventory. */
  centres: 8,
  /** Of them fully co-located (which ones: uppgift saknas). */
  fullyColocated: 5,
  /** Öppen förskola's opening hours across the centres (h/week). */
  openPreschoolHoursPerWeek: { min: 6, max: 24 },
  /**
   * Socialtjänst's presence across the centres: from 3 h/week to 6 persons full-time. The upper
   * end is staff, not hours, so it is no value of `socialServicesHoursPerWeek`.
   */
  socialServices: { minHoursPerWeek: 3, maxFullTimeStaff: 6 },
} as const;

/** 002, avsnitt 3.1: Orsa's Familjens hus has its activities at different places. */
const ORSA_APART = report('avsnitt 3.1 Bakgrund (Familjens hus i Orsa)');

function documented(e: SnapshotEntry, key: SnapshotKey): DocumentedSite {
  const base = { id: e.id, kommun_code: e.kommun_code, services: { ...UNKNOWN_SERVICES }, countSource: e.source };
  if (e.kind === 'familjeenhet') {
    const apart = e.id === 'fc-orsa-familjens-hus';
    return { ...base, countedAs: 'familjeenhet', definition: 'not_counted', maxForm: apart ? 'familjecentralsliknande' : null, maxFormSource: apart ? ORSA_APART : null };
  }
  return { ...base, countedAs: 'familjecentral', definition: key === '2019' ? 'not_all_met' : 'not_stated', maxForm: null, maxFormSource: null };
}

/** The documented facts of every bundled site (2019 and 2026), by id. */
export const DOCUMENTED_SITES: ReadonlyMap<string, DocumentedSite> = new Map(
  SNAPSHOTS.flatMap((s) => s.entries.map((e) => [e.id, documented(e, s.key)] as const)),
);
