import { useEffect, useState } from 'react';
import { fairness } from '../../domain/fairness';
import { compareText, formatChange, formatNumber, formatPercent, STRINGS } from '../../i18n';
import { isoDate } from '../../io/exports';
import { demandUnits } from '../../domain/views';
import { gapReasons, projectionText, siteSetLabel, siteSetName } from '../../i18n/describe';
import { buildMapData } from '../../map/mapData';
import { OffscreenMaps } from '../../map/offscreen';
import { usePlanner } from '../../state/store';
import { FairnessChart } from '../FairnessChart';
import { seriesText, Sparkline, useChildrenOverTime } from '../NeedControls';
import { seriesOf, type ChildrenOverTimeRow } from '../../domain/need/childrenOverTime';
import { useListing } from '../useDerived';
import { usePresentationData } from './usePresentationData';

interface Page {
  code: string;
  name: string;
  image: string;
}

/**
 * The atlas: one A4 landscape page per kommun (15) with its map, its statistics and the fairness
 * chart, for the active scenario. Printed (or saved as PDF) from the browser.
 */
export function AtlasView() {
  const open = usePlanner((s) => s.atlasOpen);
  const lang = usePlanner((s) => s.lang);
  const s = STRINGS[lang];
  const a = s.atlas;
  const data = usePlanner((s) => s.data);
  const visible = usePlanner((s) => s.visible);
  const year = usePlanner((s) => s.params.omradestypYear);
  const listing = useListing();
  const candidates = usePlanner((s) => s.candidates);
  const scenarios = usePlanner((s) => s.scenarios);
  const activeId = usePlanner((s) => s.activeScenarioId);
  const { today, shown: proposal } = usePresentationData(open);
  const [pages, setPages] = useState<Page[]>([]);
  const name = scenarios.find((x) => x.id === activeId)?.name ?? '';
  const cot = useChildrenOverTime();
  const cotOf = new Map(cot?.rows.map((r) => [r.kommun_code, r]) ?? []);

  const kommuner = (data?.kommuner.features ?? [])
    .map((f) => f.properties)
    .sort((x, y) => compareText(x.kommun_name, y.kommun_name, lang));

  useEffect(() => {
    if (!open || !data || !proposal) return;
    let live = true;
    setPages([]);
    const off = new OffscreenMaps(
      buildMapData(data, listing, proposal.coverage.siteSet.key === 'proposal' ? candidates : []),
      { visible: { ...visible, kommuner: true, access: false, density: false }, densityMode: 'grid', accessMode: 'grid', omradestypYear: year, basemap: false },
      s,
      lang,
      900,
      640,
      2,
    );
    void (async () => {
      await off.setGaps(proposal.gapCodes);
      const out: Page[] = [];
      for (const k of kommuner) {
        if (!live) break;
        const r = await off.render(k.bbox, 24);
        // Kommun names are drawn onto the image (on screen they are HTML labels).
        const ctx = r.canvas.getContext('2d')!;
        ctx.font = "bold 40px 'DejaVu Sans', sans-serif";
        ctx.textAlign = 'center';
        for (const l of r.labels) {
          ctx.strokeStyle = 'rgba(255,255,255,0.9)';
          ctx.lineWidth = 8;
          ctx.strokeText(l.text, l.x, l.y);
          ctx.fillStyle = l.color ?? '#222';
          ctx.fillText(l.text, l.x, l.y);
        }
        out.push({ code: k.kommun_code, name: k.kommun_name, image: r.canvas.toDataURL('image/png') });
        if (live) setPages([...out]);
      }
      off.destroy();
    })();
    return () => {
      live = false;
    };
    // `kommuner` follows data and lang, which are listed.
  }, [open, data, proposal?.coverage, candidates, year, lang]);
  if (!open || !data) return null;
  const units = proposal ? demandUnits(data.demand, proposal.coverage.params.demand) : [];
  const hasProposal = proposal?.coverage.siteSet.key === 'proposal';
  const fmt = (v: number | null | undefined, d = 0) => formatNumber(v, d, lang);

  return (
    <div className="atlas" data-testid="atlas" role="dialog" aria-label={a.title} data-ready={pages.length > 0 && pages.length === kommuner.length ? 'true' : 'false'}>
      <div className="atlas-bar no-print">
        <strong>{a.title}</strong> — {pages.length < kommuner.length ? `${a.making} ${pages.length} ${a.of} ${kommuner.length} …` : `${pages.length} sidor`}{' '}
        <button type="button" data-testid="atlas-print" disabled={pages.length < kommuner.length} onClick={() => window.print()}>{a.print}</button>{' '}
        <button type="button" data-testid="atlas-close" onClick={() => usePlanner.getState().setAtlasOpen(false)}>{a.close}</button>
      </div>
      {proposal &&
        pages.map((pg) => {
          const row = proposal.coverage.rows.find((r) => r.kommun_code === pg.code);
          const gap = proposal.coverage.gaps.find((g) => g.kommun_code === pg.code);
          return (
            <section className="atlas-page" key={pg.code} data-kommun={pg.code} data-testid="atlas-page">
              <header>
                <h2>{pg.name}</h2>
                <div className="note">
                  {s.present.scenario}: {name} · {isoDate(new Date())} · {s.analysis.threshold} {proposal.coverage.params.thresholdMinutes} min
                </div>
                <div className="note" data-testid="atlas-sets">{s.analysis.sitesCounted}: {siteSetLabel(proposal.coverage.siteSet, lang)}</div>
              </header>
              <div className="atlas-body">
                <img src={pg.image} alt={pg.name} />
                <div className="atlas-side">
                  <table className="data-table kv">
                    <caption>{a.stats}</caption>
                    <tbody>
                      <tr><th>{proposal.key.year === 2025 ? s.present.children : s.present.childrenYears(String(proposal.key.year))}</th><td className="num">{fmt(row?.children_0_6)}</td></tr>
                      {hasProposal && today && (
                        <tr><th>{s.present.within} {proposal.coverage.params.thresholdMinutes} min, {siteSetName('today', lang).toLowerCase()}</th><td className="num" data-testid="atlas-coverage-today">{(() => { const t = today.coverage.rows.find((r) => r.kommun_code === pg.code); return t ? formatPercent(t.coverage_pct / 100, 1, lang) : '–'; })()}</td></tr>
                      )}
                      <tr><th>{s.present.within} {proposal.coverage.params.thresholdMinutes} min{hasProposal ? `, ${siteSetName('proposal', lang).toLowerCase()}` : ''}</th><td className="num" data-testid="atlas-coverage">{row ? formatPercent(row.coverage_pct / 100, 1, lang) : '–'}</td></tr>
                      <tr><th>{s.analysis.meanMinutes}</th><td className="num">{fmt(row?.mean_minutes, 1)} min</td></tr>
                      <tr><th>{s.analysis.medianMinutes}</th><td className="num">{fmt(row?.median_minutes, 1)} min</td></tr>
                      <tr><th>{s.analysis.over30}</th><td className="num">{fmt(row?.children_over_30_min)}</td></tr>
                      <tr><th>&lt; 5 / 5–10 / 10–30 min</th><td className="num">{fmt(row?.children_lt_5_min)} / {fmt(row?.children_5_10_min)} / {fmt(row?.children_10_30_min)}</td></tr>
                      <tr><th>{s.layer.familyCentres}</th><td className="num">{row ? `${row.centres_existing} ${s.status.existing.toLowerCase()}${row.centres_planned ? `, ${row.centres_planned} ${s.status.planned.toLowerCase()}` : ''}${row.centres_intent ? `, ${row.centres_intent} ${s.status.intent.toLowerCase()}` : ''}${row.centres_family_unit ? `, ${row.centres_family_unit} ${s.status.family_unit.toLowerCase()}` : ''}` : '–'}</td></tr>
                      <tr><th>{s.candidateLabel}</th><td className="num">{row?.candidates ?? 0}</td></tr>
                    </tbody>
                  </table>
                  {gap && gap.flags.length > 0 && (
                    <ul className="gap-reasons">
                      {gapReasons(gap, proposal.coverage.siteSet.key, lang).map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                  )}
                  <FairnessChart rows={fairness(proposal.sites, units, data.regso, year, pg.code)} width={300} />
                  {cotOf.get(pg.code) && <AtlasChildrenOverTime row={cotOf.get(pg.code)!} name={pg.name} />}
                </div>
              </div>
              <footer className="note">{s.present.sources}</footer>
            </section>
          );
        })}
    </div>
  );
}

/** A kommun's children over time on its atlas page: the chart, the figures and the assumption in words. */
function AtlasChildrenOverTime({ row, name }: { row: ChildrenOverTimeRow; name: string }) {
  const lang = usePlanner((st) => st.lang);
  const params = usePlanner((st) => st.params);
  const t = STRINGS[lang].need;
  const series = seriesOf(row, params.projection.source);
  const listed = row.listedChange === null ? t.notGiven : formatChange(row.listedChange, lang);
  return (
    <figure className="atlas-cot" data-testid="atlas-cot">
      <figcaption>{t.overTime.replace(/ per kommun| per municipality/, '')}</figcaption>
      <Sparkline values={series} label={`${name}: ${seriesText(series, lang)}`} width={300} height={56} />
      <p className="note">
        {seriesText(series, lang)}. {t.listed}: {listed} (HSN 2026/4486). {projectionText({ ...params, projection: { ...params.projection, year: 2035 } }, lang)}
      </p>
    </figure>
  );
}
