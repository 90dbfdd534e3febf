import { useMemo, useState } from 'react';
import { childrenOverTime, countyRow, seriesOf, type ChildrenOverTimeRow } from '../domain/need/childrenOverTime';
import { INDICATOR_KEYS } from '../domain/need/indicators';
import { DEFAULT_NEED_COMPONENTS } from '../domain/need/needIndex';
import { PROJECTION_YEARS, projectionFactors, type ProjectionParams } from '../domain/need/projection';
import type { NeedParams } from '../domain/scenario';
import { formatChange, formatNumber, STRINGS, type Lang } from '../i18n';
import { INDICATOR_NAMES, projectionText } from '../i18n/describe';
import { hasErrors, type InputIssue } from '../io/issues';
import { parseForecastFile } from '../io/forecastCsv';
import { usePlanner } from '../state/store';
import { useParamsWithoutWeights } from '../state/selectors';
import { DeprivationWeights } from './controls';
import { ImportReport } from './ImportReport';
import { tooLarge } from './useFileReader';
import { appNeedInputs, useKommunNames } from './useDerived';
import { FileButton } from './FileButton';

/** Largest forecast file read (it has one row per kommun and year). */
const MAX_FORECAST_BYTES = 5 * 1024 * 1024;

/**
 * How need weights demand in scoring and optimisation: områdestyp weights (editable), the needs
 * index of editable components, or none. `prefix` keeps test ids apart where it appears twice.
 */
export function NeedWeightControl({ prefix = 'depw' }: { prefix?: string }) {
  const lang = usePlanner((st) => st.lang);
  const t = STRINGS[lang].need;
  const need = usePlanner((st) => st.params.need);
  const setNeed = (patch: Partial<NeedParams>) => usePlanner.getState().setParams({ need: { ...need, ...patch } });
  const name = `${prefix}-need-mode`;
  return (
    <fieldset className="weights need-weight" data-testid={`${prefix}-need`}>
      <legend>{t.weightTitle}</legend>
      {(['omradestyp', 'index', 'none'] as const).map((m) => (
        <label key={m} className="inline">
          <input type="radio" name={name} checked={need.mode === m} data-testid={`${prefix}-need-${m}`} onChange={() => setNeed({ mode: m })} /> {t.modes[m]}
        </label>
      ))}
      {need.mode === 'omradestyp' && <DeprivationWeights prefix={prefix} />}
      {need.mode === 'index' && (
        <div className="sub">
          <div className="hint">{t.components}</div>
          {INDICATOR_KEYS.map((k) => (
            <label key={k} className="param">
              {INDICATOR_NAMES[lang][k]}
              <input
                type="number"
                min={0}
                max={10}
                step={0.5}
                value={need.components[k]}
                data-testid={`${prefix}-comp-${k}`}
                onChange={(e) => {
                  const v = Number(e.target.value);
                  if (Number.isFinite(v) && v >= 0 && v <= 10) setNeed({ components: { ...need.components, [k]: v } });
                }}
              />
            </label>
          ))}
          <button type="button" className="link" onClick={() => setNeed({ components: DEFAULT_NEED_COMPONENTS })}>
            {t.componentDefaults}
          </button>
          <p className="hint">{t.indexNote}</p>
        </div>
      )}
      {need.mode === 'none' && <p className="hint">{t.noneNote}</p>}
    </fieldset>
  );
}

/**
 * The year every figure counts children for (2025 estimate, 2030/2035 projection), the projection's
 * source and assumption, and the import of the planner's own forecast.
 */
export function YearControl() {
  const lang = usePlanner((st) => st.lang);
  const s = STRINGS[lang];
  const t = s.need;
  const data = usePlanner((st) => st.data);
  const params = useParamsWithoutWeights();
  const projection = params.projection;
  const names = useKommunNames();
  const [pending, setPending] = useState<{ fileName: string; issues: InputIssue[]; rows: NonNullable<ProjectionParams['imported']>['rows'] } | null>(null);
  const setProjection = (patch: Partial<ProjectionParams>) => usePlanner.getState().setParams({ projection: { ...projection, ...patch } });

  const missing = useMemo(() => {
    if (!data || projection.year === 2025) return [];
    const inputs = appNeedInputs(data);
    return projectionFactors(projection, inputs.kommuner, inputs.scb, projection.imported?.rows ?? null).missing;
  }, [data, projection]);

  const onFile = async (file: File) => {
    if (file.size > MAX_FORECAST_BYTES) {
      setPending({ fileName: file.name, issues: [tooLarge(file, MAX_FORECAST_BYTES)], rows: [] });
      return;
    }
    const parsed = parseForecastFile(new Uint8Array(await file.arrayBuffer()));
    if (!parsed.issues.length && parsed.value.length) {
      setProjection({ source: 'imported', imported: { fileName: file.name, rows: parsed.value } });
      setPending(null);
      return;
    }
    // Problems: nothing is used before the planner confirms the valid rows.
    setPending({ fileName: file.name, issues: parsed.issues, rows: hasErrors(parsed.issues) && !parsed.value.length ? [] : parsed.value });
  };

  return (
    <fieldset className="year-control" data-testid="year-control">
      <legend>{t.title}</legend>
      <div className="form-row">
        <label>
          {t.year}{' '}
          <select data-testid="projection-year" value={projection.year} onChange={(e) => setProjection({ year: Number(e.target.value) as ProjectionParams['year'] })}>
            {PROJECTION_YEARS.map((y) => (
              <option key={y} value={y}>
                {t.yearOptions[y]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="form-row" role="radiogroup" aria-label={t.source}>
        {t.source}:{' '}
        {(['scb', 'trend', 'imported'] as const).map((src) => (
          <label key={src} className="inline">
            <input type="radio" name="projection-source" data-testid={`projection-source-${src}`} checked={projection.source === src} onChange={() => setProjection({ source: src })} /> {t.sources[src]}
          </label>
        ))}
      </div>
      {projection.source === 'trend' && (
        <div className="form-row sub">
          <label>
            {t.damping}{' '}
            <input
              type="number"
              min={0}
              max={1}
              step={0.05}
              value={projection.damping}
              data-testid="projection-damping"
              onChange={(e) => {
                const v = Number(e.target.value);
                if (Number.isFinite(v) && v >= 0 && v <= 1) setProjection({ damping: v });
              }}
            />
          </label>
        </div>
      )}
      {projection.source === 'imported' && (
        <div className="sub">
          <FileButton label={t.importForecast} accept=".csv,.txt,text/csv" testId="forecast-file" onFile={(f) => void onFile(f)} />
          <p className="hint" data-testid="forecast-status">
            {projection.imported ? `${t.forecastLoaded}: ${projection.imported.fileName} (${formatNumber(projection.imported.rows.length, 0, lang)} ${t.forecastRows})` : t.noForecast} {t.forecastExpected}
          </p>
          {pending && (
            <ImportReport
              fileName={pending.fileName}
              issues={pending.issues}
              goodRows={pending.rows.length}
              confirmLabel={t.forecastConfirm}
              testId="forecast"
              onConfirm={() => {
                setProjection({ source: 'imported', imported: { fileName: pending.fileName, rows: pending.rows } });
                setPending(null);
              }}
              onCancel={() => setPending(null)}
            />
          )}
        </div>
      )}
      <p className="hint" data-testid="projection-text">{projectionText(params, lang)}</p>
      {missing.length > 0 && (
        <p className="warning" data-testid="projection-missing">
          {t.missing} {missing.map((k) => names.get(k) ?? k).join(', ')}
        </p>
      )}
    </fieldset>
  );
}

/** A small line chart of children 0–6 in 2025, 2030 and 2035 (a missing year breaks the line). */
export function Sparkline({ values, label, width = 72, height = 20 }: { values: readonly (number | null)[]; label: string; width?: number; height?: number }) {
  const xs = values.filter((v): v is number => v !== null);
  if (xs.length < 2) return <span className="hint">–</span>;
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const pad = 3;
  const x = (i: number) => pad + (i * (width - 2 * pad)) / (values.length - 1);
  const y = (v: number) => (hi === lo ? height / 2 : pad + ((hi - v) * (height - 2 * pad)) / (hi - lo));
  const pts = values.map((v, i) => (v === null ? null : [x(i), y(v)] as const));
  let d = '';
  pts.forEach((p, i) => {
    if (!p) return;
    d += `${i > 0 && pts[i - 1] ? 'L' : 'M'}${p[0].toFixed(1)},${p[1].toFixed(1)}`;
  });
  return (
    <svg className="sparkline" width={width} height={height} role="img" aria-label={label}>
      <title>{label}</title>
      <path d={d} fill="none" stroke="currentColor" strokeWidth={1.5} />
      {pts.map((p, i) => p && <circle key={i} cx={p[0]} cy={p[1]} r={2} fill="currentColor" />)}
    </svg>
  );
}

/** The children over time per kommun, every source side by side (null where a source has no value). */
export function useChildrenOverTime(): { rows: ChildrenOverTimeRow[]; county: ChildrenOverTimeRow } | null {
  const data = usePlanner((st) => st.data);
  const projection = usePlanner((st) => st.params.projection);
  return useMemo(() => {
    if (!data) return null;
    const inputs = appNeedInputs(data);
    const rows = childrenOverTime(inputs.kommuner, inputs.scb, projection.damping, projection.imported?.rows ?? null);
    return { rows, county: countyRow(rows) };
  }, [data, projection.damping, projection.imported]);
}

/** Words for a series, e.g. "2025: 1 234 · 2030: 1 100 (prognos) · 2035: 1 050 (prognos)". */
export function seriesText(series: readonly (number | null)[], lang: Lang): string {
  const t = STRINGS[lang].need;
  return series.map((v, i) => `${[2025, 2030, 2035][i]}: ${v === null ? t.notGiven : formatNumber(v, 0, lang)}`).join(' · ');
}

/** Children 0–6 per kommun over time: listed change 2020→2025, the 2025 estimate and every projection. */
export function ChildrenOverTimeTable() {
  const lang = usePlanner((st) => st.lang);
  const s = STRINGS[lang];
  const t = s.need;
  const source = usePlanner((st) => st.params.projection.source);
  const names = useKommunNames();
  const cot = useChildrenOverTime();
  if (!cot) return null;
  const fmt = (v: number | null) => (v === null ? t.notGiven : formatNumber(v, 0, lang));
  const signed = (v: number | null) => (v === null ? t.notGiven : formatChange(v, lang));
  const all = [...cot.rows].sort((a, b) => (names.get(a.kommun_code) ?? '').localeCompare(names.get(b.kommun_code) ?? '', 'sv'));
  return (
    <details className="children-over-time" data-testid="children-over-time">
      <summary>{t.overTime}</summary>
      <p className="hint">{t.overTimeNote}</p>
      <div className="table-scroll">
      <table className="data-table compact">
        <thead>
          <tr>
            <th>{s.analysis.kommun}</th>
            <th className="num">{t.listed}</th>
            <th className="num">{t.estimate}</th>
            {(['scb', 'trend', 'imported'] as const).flatMap((src) =>
              [2030, 2035].map((y) => (
                <th key={`${src}-${y}`} className="num" title={t.sources[src]}>
                  {y} {t.sourcesShort[src]}
                </th>
              )),
            )}
            <th>{t.chart}</th>
          </tr>
        </thead>
        <tbody>
          {[...all, cot.county].map((r) => {
            const name = r.kommun_code === '20' ? s.analysis.county : (names.get(r.kommun_code) ?? r.kommun_code);
            const series = seriesOf(r, source);
            return (
              <tr key={r.kommun_code} data-kommun={r.kommun_code} className={r.kommun_code === '20' ? 'total' : ''}>
                <td>{name}</td>
                <td className="num" data-testid={`listed-${r.kommun_code}`}>{signed(r.listedChange)}</td>
                <td className="num">{fmt(r.estimate2025)}</td>
                {(['scb', 'trend', 'imported'] as const).flatMap((src) =>
                  ([2030, 2035] as const).map((y) => (
                    <td key={`${src}-${y}`} className={`num ${src === source ? 'chosen' : ''}`} data-testid={`cot-${r.kommun_code}-${src}-${y}`}>
                      {fmt(r[src][y])}
                    </td>
                  )),
                )}
                <td>
                  <Sparkline values={series} label={`${name}: ${seriesText(series, lang)}`} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </div>
    </details>
  );
}
