import type { KommunGap } from '../domain/gaps';
import type { GroupCounts } from '../domain/history/changeList';
import type { PeriodStatus, SiteKindInDocs, SnapshotKey } from '../domain/history/types';
import type { SiteStatus } from '../domain/types';
import { formatNumber, type Lang } from './format';
import { gapReasons } from './describe';

/**
 * The words of the history panel (issue 11, item 3): the year control (today's scenario, autumn
 * 2019, 2026), a snapshot's key figures and gap flags, where its sites are drawn, and the change
 * lists. Swedish and English, complete in both (test/unit/historyWords.test.ts compares them).
 * Kept in their own module until the lead merges them into sv.ts / en.ts. Figures are passed in;
 * no number is written here.
 */

/** How a snapshot's time is said in a sentence ("Ingen familjecentral hösten 2019"). */
const WHEN: Record<Lang, Record<SnapshotKey, string>> = {
  sv: { '2019': 'hösten 2019', '2026': '2026' },
  en: { '2019': 'in autumn 2019', '2026': 'in 2026' },
};

const n0 = (x: number, lang: Lang) => formatNumber(x, 0, lang);

/** Nouns of the documents' kinds: singular, plural. */
const KIND: Record<Lang, Record<SiteKindInDocs, [string, string]>> = {
  sv: { familjecentral: ['familjecentral', 'familjecentraler'], familjeenhet: ['familjeenhet', 'familjeenheter'] },
  en: { familjecentral: ['family centre', 'family centres'], familjeenhet: ['family unit', 'family units'] },
};

/** Site statuses of the app, counted ("2 befintliga"): singular, plural. */
const SITE_STATUS_COUNTED: Record<Lang, Record<SiteStatus, [string, string]>> = {
  sv: {
    existing: ['befintlig', 'befintliga'],
    planned: ['planerad', 'planerade'],
    intent: ['med avsiktsförklaring', 'med avsiktsförklaring'],
    family_unit: ['familjeenhet', 'familjeenheter'],
    candidate: ['kandidatplats', 'kandidatplatser'],
  },
  en: {
    existing: ['existing', 'existing'],
    planned: ['planned', 'planned'],
    intent: ['with a letter of intent', 'with a letter of intent'],
    family_unit: ['family unit', 'family units'],
    candidate: ['candidate site', 'candidate sites'],
  },
};

const SV = {
  title: 'Historik: 2019, 2026 och i dag',
  intro:
    'Jämför scenariot i dag med de två dokumenterade ögonblicksbilderna: platserna, nyckeltalen och luckflaggorna med samma restidsmodell, tröskel och regler som scenariot. Listorna är vår egen avskrift; varje uppgift anger sin källa.',
  yearLegend: 'Visa år',
  today: 'I dag (scenariot)',
  short: { '2019': 'Hösten 2019', '2026': '2026' } as Record<SnapshotKey, string>,
  todayNote: 'Kartan och nyckeltalen ovan visar scenariot i dag. Välj ett år för att se den dokumenterade ögonblicksbilden.',
  source: 'Källa',
  documentDate: 'dokumentets datum',
  listedCentres: (centres: number, kommuner: number) => `Dokumentet listar ${centres} familjecentraler i ${kommuner} kommuner`,
  listedOther: (planned: number, intent: number, units: number) =>
    [planned ? `${planned} planerad${planned > 1 ? 'e' : ''}` : '', intent ? `${intent} med avsiktsförklaring` : '', units ? `${units} ${units > 1 ? 'familjeenheter' : 'familjeenhet'}` : '']
      .filter(Boolean)
      .join(', '),
  statedWithout2019: (count: number, names: string) => `Bilderna anger ${count} kommuner utan (fullt utbyggd) familjecentral: ${names}`,
  childrenNote: (year: number) =>
    year === 2025
      ? 'Barnen är dagens skattning (2025, SCB 31 dec 2025), inte barnen det året: underlaget har bara dagens befolkning. Skillnaderna visar alltså bara vad platserna gör.'
      : `Barnen är scenariots prognos för ${year}, inte barnen det året: underlaget har bara dagens befolkning och prognoser från den. Skillnaderna visar alltså bara vad platserna gör.`,
  countedNote:
    'Platser som räknas: som i scenariot i dag (befintliga, och planerade, avsiktsförklaringar och familjeenheter bara om de är påslagna i Täckning). Kandidatplatserna räknas inte.',
  mapNote: 'Kartan visar ögonblicksbildens platser. Restid, upptagningsområden och luckor på kartan visar fortfarande scenariot i dag.',
  computing: 'Räknar …',
  error: 'Ögonblicksbilden kunde inte beräknas',
  figures: {
    caption: 'Nyckeltal för länet',
    figure: 'Nyckeltal',
    within: (t: number) => `Barn inom ${t} min`,
    covered: 'Barn inom / alla (0–6 år)',
    mean: 'Medelrestid (min)',
    flagged: 'Kommuner med luckflagga',
    without: 'Kommuner utan familjecentral',
    sites: 'Platser som räknas',
    ofKommuner: (k: number, total: number) => `${k} av ${total}`,
  },
  gapsTitle: (when: SnapshotKey) => `Luckflaggor ${WHEN.sv[when]}`,
  noGaps: 'Ingen kommun flaggas.',
  placesTitle: 'Platsernas lägen',
  atTatort: 'Endast kommunen är känd; visas i kommunens största tätort (SCB Tätorter 2020)',
  tatortEntry: (kommun: string, tatort: string, count: number) => `${kommun}: ${tatort}${count > 1 ? ` (${count} platser på samma punkt, märkt ${count} på kartan)` : ''}`,
  allPlaced: (count: number) => `Alla ${count} platser har en punkt på kartan.`,
  unplacedTitle: 'Utan punkt på kartan (räknas inte)',
  unplaced: { no_facility_row: 'finns inte i familjecentralsdata', no_tatort: 'kommunen har ingen tätort i data' } as Record<'no_facility_row' | 'no_tatort', string>,
  stacked: (count: number) => `${count} platser på samma punkt`,
  changesTitle: 'Ändringar hösten 2019 → 2026',
  changesNote: '”Inte med senare” betyder att den senare källan inte listar enheten; om den stängts säger dokumenten inte. Varför anges bara där ett dokument förklarar.',
  cols: { kommun: 'Kommun', before: 'Hösten 2019', after: '2026', change: 'Ändring', why: 'Varför' },
  none: 'ingen',
  statedWithout: 'ingen (enligt bilderna)',
  dated: (name: string, month: string) => `${name} öppnade ${month} enligt data (daterar, förklarar inte)`,
  scenarioTitle: (label: string) => `${label} → scenariot i dag`,
  scenarioNote: 'Scenariot: familjecentralerna i data med alla statusar, och scenariots kandidatplatser.',
  scenarioCols: { kommun: 'Kommun', before: 'Ögonblicksbilden', after: 'Scenariot', why: 'Varför' },
  cause: { candidates: 'kandidatplatser i scenariot', listing: 'uppgift saknas', both: 'kandidatplatser i scenariot; i övrigt uppgift saknas' } as Record<'candidates' | 'listing' | 'both', string>,
  noScenarioChanges: 'Inga skillnader mellan ögonblicksbilden och scenariot.',
  unknownKommun: 'kommun okänd',
  unknown: 'uppgift saknas',
  gap: {
    noCentre: (when: SnapshotKey) => `Ingen familjecentral ${WHEN.sv[when]}`,
    formUncertain2019: (fully: number, of: number) => `Ingen säker familjecentral ${WHEN.sv['2019']}: bilderna anger att ${fully} av ${of} var fullt samlokaliserade, inte vilka (uppgift saknas)`,
    formUncertain: (when: SnapshotKey) => `Ingen säker familjecentral ${WHEN.sv[when]}: verksamhetsformen avgörs av tjänster där uppgift saknas`,
  },
};

/** The shape of the history panel's words (the Swedish set is the reference). */
export type HistoryStrings = typeof SV;

const EN: HistoryStrings = {
  title: 'History: 2019, 2026 and today',
  intro:
    "Compare today's scenario with the two documented snapshots: the sites, the key figures and the gap flags under the scenario's travel model, threshold and rules. The lists are our own transcription; every fact names its source.",
  yearLegend: 'Show year',
  today: 'Today (the scenario)',
  short: { '2019': 'Autumn 2019', '2026': '2026' },
  todayNote: "The map and the key figures above show today's scenario. Choose a year to see the documented snapshot.",
  source: 'Source',
  documentDate: 'document dated',
  listedCentres: (centres: number, kommuner: number) => `The document lists ${centres} family centres in ${kommuner} municipalities`,
  listedOther: (planned: number, intent: number, units: number) =>
    [planned ? `${planned} planned` : '', intent ? `${intent} with a letter of intent` : '', units ? `${units} family unit${units > 1 ? 's' : ''}` : ''].filter(Boolean).join(', '),
  statedWithout2019: (count: number, names: string) => `The slides name ${count} municipalities without a (fully developed) family centre: ${names}`,
  childrenNote: (year: number) =>
    year === 2025
      ? "Children are today's estimate (2025, SCB 31 Dec 2025), not the children of that year: the data holds today's population only. The differences show what the sites do, nothing else."
      : `Children are the scenario's projection for ${year}, not the children of that year: the data holds today's population and projections from it only. The differences show what the sites do, nothing else.`,
  countedNote:
    "Sites counted: as in today's scenario (existing, and planned, letters of intent and family units only when switched on under Coverage). Candidate sites are not counted.",
  mapNote: "The map shows the snapshot's sites. Travel time, catchments and gaps on the map still show today's scenario.",
  computing: 'Computing …',
  error: 'The snapshot could not be computed',
  figures: {
    caption: 'Key figures for the county',
    figure: 'Figure',
    within: (t: number) => `Children within ${t} min`,
    covered: 'Children within / all (aged 0–6)',
    mean: 'Mean travel time (min)',
    flagged: 'Municipalities with a gap flag',
    without: 'Municipalities without a family centre',
    sites: 'Sites counted',
    ofKommuner: (k: number, total: number) => `${k} of ${total}`,
  },
  gapsTitle: (when: SnapshotKey) => `Gap flags ${WHEN.en[when]}`,
  noGaps: 'No municipality is flagged.',
  placesTitle: "The sites' positions",
  atTatort: 'Only the municipality is known; shown at its largest urban area (SCB Tätorter 2020)',
  tatortEntry: (kommun: string, tatort: string, count: number) => `${kommun}: ${tatort}${count > 1 ? ` (${count} sites at the same point, marked ${count} on the map)` : ''}`,
  allPlaced: (count: number) => `All ${count} sites have a point on the map.`,
  unplacedTitle: 'Without a point on the map (not counted)',
  unplaced: { no_facility_row: 'not in the family-centre data', no_tatort: 'the municipality has no urban area in the data' },
  stacked: (count: number) => `${count} sites at the same point`,
  changesTitle: 'Changes autumn 2019 → 2026',
  changesNote: "'Not listed later' means the later source does not list the site; whether it closed, the documents do not say. A reason is given only where a document explains.",
  cols: { kommun: 'Municipality', before: 'Autumn 2019', after: '2026', change: 'Change', why: 'Why' },
  none: 'none',
  statedWithout: 'none (per the slides)',
  dated: (name: string, month: string) => `${name} opened ${month} per the data (dates it, does not explain it)`,
  scenarioTitle: (label: string) => `${label} → today's scenario`,
  scenarioNote: "The scenario: the family centres in the data with every status, and the scenario's candidate sites.",
  scenarioCols: { kommun: 'Municipality', before: 'The snapshot', after: 'The scenario', why: 'Why' },
  cause: { candidates: "candidate sites in the scenario", listing: 'no data', both: 'candidate sites in the scenario; otherwise no data' },
  noScenarioChanges: 'No differences between the snapshot and the scenario.',
  unknownKommun: 'municipality unknown',
  unknown: 'no data',
  gap: {
    noCentre: (when: SnapshotKey) => `No family centre ${WHEN.en[when]}`,
    formUncertain2019: (fully: number, of: number) => `No certain family centre ${WHEN.en['2019']}: the slides say ${fully} of ${of} were fully co-located, not which (no data)`,
    formUncertain: (when: SnapshotKey) => `No certain family centre ${WHEN.en[when]}: the form depends on services not known`,
  },
};

/** The history panel's words in Swedish and English. */
export const HISTORY_STRINGS: Record<Lang, HistoryStrings> = { sv: SV, en: EN };

/**
 * The reasons of a kommun's gap flags in a snapshot, one per flag in the flag order — the
 * snapshot's counterpart of `gapReasons` (describe.ts), which words "today" and "the proposal".
 *
 * @param inventory2019 the 2019 inventory's count of fully co-located centres (`fully` of `of`),
 *   for the 2019 wording of `form_uncertain`; pass the documented figures (INVENTORY_2019)
 */
export function snapshotGapReasons(g: KommunGap, key: SnapshotKey, lang: Lang, inventory2019: { fully: number; of: number }): string[] {
  const t = HISTORY_STRINGS[lang].gap;
  return gapReasons(g, 'today', lang, { noCentre: t.noCentre(key), formUncertain: key === '2019' ? t.formUncertain2019(inventory2019.fully, inventory2019.of) : t.formUncertain(key) });
}

/**
 * A kommun's listed sites in a snapshot, from the change list's counts: "2 familjecentraler",
 * "1 familjecentral (planerad)", "1 familjeenhet"; operating sites carry no status word. Kinds
 * first (centres, then units), statuses in their life order. Empty counts give `none`.
 *
 * @param statusText the period statuses' words (PERIOD_STATUS_TEXT of statusPeriodsWords.ts)
 */
export function groupCountsText(counts: GroupCounts, statusText: Record<PeriodStatus, string>, lang: Lang): string {
  const parts: string[] = [];
  for (const kind of ['familjecentral', 'familjeenhet'] as const) {
    for (const status of ['open', 'planned', 'intent', 'closed_or_paused'] as const) {
      const k = counts[`${kind}:${status}`] ?? 0;
      if (!k) continue;
      const noun = KIND[lang][kind][k === 1 ? 0 : 1];
      parts.push(`${n0(k, lang)} ${noun}${status === 'open' ? '' : ` (${statusText[status]})`}`);
    }
  }
  return parts.length ? parts.join(', ') : HISTORY_STRINGS[lang].none;
}

/** Sites by the app's status: "2 befintliga, 1 kandidatplats"; empty gives `none`. */
export function siteStatusCountsText(counts: Readonly<Record<SiteStatus, number>>, lang: Lang): string {
  const order: SiteStatus[] = ['existing', 'planned', 'intent', 'family_unit', 'candidate'];
  const parts = order.filter((s) => counts[s] > 0).map((s) => `${n0(counts[s], lang)} ${SITE_STATUS_COUNTED[lang][s][counts[s] === 1 ? 0 : 1]}`);
  return parts.length ? parts.join(', ') : HISTORY_STRINGS[lang].none;
}
