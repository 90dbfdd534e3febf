import type { Strings } from '../i18n';
import { formatNumber, type Lang } from '../i18n';
import type { FamilyCentreStatus, OmradestypYear } from '../domain/types';
import { FAMILY_CENTRE_STATUSES, OMRADESTYP_VALUES } from '../domain/types';
import type { LayerKey } from './layers';
import { MAP_UI_WORDS } from '../i18n/mapui';
import { HIGHLIGHT_ADDED_COLOR, HIGHLIGHT_COLOR, SELECTED_RING, UNREACHABLE_COLOR } from './highlightStyle';
import { ACCESS_BREAKS, ACCESS_COLORS, ACCESS_UNREACHABLE_COLOR, CATCHMENT_COLORS, CATCHMENT_NONE_COLOR, DENSITY_BREAKS, DENSITY_COLORS, GAP_COLOR, HEALTH_CENTRE_COLOR, OMRADESTYP_COLORS, ROAD_BUS_COLOR, ROAD_LINK_COLOR, ROAD_SPEED_BREAKS, ROAD_SPEED_COLORS, STOP_COLOR, healthCentreRadiusScale } from './palette';
import { CANDIDATE_SYMBOL, FAMILY_CENTRE_SYMBOLS, type SymbolDef } from './symbols';

export type LegendItem =
  | { kind: 'swatch'; color: string; label: string }
  | { kind: 'circle'; fill: string; stroke: string; strokeWidth: number; radius: number; label: string }
  | { kind: 'symbol'; symbol: SymbolDef; label: string }
  | { kind: 'line'; color: string; dash: boolean; label: string }
  /**
   * A size key for graduated circles: `steps` are values with their radius in CSS px as drawn on
   * the map and their formatted label; `label` is the key's caption.
   */
  | { kind: 'sizes'; fill: string; stroke: string; strokeWidth: number; steps: { value: number; radius: number; label: string }[]; label: string };

/** The size key's item (LegendItem of kind 'sizes'). */
export type SizesLegendItem = Extract<LegendItem, { kind: 'sizes' }>;

export interface LegendSection {
  /** The layer the section explains ('highlight': the selection and suggestion marks). */
  layer: LayerKey | 'highlight';
  title: string;
  items: LegendItem[];
}

const range = (breaks: readonly number[], i: number, n: number, lang: Lang) => {
  const f = (v: number) => formatNumber(v, v < 1 ? 1 : 0, lang);
  return i === 0 ? `< ${f(breaks[0])}` : i === n - 1 ? `≥ ${f(breaks[i - 1])}` : `${f(breaks[i - 1])}–${f(breaks[i])}`;
};

/** Listed children 0–6 shown in the health-centre size key (those ≤ the largest listing). */
export const HEALTH_CENTRE_SIZE_STEPS = [100, 500, 1000] as const;

/**
 * The health-centre size key: for each of HEALTH_CENTRE_SIZE_STEPS not above `maxListed` (listed
 * children 0–6 at the largest centre, the maximum the map layer's scale uses, see
 * healthCentreCollection), its radius in CSS px from healthCentreRadiusScale(maxListed) — the
 * circles' size on the map — and its label formatted for `lang`. Region-style circle (filled).
 */
export function healthCentreSizeKey(maxListed: number, lang: Lang): SizesLegendItem {
  const r = healthCentreRadiusScale(maxListed);
  return {
    kind: 'sizes',
    fill: HEALTH_CENTRE_COLOR,
    stroke: '#ffffff',
    strokeWidth: 1.5,
    steps: HEALTH_CENTRE_SIZE_STEPS.filter((v) => v <= maxListed).map((v) => ({ value: v, radius: r(v), label: formatNumber(v, 0, lang) })),
    label: MAP_UI_WORDS[lang].sizesLabel,
  };
}

/** Marks drawn over the layers: a selected candidate's highlight, suggested sites. */
export interface LegendHighlights {
  /** A candidate is selected (ring, reached DeSO outline, newly covered units). */
  selected?: boolean;
  /** Suggested sites are marked (numbered markers). */
  suggestions?: boolean;
  /** Demand no possible site reaches within T is marked (Föreslå). */
  unreachable?: boolean;
}

/** Extra inputs of `legendSections` (all optional; without them the entries are left out). */
export interface LegendOptions {
  /** Listed children 0–6 at the largest health centre: adds the size key to the health centres. */
  maxListed?: number;
  /** The highlight marks shown now: adds the highlight section. */
  highlights?: LegendHighlights;
}

/**
 * The legend's section for the marks drawn over the layers, as the map controller draws them
 * (selection ring, reached-DeSO outline, newly covered units, suggestion markers); null when none
 * is shown.
 */
export function highlightLegendSection(h: LegendHighlights, lang: Lang): LegendSection | null {
  const w = MAP_UI_WORDS[lang];
  const items: LegendItem[] = [];
  if (h.selected) {
    items.push(
      { kind: 'circle', fill: 'rgba(0,0,0,0)', stroke: HIGHLIGHT_COLOR, strokeWidth: SELECTED_RING.strokeWidth, radius: 8, label: w.selectedSite },
      { kind: 'line', color: HIGHLIGHT_COLOR, dash: false, label: w.reachedDeso },
      { kind: 'swatch', color: HIGHLIGHT_ADDED_COLOR, label: w.addedUnits },
    );
  }
  if (h.suggestions) items.push({ kind: 'circle', fill: HIGHLIGHT_COLOR, stroke: '#ffffff', strokeWidth: 2, radius: 9, label: w.suggestedSites });
  if (h.unreachable) items.push({ kind: 'swatch', color: UNREACHABLE_COLOR, label: w.unreachable });
  return items.length ? { layer: 'highlight', title: w.highlightTitle, items } : null;
}

/**
 * The legend of the visible layers as data, for the screen and for exported images. `setName`
 * names the site set the travel-time layer and the gap outlines show ("I dag", "Förslaget");
 * `need` is the need layer's section (needLegendSection), which depends on the scenario's index;
 * `opts` adds the health-centre size key and the highlight section.
 */
export function legendSections(visible: Record<LayerKey, boolean>, year: OmradestypYear, s: Strings, lang: Lang, listingLabel: string, setName?: string, need?: LegendSection | null, catchments?: LegendSection | null, opts: LegendOptions = {}): LegendSection[] {
  const forSet = setName ? ` (${setName})` : '';
  const out: LegendSection[] = [];
  if (visible.omradestyp) {
    out.push({ layer: 'omradestyp', title: `${s.omradestypTitle} ${year} (RegSO)`, items: OMRADESTYP_VALUES.map((t) => ({ kind: 'swatch', color: OMRADESTYP_COLORS[t], label: s.omradestypLabels[t] })) });
  }
  if (visible.need && need) out.push(need);
  if (visible.catchments && catchments) out.push(catchments);
  if (visible.density) out.push({ layer: 'density', title: s.densityTitle, items: DENSITY_COLORS.map((c, i) => ({ kind: 'swatch', color: c, label: range(DENSITY_BREAKS, i, DENSITY_COLORS.length, lang) })) });
  if (visible.access) {
    out.push({
      layer: 'access',
      title: `${s.access} (min)${forSet}`,
      items: [...ACCESS_COLORS.map((c, i): LegendItem => ({ kind: 'swatch', color: c, label: range(ACCESS_BREAKS, i, ACCESS_COLORS.length, lang) })), { kind: 'swatch', color: ACCESS_UNREACHABLE_COLOR, label: s.accessUnreachable }],
    });
  }
  if (visible.roads) {
    out.push({
      layer: 'roads',
      title: s.roadsTitle,
      items: [
        ...ROAD_SPEED_COLORS.map((c, i): LegendItem => ({ kind: 'line', color: c, dash: false, label: `${s.roadSpeed} ${range(ROAD_SPEED_BREAKS, i, ROAD_SPEED_COLORS.length, lang)} km/h` })),
        { kind: 'line', color: ROAD_BUS_COLOR, dash: false, label: s.roadClass.bus },
        { kind: 'line', color: ROAD_BUS_COLOR, dash: true, label: s.roadClass.gap },
        { kind: 'line', color: ROAD_LINK_COLOR, dash: true, label: s.roadClass.link },
      ],
    });
  }
  if (visible.gaps) out.push({ layer: 'gaps', title: '', items: [{ kind: 'line', color: GAP_COLOR, dash: true, label: `${s.gaps}${forSet}` }] });
  if (visible.healthCentres) {
    out.push({
      layer: 'healthCentres',
      title: `${s.healthCentreTitle} (${listingLabel})`,
      items: [
        { kind: 'circle', fill: HEALTH_CENTRE_COLOR, stroke: '#ffffff', strokeWidth: 1.5, radius: 7, label: s.ownership.region },
        { kind: 'circle', fill: '#ffffff', stroke: HEALTH_CENTRE_COLOR, strokeWidth: 3, radius: 6, label: s.ownership.private },
        ...(opts.maxListed !== undefined ? [healthCentreSizeKey(opts.maxListed, lang)] : []),
      ],
    });
  }
  if (visible.familyCentres) {
    out.push({ layer: 'familyCentres', title: s.familyCentreTitle, items: FAMILY_CENTRE_STATUSES.map((st: FamilyCentreStatus) => ({ kind: 'symbol', symbol: FAMILY_CENTRE_SYMBOLS[st], label: s.status[st] })) });
  }
  if (visible.candidates) out.push({ layer: 'candidates', title: '', items: [{ kind: 'symbol', symbol: CANDIDATE_SYMBOL, label: s.candidateLabel }] });
  if (visible.stops) out.push({ layer: 'stops', title: '', items: [{ kind: 'circle', fill: STOP_COLOR, stroke: '#ffffff', strokeWidth: 0.5, radius: 5, label: s.stopsTitle }] });
  if (visible.tatorter) out.push({ layer: 'tatorter', title: '', items: [{ kind: 'circle', fill: '#ffffff', stroke: '#444444', strokeWidth: 1.5, radius: 4, label: s.tatortTitle }] });
  const marks = opts.highlights ? highlightLegendSection(opts.highlights, lang) : null;
  if (marks) out.push(marks);
  return out;
}

/**
 * The catchment layer's legend: one swatch per site with a catchment (its colour slot), in the
 * order of the catchments (most children first), then the units with no reachable site. `setName`
 * names the site set. Readable for ~20 sites: each row is the site's name and its children.
 */
export function catchmentLegendSection(
  centres: readonly { site_index: number; name: string; children_0_6: number }[],
  slots: ArrayLike<number>,
  unreachableChildren: number,
  s: Strings,
  lang: Lang,
  setName?: string,
): LegendSection {
  const items: LegendItem[] = centres
    .filter((c) => c.children_0_6 > 0)
    .map((c) => ({ kind: 'swatch', color: CATCHMENT_COLORS[slots[c.site_index]] ?? CATCHMENT_NONE_COLOR, label: `${c.name} (${formatNumber(c.children_0_6, 0, lang)})` }));
  if (unreachableChildren > 0) items.push({ kind: 'swatch', color: CATCHMENT_NONE_COLOR, label: `${s.catchment.unreachable} (${formatNumber(unreachableChildren, 0, lang)})` });
  return { layer: 'catchments', title: `${s.catchment.legendTitle}${setName ? ` (${setName})` : ''}, ${s.catchment.children.toLowerCase()}`, items };
}
