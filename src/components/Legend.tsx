import { useState } from 'react';
import { formatNumber, STRINGS } from '../i18n';
import { legendSections, type LegendItem, type SizesLegendItem } from '../map/legendSpec';
import { STOP_COLOR, stopRadiusScale } from '../map/palette';
import { MAP_UI_WORDS } from '../i18n/mapui';
import { siteSetName } from '../i18n/describe';
import { mapSet } from '../state/selectors';
import { usePlanner } from '../state/store';
import { useCatchmentLegend, useNeedLegend } from './useDerived';

/** One legend entry, drawn from the same definition that exported images use. */
function ItemIcon({ it }: { it: LegendItem }) {
  switch (it.kind) {
    case 'swatch':
      return <span className="swatch" style={{ background: it.color }} />;
    case 'circle': {
      const size = Math.max(18, Math.ceil(2 * it.radius + it.strokeWidth + 1));
      return (
        <svg width={size} height={size} aria-hidden="true">
          <circle cx={size / 2} cy={size / 2} r={it.radius} fill={it.fill} stroke={it.stroke} strokeWidth={it.strokeWidth} />
        </svg>
      );
    }
    case 'sizes':
      return null;
    case 'line':
      return (
        <svg width="22" height="12" aria-hidden="true">
          <line x1="1" y1="6" x2="21" y2="6" stroke={it.color} strokeWidth="3" strokeDasharray={it.dash ? '5 3' : undefined} />
        </svg>
      );
    case 'symbol':
      return (
        <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true">
          <path d={it.symbol.path} fill={it.symbol.fill} stroke={it.symbol.stroke} strokeWidth={it.symbol.strokeWidth} strokeDasharray={it.symbol.dash?.join(' ')} />
        </svg>
      );
  }
}

/**
 * A graduated-circle size key (legendSpec's `sizes` item): each step's circle at its radius as
 * drawn on the map, side by side on a common bottom line, its value below.
 */
function SizeKey({ it }: { it: SizesLegendItem }) {
  const rMax = Math.max(0, ...it.steps.map((st) => st.radius));
  const pad = Math.ceil(it.strokeWidth);
  return (
    <li className="size-key" data-testid="size-key">
      <span className="size-key-label">{it.label}</span>
      <span className="hc-sizes">
        {it.steps.map((st) => (
          <span key={st.value} className="hc-size" data-value={st.value} data-radius={st.radius}>
            <svg width={2 * (st.radius + pad)} height={2 * (rMax + pad)} aria-hidden="true">
              <circle cx={st.radius + pad} cy={2 * rMax + pad - st.radius} r={st.radius} fill={it.fill} fillOpacity={0.9} stroke={it.stroke} strokeWidth={it.strokeWidth} />
            </svg>
            {st.label}
          </span>
        ))}
      </span>
    </li>
  );
}

/** Proportional circles with their values. */
function Sizes({ values, radius, color, opacity, lang }: { values: number[]; radius: (v: number) => number; color: string; opacity: number; lang: 'sv' | 'en' }) {
  return (
    <div className="hc-sizes">
      {values.map((v) => (
        <span key={v} className="hc-size">
          <svg width={radius(v) * 2 + 4} height={radius(v) * 2 + 4} aria-hidden="true">
            <circle cx={radius(v) + 2} cy={radius(v) + 2} r={radius(v)} fill={color} fillOpacity={opacity} stroke="#fff" />
          </svg>
          {formatNumber(v, 0, lang)}
        </span>
      ))}
    </div>
  );
}

/**
 * Legend for the visible layers. Its sections come from `legendSections`, which the PNG and
 * print exports draw too, so screen and paper always agree (the bus stops' sizes are added here).
 * `highlights`: include the marks of a selected candidate and of suggested sites (the main map
 * draws them); `heading`: false when the container names the legend itself.
 */
export function Legend({ maxListed, highlights = false, heading = true }: { maxListed: number; highlights?: boolean; heading?: boolean }) {
  const lang = usePlanner((st) => st.lang);
  const s = STRINGS[lang];
  const visible = usePlanner((st) => st.visible);
  const selected = usePlanner((st) => (st.selectedCandidate !== null && st.candidates.some((c) => c.id === st.selectedCandidate)));
  const suggested = usePlanner((st) => (st.suggestion?.suggested.length ?? 0) > 0);
  const unreachable = usePlanner((st) => (st.suggestUnreachable?.ids.length ?? 0) > 0);
  const needLegend = useNeedLegend();
  const catchmentLegend = useCatchmentLegend();
  const year = usePlanner((st) => st.params.omradestypYear);
  const shownSet = usePlanner(mapSet);
  const listingImport = usePlanner((st) => st.listingImport);
  const listingLabel = listingImport ? `${s.imported} ${listingImport.year}` : `${s.modelled} 2025`;
  const opts = { maxListed, highlights: highlights ? { selected, suggestions: suggested, unreachable } : undefined };

  return (
    <section className="panel legend" aria-label={heading ? undefined : s.legend} aria-labelledby={heading ? 'legend-h' : undefined} data-testid="legend">
      {heading && <h2 id="legend-h">{s.legend}</h2>}
      {legendSections(visible, year, s, lang, listingLabel, siteSetName(shownSet, lang), needLegend, catchmentLegend, opts).map((sec) => (
        <div className="legend-block" key={sec.layer} data-testid={`legend-${sec.layer}`}>
          {sec.title && <h3>{sec.title}</h3>}
          <ul>
            {sec.items.map((it) =>
              it.kind === 'sizes' ? (
                <SizeKey key={`sizes-${it.label}`} it={it} />
              ) : (
                <li key={it.label}>
                  <ItemIcon it={it} />
                  {it.label}
                </li>
              ),
            )}
          </ul>
          {sec.layer === 'stops' && <Sizes values={[10, 100, 400]} radius={(v) => stopRadiusScale(v)} color={STOP_COLOR} opacity={0.7} lang={lang} />}
        </div>
      ))}
    </section>
  );
}

const LEGEND_OPEN_KEY = 'fcp.legendOpen';

/** Whether the docked legend was left open (open at first and when storage is blocked). */
function savedLegendOpen(): boolean {
  try {
    return localStorage.getItem(LEGEND_OPEN_KEY) !== 'false';
  } catch {
    return true;
  }
}

/**
 * The legend docked in the sidebar, beside the map (never over it): a disclosure button folds it;
 * whether it is open is remembered in this browser (localStorage).
 */
export function LegendDock({ maxListed }: { maxListed: number }) {
  const lang = usePlanner((st) => st.lang);
  const s = STRINGS[lang];
  const [open, setOpenState] = useState(savedLegendOpen);
  const setOpen = (v: boolean) => {
    setOpenState(v);
    try {
      localStorage.setItem(LEGEND_OPEN_KEY, String(v));
    } catch {
      /* storage blocked: the choice is simply not remembered */
    }
  };
  return (
    <div className={`legend-dock ${open ? 'open' : 'closed'}`} data-testid="legend-dock">
      <h2 className="legend-dock-head">
        <button type="button" aria-expanded={open} aria-controls="legend-dock-body" data-testid="legend-toggle" title={MAP_UI_WORDS[lang].legendFold} onClick={() => setOpen(!open)}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> {s.legend}
        </button>
      </h2>
      <div id="legend-dock-body" className="legend-dock-body" hidden={!open}>
        <Legend maxListed={maxListed} highlights heading={false} />
      </div>
    </div>
  );
}
