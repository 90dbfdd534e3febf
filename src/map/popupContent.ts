import { formatNumber, type Strings, type Lang } from '../i18n';
import { escapeHtml } from '../io/escape';
import { INDICATOR_KEYS, INDICATORS } from '../domain/need/indicators';
import { needWeight } from '../domain/need/needIndex';
import { indicatorMeasure } from './needClasses';

/**
 * HTML for map hover/click popups. Pure functions: every data string is escaped here, and
 * every figure carries its year and source. `kind` names the layer family the feature came from.
 */
export type PopupKind = 'kommun' | 'regso' | 'deso' | 'grid' | 'healthCentre' | 'familyCentre' | 'candidate' | 'stop' | 'tatort';

type Props = Record<string, unknown>;

const n = (v: unknown) => (typeof v === 'number' ? v : Number(v));

function row(label: string, value: string, note = ''): string {
  return `<tr><th scope="row">${escapeHtml(label)}</th><td>${value}${note ? ` <span class="note">(${escapeHtml(note)})</span>` : ''}</td></tr>`;
}

function table(title: string, subtitle: string, rows: string[], source: string, s: Strings): string {
  return (
    `<div class="popup"><div class="popup-title">${escapeHtml(title)}</div>` +
    (subtitle ? `<div class="popup-sub">${escapeHtml(subtitle)}</div>` : '') +
    `<table>${rows.join('')}</table>` +
    `<div class="popup-source">${escapeHtml(s.source)}: ${escapeHtml(source)}</div></div>`
  );
}

export function popupHtml(kind: PopupKind, p: Props, s: Strings, lang: Lang = 'sv', otYear: 2022 | 2023 = 2023): string {
  const fmt = (v: unknown, d = 0) => escapeHtml(formatNumber(n(v), d, lang));
  const ot = (v: unknown) => escapeHtml(s.omradestypLabels[n(v) as 1 | 2 | 3 | 4 | 5] ?? String(v));
  const otKey = otYear === 2022 ? 'omradestyp_2022' : 'omradestyp_2023';
  switch (kind) {
    case 'kommun':
      return table(
        String(p.kommun_name),
        `${s.popup.kommun} ${String(p.kommun_code)}`,
        [
          row(`${s.popup.population} 2025`, fmt(p.population)),
          row(`${s.popup.children06} 2025`, fmt(p.children_0_6), s.estimated),
          row(s.popup.area, `${fmt(p.area_km2)} km²`),
        ],
        s.sources.kommun,
        s,
      );
    case 'regso':
      return table(
        String(p.regso_name),
        `${s.popup.regso} ${String(p.regso_code)} · ${String(p.kommun_name)}`,
        [
          row(`${s.popup.omradestyp} ${otYear}`, ot(p[otKey])),
          row(`${s.popup.omradestyp} ${otYear === 2023 ? 2022 : 2023}`, ot(p[otYear === 2023 ? 'omradestyp_2022' : 'omradestyp_2023'])),
          row(`${s.popup.population} 2025`, fmt(p.population)),
          row(`${s.popup.children06} 2025`, fmt(p.children_0_6, 1), s.estimated),
          ...('need_index' in p
            ? [row(s.need.popupIndex, p.need_index === null || p.need_index === undefined ? escapeHtml(s.need.missingValue) : escapeHtml(formatNumber(n(p.need_index), 2, lang)), s.need.regsoIndexNote)]
            : []),
        ],
        s.sources.regso + '; ' + s.sources.deso,
        s,
      );
    case 'deso':
      return table(
        `${s.popup.deso} ${String(p.deso_code)}`,
        `${String(p.regso_name)} · ${String(p.kommun_name)}`,
        [
          row(`${s.popup.omradestyp} ${otYear}`, ot(p[otKey])),
          row(`${s.popup.population} 2025`, fmt(p.population)),
          row(`${s.popup.age04} 2025`, fmt(p.age_0_4)),
          row(`${s.popup.age59} 2025`, fmt(p.age_5_9)),
          row(`${s.popup.children06} 2025`, fmt(p.children_0_6, 1), s.estimated),
          row(`${s.popup.children06} ${s.popup.perKm2}`, fmt(p.children_per_km2, 1), s.estimated),
          row(`${s.popup.women1654} 2025`, fmt(p.women_16_54, 0), s.estimated),
          ...needRows(p, s, lang),
        ],
        `${s.sources.deso}; ${s.need.indexSource}`,
        s,
      );
    case 'grid':
      return table(
        s.popup.gridCell,
        `${String(p.id)} · ${s.popup.deso} ${String(p.deso_code)}`,
        [
          row(s.popup.population2021, fmt(p.population_2021)),
          row(`${s.popup.children06} 2025 (${s.popup.perKm2})`, fmt(p.children_0_6, 1), s.estimated),
          row(`${s.popup.omradestyp} ${otYear}`, ot(p[otKey])),
        ],
        s.sources.grid,
        s,
      );
    case 'healthCentre': {
      const src = String(p.listing_source) === 'imported' ? s.imported : s.modelled;
      const year = p.listing_year ? ` ${String(p.listing_year)}` : '';
      return table(
        String(p.name),
        `${String(p.kommun_name)} · ${s.popup.ownership}: ${s.ownership[p.ownership === 'private' ? 'private' : 'region']}`,
        [
          row(`${s.popup.listedChildren}${year}`, fmt(p.listed_children_0_6), src),
          ...(p.listed_women_16_54 !== null && p.listed_women_16_54 !== undefined && p.listed_women_16_54 !== ''
            ? [row(`${s.popup.listedWomen}${year}`, fmt(p.listed_women_16_54), src)]
            : []),
          ...(p.listed_change !== null && p.listed_change !== undefined && p.listed_change !== ''
            ? [row(`${s.popup.listedChange} ${String(p.listed_change_from)}→2025`, escapeHtml(`${n(p.listed_change) > 0 ? '+' : '−'}${formatNumber(Math.abs(n(p.listed_change)), 0, lang)}`), 'HSN 2026/4486')]
            : []),
          row(s.popup.coordPrecision, escapeHtml(s.precision[String(p.coord_precision)] ?? String(p.coord_precision))),
        ],
        `${s.sources.healthCentres}. ${String(p.listing_source) === 'imported' ? `${s.listing.importedNote} ${String(p.listing_file ?? '')}` : s.sources.listingModelled}`,
        s,
      );
    }
    case 'familyCentre':
      return table(
        String(p.name),
        `${String(p.kommun_name)} · ${s.popup.status}: ${s.status[p.status as keyof Strings['status']] ?? String(p.status)}`,
        [
          row(s.popup.coordPrecision, escapeHtml(s.precision[String(p.coord_precision)] ?? String(p.coord_precision))),
          ...(p.opened ? [row(s.popup.opened, escapeHtml(p.opened))] : []),
        ],
        s.sources.familyCentres,
        s,
      );
    case 'candidate':
      return table(String(p.name), `${s.candidateLabel} · ${String(p.id)}`, [], s.candidateSource, s);
    case 'stop':
      return table(
        String(p.name),
        String(p.kommun_name),
        [row(s.popup.departures, fmt(p.dep_weekday_avg, 1)), row(s.popup.lines, escapeHtml(p.lines))],
        s.sources.stops,
        s,
      );
    case 'tatort':
      return table(
        String(p.name),
        String(p.kommun_name),
        [row(`${s.popup.population} ${String(p.year)}`, fmt(p.population))],
        s.sources.tatorter,
        s,
      );
  }
}

/**
 * The needs rows of a DeSO popup: the index and its weight (when the map has one), then every
 * indicator with its year and SCB table; a value SCB does not give says so (never 0).
 */
function needRows(p: Props, s: Strings, lang: Lang): string[] {
  const out: string[] = [];
  if ('need_index' in p) {
    const idx = p.need_index;
    out.push(
      row(s.need.popupIndex, idx === null || idx === undefined ? escapeHtml(s.need.missingValue) : escapeHtml(formatNumber(n(idx), 2, lang))),
      row(s.need.popupWeight, escapeHtml(formatNumber(needWeight(idx === null || idx === undefined ? null : n(idx)), 2, lang))),
    );
  }
  for (const k of INDICATOR_KEYS) {
    const v = p[`ind_${k}`];
    const y = p[`ind_${k}_year`];
    const missing = v === null || v === undefined || v === '';
    out.push(row(indicatorMeasure(k, lang), missing ? escapeHtml(s.need.missingValue) : escapeHtml(formatNumber(n(v), 1, lang)), missing ? '' : `${INDICATORS[k].table}, ${String(y)}`));
  }
  return out;
}
