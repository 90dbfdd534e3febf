import { useMemo } from 'react';
import { organisationalBelonging, type BelongingResult } from '../domain/catchments/belonging';
import { flowDiagram, type FlowDiagram } from '../domain/catchments/flowDiagram';
import { belongingCentres, branchAliases } from '../domain/catchments/hosts';
import type { CoverageAnalysisSummary } from '../domain/summary';
import { formatNumber, formatPercent, STRINGS, type Lang } from '../i18n';
import { projectionText, siteSetLabel, travelText } from '../i18n/describe';
import { CATCHMENT_COLORS, CATCHMENT_NONE_COLOR } from '../map/palette';
import { kommunList, useMapCoverage, activeScenarioName } from '../state/selectors';
import { usePlanner } from '../state/store';
import { downloadText } from './download';
import { useListing } from './useDerived';

/**
 * Issue 11, item 1: the catchment of each site of the set the map shows (today or the proposal),
 * the kommun × site flows with each kommun's flag, a diagram of the flows across kommun borders,
 * and the organisational belonging beside the geographic "within T" share. Every figure is the
 * worker's (src/domain/catchments via CoverageAnalysisSummary); this component only lays it out.
 */
export function CatchmentPanel() {
  const lang = usePlanner((st) => st.lang);
  const s = STRINGS[lang];
  const t = s.catchment;
  const cov = useMapCoverage();
  const status = usePlanner((st) => st.analysisStatus);
  const belonging = useBelonging(cov);
  const diagram = useMemo(() => (cov ? flowDiagram(cov.flows, cov.catchments.sites, { minChildren: 5, acrossOnly: true }) : null), [cov]);
  if (!cov || !diagram) return null;
  const { catchments, flows, catchmentSlots } = cov;
  const kommunName = new Map(flows.kommuner.map((k) => [k.kommun_code, k.kommun_name]));
  const nameOf = (code: string) => kommunName.get(code) || code;
  const stale = status !== 'idle';
  return (
    <section className="panel" aria-labelledby="catchment-h" data-testid="catchment-panel" data-status={stale ? 'busy' : 'idle'}>
      <h2 id="catchment-h">{t.title}</h2>
      <p className="hint">{t.note}</p>
      <p className="hint" data-testid="catchment-context">
        {siteSetLabel(cov.siteSet, lang)} · {projectionText(cov.params, lang)} · {travelText(cov.params.travel, lang)}
      </p>
      <div className="table-scroll">
        <table className="data-table" data-testid="catchment-table">
          <thead>
            <tr>
              <th>{t.centre}</th>
              <th>{t.kind}</th>
              <th className="num">{t.children}</th>
              <th>{t.fromKommuner}</th>
              <th className="num">{t.ot12}</th>
              <th className="num">{t.meanMinutes}</th>
              <th className="num">{t.deso}</th>
            </tr>
          </thead>
          <tbody>
            {catchments.centres.map((c) => (
              <tr key={c.site_id} data-site={c.site_id}>
                <td>
                  <span className="swatch" aria-hidden="true" style={{ background: CATCHMENT_COLORS[catchmentSlots[c.site_index]] ?? CATCHMENT_NONE_COLOR }} /> {c.name}
                </td>
                <td>{t.kinds[c.kind] ?? c.kind}</td>
                <td className="num" data-value={c.children_0_6}>{formatNumber(c.children_0_6, 0, lang)}</td>
                <td>{c.by_kommun.filter((k) => k.children_0_6 >= 0.5).map((k) => `${nameOf(k.kommun_code)} ${formatNumber(k.children_0_6, 0, lang)}`).join(' · ')}</td>
                <td className="num">{c.share_ot_1_2 === null ? t.unknown : formatPercent(c.share_ot_1_2, 0, lang)}</td>
                <td className="num">{c.mean_minutes === null ? t.unknown : formatNumber(c.mean_minutes, 1, lang)}</td>
                <td className="num">
                  <details>
                    <summary>{c.primary_deso_count}</summary>
                    <span className="hint deso-list">
                      {c.deso
                        .filter((d) => d.primary)
                        .map((d) => `${d.deso_code} (${formatNumber(d.children_0_6, 0, lang)})`)
                        .join(', ')}
                    </span>
                  </details>
                </td>
              </tr>
            ))}
            {catchments.unreachable.children_0_6 > 0 && (
              <tr data-site="">
                <td>
                  <span className="swatch" aria-hidden="true" style={{ background: CATCHMENT_NONE_COLOR }} /> {t.unreachableRow}
                </td>
                <td />
                <td className="num">{formatNumber(catchments.unreachable.children_0_6, 0, lang)}</td>
                <td>{catchments.unreachable.by_kommun.map((k) => `${nameOf(k.kommun_code)} ${formatNumber(k.children_0_6, 0, lang)}`).join(' · ')}</td>
                <td />
                <td />
                <td />
              </tr>
            )}
          </tbody>
        </table>
      </div>

      <h3>{t.flowsTitle}</h3>
      <p className="hint">{t.flowsNote}</p>
      <div className="table-scroll">
        <table className="data-table" data-testid="flows-table">
          <thead>
            <tr>
              <th>{t.kommun}</th>
              <th className="num">{t.children}</th>
              <th className="num">{t.own}</th>
              <th className="num">{t.across}</th>
              <th>{t.flag}</th>
              <th>{t.reliedOn}</th>
            </tr>
          </thead>
          <tbody>
            {flows.kommuner.map((k) => (
              <tr key={k.kommun_code} data-kommun={k.kommun_code} data-flag={k.flag}>
                <td>{k.kommun_name || k.kommun_code}</td>
                <td className="num">{formatNumber(k.children_0_6, 0, lang)}</td>
                <td className="num">{formatNumber(k.own_children, 0, lang)}</td>
                <td className="num">{k.across_share === null ? t.unknown : formatPercent(k.across_share, 0, lang)}</td>
                <td className={k.flag === 'own' ? '' : 'flag'}>{t.flags[k.flag] ?? k.flag}</td>
                <td>{k.relied_on.map((r) => `${r.name} (${formatPercent(r.share_of_kommun, 0, lang)})`).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FlowSvg diagram={diagram} lang={lang} />

      <p>
        <button type="button" data-testid="export-catchments" onClick={() => void exportCatchments(cov, 'catchments', lang)}>
          {t.exportCatchments}
        </button>{' '}
        <button type="button" data-testid="export-flows" onClick={() => void exportCatchments(cov, 'flows', lang)}>
          {t.exportFlows}
        </button>
      </p>

      <h3>{t.belongingTitle}</h3>
      <p className="hint">{t.belongingNote}</p>
      {belonging && <BelongingTable belonging={belonging} cov={cov} lang={lang} />}
    </section>
  );
}

/**
 * The catchment or flow table of the shown set as CSV (Swedish Excel dialect): the same columns as
 * the CLI's `catchments` / `catchments --flows`, with the set, year and travel model stated.
 */
async function exportCatchments(cov: CoverageAnalysisSummary, what: 'catchments' | 'flows', lang: Lang): Promise<void> {
  const [{ catchmentRows, catchmentColumns, flowRows, flowColumns }, { writeCsv }, { exportFileName }] = await Promise.all([import('../io/catchmentExport'), import('../io/csvWrite'), import('../io/exports')]);
  const st = usePlanner.getState();
  const name = activeScenarioName(st);
  const stated = [`Scenario: ${name}`, siteSetLabel(cov.siteSet, lang), projectionText(cov.params, lang), travelText(cov.params.travel, lang)];
  const key = cov.siteSet.key;
  const csv =
    what === 'catchments'
      ? writeCsv(catchmentRows(key, cov.catchments), catchmentColumns('sv'), 'sv', stated)
      : writeCsv(flowRows(key, cov.flows), flowColumns(cov.flows.siteIds, 'sv'), 'sv', stated);
  downloadText(exportFileName(name, what === 'catchments' ? 'upptagningsomraden' : 'floden', 'csv', new Date()), csv, 'text/csv;charset=utf-8');
}

/** Belonging of the shown set's centres with the listing in use (modelled or imported). */
function useBelonging(cov: CoverageAnalysisSummary | null): BelongingResult | null {
  const data = usePlanner((st) => st.data);
  const listing = useListing();
  const hosts = usePlanner((st) => st.params.hosts);
  return useMemo(() => {
    if (!cov || !data) return null;
    return organisationalBelonging({
      centres: belongingCentres(cov.catchments.sites, data.familyCentres),
      overrides: new Map(Object.entries(hosts)),
      healthCentres: data.healthCentres,
      listing,
      aliases: branchAliases(data.healthCentreBranches),
      kommuner: kommunList(data),
    });
  }, [cov, data, listing, hosts]);
}

function BelongingTable({ belonging, cov, lang }: { belonging: BelongingResult; cov: CoverageAnalysisSummary; lang: Lang }) {
  const s = STRINGS[lang];
  const t = s.catchment;
  const within = new Map(cov.rows.map((r) => [r.kommun_code, r]));
  const label = belonging.modelled ? t.modelled : t.imported;
  const share = (v: number | null) => (v === null ? t.unknown : formatPercent(v, 1, lang));
  const hostNames = new Map(belonging.hosts.map((h) => [h.health_centre_id, h.name]));
  return (
    <>
      <p data-testid="belonging-county">
        <strong>{t.belongingShare}: {share(belonging.county.share)}</strong> ({label}) · {t.withinT} {cov.params.thresholdMinutes} min: {formatPercent(cov.county.coverage_share, 1, lang)}
      </p>
      <p className="hint">
        {t.hosts}: {belonging.hosts.length ? belonging.hosts.map((h) => h.name).join(', ') : '–'}
        {belonging.centres.some((c) => !c.health_centre_id) && ` · ${belonging.centres.filter((c) => !c.health_centre_id).length} ${t.noHost}`}
      </p>
      {belonging.issues.length > 0 && (
        <ul className="hint" data-testid="belonging-issues">
          {belonging.issues.map((i, k) => (
            <li key={k}>{fill(t.issues[i.code] ?? i.code, i.params as Record<string, unknown>)}</li>
          ))}
        </ul>
      )}
      <div className="table-scroll">
        <table className="data-table" data-testid="belonging-table">
          <thead>
            <tr>
              <th>{t.kommun}</th>
              <th className="num">{t.belongingShare}</th>
              <th className="num">{t.withinT}</th>
              <th>{t.hosts}</th>
            </tr>
          </thead>
          <tbody>
            {belonging.byKommun.map((k) => (
              <tr key={k.kommun_code} data-kommun={k.kommun_code}>
                <td>{k.kommun_name || k.kommun_code}</td>
                <td className="num">{share(k.share)}</td>
                <td className="num">{within.has(k.kommun_code) ? formatPercent(within.get(k.kommun_code)!.coverage_pct / 100, 1, lang) : ''}</td>
                <td>{k.hosts.map((h) => hostNames.get(h) ?? h).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** "{name} …" with the params filled in (each value as text; React escapes it when rendered). */
function fill(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (params[k] === undefined || params[k] === null ? '' : String(params[k])));
}

/**
 * A two-column flow diagram: home kommuner on the left, sites on the right, a band per flow whose
 * width is proportional to the children. Only flows across kommun borders (the diagram's input).
 */
function FlowSvg({ diagram, lang }: { diagram: FlowDiagram; lang: Lang }) {
  const t = STRINGS[lang].catchment;
  if (!diagram.links.length) return null;
  const rowH = 22;
  const left = diagram.kommunNodes;
  const right = diagram.centreNodes;
  const height = Math.max(left.length, right.length) * rowH + 10;
  const max = Math.max(...diagram.links.map((l) => l.children_0_6));
  const y = (i: number) => 10 + i * rowH + rowH / 2;
  const li = new Map(left.map((n, i) => [n.kommun_code, i]));
  const ri = new Map(right.map((n, i) => [n.site_id, i]));
  return (
    <figure className="flow-diagram" data-testid="flow-diagram">
      <figcaption>{t.diagram}</figcaption>
      <svg viewBox={`0 0 380 ${height}`} width="100%" role="img" aria-label={t.diagram}>
        {diagram.links.map((l) => {
          const a = y(li.get(l.kommun_code) ?? 0);
          const b = y(ri.get(l.site_id) ?? 0);
          return (
            <path key={`${l.kommun_code}-${l.site_id}`} d={`M120,${a} C190,${a} 190,${b} 260,${b}`} fill="none" stroke="#6a3d9a" strokeOpacity={0.45} strokeWidth={Math.max(1.5, (14 * l.children_0_6) / max)}>
              <title>{`${l.kommun_name} → ${l.site_name}: ${formatNumber(l.children_0_6, 0, lang)}`}</title>
            </path>
          );
        })}
        {left.map((n, i) => (
          <text key={n.kommun_code} x={116} y={y(i) + 4} textAnchor="end" fontSize={12}>{n.kommun_name}</text>
        ))}
        {right.map((n, i) => (
          <text key={n.site_id} x={264} y={y(i) + 4} fontSize={12}>{n.name}</text>
        ))}
      </svg>
      {diagram.omitted.links > 0 && (
        <p className="hint">{t.omitted}: {diagram.omitted.links} ({formatNumber(diagram.omitted.children_0_6, 0, lang)} {t.children.toLowerCase()})</p>
      )}
    </figure>
  );
}
