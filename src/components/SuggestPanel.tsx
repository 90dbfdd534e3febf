import { useMemo, useState } from 'react';
import { NO_CANDIDATES, type CandidateSetKind } from '../domain/optimise/candidateSets';
import type { ModelKind, SolveResult } from '../domain/optimise/problem';
import { compareText, formatNumber, formatPercent, STRINGS, type Lang } from '../i18n';
import { changeInPoints } from '../domain/keyFigures';
import { formatPoints, projectionText, siteSetLabel, siteSetName, travelText } from '../i18n/describe';
import { SUGGEST_WORDS } from '../i18n/suggestWords';
import type { ObjectiveMeasure } from '../domain/optimise/explain';
import type { TargetCap } from '../domain/optimise/reach';
import { ruleMessageText, solveMessageText } from '../i18n/messages';
import { useAnalysisRequest, useParamsWithoutWeights, kommunList } from '../state/selectors';
import { dataUrl } from '../io/appData';
import { LAZY_DATA_FILES } from '../io/dataManifest';
import { usePlanner } from '../state/store';
import { cancelOptimisation, Comlink, optimiseWorker } from '../worker/client';
import type { CurvePoint, OptimiseRequest, OptimiseResponse, UnreachableDemand } from '../worker/optimiseApi';
import { CoverageCurve } from './CoverageCurve';
import { appNeedInputs, useKommunNames } from './useDerived';
import { NeedWeightControl } from './NeedControls';
import '../styles/suggest.css';

let initialised: unknown = null;

/** The three county figures in the order the explanation lists them: the model's own first. */
function measureOrder(own: ObjectiveMeasure): ObjectiveMeasure[] {
  return [own, ...(['covered_children', 'mean_minutes', 'max_minutes'] as const).filter((m) => m !== own)];
}

/** The rule message's kommun codes (`group`, `groups`) as names, for the sentence. */
function withKommunNames(params: SolveResult['rule_message_params'], names: ReadonlyMap<string, string>): SolveResult['rule_message_params'] {
  if (!params) return params;
  const name = (v: string | number | undefined) => (v === undefined ? v : String(v).split(/,\s*/).map((c) => names.get(c) ?? c).join(', '));
  return { ...params, ...(params.group !== undefined ? { group: name(params.group)! } : {}), ...(params.groups !== undefined ? { groups: name(params.groups)! } : {}) };
}

/**
 * A solver message's example demand points (`examples`: unit ids such as 1 km grid ids) as the
 * kommuner they lie in, with how many of the examples each has: "Älvdalen (3), Malung-Sälen (2)".
 */
function withUnitKommuner(params: SolveResult['message_params'], unitKommun: ReadonlyMap<string, string>, names: ReadonlyMap<string, string>): SolveResult['message_params'] {
  if (!params || params.examples === undefined) return params;
  const counts = new Map<string, number>();
  for (const id of String(params.examples).split(/,\s*/)) {
    const k = unitKommun.get(id);
    const key = k ? (names.get(k) ?? k) : id;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { ...params, examples: [...counts].map(([k, n]) => `${k} (${n})`).join(', ') };
}

/** "Föreslå platser": exact site optimisation in a worker, with preview, cancel, adopt and a curve. */
export function SuggestPanel() {
  const lang = usePlanner((st) => st.lang);
  const s = STRINGS[lang];
  const t = s.suggest;
  const data = usePlanner((st) => st.data);
  const params = useParamsWithoutWeights();
  const req = useAnalysisRequest();
  const sets = usePlanner((st) => st.coverage);
  const candidates = usePlanner((st) => st.candidates);
  const suggestion = usePlanner((st) => st.suggestion);
  const { setSuggestion, addCandidates, setSuggestUnreachable } = usePlanner.getState();
  const w8 = SUGGEST_WORDS[lang];
  const [model, setModel] = useState<ModelKind>('mclp');
  const [p, setP] = useState(2);
  const [target, setTarget] = useState(90);
  const [set, setSet] = useState<CandidateSetKind>('healthCentres');
  const [timeLimit, setTimeLimit] = useState(20);
  const [robust, setRobust] = useState<'off' | 'maxmin' | 'weighted'>('off');
  const [alphaPct, setAlphaPct] = useState(50);
  const [perKommun, setPerKommun] = useState(false);
  const [minChildren, setMinChildren] = useState<number | null>(null);
  const [busy, setBusy] = useState<'solve' | 'curve' | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [curve, setCurve] = useState<CurvePoint[] | null>(null);
  /** What the last run found before solving: demand no possible site reaches within T, and the LSCP cap. */
  const [reach, setReach] = useState<{ u: UnreachableDemand; cap: TargetCap | null } | null>(null);
  const kommunName = useKommunNames();
  const unitKommun = useMemo(() => new Map([...(data?.demand.grid ?? []), ...(data?.demand.deso ?? [])].map((u) => [u.id, u.kommun_code])), [data]);
  if (!data) return null;

  const worker = async () => {
    const w = optimiseWorker();
    if (initialised !== w) {
      await w.init({
        roadGraphUrl: dataUrl(LAZY_DATA_FILES.roadGraph),
        need: appNeedInputs(data),
        demand: data.demand,
        familyCentres: data.familyCentres,
        healthCentres: data.healthCentres,
        tatorter: data.tatorter.features.map((f) => ({
          code: f.properties.tatort_code,
          name: f.properties.name,
          kommun_code: f.properties.kommun_code,
          lon: f.geometry.coordinates[0],
          lat: f.geometry.coordinates[1],
        })),
      });
      initialised = w;
    }
    return w;
  };
  const request = (): OptimiseRequest => {
    if (!req) throw new Error(s.analysis.noResultMatrix);
    return {
      model,
      p: model === 'lscp' ? undefined : p,
      targetShare: model === 'lscp' ? (target >= 100 ? undefined : target / 100) : undefined,
      candidateSet: set,
      plannerCandidates: candidates,
      params: req.params,
      matrix: req.matrix,
      forecast: req.forecast ?? null,
      timeLimitS: timeLimit,
      ...(model === 'mclp' && robust !== 'off' ? { robust: { mode: robust, alpha: alphaPct / 100, years: [2025, 2035] as [2025, 2035] } } : {}),
      ...(perKommun || minChildren ? { rules: { requireKommuner: perKommun ? kommunList(data).map((k) => k.kommun_code) : null, minChildren } } : {}),
    };
  };

  const run = async () => {
    setBusy('solve');
    setStatus(t.solving);
    setSuggestion(null);
    setReach(null);
    setSuggestUnreachable(null);
    const heard = (u: UnreachableDemand, cap: TargetCap | null) => {
      setReach({ u, cap });
      setSuggestUnreachable(u.ids.length > 0 ? { ids: u.ids, children: u.children, demand: u.demand } : null);
    };
    try {
      const w = await worker();
      let last = 0;
      const res = await w.optimise(
        request(),
        Comlink.proxy((r: SolveResult) => setStatus(`${t.preview} (${r.by_year ? formatPercent(r.objective, 1, lang) : formatNumber(r.objective, 1, lang)})`)),
        Comlink.proxy((done: number, total: number) => {
          // Road searches for the candidate set (network model, first run): show progress.
          const now = performance.now();
          if (now - last < 100 && done < total) return;
          last = now;
          setStatus(done < total ? `${s.analysis.searching} ${formatNumber(done, 0, lang)} / ${formatNumber(total, 0, lang)}` : t.solving);
        }),
        Comlink.proxy(heard),
      );
      heard(res.unreachable, res.targetCap);
      setSuggestion(res);
      setStatus(null);
    } catch (e) {
      setStatus(e instanceof Error ? (e.message === NO_CANDIDATES ? t.noCandidates : e.message) : String(e));
    } finally {
      setBusy(null);
    }
  };
  const runCurve = async () => {
    setBusy('curve');
    setCurve([]);
    try {
      const w = await worker();
      const pts: CurvePoint[] = [];
      await w.curve(request(), 8, Comlink.proxy((pt: CurvePoint) => {
        pts.push(pt);
        setCurve([...pts]);
      }));
    } catch (e) {
      setStatus(e instanceof Error ? (e.message === NO_CANDIDATES ? t.noCandidates : e.message) : String(e));
    } finally {
      setBusy(null);
    }
  };
  const cancel = () => {
    cancelOptimisation();
    initialised = null;
    setBusy(null);
    setStatus(t.cancelled);
  };

  const r = suggestion?.result;
  // While solving: what the worker heard before solving; afterwards (also after a tab switch) the answer's.
  const shownReach = reach ?? (suggestion ? { u: suggestion.unreachable, cap: suggestion.targetCap } : null);
  const t2 = (y: number) => s.need.yearOptions[y] ?? String(y);
  const fmt = (v: number | null | undefined, d = 0) => formatNumber(v, d, lang);

  return (
    <section className="panel" aria-labelledby="suggest-h" data-testid="suggest-panel">
      <h2 id="suggest-h">{t.title}</h2>
      <div className="form-row">
        <label>
          {t.model}{' '}
          <select value={model} data-testid="suggest-model" onChange={(e) => setModel(e.target.value as ModelKind)}>
            {(['mclp', 'pmedian', 'lscp', 'pcenter'] as const).map((k) => (
              <option key={k} value={k}>
                {t.models[k]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {model === 'lscp' ? (
        <div className="form-row">
          <label>
            {t.target} <input type="number" min={1} max={100} value={target} data-testid="suggest-target" onChange={(e) => setTarget(Math.min(100, Math.max(1, Number(e.target.value) || 90)))} />
          </label>
          <div className="hint">{t.allChildren}</div>
        </div>
      ) : (
        <div className="form-row">
          <label>
            {t.p} <input type="number" min={1} max={20} value={p} data-testid="suggest-p" onChange={(e) => setP(Math.min(20, Math.max(1, Math.round(Number(e.target.value) || 1))))} />
          </label>
        </div>
      )}
      <div className="form-row">
        <label>
          {t.candidateSet}{' '}
          <select value={set} data-testid="suggest-set" onChange={(e) => setSet(e.target.value as CandidateSetKind)}>
            {(['healthCentres', 'tatorter', 'planner', 'grid'] as const).map((k) => (
              <option key={k} value={k} disabled={k === 'planner' && candidates.length === 0}>
                {t.sets[k]}
                {k === 'planner' ? ` (${candidates.length})` : ''}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="hint">
        {t.thresholdNote}: {params.thresholdMinutes} min. {t.fixedNote}: {sets ? siteSetLabel(sets.today.siteSet, lang) : siteSetName('today', lang)}
        {sets && (
          <>
            {' '}(<span data-testid="suggest-today">{formatPercent(sets.today.county.coverage_share, 1, lang)}</span> {s.analysis.within.toLowerCase()} {params.thresholdMinutes} min)
          </>
        )}
        .
      </p>
      {sets && candidates.length > 0 && (
        <p className="hint" data-testid="suggest-scenario-proposal">
          {siteSetLabel(sets.proposal.siteSet, lang)}: {formatPercent(sets.proposal.county.coverage_share, 1, lang)}. {t.notCountedHere}
        </p>
      )}
      {model === 'mclp' && (
        <fieldset className="weights" data-testid="suggest-robust">
          <legend>{s.need.robust}</legend>
          {(['off', 'maxmin', 'weighted'] as const).map((k) => (
            <label key={k} className="inline">
              <input type="radio" name="robust" checked={robust === k} data-testid={`robust-${k}`} onChange={() => setRobust(k)} />{' '}
              {k === 'off' ? s.need.robustOff : k === 'maxmin' ? s.need.robustMaxmin : s.need.robustWeighted}
            </label>
          ))}
          {robust === 'weighted' && (
            <label className="param">
              {s.need.robustWeighted} (%)
              <input type="number" min={0} max={100} step={5} value={alphaPct} data-testid="robust-alpha" onChange={(e) => setAlphaPct(Math.min(100, Math.max(0, Number(e.target.value) || 0)))} />
            </label>
          )}
          <p className="hint">
            {s.need.robustNote} {robust !== 'off' && projectionText({ ...params, projection: { ...params.projection, year: 2035 } }, lang)}
            {robust !== 'off' && params.projection.source === 'trend' ? ` ${s.need.robustTrend}` : ''}
          </p>
        </fieldset>
      )}
      <fieldset className="weights" data-testid="suggest-rules">
        <legend>{t.rulesTitle}</legend>
        <label className="inline">
          <input type="checkbox" checked={perKommun} data-testid="rule-per-kommun" onChange={(e) => setPerKommun(e.target.checked)} /> {t.rulePerKommun}
        </label>
        <label className="param">
          {t.ruleMinChildren}
          <input
            type="number"
            min={0}
            step={10}
            value={minChildren ?? ''}
            placeholder={t.ruleNone}
            data-testid="rule-min-children"
            onChange={(e) => setMinChildren(e.target.value === '' ? null : Math.max(0, Number(e.target.value) || 0))}
          />
        </label>
        <p className="hint">{t.rulesNote}</p>
      </fieldset>
      <NeedWeightControl />
      <details className="solver-settings">
        <summary>{t.solverSettings}</summary>
        <label>
          {t.timeLimit} <input type="number" min={1} max={600} value={timeLimit} data-testid="suggest-time-limit" onChange={(e) => setTimeLimit(Math.max(1, Number(e.target.value) || 20))} />
        </label>
      </details>
      <div className="actions">
        <button type="button" data-testid="suggest-run" disabled={busy !== null} onClick={() => void run()}>
          {t.run}
        </button>{' '}
        <button type="button" data-testid="suggest-curve" disabled={busy !== null} onClick={() => void runCurve()}>
          {t.curveButton}
        </button>{' '}
        {busy && (
          <button type="button" data-testid="suggest-cancel" onClick={cancel}>
            {t.cancel}
          </button>
        )}
      </div>
      {status && (
        <p className="message" role="status" data-testid="suggest-status">
          {status}
        </p>
      )}
      {shownReach && shownReach.u.ids.length > 0 && (
        <p className="hint" data-testid="suggest-unreachable" data-units={shownReach.u.ids.length}>
          {w8.unreachable(shownReach.u.children, shownReach.u.ids.length, shownReach.u.demand, shownReach.u.threshold_minutes, lang)} {w8.possibleSites}
          {shownReach.cap?.capped && (
            <>
              ; <span data-testid="suggest-cap">{w8.cap(shownReach.cap.target, shownReach.cap.requested, lang)}</span>
            </>
          )}
          .{shownReach.cap?.capped && (suggestion?.params ?? params).need.mode !== 'none' ? ` ${w8.capWeighted}.` : ''}
        </p>
      )}
      {suggestion && r && (
        <div className="results" data-testid="suggest-result" data-status={r.status}>
          <p>
            <strong>{r.status === 'optimal' ? t.optimal : r.status === 'infeasible' ? t.infeasible : `${t.gapText}: ${r.gap === null ? '–' : formatPercent(r.gap, 2, lang)}`}</strong>
            {r.method === 'heuristic' && r.status !== 'infeasible' ? ` (${t.heuristicNote})` : ''} · {fmt(suggestion.candidatesConsidered)} {t.considered}
          </p>
          {suggestion.solverUnavailable && <p className="warning" data-testid="solver-unavailable">{t.solverUnavailable}</p>}
          {r.rule_message_code ? (
            <p className="warning" data-testid="suggest-rule-message">{ruleMessageText(r.rule_message_code, withKommunNames(r.rule_message_params, kommunName), lang)}</p>
          ) : (
            r.message_code && <p className="warning" data-testid="suggest-message">{solveMessageText(r.message_code, withUnitKommuner(r.message_params, unitKommun, kommunName), lang)}</p>
          )}
          {r.rules && (r.rules.groups_needed.length > 0 || r.rules.min_base_dropped.length > 0) && (
            <p className="hint" data-testid="suggest-rules-report">
              {r.rules.groups_needed.length > 0 && `${t.rulesNeeded}: ${r.rules.groups_needed.map((k) => kommunName.get(k) ?? k).join(', ')}. `}
              {r.rules.min_base_dropped.length > 0 && `${t.rulesDropped}: ${formatNumber(r.rules.min_base_dropped.length, 0, lang)}.`}
            </p>
          )}
          {r.status !== 'infeasible' && (
            <>
              <table className="data-table" data-testid="suggest-table">
                <thead>
                  <tr>
                    <th>#</th>
                    <th>{t.site}</th>
                    <th>{s.analysis.kommun}</th>
                    <th className="num">{t.adds}</th>
                    {suggestion.model !== 'mclp' && <th className="num">{t.served}</th>}
                    {suggestion.model === 'pmedian' && <th className="num">{t.meanMinutes}</th>}
                    {suggestion.model === 'pcenter' && <th className="num">{t.maxMinutes}</th>}
                    {suggestion.coveredByYear?.map((y) => (
                      <th key={y.year} className="num">
                        {t.adds} {y.year}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {suggestion.suggested.map((x, i) => (
                    <tr key={x.id}>
                      <td>{i + 1}</td>
                      <td>{x.name}</td>
                      <td>{kommunName.get(x.kommun_code ?? '') ?? ''}</td>
                      <td className="num">{fmt(x.adds_children)}</td>
                      {suggestion.model !== 'mclp' && <td className="num" data-testid={`served-${i}`}>{fmt(x.served_children)}</td>}
                      {suggestion.model === 'pmedian' && <td className="num" data-testid={`mean-${i}`}>{x.mean_minutes === null ? '–' : formatNumber(x.mean_minutes, 1, lang)}</td>}
                      {suggestion.model === 'pcenter' && <td className="num" data-testid={`max-${i}`}>{x.max_minutes === null ? '–' : formatNumber(x.max_minutes, 1, lang)}</td>}
                      {x.adds_by_year?.map((v, k) => (
                        <td key={k} className="num" data-testid={`adds-${i}-${suggestion.coveredByYear?.[k]?.year ?? k}`}>
                          {fmt(v)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="hint">{w8.addsNote}</p>
              <Explanation res={suggestion} lang={lang} kommunName={kommunName} />
              {suggestion.coveredByYear && (
                <table className="data-table" data-testid="suggest-by-year">
                  <thead>
                    <tr>
                      <th>{s.need.year}</th>
                      <th className="num">{siteSetName('today', lang)}</th>
                      <th className="num">{t.after}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {suggestion.coveredByYear.map((y) => (
                      <tr key={y.year} data-year={y.year}>
                        <td>{t2(y.year)}</td>
                        <td className="num">{formatPercent(y.covered_before / y.total, 1, lang)}</td>
                        <td className="num" data-testid={`by-year-after-${y.year}`}>{formatPercent(y.covered_after / y.total, 1, lang)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <button
                type="button"
                data-testid="suggest-adopt"
                disabled={suggestion.suggested.length === 0}
                onClick={() => {
                  addCandidates(suggestion.suggested.map(({ adds_children: _a, adds_by_year: _b, ...site }) => site));
                  setSuggestion(null);
                  setStatus(t.adopted);
                }}
              >
                {t.adopt}
              </button>
            </>
          )}
        </div>
      )}
      {curve && curve.length > 0 && (
        <div className="curve">
          <h3>{t.curve}</h3>
          <CoverageCurve points={curve} lang={lang} xLabel={t.curveAxisX} yLabel={t.curveAxisY} />
        </div>
      )}
      {candidates.length > 0 && (
        <div>
          <h3>{s.candidatesTitle}</h3>
          <ul className="candidate-list" data-testid="candidate-list">
            {[...candidates]
              .sort((a, b) => compareText(a.name, b.name, lang))
              .map((c) => (
                <li key={c.id}>
                  {c.name}{' '}
                  <button type="button" className="link" onClick={() => usePlanner.getState().removeCandidate(c.id)}>
                    {s.removeCandidate}
                  </button>
                </li>
              ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/**
 * The county before (today's sites) → after (today's plus the suggested), the model's own figure
 * first: children within T (MCLP, LSCP), the child-weighted mean minutes (p-median), the longest
 * trip and where it starts (p-center); with the year and travel model the run counted.
 */
function Explanation({ res, lang, kommunName }: { res: OptimiseResponse; lang: Lang; kommunName: ReadonlyMap<string, string> }) {
  const w8 = SUGGEST_WORDS[lang];
  const s = STRINGS[lang];
  const ex = res.explain;
  const own = ex.measure;
  const covered = (side: 'before' | 'after') => {
    const f = ex[side];
    return (
      <>
        {formatNumber(f.covered_children, 0, lang)} {w8.childrenUnit} (<span data-testid={`suggest-${side}`}>{formatPercent(f.covered_share, 1, lang)}</span>)
      </>
    );
  };
  const longest = (side: 'before' | 'after') => {
    const f = ex[side];
    const at = res.longest[side];
    return (
      <>
        {w8.minutes(f.max_minutes, lang)}
        {at && <> ({w8.place(at.place, kommunName.get(at.kommun_code) ?? at.kommun_code, lang)})</>}
      </>
    );
  };
  const cell = (m: ObjectiveMeasure, side: 'before' | 'after') =>
    m === 'covered_children' ? covered(side) : m === 'mean_minutes' ? w8.minutes(ex[side].mean_minutes, lang) : longest(side);
  return (
    <div className="suggest-explain" data-testid="suggest-explain" data-measure={own}>
      <h3>{w8.title}</h3>
      <p className="hint">
        {siteSetName('today', lang)} → {w8.withAdded(res.suggested.length).toLowerCase()}
      </p>
      <dl>
        {measureOrder(own).map((m) => (
          <div key={m} data-measure={m} className={m === own ? 'own' : undefined}>
            <dt>
              {m === 'covered_children' ? w8.measure.covered_children(ex.threshold_minutes) : w8.measure[m]}
              {m === own && <> ({w8.ownFigure})</>}
            </dt>
            <dd>
              <span data-testid={`explain-${m}-before`}>{cell(m, 'before')}</span> →{' '}
              <span data-testid={`explain-${m}-after`}>
                {m === own ? <strong>{cell(m, 'after')}</strong> : cell(m, 'after')}
                {m === 'covered_children' && (
                  <>
                    {' '}({s.estimated}; {formatPoints(changeInPoints(ex.before.covered_share, ex.after.covered_share), lang)})
                  </>
                )}
              </span>
            </dd>
          </div>
        ))}
      </dl>
      <p className="hint" data-testid="suggest-counted">
        {w8.counted}: {projectionText(res.params, lang)}. {travelText(res.params.travel, lang)}.
      </p>
    </div>
  );
}
