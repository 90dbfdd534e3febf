import { useState } from 'react';
import { DEFAULT_ROAD, type RoadParams } from '../domain/travel';
import { assumptionLines } from '../io/coverageExport';
import { compareText, formatNumber, formatPercent, STRINGS } from '../i18n';
import { hasErrors, type InputIssue } from '../io/issues';
import { matrixCoverageIssues, parseMatrixFile } from '../io/matrix';
import { usePlanner } from '../state/store';
import { scenarioSites } from '../domain/scenario';
import { ThresholdSlider, TravelModelSelect } from './controls';

type SortKey = 'name' | 'coverage';

/** Parameters of the live scenario, its key figures and the kommun table with gap flags. */
export function AnalysisPanel() {
  const lang = usePlanner((st) => st.lang);
  const s = STRINGS[lang];
  const a = s.analysis;
  const data = usePlanner((st) => st.data);
  const params = usePlanner((st) => st.params);
  const year = usePlanner((st) => st.omradestypYear);
  const cov = usePlanner((st) => st.coverage);
  const status = usePlanner((st) => st.analysisStatus);
  const error = usePlanner((st) => st.analysisError);
  const matrix = usePlanner((st) => st.matrix);
  const { setParams, setMatrix } = usePlanner.getState();
  const [matrixIssues, setMatrixIssues] = useState<InputIssue[]>([]);
  const [sort, setSort] = useState<SortKey>('name');
  if (!data) return null;

  const fmt = (v: number | null | undefined, d = 0) => formatNumber(v, d, lang);
  const road = params.travel.kind === 'road' ? params.travel : null;
  const setRoad = (patch: Partial<RoadParams>) => setParams({ travel: { ...(road ?? DEFAULT_ROAD), ...patch } });

  const onMatrix = async (file: File) => {
    const parsed = parseMatrixFile(new Uint8Array(await file.arrayBuffer()), file.name);
    let issues = parsed.issues;
    if (parsed.value && !hasErrors(issues)) {
      const units = params.demand === 'grid' ? data.demand.grid : data.demand.deso;
      const sites = scenarioSites(data.familyCentres, params.include, []);
      issues = [...issues, ...matrixCoverageIssues(parsed.value, units.map((u) => u.id), sites.map((x) => x.id))];
      setMatrix({ fileName: file.name, matrix: parsed.value });
      setParams({ travel: { kind: 'matrix', source: file.name } });
    }
    setMatrixIssues(issues);
  };

  const ot12 = cov ? cov.byOmradestyp.filter(([t]) => t <= 2).map(([, st]) => st) : [];
  const ot12Children = ot12.reduce((x, st) => x + st.children_0_6, 0);
  const ot12Covered = ot12.reduce((x, st) => x + st.covered_children, 0);
  const rows = cov ? [...cov.rows] : [];
  rows.sort((x, y) => (sort === 'name' ? compareText(x.kommun_name, y.kommun_name, lang) : x.coverage_pct - y.coverage_pct || compareText(x.kommun_name, y.kommun_name, lang)));
  const gapsByCode = new Map(cov?.gaps.map((g) => [g.kommun_code, g]) ?? []);

  return (
    <section className="panel" aria-labelledby="analysis-h" data-testid="analysis-panel">
      <h2 id="analysis-h">{a.title}</h2>
      <ThresholdSlider />
      <TravelModelSelect />
      {params.travel.kind === 'straight' && (
        <div className="form-row sub">
          <label>
            {a.speed}{' '}
            <input type="number" min={5} max={200} value={params.travel.speedKmh} onChange={(e) => setParams({ travel: { kind: 'straight', speedKmh: Math.max(1, Number(e.target.value) || 1) } })} />
          </label>
        </div>
      )}
      {road && (
        <details className="sub">
          <summary>{a.roadParams}</summary>
          {(
            [
              ['circuityBelow10', a.circuityBelow10, 0.01],
              ['circuity10to40', a.circuity10to40, 0.01],
              ['circuityAbove40', a.circuityAbove40, 0.01],
              ['urbanSpeedKmh', a.urbanSpeed, 1],
              ['urbanKm', a.urbanKm, 0.5],
              ['ruralSpeedKmh', a.ruralSpeed, 1],
              ['terminalMinutes', a.terminal, 0.5],
            ] as const
          ).map(([key, label, step]) => (
            <label key={key} className="param">
              {label}
              <input
                type="number"
                step={step}
                min={0}
                value={road[key]}
                data-testid={`road-${key}`}
                onChange={(e) => {
                  const v = Number(e.target.value);
                  if (Number.isFinite(v) && v >= 0 && (key.startsWith('circuity') ? v >= 1 : true) && (key.endsWith('Kmh') ? v > 0 : true)) setRoad({ [key]: v });
                }}
              />
            </label>
          ))}
        </details>
      )}
      {params.travel.kind === 'matrix' && (
        <div className="sub">
          <label className="button">
            {a.matrixImport}
            <input type="file" accept=".csv,.json,text/csv,application/json" data-testid="matrix-file" onChange={(e) => { const f = e.target.files?.[0]; if (f) void onMatrix(f); e.target.value = ''; }} />
          </label>
          <p className="hint">{matrix ? `${a.matrixLoaded}: ${matrix.fileName}` : a.matrixExpected}</p>
          {matrixIssues.length > 0 && (
            <ul className="report" data-testid="matrix-report">
              {matrixIssues.map((i, k) => (
                <li key={k} className={i.severity}>
                  {i.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="form-row">
        {a.demand}:{' '}
        <label>
          <input type="radio" name="demand" checked={params.demand === 'grid'} data-testid="demand-grid" onChange={() => setParams({ demand: 'grid' })} /> {a.demandGrid}
        </label>{' '}
        <label>
          <input type="radio" name="demand" checked={params.demand === 'deso'} data-testid="demand-deso" onChange={() => setParams({ demand: 'deso' })} /> {a.demandDeso}
        </label>
      </div>
      <div className="form-row">
        {a.include}: <span className="hint">{a.includeExisting}</span>
        {(['planned', 'intent', 'family_unit'] as const).map((k) => (
          <label key={k} className="inline">
            <input type="checkbox" checked={params.include[k]} data-testid={`include-${k}`} onChange={(e) => setParams({ include: { ...params.include, [k]: e.target.checked } })} /> {s.status[k]}
          </label>
        ))}
      </div>
      <div className="form-row">
        <label>
          {a.lowCoverage}{' '}
          <input type="number" min={0} max={100} step={5} value={Math.round(params.lowCoverageShare * 100)} data-testid="low-coverage" onChange={(e) => setParams({ lowCoverageShare: Math.min(100, Math.max(0, Number(e.target.value) || 0)) / 100 })} /> %
        </label>
      </div>

      {error && <p className="error" role="alert">{error}</p>}
      {cov && (
        <div className={`results ${status === 'running' ? 'stale' : ''}`} data-testid="coverage-results" data-coverage-pct={cov.total.coverage_pct} data-covered={cov.total.covered_children} data-status={status}>
          <p className="big">
            {a.within} {cov.params.thresholdMinutes} {a.minutes}: <strong data-testid="county-coverage">{formatPercent(cov.county.coverage_share, 1, lang)}</strong> {a.ofChildren}
            <br />
            <span className="hint">
              {fmt(cov.county.covered_children)} / {fmt(cov.county.children_0_6)} ({s.estimated})
            </span>
          </p>
          <table className="data-table kv">
            <tbody>
              <tr><th>{a.meanMinutes}</th><td className="num">{fmt(cov.county.mean_minutes, 1)} {a.minutes}</td></tr>
              <tr><th>{a.medianMinutes}</th><td className="num">{fmt(cov.county.median_minutes, 1)} {a.minutes}</td></tr>
              <tr><th>{a.over30}</th><td className="num">{fmt(cov.county.children_over_30_min)}</td></tr>
              <tr><th>{a.ot12}</th><td className="num" data-testid="ot12-coverage">{ot12Children > 0 ? formatPercent(ot12Covered / ot12Children, 1, lang) : '–'}</td></tr>
              {cov.county.unreachable_children > 0 && <tr><th>{a.unreachable}</th><td className="num">{fmt(cov.county.unreachable_children)}</td></tr>}
            </tbody>
          </table>
          <h3>{a.byOmradestyp}</h3>
          <table className="data-table" data-testid="ot-table">
            <thead>
              <tr>
                <th>{s.omradestypTitle} {year}</th>
                <th className="num">{a.children}</th>
                <th className="num">{a.coverage}</th>
                <th className="num">{a.mean}</th>
              </tr>
            </thead>
            <tbody>
              {cov.byOmradestyp.map(([t, st]) => (
                <tr key={t}>
                  <td>{s.omradestypLabels[t]}</td>
                  <td className="num">{fmt(st.children_0_6)}</td>
                  <td className="num">{st.children_0_6 > 0 ? formatPercent(st.coverage_share, 1, lang) : '–'}</td>
                  <td className="num">{fmt(st.mean_minutes, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {cov.missingPairs > 0 && <p className="warning">{fmt(cov.missingPairs)} {a.missingPairs}</p>}
          <h3>{a.kommunTable}</h3>
          <table className="data-table" data-testid="kommun-table">
            <thead>
              <tr>
                <th><button type="button" className="link" onClick={() => setSort('name')}>{a.kommun}</button></th>
                <th className="num">{a.children}</th>
                <th className="num"><button type="button" className="link" onClick={() => setSort('coverage')}>{a.coverage}</button></th>
                <th className="num">{a.mean}</th>
                <th>{a.flags}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const g = gapsByCode.get(r.kommun_code);
                return (
                  <tr key={r.kommun_code} data-kommun={r.kommun_code} className={g && g.flags.length ? 'flagged' : ''}>
                    <td>{r.kommun_name}</td>
                    <td className="num">{fmt(r.children_0_6)}</td>
                    <td className="num">{formatNumber(r.coverage_pct, 1, lang)} %</td>
                    <td className="num">{fmt(r.mean_minutes, 1)}</td>
                    <td className="flags" title={g?.reasons.join('\n')}>
                      {g && g.flags.length
                        ? g.flags.map((f) => (
                            <span key={f} className={`chip ${f}`}>
                              {a.flagNames[f]}
                            </span>
                          ))
                        : a.noFlags}
                    </td>
                  </tr>
                );
              })}
              <tr className="total">
                <td>{a.county}</td>
                <td className="num">{fmt(cov.total.children_0_6)}</td>
                <td className="num">{formatNumber(cov.total.coverage_pct, 1, lang)} %</td>
                <td className="num">{fmt(cov.total.mean_minutes, 1)}</td>
                <td />
              </tr>
            </tbody>
          </table>
          <h3>{a.flags}</h3>
          <ul className="gap-reasons" data-testid="gap-reasons">
            {[...(cov?.gaps ?? [])]
              .filter((g) => g.flags.length > 0)
              .sort((x, y) => compareText(x.kommun_name, y.kommun_name, lang))
              .map((g) => (
                <li key={g.kommun_code}>
                  <strong>{g.kommun_name}:</strong> {g.reasons.join('; ')}
                </li>
              ))}
          </ul>
          <details>
            <summary>{a.assumptions}</summary>
            <ul className="hint">
              {assumptionLines({ ...cov.params, omradestypYear: year }).map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          </details>
          <p className="hint">
            {status === 'running' ? a.computing : `${a.computedIn} ${fmt(cov.elapsedMs)} ms`}
          </p>
        </div>
      )}
      {!cov && status === 'running' && <p>{a.computing}</p>}
    </section>
  );
}
