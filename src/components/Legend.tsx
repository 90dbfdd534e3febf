import { formatNumber, STRINGS } from '../i18n';
import { OMRADESTYP_VALUES, FAMILY_CENTRE_STATUSES } from '../domain/types';
import {
  ACCESS_BREAKS,
  ACCESS_COLORS,
  ACCESS_UNREACHABLE_COLOR,
  GAP_COLOR,
  DENSITY_BREAKS,
  DENSITY_COLORS,
  HEALTH_CENTRE_COLOR,
  OMRADESTYP_COLORS,
  STOP_COLOR,
  healthCentreRadiusScale,
  stopRadiusScale,
} from '../map/palette';
import { CANDIDATE_SYMBOL, FAMILY_CENTRE_SYMBOLS } from '../map/symbols';
import { usePlanner } from '../state/store';

/** Legend for the visible layers; symbols and colours come from the same definitions as the map. */
export function Legend({ maxListed }: { maxListed: number }) {
  const lang = usePlanner((st) => st.lang);
  const s = STRINGS[lang];
  const visible = usePlanner((st) => st.visible);
  const year = usePlanner((st) => st.omradestypYear);
  const listingImport = usePlanner((st) => st.listingImport);
  const r = healthCentreRadiusScale(maxListed);
  const refValues = [100, 500, 1000].filter((v) => v <= maxListed * 1.2);
  const fmt = (v: number) => formatNumber(v, v < 1 ? 1 : 0, lang);

  return (
    <section className="panel legend" aria-labelledby="legend-h" data-testid="legend">
      <h2 id="legend-h">{s.legend}</h2>
      {visible.omradestyp && (
        <div className="legend-block">
          <h3>
            {s.omradestypTitle} {year} (RegSO)
          </h3>
          <ul>
            {OMRADESTYP_VALUES.map((t) => (
              <li key={t} data-testid={`legend-ot-${t}`}>
                <span className="swatch" style={{ background: OMRADESTYP_COLORS[t] }} />
                {s.omradestypLabels[t]}
              </li>
            ))}
          </ul>
        </div>
      )}
      {visible.density && (
        <div className="legend-block">
          <h3>{s.densityTitle}</h3>
          <ul>
            {DENSITY_COLORS.map((c, i) => (
              <li key={c}>
                <span className="swatch" style={{ background: c }} />
                {i === 0
                  ? `< ${fmt(DENSITY_BREAKS[0])}`
                  : i === DENSITY_COLORS.length - 1
                    ? `≥ ${fmt(DENSITY_BREAKS[i - 1])}`
                    : `${fmt(DENSITY_BREAKS[i - 1])}–${fmt(DENSITY_BREAKS[i])}`}
              </li>
            ))}
          </ul>
        </div>
      )}
      {visible.access && (
        <div className="legend-block" data-testid="legend-access">
          <h3>{s.access} (min)</h3>
          <ul>
            {ACCESS_COLORS.map((c, i) => (
              <li key={c}>
                <span className="swatch" style={{ background: c }} />
                {i === 0 ? `< ${ACCESS_BREAKS[0]}` : i === ACCESS_COLORS.length - 1 ? `≥ ${ACCESS_BREAKS[i - 1]}` : `${ACCESS_BREAKS[i - 1]}–${ACCESS_BREAKS[i]}`}
              </li>
            ))}
            <li>
              <span className="swatch" style={{ background: ACCESS_UNREACHABLE_COLOR }} />
              {s.accessUnreachable}
            </li>
          </ul>
        </div>
      )}
      {visible.gaps && (
        <div className="legend-block">
          <ul>
            <li>
              <svg width="22" height="12" aria-hidden="true">
                <line x1="1" y1="6" x2="21" y2="6" stroke={GAP_COLOR} strokeWidth="3" strokeDasharray="5 3" />
              </svg>
              {s.gaps}
            </li>
          </ul>
        </div>
      )}
      {visible.healthCentres && (
        <div className="legend-block">
          <h3>
            {s.healthCentreTitle} ({listingImport ? `${s.imported} ${listingImport.year}` : `${s.modelled} 2025`})
          </h3>
          <div className="hc-sizes">
            {refValues.map((v) => (
              <span key={v} className="hc-size">
                <svg width={r(v) * 2 + 4} height={r(v) * 2 + 4} aria-hidden="true">
                  <circle cx={r(v) + 2} cy={r(v) + 2} r={r(v)} fill={HEALTH_CENTRE_COLOR} fillOpacity={0.9} stroke="#fff" />
                </svg>
                {formatNumber(v, 0, lang)}
              </span>
            ))}
          </div>
          <ul>
            <li>
              <svg width="18" height="18" aria-hidden="true">
                <circle cx="9" cy="9" r="7" fill={HEALTH_CENTRE_COLOR} stroke="#fff" strokeWidth="1.5" />
              </svg>
              {s.ownership.region}
            </li>
            <li>
              <svg width="18" height="18" aria-hidden="true">
                <circle cx="9" cy="9" r="6" fill="#fff" stroke={HEALTH_CENTRE_COLOR} strokeWidth="3" />
              </svg>
              {s.ownership.private}
            </li>
          </ul>
        </div>
      )}
      {visible.familyCentres && (
        <div className="legend-block">
          <h3>{s.familyCentreTitle}</h3>
          <ul>
            {FAMILY_CENTRE_STATUSES.map((st) => {
              const d = FAMILY_CENTRE_SYMBOLS[st];
              return (
                <li key={st} data-testid={`legend-fc-${st}`}>
                  <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true">
                    <path d={d.path} fill={d.fill} stroke={d.stroke} strokeWidth={d.strokeWidth} strokeDasharray={d.dash?.join(' ')} />
                  </svg>
                  {s.status[st]}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {visible.candidates && (
        <div className="legend-block">
          <ul>
            <li data-testid="legend-candidate">
              <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true">
                <path d={CANDIDATE_SYMBOL.path} fill={CANDIDATE_SYMBOL.fill} stroke={CANDIDATE_SYMBOL.stroke} strokeWidth={CANDIDATE_SYMBOL.strokeWidth} />
              </svg>
              {s.candidateLabel}
            </li>
            <li>
              <span className="suggest-marker legend-marker">1</span>
              {s.suggest.title}
            </li>
          </ul>
        </div>
      )}
      {visible.stops && (
        <div className="legend-block">
          <h3>{s.stopsTitle}</h3>
          <div className="hc-sizes">
            {[10, 100, 400].map((v) => (
              <span key={v} className="hc-size">
                <svg width={stopRadiusScale(v) * 2 + 4} height={stopRadiusScale(v) * 2 + 4} aria-hidden="true">
                  <circle cx={stopRadiusScale(v) + 2} cy={stopRadiusScale(v) + 2} r={stopRadiusScale(v)} fill={STOP_COLOR} fillOpacity={0.7} />
                </svg>
                {formatNumber(v, 0, lang)}
              </span>
            ))}
          </div>
        </div>
      )}
      {visible.tatorter && (
        <div className="legend-block">
          <ul>
            <li>
              <svg width="14" height="14" aria-hidden="true">
                <circle cx="7" cy="7" r="4" fill="#fff" stroke="#444" strokeWidth="1.5" />
              </svg>
              {s.tatortTitle}
            </li>
          </ul>
        </div>
      )}
    </section>
  );
}
