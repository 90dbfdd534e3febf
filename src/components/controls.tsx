import { DEFAULT_DEPRIVATION_WEIGHTS } from '../domain/scenario';
import { DEFAULT_NETWORK } from '../domain/network/router';
import { DEFAULT_ROAD, DEFAULT_STRAIGHT } from '../domain/travel';
import { STRINGS } from '../i18n';
import { usePlanner } from '../state/store';

/** The coverage threshold T (minutes), shared by every panel. */
export function ThresholdSlider({ testId = 'threshold' }: { testId?: string }) {
  const s = STRINGS[usePlanner((st) => st.lang)].analysis;
  const t = usePlanner((st) => st.params.thresholdMinutes);
  return (
    <div className="form-row">
      <label htmlFor={testId}>
        {s.threshold}: <strong data-testid={`${testId}-value`}>{t}</strong> {s.minutes}
      </label>
      <input id={testId} type="range" min={5} max={60} step={1} value={t} data-testid={testId} onChange={(e) => usePlanner.getState().setParams({ thresholdMinutes: Number(e.target.value) })} />
    </div>
  );
}

/** Travel model choice (road network / modelled road / straight line / imported matrix). */
export function TravelModelSelect({ testId = 'travel-model' }: { testId?: string }) {
  const a = STRINGS[usePlanner((st) => st.lang)].analysis;
  const travel = usePlanner((st) => st.params.travel);
  const matrix = usePlanner((st) => st.matrix);
  const setParams = usePlanner.getState().setParams;
  return (
    <div className="form-row">
      <label>
        {a.travelModel}{' '}
        <select
          data-testid={testId}
          value={travel.kind}
          onChange={(e) => {
            const k = e.target.value;
            if (k === 'network') setParams({ travel: DEFAULT_NETWORK });
            else if (k === 'road') setParams({ travel: DEFAULT_ROAD });
            else if (k === 'straight') setParams({ travel: DEFAULT_STRAIGHT });
            else setParams({ travel: { kind: 'matrix', source: matrix?.fileName ?? '' } });
          }}
        >
          <option value="network">{a.travel.network}</option>
          <option value="road">{a.travel.road}</option>
          <option value="straight">{a.travel.straight}</option>
          <option value="matrix">{a.travel.matrix}</option>
        </select>
      </label>
    </div>
  );
}

/** Deprivation weight per områdestyp, editable; "all 1" turns the weighting off. */
export function DeprivationWeights({ prefix = 'depw' }: { prefix?: string }) {
  const lang = usePlanner((st) => st.lang);
  const s = STRINGS[lang];
  const t = s.suggest;
  const weights = usePlanner((st) => st.params.deprivationWeights);
  const setParams = usePlanner.getState().setParams;
  return (
    <fieldset className="weights" data-testid={`${prefix}-weights`}>
      <legend>{t.weights}</legend>
      {([1, 2, 3, 4, 5] as const).map((k) => (
        <label key={k} title={s.omradestypLabels[k]}>
          {k}:{' '}
          <input
            type="number"
            min={0}
            step={0.25}
            value={weights[k]}
            data-testid={`${prefix}-${k}`}
            onChange={(e) => {
              const v = Number(e.target.value);
              if (Number.isFinite(v) && v >= 0) setParams({ deprivationWeights: { ...weights, [k]: v } });
            }}
          />
        </label>
      ))}
      <button type="button" className="link" data-testid={`${prefix}-ones`} onClick={() => setParams({ deprivationWeights: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 } })}>
        {t.allOnes}
      </button>{' '}
      <button type="button" className="link" onClick={() => setParams({ deprivationWeights: DEFAULT_DEPRIVATION_WEIGHTS })}>
        {t.defaults}
      </button>
      <div className="hint">{t.weighting}</div>
    </fieldset>
  );
}
