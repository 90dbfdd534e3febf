import type { Strings } from '../i18n';
import { formatNumber, type Lang } from '../i18n';
import type { FamilyCentreStatus, OmradestypYear } from '../domain/types';
import { FAMILY_CENTRE_STATUSES, OMRADESTYP_VALUES } from '../domain/types';
import type { LayerKey } from './layers';
import { ACCESS_BREAKS, ACCESS_COLORS, ACCESS_UNREACHABLE_COLOR, CATCHMENT_COLORS, CATCHMENT_NONE_COLOR, DENSITY_BREAKS, DENSITY_COLORS, GAP_COLOR, HEALTH_CENTRE_COLOR, OMRADESTYP_COLORS, ROAD_BUS_COLOR, ROAD_LINK_COLOR, ROAD_SPEED_BREAKS, ROAD_SPEED_COLORS, STOP_COLOR } from './palette';
import { CANDIDATE_SYMBOL, FAMILY_CENTRE_SYMBOLS, type SymbolDef } from './symbols';

export type LegendItem =
  | { kind: 'swatch'; color: string; label: string }
  | { kind: 'circle'; fill: string; stroke: string; strokeWidth: number; radius: number; label: string }
  | { kind: 'symbol'; symbol: SymbolDef; label: string }
  | { kind: 'line'; color: string; dash: boolean; label: string };

export interface LegendSection {
  /** The layer the section explains. */
  layer: LayerKey;
  title: string;
  items: LegendItem[];
}

const range = (breaks: readonly number[], i: number, n: number, lang: Lang) => {
  const f = (v: number) => formatNumber(v, v < 1 ? 1 : 0, lang);
  return i === 0 ? `< ${f(breaks[0])}` : i === n - 1 ? `≥ ${f(breaks[i - 1])}` : `${f(breaks[i - 1])}–${f(breaks[i])}`;
};

/**
 * The legend of the visible layers as data, for the screen and for exported images. `setName`
 * names the site set the travel-time layer and the gap outlines show ("I dag", "Förslaget");
 * `need` is the need layer's section (needLegendSection), which depends on the scenario's index.
 */
export function legendSections(visible: Record<LayerKey, boolean>, year: OmradestypYear, s: Strings, lang: Lang, listingLabel: string, setName?: string, need?: LegendSection | null, catchments?: LegendSection | null): LegendSection[] {
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
      ],
    });
  }
  if (visible.familyCentres) {
    out.push({ layer: 'familyCentres', title: s.familyCentreTitle, items: FAMILY_CENTRE_STATUSES.map((st: FamilyCentreStatus) => ({ kind: 'symbol', symbol: FAMILY_CENTRE_SYMBOLS[st], label: s.status[st] })) });
  }
  if (visible.candidates) out.push({ layer: 'candidates', title: '', items: [{ kind: 'symbol', symbol: CANDIDATE_SYMBOL, label: s.candidateLabel }] });
  if (visible.stops) out.push({ layer: 'stops', title: '', items: [{ kind: 'circle', fill: STOP_COLOR, stroke: '#ffffff', strokeWidth: 0.5, radius: 5, label: s.stopsTitle }] });
  if (visible.tatorter) out.push({ layer: 'tatorter', title: '', items: [{ kind: 'circle', fill: '#ffffff', stroke: '#444444', strokeWidth: 1.5, radius: 4, label: s.tatortTitle }] });
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
