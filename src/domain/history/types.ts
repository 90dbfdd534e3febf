import type { DocRef } from '../services/docRef';
import type { YearMonth } from './yearMonth';

/**
 * The status of a site during a period: `intent` (letter of intent signed), `planned` (decided
 * and planned), `open` (operating), `closed_or_paused` (closed or paused).
 */
export type PeriodStatus = 'intent' | 'planned' | 'open' | 'closed_or_paused';

/** The statuses in their usual order of a site's life. */
export const PERIOD_STATUSES: readonly PeriodStatus[] = ['intent', 'planned', 'open', 'closed_or_paused'];

/**
 * A status over a period, as a planner records it (and as it travels in a scenario file).
 * Both bounds are inclusive; a year covers its twelve months.
 */
export interface StatusPeriod {
  status: PeriodStatus;
  /** First year or month of the status; null = start not known (uppgift saknas). */
  from: YearMonth | null;
  /** Last year or month of the status; null = not ended (or end not known). */
  to: YearMonth | null;
}

/**
 * A status period transcribed from a source. A source mostly shows that a status held at a
 * date, not when it began or ended: `fromIsStart` / `toIsEnd` say whether a bound is the
 * documented start / end; when false, what came before / after is "uppgift saknas".
 */
export interface DocumentedPeriod extends StatusPeriod {
  fromIsStart: boolean;
  toIsEnd: boolean;
  /** The sources of the status and of its bounds. */
  sources: readonly DocRef[];
}

/**
 * Documented notes on a status: `intent_work_stalled` — the work under the letter of intent has
 * not been able to continue as planned, for economic reasons (rebuilding, higher costs); 002,
 * avsnitt 3.1.
 */
export type StatusNoteCode = 'intent_work_stalled';

/** What kind of unit a site is in the documents: a family centre, or a "familjeenhet" (002, avsnitt 3.1). */
export type SiteKindInDocs = 'familjecentral' | 'familjeenhet';

/** The snapshots the tool bundles: autumn 2019 (000/001) and 2026 (002). */
export type SnapshotKey = '2019' | '2026';

/** The snapshots, oldest first (the year control's positions). */
export const SNAPSHOT_KEYS: readonly SnapshotKey[] = ['2019', '2026'];

/**
 * Where a snapshot's site is drawn:
 * - `facility`: the row of data/facilities/family-centres.csv with this id (its own point and precision);
 * - `largest_tatort`: only the kommun is documented, so the site is drawn at the kommun's most
 *   populous tätort (SCB Tätorter 2020, data/geo/tatorter.geojson) with precision `town`.
 */
export type SnapshotPosition = { kind: 'facility'; id: string } | { kind: 'largest_tatort' };

/**
 * How a snapshot entry is tied to a row of the facility data:
 * - `named`: the document names this centre;
 * - `kommun_match`: the document names only the kommun, and the data holds exactly as many rows
 *   of that status in the kommun as the document counts;
 * - `data_inference`: the document names only the kommun and the data team inferred which row
 *   it is (e.g. Falun's second centre);
 * - `none`: not tied to the data (the site is known only by its kommun).
 */
export type EntryIdentity = 'named' | 'kommun_match' | 'data_inference' | 'none';

/** One site in a snapshot, as the document lists it. */
export interface SnapshotEntry {
  /** A family-centres.csv id (`fc-…`) or, for a site known only from the 2019 slides, `h2019-…`. */
  id: string;
  kommun_code: string;
  kommun_name: string;
  kind: SiteKindInDocs;
  status: PeriodStatus;
  /** Where the document lists it. */
  source: DocRef;
  identity: EntryIdentity;
  /** Where the document names it, when `identity` is `named`. */
  identitySource: DocRef | null;
  position: SnapshotPosition;
  /**
   * The id of the same site in the 2026 list when a document says so; null = uppgift saknas
   * (the documents never link a 2019 centre to a 2026 one).
   */
  sameAs: string | null;
  /** A documented note on the status, as a code for the words layer, with its source; or null. */
  statusNote: { code: StatusNoteCode; source: DocRef } | null;
}

/** A snapshot: the sites one source lists at one time, and what it says of the kommuner. */
export interface Snapshot {
  key: SnapshotKey;
  /** The time the list describes ('2019' = autumn 2019; '2026' = the report of May 2026). */
  at: YearMonth;
  /** Date of the document (ISO). */
  documentDate: string;
  /** Where the list is. */
  source: DocRef;
  entries: readonly SnapshotEntry[];
  /** Kommuner the source states have no (fully developed) family centre, with where; null when it states none. */
  statedWithout: { kommuner: readonly { kommun_code: string; kommun_name: string }[]; source: DocRef } | null;
  /** The counts the document states (to check the transcription): open familjecentraler and their kommuner. */
  statedCounts: { open_centres: number; kommuner_with_open: number; planned: number | null; intent: number | null; family_units: number | null };
}
