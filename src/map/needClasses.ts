import { scaleQuantile } from 'd3-scale';
import { cachedNeedIndex } from '../domain/need/demand';
import { regsoNeedIndex } from '../domain/need/regsoIndex';
import { INDICATORS, type DesoIndicators, type IndicatorKey } from '../domain/need/indicators';
import type { NeedComponents } from '../domain/need/needIndex';
import { formatNumber, type Lang, type Strings } from '../i18n';
import { INDICATOR_NAMES } from '../i18n/describe';
import type { LegendSection } from './legendSpec';

/**
 * Classes of the need layer (DeSO fill): the needs index in fixed half-standard-deviation steps,
 * or one indicator in quintiles over Dalarna's DeSO. Darker always means more need (so an
 * indicator where a low value is need, such as the employment rate, has its colours reversed).
 * A DeSO without a value is class −1, drawn grey and labelled "uppgift saknas" — never as zero.
 */
export type NeedLayerKey = 'index' | IndicatorKey;

/** ColorBrewer PuRd (colour-blind safe), light = little need. */
export const NEED_COLORS_6 = ['#f1eef6', '#d4b9da', '#c994c7', '#df65b0', '#dd1c77', '#980043'];
export const NEED_COLORS_5 = ['#f1eef6', '#d7b5d8', '#df65b0', '#dd1c77', '#980043'];
export const NEED_MISSING_COLOR = '#bdbdbd';
/** Index class breaks (standard deviations from the mean). */
export const NEED_INDEX_BREAKS = [-1, -0.5, 0, 0.5, 1];

export interface NeedClasses {
  key: NeedLayerKey;
  /** DeSO codes and their class (−1 = missing), same order. */
  ids: string[];
  classes: number[];
  /** The value per DeSO (index or the indicator in its unit), null = missing. */
  values: Map<string, number | null>;
  /** Upper class breaks, ascending (classes = breaks.length + 1). */
  breaks: number[];
  /** Colour per class (class order = ascending value). */
  colors: string[];
  /** The indicator's year(s) in the data (empty for the index). */
  years: number[];
  missing: number;
  /** The index per RegSO (population-weighted over its DeSO), for the index when DeSO populations are given. */
  regso: Map<string, number | null> | null;
}

function classOf(v: number, breaks: readonly number[]): number {
  let k = 0;
  while (k < breaks.length && v >= breaks[k]) k++;
  return k;
}

/** The classes of the need layer for the chosen index components or indicator. */
export function needClasses(
  indicators: readonly DesoIndicators[],
  components: NeedComponents,
  key: NeedLayerKey,
  deso?: readonly { deso_code: string; regso_code: string; population: number }[],
): NeedClasses {
  let values: Map<string, number | null>;
  let breaks: number[];
  let colors: string[];
  const years = new Set<number>();
  if (key === 'index') {
    values = cachedNeedIndex(indicators, components);
    breaks = NEED_INDEX_BREAKS;
    colors = NEED_COLORS_6;
  } else {
    values = new Map(indicators.map((d) => [d.deso_code, d.values[key]]));
    for (const d of indicators) if (d.years[key] !== null) years.add(d.years[key]!);
    const xs = [...values.values()].filter((v): v is number => v !== null);
    const q = xs.length ? scaleQuantile<number>().domain(xs).range([0, 1, 2, 3, 4]).quantiles() : [];
    // Rounded to one decimal so the legend states the breaks exactly as used.
    breaks = [...new Set(q.map((b) => Math.round(b * 10) / 10))];
    const c = NEED_COLORS_5.slice(0, breaks.length + 1);
    colors = INDICATORS[key].direction === 1 ? c : [...c].reverse();
  }
  const ids = indicators.map((d) => d.deso_code);
  const classes = ids.map((id) => {
    const v = values.get(id);
    return v === null || v === undefined ? -1 : classOf(v, breaks);
  });
  const regso = key === 'index' && deso ? regsoNeedIndex(deso, values) : null;
  return { key, ids, classes, values, breaks, colors, years: [...years].sort(), missing: classes.filter((c) => c < 0).length, regso };
}

const UNIT: Record<IndicatorKey, string> = {
  low_economic_standard: '%',
  low_education: '%',
  low_employment: '%',
  unemployment: '%',
  foreign_background: '%',
  low_income: 'tkr',
  single_households: '%',
  rented_dwellings: '%',
};

/** What the indicator column measures (the value shown, not the direction of need). */
const MEASURE: Record<Lang, Record<IndicatorKey, string>> = {
  sv: {
    low_economic_standard: 'andel med låg ekonomisk standard',
    low_education: 'andel med eftergymnasial utbildning, 25–65 år',
    low_employment: 'förvärvsfrekvens 20–64 år',
    unemployment: 'arbetslöshet 20–64 år',
    foreign_background: 'andel med utländsk bakgrund',
    low_income: 'median disponibel inkomst per konsumtionsenhet',
    single_households: 'andel ensamhushåll utan barn',
    rented_dwellings: 'andel hyresrätter',
  },
  en: {
    low_economic_standard: 'share with low economic standard',
    low_education: 'share with post-secondary education, 25–65',
    low_employment: 'employment rate 20–64',
    unemployment: 'unemployment 20–64',
    foreign_background: 'share with foreign background',
    low_income: 'median disposable income per consumption unit',
    single_households: 'share of single-person households without children',
    rented_dwellings: 'share of rented dwellings',
  },
};

/** The measured quantity and unit of an indicator, e.g. "förvärvsfrekvens 20–64 år (%)". */
export function indicatorMeasure(key: IndicatorKey, lang: Lang): string {
  return `${MEASURE[lang][key]} (${UNIT[key] === 'tkr' && lang === 'en' ? 'kSEK' : UNIT[key]})`;
}

/** The legend of the need layer: title with source and year, one item per class, then "missing". */
export function needLegendSection(c: NeedClasses, s: Strings, lang: Lang): LegendSection {
  const f = (v: number) => formatNumber(v, 1, lang);
  const n = c.colors.length;
  const label = (i: number) => (i === 0 ? `< ${f(c.breaks[0])}` : i === n - 1 ? `≥ ${f(c.breaks[i - 1])}` : `${f(c.breaks[i - 1])} – ${f(c.breaks[i])}`);
  const title =
    c.key === 'index'
      ? `${s.need.indexTitle}. ${s.source}: ${s.need.indexSource}`
      : `${indicatorMeasure(c.key, lang)}; ${lang === 'sv' ? 'mörkare = större behov' : 'darker = more need'}. ${s.source}: ${INDICATORS[c.key].table}, ${c.years.join('–')}`;
  return {
    layer: 'need',
    title,
    items: [
      ...c.colors.map((color, i) => ({ kind: 'swatch' as const, color, label: n === 1 ? f(c.breaks[0] ?? 0) : label(i) })),
      { kind: 'swatch' as const, color: NEED_MISSING_COLOR, label: `${s.need.missingValue}${c.missing ? ` (${formatNumber(c.missing, 0, lang)} DeSO)` : ''}` },
    ],
  };
}

/** Names of what the need layer can show, for the layer panel. */
export function needLayerLabel(key: NeedLayerKey, s: Strings, lang: Lang): string {
  return key === 'index' ? s.need.layerIndex : INDICATOR_NAMES[lang][key];
}
