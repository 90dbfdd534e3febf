import { formatNumber, STRINGS } from '../i18n';
import { legendSections, type LegendItem } from '../map/legendSpec';
import { HEALTH_CENTRE_COLOR, STOP_COLOR, healthCentreRadiusScale, stopRadiusScale } from '../map/palette';
import { siteSetName } from '../i18n/describe';
import { mapSet } from '../state/selectors';
import { usePlanner } from '../state/store';
import { useCatchmentLegend, useNeedLegend } from './useDerived';

/** One legend entry, drawn from the same definition that exported images use. */
function ItemIcon({ it }: { it: LegendItem }) {
  switch (it.kind) {
    case 'swatch':
      return <span className="swatch" style={{ background: it.color }} />;
    case 'circle':
      return (
        <svg width="18" height="18" aria-hidden="true">
          <circle cx="9" cy="9" r={it.radius} fill={it.fill} stroke={it.stroke} strokeWidth={it.strokeWidth} />
        </svg>
      );
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
 * print exports draw too, so screen and paper always agree; proportional-symbol sizes are added here.
 */
export function Legend({ maxListed }: { maxListed: number }) {
  const lang = usePlanner((st) => st.lang);
  const s = STRINGS[lang];
  const visible = usePlanner((st) => st.visible);
  const needLegend = useNeedLegend();
  const catchmentLegend = useCatchmentLegend();
  const year = usePlanner((st) => st.params.omradestypYear);
  const shownSet = usePlanner(mapSet);
  const listingImport = usePlanner((st) => st.listingImport);
  const listingLabel = listingImport ? `${s.imported} ${listingImport.year}` : `${s.modelled} 2025`;
  const hcRadius = healthCentreRadiusScale(maxListed);

  return (
    <section className="panel legend" aria-labelledby="legend-h" data-testid="legend">
      <h2 id="legend-h">{s.legend}</h2>
      {legendSections(visible, year, s, lang, listingLabel, siteSetName(shownSet, lang), needLegend, catchmentLegend).map((sec) => (
        <div className="legend-block" key={sec.layer} data-testid={`legend-${sec.layer}`}>
          {sec.title && <h3>{sec.title}</h3>}
          {sec.layer === 'healthCentres' && (
            <Sizes values={[100, 500, 1000].filter((v) => v <= maxListed * 1.2)} radius={hcRadius} color={HEALTH_CENTRE_COLOR} opacity={0.9} lang={lang} />
          )}
          <ul>
            {sec.items.map((it) => (
              <li key={it.label}>
                <ItemIcon it={it} />
                {it.label}
              </li>
            ))}
            {sec.layer === 'candidates' && (
              <li>
                <span className="suggest-marker legend-marker">1</span>
                {s.suggest.title}
              </li>
            )}
          </ul>
          {sec.layer === 'stops' && <Sizes values={[10, 100, 400]} radius={(v) => stopRadiusScale(v)} color={STOP_COLOR} opacity={0.7} lang={lang} />}
        </div>
      ))}
    </section>
  );
}
