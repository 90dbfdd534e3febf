import { useState, useEffect } from 'react';
import { changeInPoints, keyFigures } from '../domain/keyFigures';
import { siteSetSites } from '../domain/siteSets';
import type { CoverageAnalysisSummary } from '../domain/summary';
import type { KommunRow } from '../domain/analysis';
import type { NetworkFlags } from '../domain/network/flags';
import { DEFAULT_NETWORK, type NetworkParams } from '../domain/network/router';
import { DEFAULT_ROAD, type RoadParams } from '../domain/travel';
import { demandUnits } from '../domain/views';
import { compareText, formatChange, formatNumber, formatPercent, STRINGS, type Lang } from '../i18n';
import { formatPoints, gapReasons, projectionText, siteSetLabel, siteSetName } from '../i18n/describe';
import { issueText } from '../i18n/messages';
import { statedLines } from '../io/coverageExport';
import { hasErrors, type InputIssue } from '../io/issues';
import { matrixCoverageIssues } from '../io/matrix';
import { MAX_IMPORT_BYTES } from '../io/importLimits';
import { ReadingProgress, tooLarge, useFileReader } from './useFileReader';
import { mapSet, useAnalysisRequest, useParamsWithoutWeights } from '../state/selectors';
import { analysisWorker } from '../worker/client';
import { useKommunNames } from './useDerived';
import { usePlanner } from '../state/store';
import { ThresholdSlider, TravelModelSelect } from './controls';
import { ChildrenOverTimeTable, seriesText, Sparkline, useChildrenOverTime, YearControl } from './NeedControls';
import { seriesOf, type ChildrenOverTimeRow } from '../domain/need/childrenOverTime';
import type { ProjectionParams } from '../domain/need/projection';
import { FileButton } from './FileButton';

type SortKey = 'name' | 'coverage';

/** Parameters of the live scenario, its key figures and the kommun table with gap flags. */
export function AnalysisPanel() {
  const lang = usePlanner((st) => st.lang);
  const s = STRINGS[lang];
  const a = s.analysis;
  const data = usePlanner((st) => st.data);
  const params = useParamsWithoutWeights();
  const sets = usePlanner((st) => st.coverage);
  const progress = usePlanner((st) => st.analysisProgress);
  const shownKey = usePlanner(mapSet);
  const candidates = usePlanner((st) => st.candidates);
  const status = usePlanner((st) => st.analysisStatus);
  const error = usePlanner((st) => st.analysisError);
  const matrix = usePlanner((st) => st.matrix);
  const { setParams, setMatrix } = usePlanner.getState();
  const [matrixIssues, setMatrixIssues] = useState<InputIssue[]>([]);
  // A matrix import's report belongs to the scenario it was made in.
  const activeId = usePlanner((st) => st.activeScenarioId);
  useEffect(() => setMatrixIssues([]), [activeId]);
  const { reading, read, cancel } = useFileReader();
  const [sort, setSort] = useState<SortKey>('name');
  const cot = useChildrenOverTime();
  if (!data) return null;

  const fmt = (v: number | null | undefined, d = 0) => formatNumber(v, d, lang);
  const road = params.travel.kind === 'road' ? params.travel : null;
  const network = params.travel.kind === 'network' ? params.travel : null;
  const setNetwork = (patch: Partial<NetworkParams>) => setParams({ travel: { ...(network ?? DEFAULT_NETWORK), ...patch } });
  const setRoad = (patch: Partial<RoadParams>) => setParams({ travel: { ...(road ?? DEFAULT_ROAD), ...patch } });

  const onMatrix = async (file: File) => {
    setMatrixIssues([]);
    if (file.size > MAX_IMPORT_BYTES) {
      setMatrixIssues([tooLarge(file)]);
      return;
    }
    const parsed = await read(file, (w, buffer, onProgress) => w.matrix(buffer, file.name, onProgress));
    if (!parsed) return;
    let issues = parsed.issues;
    if (parsed.value && !hasErrors(issues)) {
      const units = demandUnits(data.demand, params.demand);
      const sites = siteSetSites('proposal', data.familyCentres, params.include, candidates);
      issues = [...issues, ...matrixCoverageIssues(parsed.value, units.map((u) => u.id), sites.map((x) => x.id))];
      setMatrix({ fileName: file.name, matrix: parsed.value });
      setParams({ travel: { kind: 'matrix', source: file.name } });
    }
    setMatrixIssues(issues);
  };

  const cov = sets ? sets[shownKey] : null;
  const rows = cov ? [...cov.rows] : [];
  rows.sort((x, y) => (sort === 'name' ? compareText(x.kommun_name, y.kommun_name, lang) : x.coverage_pct - y.coverage_pct || compareText(x.kommun_name, y.kommun_name, lang)));
  const gapsByCode = new Map(cov?.gaps.map((g) => [g.kommun_code, g]) ?? []);
  const hasProposal = candidates.length > 0;
  const todayRowOf = new Map(sets?.today.rows.map((r) => [r.kommun_code, r]) ?? []);
  const cotOf = new Map(cot?.rows.map((r) => [r.kommun_code, r]) ?? []);
  const childrenHead = params.projection.year === 2025 ? `${a.children} 2025 (${s.estimated})` : `${a.children} ${params.projection.year} (${s.need.projected})`;

  return (
    <section className="panel" aria-labelledby="analysis-h" data-testid="analysis-panel">
      <h2 id="analysis-h">{a.title}</h2>
      <ThresholdSlider />
      <TravelModelSelect />
      <YearControl />
      {params.travel.kind === 'straight' && (
        <div className="form-row sub">
          <label>
            {a.speed}{' '}
            <input type="number" min={5} max={200} value={params.travel.speedKmh} onChange={(e) => setParams({ travel: { kind: 'straight', speedKmh: Math.max(1, Number(e.target.value) || 1) } })} />
          </label>
        </div>
      )}
      {network && (
        <details className="sub" data-testid="network-params">
          <summary>{a.networkParams}</summary>
          {(
            [
              ['speedFactor', a.speedFactor, 0.05, 0.1, 1.5],
              ['urbanKmh', a.networkUrbanKmh, 1, 1, 200],
              ['ruralKmh', a.networkRuralKmh, 1, 1, 200],
              ['accessKmh', a.accessKmh, 1, 1, 200],
              ['accessCircuity', a.accessCircuity, 0.05, 1, 5],
              ['terminalMinutes', a.terminal, 0.5, 0, 120],
            ] as const
          ).map(([key, label, step, min, max]) => (
            <label key={key} className="param">
              {label}
              <input
                type="number"
                step={step}
                min={min}
                max={max}
                value={network[key]}
                data-testid={`network-${key}`}
                onChange={(e) => {
                  const v = Number(e.target.value);
                  if (Number.isFinite(v) && v >= min && v <= max) setNetwork({ [key]: v });
                }}
              />
            </label>
          ))}
          <p className="hint">{a.networkNote}</p>
        </details>
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
          <FileButton label={a.matrixImport} accept=".csv,.json,text/csv,application/json" testId="matrix-file" onFile={(f) => void onMatrix(f)} />
          {reading && <ReadingProgress reading={reading} onCancel={cancel} testId="matrix" />}
          <p className="hint">{matrix ? `${a.matrixLoaded}: ${matrix.fileName}` : a.matrixExpected}</p>
          {matrixIssues.length > 0 && (
            <ul className="report" data-testid="matrix-report">
              {matrixIssues.map((i, k) => (
                <li key={k} className={i.severity}>
                  {issueText(i, lang)}
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
      {status === 'blocked' && <p className="warning" role="status" data-testid="no-result">{a.noResultMatrix}</p>}
      {progress && (
        <div className="progress" role="status" data-testid="analysis-progress">
          {a.searching} {fmt(progress.done)} / {fmt(progress.total)}
          <progress max={progress.total} value={progress.done} />
        </div>
      )}
      {sets && cov && (
        <div className={`results ${status === 'running' ? 'stale' : ''}`} data-testid="coverage-results" data-status={status} data-today-pct={sets.today.total.coverage_pct} data-proposal-pct={hasProposal ? sets.proposal.total.coverage_pct : ''}>
          <KeyFigureTable today={sets.today} proposal={hasProposal ? sets.proposal : null} lang={lang} />
          {hasProposal && (
            <div className="form-row" data-testid="map-set">
              {a.mapShows}:{' '}
              {(['today', 'proposal'] as const).map((k) => (
                <label key={k} className="inline">
                  <input type="radio" name="map-set" checked={shownKey === k} data-testid={`map-set-${k}`} onChange={() => usePlanner.getState().setMapSiteSet(k)} /> {siteSetName(k, lang)}
                </label>
              ))}
            </div>
          )}
          <h3>{a.byOmradestyp}</h3>
          <p className="hint">{a.tableFor}: {siteSetLabel(cov.siteSet, lang)}</p>
          <table className="data-table" data-testid="ot-table">
            <thead>
              <tr>
                <th>{s.omradestypTitle} {params.omradestypYear}</th>
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
          {cov.networkFlags && <NetworkFlagsNote flags={cov.networkFlags} lang={lang} />}
          {network && <ModelComparison lang={lang} />}
          <h3>{a.kommunTable}</h3>
          <p className="hint">{a.tableFor}: {siteSetLabel(cov.siteSet, lang)}</p>
          <div className="table-scroll">
          {/* The gap badges come right after the kommun's name, so they are seen without scrolling sideways. */}
          <table className="data-table kommun-table" data-testid="kommun-table" data-site-set={cov.siteSet.key}>
            <thead>
              <tr>
                <th><button type="button" className="link" onClick={() => setSort('name')}>{a.kommun}</button></th>
                <th>{a.flags}</th>
                <th className="num">{childrenHead}</th>
                {hasProposal && shownKey === 'proposal' && <th className="num">{siteSetName('today', lang)}</th>}
                <th className="num"><button type="button" className="link" onClick={() => setSort('coverage')}>{hasProposal ? siteSetName(shownKey, lang) : a.coverage}</button></th>
                <th className="num">{a.mean}</th>
                <th>{s.need.chart}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const g = gapsByCode.get(r.kommun_code);
                return (
                  <tr key={r.kommun_code} data-kommun={r.kommun_code} className={g && g.flags.length ? 'flagged' : ''}>
                    <td>{r.kommun_name}</td>
                    <td className="flags" title={g ? gapReasons(g, cov.siteSet.key, lang).join('\n') : ''}>
                      {g && g.flags.length
                        ? g.flags.map((f) => (
                            <span key={f} className={`chip ${f}`}>
                              {a.flagNames[f]}
                            </span>
                          ))
                        : a.noFlags}
                    </td>
                    <td className="num">{fmt(r.children_0_6)}</td>
                    {hasProposal && shownKey === 'proposal' && <td className="num">{formatNumber(todayRowOf.get(r.kommun_code)?.coverage_pct, 1, lang)} %</td>}
                    <td className="num">{formatNumber(r.coverage_pct, 1, lang)} %</td>
                    <td className="num">{fmt(r.mean_minutes, 1)}</td>
                    <td className="spark" data-testid={`spark-${r.kommun_code}`}>
                      {cotOf.get(r.kommun_code) && <KommunSpark row={cotOf.get(r.kommun_code)!} name={r.kommun_name} source={params.projection.source} lang={lang} />}
                    </td>
                  </tr>
                );
              })}
              <tr className="total">
                <td>{a.county}</td>
                <td />
                <td className="num">{fmt(cov.total.children_0_6)}</td>
                {hasProposal && shownKey === 'proposal' && <td className="num">{formatNumber(sets.today.total.coverage_pct, 1, lang)} %</td>}
                <td className="num">{formatNumber(cov.total.coverage_pct, 1, lang)} %</td>
                <td className="num">{fmt(cov.total.mean_minutes, 1)}</td>
                <td className="spark">{cot && <KommunSpark row={cot.county} name={a.county} source={params.projection.source} lang={lang} />}</td>
              </tr>
            </tbody>
          </table>
          </div>
          <ChildrenOverTimeTable />
          <h3>{a.flags}</h3>
          <ul className="gap-reasons" data-testid="gap-reasons">
            {[...cov.gaps]
              .filter((g) => g.flags.length > 0)
              .sort((x, y) => compareText(x.kommun_name, y.kommun_name, lang))
              .map((g) => (
                <li key={g.kommun_code}>
                  <strong>{g.kommun_name}:</strong> {gapReasons(g, cov.siteSet.key, lang).join('; ')}
                </li>
              ))}
          </ul>
          <details>
            <summary>{a.assumptions}</summary>
            <ul className="hint">
              {statedLines(hasProposal ? [sets.today, sets.proposal] : [sets.today], lang).map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          </details>
          <p className="hint">
            {status === 'running' ? a.computing : `${a.computedIn} ${fmt(sets.elapsedMs)} ms`}
          </p>
        </div>
      )}
      {!sets && status === 'running' && <p>{a.computing}</p>}
    </section>
  );
}

/**
 * The county figures of today and, when the scenario has candidates, of the proposal beside it
 * with the change in percentage points. Each column names the sites it counts.
 */
function KeyFigureTable({ today, proposal, lang }: { today: CoverageAnalysisSummary; proposal: CoverageAnalysisSummary | null; lang: Lang }) {
  const s = STRINGS[lang];
  const a = s.analysis;
  const fmt = (v: number | null | undefined, d = 0) => formatNumber(v, d, lang);
  const cols = proposal ? [today, proposal] : [today];
  const k = cols.map((c) => keyFigures(c));
  const pct = (v: number | null) => (v === null ? '–' : formatPercent(v, 1, lang));
  const rows: { key: string; label: string; values: string[]; change?: string }[] = [
    {
      key: 'within',
      label: `${a.within} ${today.params.thresholdMinutes} ${a.minutes} (${a.ofChildren})`,
      values: k.map((x) => pct(x.coverage_share)),
      change: proposal ? formatPoints(changeInPoints(k[0].coverage_share, k[1].coverage_share), lang) : undefined,
    },
    { key: 'covered', label: `${a.childrenCovered} (${s.estimated})`, values: cols.map((c) => `${fmt(c.county.covered_children)} / ${fmt(c.county.children_0_6)}`) },
    { key: 'mean', label: a.meanMinutes, values: cols.map((c) => `${fmt(c.county.mean_minutes, 1)} ${a.minutes}`) },
    { key: 'median', label: a.medianMinutes, values: cols.map((c) => `${fmt(c.county.median_minutes, 1)} ${a.minutes}`) },
    { key: 'over30', label: a.over30, values: cols.map((c) => fmt(c.county.children_over_30_min)) },
    {
      key: 'ot12',
      label: a.ot12,
      values: k.map((x) => pct(x.coverage_share_ot12)),
      change: proposal ? formatPoints(changeInPoints(k[0].coverage_share_ot12, k[1].coverage_share_ot12), lang) : undefined,
    },
    { key: 'without', label: a.kommunerWithout, values: k.map((x) => String(x.kommuner_without_centre)) },
    ...(cols.some((c) => c.county.unreachable_children > 0) ? [{ key: 'unreachable', label: a.unreachable, values: cols.map((c) => fmt(c.county.unreachable_children)) }] : []),
  ];
  return (
    <table className="data-table kv key-figures-table" data-testid="key-figure-table">
      <thead>
        <tr>
          <th>{a.figure}</th>
          {cols.map((c) => (
            <th key={c.siteSet.key} className="num" title={siteSetLabel(c.siteSet, lang)}>{siteSetName(c.siteSet.key, lang)}</th>
          ))}
          {proposal && <th className="num">{a.change}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-figure={r.key}>
            <th>{r.label}</th>
            {r.values.map((v, i) => (
              <td key={i} className="num" data-testid={`figure-${r.key}-${cols[i].siteSet.key}`}>{v}</td>
            ))}
            {proposal && <td className="num" data-testid={`figure-${r.key}-change`}>{r.change ?? ''}</td>}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={cols.length + (proposal ? 2 : 1)} className="hint" data-testid="sites-counted">
            {a.sitesCounted}: {cols.map((c) => siteSetLabel(c.siteSet, lang)).join(' · ')}
          </td>
        </tr>
        <tr>
          <td colSpan={cols.length + (proposal ? 2 : 1)} className="hint" data-testid="figures-year">
            {projectionText(today.params, lang)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}


/** Where the road graph is thin for this result, in words, with the kommuner most affected. */
function NetworkFlagsNote({ flags, lang }: { flags: NetworkFlags; lang: Lang }) {
  const a = STRINGS[lang].analysis;
  const names = useKommunNames();
  const top = (byKommun: Record<string, number>) =>
    Object.entries(byKommun)
      .sort((x, y) => y[1] - x[1])
      .slice(0, 3)
      .map(([k, n]) => `${names.get(k) ?? k} ${formatNumber(n, 0, lang)}`)
      .join(', ');
  if (flags.farFromRoad.units === 0 && flags.detour.units === 0) return <p className="hint" data-testid="network-flags">{a.networkNoFlags}</p>;
  return (
    <ul className="warning network-flags" data-testid="network-flags">
      {flags.farFromRoad.units > 0 && (
        <li data-testid="flag-far">
          {formatNumber(flags.farFromRoad.children, 0, lang)} {a.flagFarFromRoad} ({formatNumber(flags.farFromRoad.units, 0, lang)} {a.units}; {top(flags.farFromRoad.byKommun)}).
        </li>
      )}
      {flags.detour.units > 0 && (
        <li data-testid="flag-detour">
          {formatNumber(flags.detour.children, 0, lang)} {a.flagDetour} ({formatNumber(flags.detour.units, 0, lang)} {a.units}; {top(flags.detour.byKommun)}).
        </li>
      )}
    </ul>
  );
}

/**
 * Today's coverage and mean minutes per kommun under the network model next to the modelled-road
 * model, computed on request, so the difference the road network makes is visible.
 */
function ModelComparison({ lang }: { lang: Lang }) {
  const a = STRINGS[lang].analysis;
  const req = useAnalysisRequest();
  const [rows, setRows] = useState<[KommunRow[], KommunRow[]] | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (!req) return;
    setBusy(true);
    try {
      const r = await analysisWorker().compareTravel(req, DEFAULT_ROAD);
      setRows(r.rows);
    } finally {
      setBusy(false);
    }
  };
  const fmt = (v: number | null | undefined, d = 1) => formatNumber(v, d, lang);
  return (
    <details className="model-comparison" data-testid="model-comparison">
      <summary>{a.compareModels}</summary>
      <p className="hint">{a.compareModelsNote}</p>
      <button type="button" data-testid="compare-models" disabled={busy || !req} onClick={() => void run()}>
        {a.compareModelsRun}
      </button>
      {rows && (
        <table className="data-table" data-testid="model-comparison-table">
          <thead>
            <tr>
              <th>{a.kommun}</th>
              <th className="num">{a.coverage} ({a.travel.network})</th>
              <th className="num">{a.coverage} ({a.modelRoadShort})</th>
              <th className="num">{a.mean} ({a.travel.network})</th>
              <th className="num">{a.mean} ({a.modelRoadShort})</th>
            </tr>
          </thead>
          <tbody>
            {rows[0].map((r, i) => (
              <tr key={r.kommun_code} data-kommun={r.kommun_code} className={r.kommun_code === '20' ? 'total' : ''}>
                <td>{r.kommun_name}</td>
                <td className="num">{fmt(r.coverage_pct)} %</td>
                <td className="num">{fmt(rows[1][i].coverage_pct)} %</td>
                <td className="num">{fmt(r.mean_minutes)}</td>
                <td className="num">{fmt(rows[1][i].mean_minutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}

/** The kommun's children 2025 → 2030 → 2035 under the chosen source, with the listed change 2020→2025 where 002 names it. */
function KommunSpark({ row, name, source, lang }: { row: ChildrenOverTimeRow; name: string; source: ProjectionParams['source']; lang: Lang }) {
  const t = STRINGS[lang].need;
  const series = seriesOf(row, source);
  const listed = row.listedChange === null ? '' : ` · ${t.listed}: ${formatChange(row.listedChange, lang)}`;
  return <Sparkline values={series} label={`${name}: ${seriesText(series, lang)} (${t.sources[source]})${listed}`} />;
}
