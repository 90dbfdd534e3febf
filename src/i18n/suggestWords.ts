import type { PlaceNear } from '../domain/optimise/candidateSets';
import type { DemandKind } from '../domain/views';
import { formatNumber, formatPercent, type Lang } from './format';

/**
 * The words of Föreslå's explanation (issue 12, item 8): each model's own figure for the county
 * before → after, the longest trip's place, the demand no possible site reaches within T and the
 * LSCP target's cap. Swedish and English, complete in both (test/unit/suggestWords.test.ts
 * compares them). Kept in their own module until the lead merges them into sv.ts / en.ts. Figures
 * are passed in; no number is written here.
 */

const n0 = (x: number, lang: Lang) => formatNumber(x, 0, lang);
const m1 = (x: number, lang: Lang) => formatNumber(x, 1, lang);
const pct = (x: number, lang: Lang) => formatPercent(x, 1, lang);

/** Compass points: the core's Swedish letters, in English. */
const COMPASS_EN: Record<string, string> = { N: 'N', NO: 'NE', O: 'E', SO: 'SE', S: 'S', SV: 'SW', V: 'W', NV: 'NW' };

const SV = {
  title: 'Vad förslaget gör för länet',
  /** "I dag + 2 föreslagna platser". */
  withAdded: (added: number) => `I dag + ${added} ${added === 1 ? 'föreslagen plats' : 'föreslagna platser'}`,
  /** Which year's children and which travel model the figures count. */
  counted: 'Räknat på',
  measure: {
    covered_children: (t: number) => `Barn 0–6 år inom ${t} min`,
    mean_minutes: 'Medelrestid per barn till närmaste plats',
    max_minutes: 'Längsta resan till närmaste plats',
  },
  /** The model's own figure, named: what the model optimises. */
  ownFigure: 'modellens mål',
  /** "13 753 barn (72,8 %)". */
  children: (x: number, share: number, lang: Lang = 'sv') => `${n0(x, lang)} barn (${pct(share, lang)})`,
  childrenUnit: 'barn',
  minutes: (x: number | null, lang: Lang = 'sv') => (x === null ? 'ingen nås' : `${m1(x, lang)} min`),
  /** Where a trip starts: "33 km S om Idre, Älvdalen" / "i Borlänge, Borlänge". */
  place: (p: PlaceNear | null, kommun: string, lang: Lang = 'sv') =>
    p === null ? kommun : `${p.direction === null ? `i ${p.town}` : `${n0(Math.round(p.km), lang)} km ${p.direction} om ${p.town}`}, ${kommun}`,
  unitKind: { grid: ['ruta', 'rutor'], deso: ['område', 'områden'] } as Record<DemandKind, [string, string]>,
  /** "X barn i Y rutor når ingen möjlig plats inom T min". */
  unreachable: (children: number, units: number, kind: DemandKind, t: number, lang: Lang = 'sv') =>
    `${n0(children, lang)} barn i ${n0(units, lang)} ${SV.unitKind[kind][units === 1 ? 0 : 1]} når ingen möjlig plats inom ${t} min`,
  possibleSites: '(varken dagens platser eller någon kandidat i den valda mängden når dem; grå på kartan)',
  /** The LSCP target lowered to what can be reached. */
  cap: (max: number, requested: number, lang: Lang = 'sv') => `högst ${pct(max, lang)} kan nås, så målet sänktes från ${pct(requested, lang)} till ${pct(max, lang)}`,
  capWeighted: 'Målet räknas med behovsvikten, liksom andelen som kan nås',
  addsNote: 'Tillför: barn som når platsen inom tröskeln men ingen annan plats, varken dagens eller de andra föreslagna (i alla modeller).',
  estimated: 'uppskattat',
};

type Words = typeof SV;

const EN: Words = {
  title: 'What the suggestion does for the county',
  withAdded: (added: number) => `Today + ${added} suggested ${added === 1 ? 'site' : 'sites'}`,
  counted: 'Counted with',
  measure: {
    covered_children: (t: number) => `Children aged 0–6 within ${t} min`,
    mean_minutes: 'Mean travel time per child to the nearest site',
    max_minutes: 'Longest trip to the nearest site',
  },
  ownFigure: "the model's objective",
  children: (x: number, share: number, lang: Lang = 'en') => `${n0(x, lang)} children (${pct(share, lang)})`,
  childrenUnit: 'children',
  minutes: (x: number | null, lang: Lang = 'en') => (x === null ? 'none reached' : `${m1(x, lang)} min`),
  place: (p: PlaceNear | null, kommun: string, lang: Lang = 'en') =>
    p === null ? kommun : `${p.direction === null ? `in ${p.town}` : `${n0(Math.round(p.km), lang)} km ${COMPASS_EN[p.direction] ?? p.direction} of ${p.town}`}, ${kommun}`,
  unitKind: { grid: ['cell', 'cells'], deso: ['area', 'areas'] },
  unreachable: (children: number, units: number, kind: DemandKind, t: number, lang: Lang = 'en') =>
    `${n0(children, lang)} children in ${n0(units, lang)} ${EN.unitKind[kind][units === 1 ? 0 : 1]} reach no possible site within ${t} min`,
  possibleSites: "(neither today's sites nor any candidate of the chosen set reaches them; grey on the map)",
  cap: (max: number, requested: number, lang: Lang = 'en') => `at most ${pct(max, lang)} can be reached, so the target was lowered from ${pct(requested, lang)} to ${pct(max, lang)}`,
  capWeighted: 'The target counts the need weight, and so does the share that can be reached',
  addsNote: "Adds: children who reach the site within the threshold but no other site, neither today's nor the other suggested ones (in every model).",
  estimated: 'estimated',
};

/** Föreslå's explanation words, by language. */
export const SUGGEST_WORDS: Record<Lang, Words> = { sv: SV, en: EN };
