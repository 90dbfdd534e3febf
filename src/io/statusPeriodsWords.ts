import type { KommunChangeKind, SiteChange } from '../domain/history/changeList';
import type { EntryIdentity, PeriodStatus, SnapshotKey, StatusNoteCode } from '../domain/history/types';
import type { Lang } from '../i18n/format';

/**
 * The words of site history, Swedish (default) and English: period statuses, the year control's
 * snapshots, change kinds, how an entry is tied to the data, documented status notes. Kept here
 * until they are merged into src/i18n (sv.ts, en.ts, describe.ts). Every missing reason is
 * "uppgift saknas" (`UNKNOWN_TEXT` in siteServicesWords.ts).
 */

/** The period statuses. */
export const PERIOD_STATUS_TEXT: Record<Lang, Record<PeriodStatus, string>> = {
  sv: { intent: 'avsiktsförklaring', planned: 'planerad', open: 'öppen', closed_or_paused: 'stängd eller vilande' },
  en: { intent: 'letter of intent', planned: 'planned', open: 'open', closed_or_paused: 'closed or paused' },
};

/** The year control's positions. */
export const SNAPSHOT_TEXT: Record<Lang, Record<SnapshotKey, string>> = {
  sv: { '2019': 'Hösten 2019 (inventeringen; bilder 2020-08-28)', '2026': '2026 (HSN 2026/4486)' },
  en: { '2019': 'Autumn 2019 (the inventory; slides 2020-08-28)', '2026': '2026 (HSN 2026/4486)' },
};

/** A kommun's change between two snapshots. */
export const KOMMUN_CHANGE_TEXT: Record<Lang, Record<KommunChangeKind, string>> = {
  sv: { added: 'ny', removed: 'fanns med tidigare, inte med senare', status_changed: 'ändrad status', count_changed: 'ändrat antal', unchanged: 'oförändrad' },
  en: { added: 'new', removed: 'listed earlier, not later', status_changed: 'status changed', count_changed: 'number changed', unchanged: 'unchanged' },
};

/** A site's change between two snapshots. */
export const SITE_CHANGE_TEXT: Record<Lang, Record<SiteChange['kind'], string>> = {
  sv: {
    added: 'ny i den senare listan',
    removed: 'med i den tidigare listan, inte i den senare (om den stängts: uppgift saknas)',
    status_changed: 'ändrad status',
    unchanged: 'oförändrad',
    link_unknown: 'vilken tidigare enhet som motsvarar vilken senare: uppgift saknas',
  },
  en: {
    added: 'new in the later list',
    removed: 'in the earlier list, not in the later one (whether it closed: no data)',
    status_changed: 'status changed',
    unchanged: 'unchanged',
    link_unknown: 'which earlier site became which later one: no data',
  },
};

/** How a snapshot entry is tied to the facility data. */
export const IDENTITY_TEXT: Record<Lang, Record<EntryIdentity, string>> = {
  sv: {
    named: 'namngiven i dokumentet',
    kommun_match: 'dokumentet anger bara kommunen; enheten i data är den enda i kommunen',
    data_inference: 'dokumentet anger bara kommunen; vilken enhet det är har dataunderlaget antagit',
    none: 'endast kommunen känd',
  },
  en: {
    named: 'named in the document',
    kommun_match: 'the document gives only the kommun; the site in the data is the only one there',
    data_inference: 'the document gives only the kommun; which site it is, the data team assumed',
    none: 'only the kommun known',
  },
};

/** Documented notes on a status. */
export const STATUS_NOTE_TEXT: Record<Lang, Record<StatusNoteCode, string>> = {
  sv: { intent_work_stalled: 'arbetet enligt avsiktsförklaringen har inte kunnat fortsätta som planerat (ekonomiska skäl: ombyggnation och ökade kostnader)' },
  en: { intent_work_stalled: 'the work under the letter of intent has not continued as planned (economic reasons: rebuilding and higher costs)' },
};

/** The position of a site known only by its kommun. */
export const TATORT_POSITION_TEXT: Record<Lang, string> = {
  sv: 'endast kommunen är känd; visas i kommunens största tätort',
  en: 'only the kommun is known; shown at its largest urban area',
};
