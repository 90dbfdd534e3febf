import type { KommunGap } from '../domain/gaps';
import { INDICATOR_KEYS, type IndicatorKey } from '../domain/need/indicators';
import type { ScenarioParams } from '../domain/scenario';
import type { SiteSetInfo, SiteSetKey } from '../domain/siteSets';
import type { TravelParams } from '../domain/travel';
import { formatNumber, formatPercent, type Lang } from './format';

/**
 * Words for what the domain returns as data: which sites a figure counts, why a kommun is
 * flagged, the travel model and the stated assumptions. Swedish and English, complete in both
 * (a unit test compares the two). Exports and the CLI use Swedish unless told otherwise.
 */

const n = (x: number, lang: Lang, d = 0) => formatNumber(x, d, lang);
const dec = (x: number, lang: Lang) => (lang === 'sv' ? String(x).replace('.', ',') : String(x));

const TEXT = {
  sv: {
    setName: { today: 'I dag', proposal: 'Förslaget' } as Record<SiteSetKey, string>,
    existing: 'befintliga familjecentraler',
    plus: { planned: 'planerade', intent: 'med avsiktsförklaring', family_unit: 'familjeenheter' },
    candidates: (k: number) => `${k} ${k === 1 ? 'kandidatplats' : 'kandidatplatser'}`,
    todayPlus: 'i dag',
    noCentre: { today: 'Ingen familjecentral i dag', proposal: 'Ingen familjecentral i förslaget' } as Record<SiteSetKey, string>,
    formUncertain: { today: 'Ingen säker familjecentral i dag: verksamhetsformen avgörs av tjänster där uppgift saknas', proposal: 'Ingen säker familjecentral i förslaget: verksamhetsformen avgörs av tjänster där uppgift saknas' } as Record<SiteSetKey, string>,
    familyUnits: (k: number) => (k === 1 ? 'har en familjeenhet' : `har ${k} familjeenheter`),
    notCounted: (planned: number, intent: number) =>
      [planned ? `${planned} planerad${planned > 1 ? 'e' : ''}` : '', intent ? `${intent} med avsiktsförklaring` : ''].filter(Boolean).join(' och ') + ' räknas inte',
    onlyPlanned: (planned: number, intent: number) =>
      `Endast ${[planned ? `${planned} planerad${planned > 1 ? 'e' : ''}` : '', intent ? `${intent} med avsiktsförklaring` : ''].filter(Boolean).join(' och ')} (räknas som öppen)`,
    lowCoverage: (share: string, limit: string) => `Täckning ${share} av barnen 0–6 år, under ${limit}`,
    points: (x: string) => `${x} procentenheter`,
    travel: {
      straight: (speed: string) => `Fågelvägen (storcirkelavstånd), ${speed} km/h`,
      road: (p: Record<string, string>) =>
        `Modellerad väg: vägavstånd = k × fågelvägen med k = ${p.k1} under 10 km, ${p.k2} för 10–40 km, ${p.k3} över 40 km; ` +
        `${p.v1} km/h de första ${p.km} km, ${p.v2} km/h därefter, plus ${p.t} min`,
      matrix: (file: string) => `Importerad restidsmatris (${file}); saknade par räknas som ej nåbara`,
      network: (p: Record<string, string>) =>
        `Vägnät (Trafikverkets nationella vägar och Dalatrafiks bussvägar, kortaste restid): skyltad hastighet × ${p.f}; ` +
        `${p.u} km/h i tätort och ${p.r} km/h utanför där skyltning saknas; anslutning till närmaste väg ${p.c} × fågelvägen i ${p.a} km/h; plus ${p.t} min`,
    },
    projection: {
      estimate: 'Barn 0–6 år: 2025 (skattning, SCB 31 dec 2025)',
      scb: (y: number) => `Barn 0–6 år ${y}: prognos (källa: SCB:s befolkningsframskrivning per kommun, publicerad 2024-06-11, TAB698; antagande: ålder 0–6 ändras som bandet 0–5 år sedan 2026, fördelat efter dagens barn)`,
      trend: (y: number, d: string) => `Barn 0–6 år ${y}: prognos (antagande: länets listningstrend 2020–2025, 22 054 → 18 266 barn, HSN 2026/4486, fortsätter med dämpning ${d} per år; samma takt i alla kommuner, fördelat efter dagens barn)`,
      imported: (y: number, f: string) => `Barn 0–6 år ${y}: prognos (källa: importerad prognosfil ${f || '(ingen fil inläst)'}; fördelad efter dagens barn)`,
    },
    need: {
      omradestyp: (w: string) => `Behovsvikt: områdestyp (${w})`,
      index: (c: string) => `Behovsvikt: behovsindex per DeSO (${c}; standardiserat över Dalarnas DeSO; vikt 1 + 0,5 × index, 0,5–2; SCB 2024–2025)`,
      none: 'Behovsvikt: ingen (varje barn väger 1)',
    },
    assume: {
      sites: 'Platser som räknas',
      threshold: (t: number) => `Tröskel: ${t} min (täckt när restiden ≤ tröskeln)`,
      travel: 'Restidsmodell',
      demand: { grid: '1 km-rutor (barn 0–6 år fördelade från DeSO)', deso: '175 DeSO-punkter' },
      demandLine: (d: string) => `Efterfrågan: ${d}; barn 0–6 år = 0–4 år + 5–6 år ur bandet 5–9 år genom Sprague-interpolation (uppskattat, SCB 31 dec 2025)`,
      omradestyp: (y: number, w: string) => `Områdestyp år ${y}; deprivationsvikter ${w}`,
      low: (pct: string) => `Flagga låg täckning under ${pct} %`,
      gapForm: { familjecentral_only: 'Luckor: bara familjecentraler räknas', both: 'Luckor: familjecentraler och familjecentralsliknande verksamheter räknas' } as Record<string, string>,
      services: (k: number) => `Verksamheter angivna av planeraren för ${k} ${k === 1 ? 'plats' : 'platser'}`,
      data: 'Data',
    },
    ranking: {
      against: 'Varje kandidat räknas mot i dag (läggs till ensam)',
      weights: (w: Record<string, number>, dep: number, walk: number) =>
        `Kriterievikter: räckvidd ${w.reach}, ny räckvidd ${w.newReach}, behov ${w.deprivation}, restid ${w.travel}, kollektivtrafik ${w.transit}; kollektivtrafik: minst ${dep} avgångar per vardag, 0 poäng vid ${walk} m`,
    },
  },
  en: {
    setName: { today: 'Today', proposal: 'Proposal' } as Record<SiteSetKey, string>,
    existing: 'existing family centres',
    plus: { planned: 'planned', intent: 'letters of intent', family_unit: 'family units' },
    candidates: (k: number) => `${k} ${k === 1 ? 'candidate site' : 'candidate sites'}`,
    todayPlus: 'today',
    noCentre: { today: 'No family centre today', proposal: 'No family centre in the proposal' } as Record<SiteSetKey, string>,
    formUncertain: { today: 'No certain family centre today: the form depends on services not known', proposal: 'No certain family centre in the proposal: the form depends on services not known' } as Record<SiteSetKey, string>,
    familyUnits: (k: number) => (k === 1 ? 'has a family unit' : `has ${k} family units`),
    notCounted: (planned: number, intent: number) =>
      [planned ? `${planned} planned` : '', intent ? `${intent} with a letter of intent` : ''].filter(Boolean).join(' and ') + ' not counted',
    onlyPlanned: (planned: number, intent: number) =>
      `Only ${[planned ? `${planned} planned` : '', intent ? `${intent} with a letter of intent` : ''].filter(Boolean).join(' and ')} (counted as open)`,
    lowCoverage: (share: string, limit: string) => `Coverage ${share} of children aged 0–6, below ${limit}`,
    points: (x: string) => `${x} percentage points`,
    travel: {
      straight: (speed: string) => `Straight line (great-circle distance), ${speed} km/h`,
      road: (p: Record<string, string>) =>
        `Modelled road: road distance = k × straight line with k = ${p.k1} below 10 km, ${p.k2} for 10–40 km, ${p.k3} above 40 km; ` +
        `${p.v1} km/h for the first ${p.km} km, ${p.v2} km/h beyond, plus ${p.t} min`,
      matrix: (file: string) => `Imported travel-time matrix (${file}); missing pairs count as unreachable`,
      network: (p: Record<string, string>) =>
        `Road network (Trafikverket national roads and Dalatrafik bus-route roads, fastest path): posted limit × ${p.f}; ` +
        `${p.u} km/h in urban areas and ${p.r} km/h elsewhere where no limit is posted; access to the nearest road ${p.c} × straight line at ${p.a} km/h; plus ${p.t} min`,
    },
    projection: {
      estimate: 'Children aged 0–6: 2025 (estimate, SCB 31 Dec 2025)',
      scb: (y: number) => `Children aged 0–6 in ${y}: projection (source: SCB's population projection per municipality, published 2024-06-11, TAB698; assumption: ages 0–6 change like the 0–5 band since 2026, spread by today's children)`,
      trend: (y: number, d: string) => `Children aged 0–6 in ${y}: projection (assumption: the county's listing trend 2020–2025, 22,054 → 18,266 children, HSN 2026/4486, continues damped by ${d} a year; the same rate in every municipality, spread by today's children)`,
      imported: (y: number, f: string) => `Children aged 0–6 in ${y}: projection (source: imported forecast file ${f || '(no file loaded)'}; spread by today's children)`,
    },
    need: {
      omradestyp: (w: string) => `Need weight: area type (${w})`,
      index: (c: string) => `Need weight: needs index per DeSO (${c}; standardised over Dalarna's DeSO; weight 1 + 0.5 × index, 0.5–2; SCB 2024–2025)`,
      none: 'Need weight: none (every child weighs 1)',
    },
    assume: {
      sites: 'Sites counted',
      threshold: (t: number) => `Threshold: ${t} min (covered when the travel time ≤ the threshold)`,
      travel: 'Travel model',
      demand: { grid: '1 km cells (children 0–6 spread from DeSO)', deso: '175 DeSO points' },
      demandLine: (d: string) => `Demand: ${d}; children 0–6 = ages 0–4 + ages 5–6 from the 5–9 band by Sprague interpolation (estimated, SCB 31 Dec 2025)`,
      omradestyp: (y: number, w: string) => `Area type year ${y}; deprivation weights ${w}`,
      low: (pct: string) => `Flag low coverage below ${pct} %`,
      gapForm: { familjecentral_only: 'Gaps: family centres only count', both: 'Gaps: family centres and family-centre-like services count' } as Record<string, string>,
      services: (k: number) => `Services recorded by the planner for ${k} ${k === 1 ? 'site' : 'sites'}`,
      data: 'Data',
    },
    ranking: {
      against: 'Each candidate is scored against today (added alone)',
      weights: (w: Record<string, number>, dep: number, walk: number) =>
        `Criterion weights: reach ${w.reach}, new reach ${w.newReach}, need ${w.deprivation}, travel time ${w.travel}, public transport ${w.transit}; public transport: at least ${dep} departures per weekday, 0 points at ${walk} m`,
    },
  },
};

/** The strings of this module, for the completeness test. */
export const DESCRIBE_TEXT = TEXT;

/** Short name of a set: "I dag" / "Förslaget". */
export function siteSetName(key: SiteSetKey, lang: Lang = 'sv'): string {
  return TEXT[lang].setName[key];
}

/**
 * What a set counts, in words: "I dag: befintliga familjecentraler + planerade" or
 * "Förslaget: i dag + 3 kandidatplatser".
 */
export function siteSetLabel(info: SiteSetInfo, lang: Lang = 'sv'): string {
  const t = TEXT[lang];
  if (info.key === 'proposal') return `${t.setName.proposal}: ${t.todayPlus} + ${t.candidates(info.candidates)}`;
  const extra = (['planned', 'intent', 'family_unit'] as const).filter((k) => info.include[k]).map((k) => t.plus[k]);
  return `${t.setName.today}: ${[t.existing, ...extra].join(' + ')}`;
}

/** The leading words of the "no centre" and "uncertain form" reasons: when they hold ("i dag", "hösten 2019"). */
export interface GapHeadings {
  noCentre: string;
  formUncertain: string;
}

/**
 * The reasons of a kommun's gap flags, one per flag, in the flag order. `headings` replaces the
 * set's words ("Ingen familjecentral i dag") for another time, such as a documented snapshot.
 */
export function gapReasons(g: KommunGap, set: SiteSetKey, lang: Lang = 'sv', headings?: GapHeadings): string[] {
  const t = TEXT[lang];
  const head: GapHeadings = headings ?? { noCentre: t.noCentre[set], formUncertain: t.formUncertain[set] };
  return g.flags.map((f) => {
    if (f === 'no_centre') {
      const notes = [
        g.centres.family_unit ? t.familyUnits(g.centres.family_unit) : '',
        g.centres.planned - g.counted.planned + g.centres.intent - g.counted.intent > 0 ? t.notCounted(g.centres.planned - g.counted.planned, g.centres.intent - g.counted.intent) : '',
      ].filter(Boolean);
      return head.noCentre + (notes.length ? ` (${notes.join('; ')})` : '');
    }
    if (f === 'form_uncertain') return head.formUncertain;
    if (f === 'only_planned_or_intent') return t.onlyPlanned(g.counted.planned, g.counted.intent);
    return t.lowCoverage(formatPercent(g.coverage_share ?? 0, 1, lang), formatPercent(g.low_coverage_share, 1, lang));
  });
}

/** A change in percentage points with its sign: "+5,8 procentenheter". */
export function formatPoints(points: number | null, lang: Lang = 'sv', decimals = 1): string {
  if (points === null || !Number.isFinite(points)) return '–';
  const v = n(Math.abs(points), lang, decimals);
  const sign = points > 0.5 * 10 ** -decimals ? '+' : points < -0.5 * 10 ** -decimals ? '−' : '±';
  return TEXT[lang].points(`${sign}${v}`);
}

/** The travel model and its parameters in words. */
export function travelText(p: TravelParams, lang: Lang = 'sv'): string {
  const t = TEXT[lang].travel;
  switch (p.kind) {
    case 'straight':
      return t.straight(dec(p.speedKmh, lang));
    case 'road':
      return t.road({
        k1: dec(p.circuityBelow10, lang),
        k2: dec(p.circuity10to40, lang),
        k3: dec(p.circuityAbove40, lang),
        v1: dec(p.urbanSpeedKmh, lang),
        km: dec(p.urbanKm, lang),
        v2: dec(p.ruralSpeedKmh, lang),
        t: dec(p.terminalMinutes, lang),
      });
    case 'matrix':
      return t.matrix(p.source);
    case 'network':
      return t.network({ f: dec(p.speedFactor, lang), u: dec(p.urbanKmh, lang), r: dec(p.ruralKmh, lang), c: dec(p.accessCircuity, lang), a: dec(p.accessKmh, lang), t: dec(p.terminalMinutes, lang) });
  }
}

/** The stated assumptions of an analysis of one site set, one line each. */
export function assumptionLines(p: ScenarioParams, set: SiteSetInfo, dataYears: string, lang: Lang = 'sv'): string[] {
  const t = TEXT[lang].assume;
  const dw = Object.entries(p.deprivationWeights).map(([k, v]) => `${k}: ${dec(v, lang)}`).join(', ');
  return [
    `${t.sites}: ${siteSetLabel(set, lang)}`,
    t.threshold(p.thresholdMinutes),
    `${t.travel}: ${travelText(p.travel, lang)}`,
    t.demandLine(t.demand[p.demand]),
    t.omradestyp(p.omradestypYear, dw),
    projectionText(p, lang),
    needText(p, lang),
    t.low((p.lowCoverageShare * 100).toFixed(0)),
    t.gapForm[p.gapFormMode],
    ...(Object.keys(p.siteServices).length ? [t.services(Object.keys(p.siteServices).length)] : []),
    `${t.data}: ${dataYears}`,
  ];
}

/** The lines a candidate ranking states besides the assumptions. */
export function rankingLines(p: ScenarioParams, lang: Lang = 'sv'): string[] {
  const t = TEXT[lang].ranking;
  return [t.against, t.weights({ ...p.criterionWeights }, p.minDepartures, p.maxWalkM)];
}

/** Which year's children a figure counts, and — for a later year — the projection's source and assumption. */
export function projectionText(p: ScenarioParams, lang: Lang = 'sv'): string {
  const t = TEXT[lang].projection;
  const y = p.projection.year;
  if (y === 2025) return t.estimate;
  if (p.projection.source === 'scb') return t.scb(y);
  if (p.projection.source === 'trend') return t.trend(y, dec(p.projection.damping, lang));
  return t.imported(y, p.projection.imported?.fileName ?? '');
}

/** Names of the indicators in the needs index (sv, en). */
export const INDICATOR_NAMES: Record<Lang, Record<IndicatorKey, string>> = {
  sv: {
    low_economic_standard: 'låg ekonomisk standard',
    low_education: 'låg utbildning (ej eftergymnasial, 25–65 år)',
    low_employment: 'låg sysselsättning (20–64 år)',
    unemployment: 'arbetslöshet (20–64 år)',
    foreign_background: 'utländsk bakgrund',
    low_income: 'låg medianinkomst',
    single_households: 'ensamhushåll utan barn',
    rented_dwellings: 'hyresrätter',
  },
  en: {
    low_economic_standard: 'low economic standard',
    low_education: 'low education (no post-secondary, 25–65)',
    low_employment: 'low employment (20–64)',
    unemployment: 'unemployment (20–64)',
    foreign_background: 'foreign background',
    low_income: 'low median income',
    single_households: 'single-person households without children',
    rented_dwellings: 'rented dwellings',
  },
};

/**
 * What each indicator measures, its SCB table, years and caveats (shared data geo/SOURCES.md §7),
 * for the map layer's "Om indikatorerna".
 */
export const INDICATOR_DEFINITIONS: Record<Lang, Record<IndicatorKey, string>> = {
  sv: {
    low_economic_standard: 'Andel personer (alla åldrar) i hushåll under 60 % av rikets median för disponibel inkomst per konsumtionsenhet. SCB TAB6685, 2024; hela procent, så små DeSO ger grova steg.',
    low_education: 'Andel 25–65 år med eftergymnasial utbildning av dem med känd utbildningsnivå; behov = låg andel. SCB TAB6534, 2025.',
    low_employment: 'Förvärvsarbetande i procent av befolkningen 20–64 år; behov = låg andel. SCB TAB6680, 2024.',
    unemployment: 'Arbetslösa i procent av arbetskraften 20–64 år, registerbaserat (inte AKU). SCB TAB6680, 2024.',
    foreign_background: 'Andel utrikes födda eller födda i Sverige med två utrikes födda föräldrar. SCB TAB6571, 2025.',
    low_income: 'Median disponibel inkomst per konsumtionsenhet, tusen kr per år; behov = låg inkomst. SCB TAB6684, 2024.',
    single_households: 'Ensamstående utan barn i procent av alla hushåll (inte ensamstående föräldrar). SCB TAB6568, 2025.',
    rented_dwellings: 'Andel bostäder som är hyresrätter. SCB TAB6638, 2025.',
  },
  en: {
    low_economic_standard: 'Share of persons (all ages) in households below 60 % of the national median equivalised disposable income. SCB TAB6685, 2024; whole per cent, so small DeSO give coarse steps.',
    low_education: 'Share of 25–65-year-olds with post-secondary education among those with a known level; need = a low share. SCB TAB6534, 2025.',
    low_employment: 'Employed as a percentage of the population aged 20–64; need = a low share. SCB TAB6680, 2024.',
    unemployment: 'Unemployed as a percentage of the labour force aged 20–64, register-based (not the LFS). SCB TAB6680, 2024.',
    foreign_background: 'Share born abroad or born in Sweden to two foreign-born parents. SCB TAB6571, 2025.',
    low_income: 'Median equivalised disposable income, SEK thousand a year; need = a low income. SCB TAB6684, 2024.',
    single_households: 'Single persons without children as a percentage of all households (not single parents). SCB TAB6568, 2025.',
    rented_dwellings: 'Share of dwellings that are rented. SCB TAB6638, 2025.',
  },
};

/** How need weights demand, in words. */
export function needText(p: ScenarioParams, lang: Lang = 'sv'): string {
  const t = TEXT[lang].need;
  if (p.need.mode === 'none') return t.none;
  if (p.need.mode === 'index') {
    const used = INDICATOR_KEYS.filter((k) => p.need.components[k] > 0).map((k) => `${INDICATOR_NAMES[lang][k]} ${dec(p.need.components[k], lang)}`);
    return t.index(used.join(', '));
  }
  return t.omradestyp(Object.entries(p.deprivationWeights).map(([k, v]) => `${k}: ${dec(v, lang)}`).join(', '));
}
