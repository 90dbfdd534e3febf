import type { FairnessRow } from '../../domain/fairness';
import { changeInPoints, type KeyFigures } from '../../domain/keyFigures';
import { formatNumber, formatPercent, type Lang, type Strings } from '../../i18n';
import { formatPoints, siteSetLabel } from '../../i18n/describe';
import { isoDate } from '../../io/exports';
import type { ComposeSpec, FairnessChartSpec } from '../../map/exportPng';
import { composeMap } from '../../map/exportPng';
import type { LegendSection } from '../../map/legendSpec';
import type { MapData, MapViewState } from '../../map/layers';
import { OffscreenMaps } from '../../map/offscreen';

/** Output sizes: slides and print at 300 dpi (A4 297 × 210 mm, A3 420 × 297 mm, landscape). */
export const SIZES = {
  slide: { width: 1920, height: 1080 },
  a4: { width: 3508, height: 2480 },
  a3: { width: 4961, height: 3508 },
} as const;
export type SizeKey = keyof typeof SIZES;

/**
 * Key figures as label/value lines; with `before` (today), values read "today → proposal" and the
 * coverage line is followed by its change in percentage points.
 */
export function keyFigureLines(key: KeyFigures, s: Strings, lang: Lang, before?: KeyFigures | null): { label: string; value: string }[] {
  const p = s.present;
  const pct = (v: number | null) => (v === null ? '–' : formatPercent(v, 1, lang));
  const pair = (a: string, b: string) => (before ? `${a} → ${b}` : b);
  return [
    {
      label: key.year === 2025 && (!before || before.year === 2025) ? p.children : p.childrenYears(before && before.year !== key.year ? `${before.year} → ${key.year}` : String(key.year)),
      value: before && before.year !== key.year ? `${formatNumber(before.children_0_6, 0, lang)} → ${formatNumber(key.children_0_6, 0, lang)}` : formatNumber(key.children_0_6, 0, lang),
    },
    { label: `${p.within} ${key.thresholdMinutes} min`, value: pair(pct(before?.coverage_share ?? null), pct(key.coverage_share)) },
    ...(before ? [{ label: p.change, value: formatPoints(changeInPoints(before.coverage_share, key.coverage_share), lang) }] : []),
    { label: p.without, value: pair(String(before?.kommuner_without_centre ?? ''), String(key.kommuner_without_centre)) },
    { label: p.ot12, value: pair(pct(before?.coverage_share_ot12 ?? null), pct(key.coverage_share_ot12)) },
  ];
}

/** The sites the figures count, in words (one line per set). */
export function sitesCountedLine(key: KeyFigures, lang: Lang, before?: KeyFigures | null): string {
  // The same sites in two years: name them once.
  if (before && before.year !== key.year && before.siteSet.key === key.siteSet.key) return siteSetLabel(key.siteSet, lang);
  return (before ? [before, key] : [key]).map((k) => siteSetLabel(k.siteSet, lang)).join(' → ');
}

export function fairnessSpec(rows: FairnessRow[], s: Strings): FairnessChartSpec {
  return {
    title: s.present.fairness,
    rows: rows.map((r) => ({ label: String(r.omradestyp), centreShare: r.centre_share, childrenShare: r.children_share })),
    centreLabel: s.present.centresShare,
    childrenLabel: s.present.childrenShare,
  };
}

export interface PresentationImageInput {
  mapData: MapData;
  state: MapViewState;
  gapCodes: string[];
  bbox: [number, number, number, number];
  title: string;
  subtitle: string;
  scenario: string;
  legend: LegendSection[];
  key: KeyFigures;
  before: KeyFigures | null;
  fairness: FairnessRow[];
  strings: Strings;
  lang: Lang;
  size: SizeKey;
}

/**
 * The presentation composed at an exact pixel size: map rendered off screen at the matching
 * resolution, with title, subtitle, legend, scale bar, north arrow, key figures, the fairness
 * chart, and sources, scenario name and date.
 */
export async function presentationImage(input: PresentationImageInput): Promise<HTMLCanvasElement> {
  const { width, height } = SIZES[input.size];
  const u = width / 1600;
  // The map area of composeMap's layout, in output pixels.
  const titleH = 64 * u;
  const footerH = (3 * 15 + 12) * u; // three footer lines: sites counted, sources, scenario and date
  const mapW = width - 300 * u - 16 * u * 3;
  const mapH = height - titleH - footerH - 16 * u;
  const pr = u;
  const off = new OffscreenMaps(input.mapData, input.state, input.strings, input.lang, Math.round(mapW / pr), Math.round(mapH / pr), pr);
  try {
    await off.setGaps(input.gapCodes);
    const r = await off.render(input.bbox, 14);
    const spec: ComposeSpec = {
      title: input.title,
      subtitle: input.subtitle,
      legend: input.legend,
      keyFigures: keyFigureLines(input.key, input.strings, input.lang, input.before),
      keyFiguresTitle: input.before
        ? `${input.strings.present.keyFigures}: ${input.before.year !== input.key.year ? `${input.before.year} → ${input.key.year}` : `${input.strings.present.today} → ${input.strings.present.proposal}`}`
        : input.strings.present.keyFigures,
      fairness: fairnessSpec(input.fairness, input.strings),
      northArrow: true,
      footer: [
        `${input.strings.analysis.sitesCounted}: ${sitesCountedLine(input.key, input.lang, input.before)}`,
        input.strings.present.sources,
        `${input.strings.present.scenario}: ${input.scenario} · ${input.strings.present.date}: ${isoDate(new Date())} · ${input.strings.exportPanel.pngNote}`,
      ],
      width,
      height,
      scale: u,
    };
    return composeMap(r.canvas, spec, r.scaleBar, r.labels);
  } finally {
    off.destroy();
  }
}
