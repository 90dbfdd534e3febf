import { STRINGS } from '../i18n';
import { FILL_LAYERS, isFillLayer, shownFill, type LayerKey } from '../map/layers';
import { MAP_UI_WORDS } from '../i18n/mapui';
import { usePlanner } from '../state/store';
import { INDICATOR_KEYS } from '../domain/need/indicators';
import { needLayerLabel, type NeedLayerKey } from '../map/needClasses';
import { INDICATOR_DEFINITIONS, INDICATOR_NAMES } from '../i18n/describe';

const NEED_LAYER_KEYS: NeedLayerKey[] = ['index', ...INDICATOR_KEYS];

/** The point and line layers (checkboxes, any number on), after the area fills (one at a time). */
const OVERLAYS: LayerKey[] = ['gaps', 'roads', 'healthCentres', 'familyCentres', 'candidates', 'stops', 'tatorter', 'kommuner'];

export function LayerPanel() {
  const lang = usePlanner((st) => st.lang);
  const s = STRINGS[lang];
  const needLayer = usePlanner((st) => st.needLayer);
  const setNeedLayer = usePlanner((st) => st.setNeedLayer);
  const visible = usePlanner((st) => st.visible);
  const setVisible = usePlanner((st) => st.setVisible);
  const densityMode = usePlanner((st) => st.densityMode);
  const setDensityMode = usePlanner((st) => st.setDensityMode);
  const year = usePlanner((st) => st.params.omradestypYear);
  const setYear = usePlanner((st) => st.setOmradestypYear);
  const basemap = usePlanner((st) => st.basemap);
  const setBasemap = usePlanner((st) => st.setBasemap);
  const w = MAP_UI_WORDS[lang];
  const fill = shownFill(visible);
  const chooseFill = usePlanner((st) => st.setFill);

  /** A layer's row: its control (a radio for an area fill, else a checkbox) and its settings. */
  const row = (key: LayerKey) => (
    <li key={key}>
      <label>
        {isFillLayer(key) ? (
          <input type="radio" name="area-fill" data-testid={`toggle-${key}`} checked={fill === key} onChange={() => chooseFill(key)} />
        ) : (
          <input type="checkbox" data-testid={`toggle-${key}`} checked={visible[key]} onChange={(e) => setVisible(key, e.target.checked)} />
        )}{' '}
        {s.layer[key]}
      </label>
      {key === 'omradestyp' && (
        <div className="sub" role="radiogroup" aria-label={s.year}>
          {s.year}:{' '}
          {([2022, 2023] as const).map((y) => (
            <label key={y}>
              <input type="radio" name="ot-year" data-testid={`ot-year-${y}`} checked={year === y} onChange={() => setYear(y)} /> {y}
            </label>
          ))}
        </div>
      )}
      {key === 'need' && fill === 'need' && (
        <div className="sub">
          <label>
            {s.need.layerWhat}{' '}
            <select data-testid="need-layer" value={needLayer} onChange={(e) => setNeedLayer(e.target.value as NeedLayerKey)}>
              {NEED_LAYER_KEYS.map((k) => (
                <option key={k} value={k}>
                  {needLayerLabel(k, s, lang)}
                </option>
              ))}
            </select>
          </label>
          <details className="hint" data-testid="need-definitions">
            <summary>{s.need.definitions}</summary>
            <ul>
              {INDICATOR_KEYS.map((k) => (
                <li key={k}>
                  <strong>{INDICATOR_NAMES[lang][k]}:</strong> {INDICATOR_DEFINITIONS[lang][k]}
                </li>
              ))}
            </ul>
            <p>{s.need.definitionsNote}</p>
          </details>
        </div>
      )}
      {key === 'roads' && <div className="hint">{s.roadsNote}</div>}
      {key === 'density' && (
        <div className="sub" role="radiogroup" aria-label={s.densityBy}>
          {s.densityBy}:{' '}
          <label>
            <input type="radio" name="density-mode" data-testid="density-grid" checked={densityMode === 'grid'} onChange={() => setDensityMode('grid')} />{' '}
            {s.densityGrid}
          </label>
          <label>
            <input type="radio" name="density-mode" data-testid="density-deso" checked={densityMode === 'deso'} onChange={() => setDensityMode('deso')} />{' '}
            {s.densityDeso}
          </label>
        </div>
      )}
    </li>
  );

  return (
    <section className="panel" aria-labelledby="layers-h">
      <h2 id="layers-h">{s.layers}</h2>
      <fieldset className="fill-group" data-testid="fill-group">
        <legend>{w.fillGroup}</legend>
        <p className="hint">{w.fillGroupHint}</p>
        <ul className="layer-list">
          <li>
            <label>
              <input type="radio" name="area-fill" data-testid="toggle-fill-none" checked={fill === null} onChange={() => chooseFill(null)} /> {w.fillNone}
            </label>
          </li>
          {FILL_LAYERS.map(row)}
        </ul>
      </fieldset>
      <h3>{w.overlays}</h3>
      <ul className="layer-list">
        {OVERLAYS.map(row)}
        <li className="basemap">
          <label>
            <input type="checkbox" data-testid="toggle-basemap" checked={basemap} onChange={(e) => setBasemap(e.target.checked)} /> {s.layer.basemap}
          </label>
          <div className="hint">{s.basemapNote}</div>
        </li>
      </ul>
    </section>
  );
}
