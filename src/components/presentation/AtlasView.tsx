import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { fairness } from '../../domain/fairness';
import { compareText, formatChange, formatNumber, formatPercent, STRINGS } from '../../i18n';
import { isoDate } from '../../io/exports';
import { demandUnits } from '../../domain/views';
import { gapReasons, projectionText, siteSetLabel, siteSetName, travelText } from '../../i18n/describe';
import { ATLAS_WORDS } from '../../i18n/atlas';
import { setVardvalBudget } from '../vardvalBudget';
import type { HostClaim } from '../../domain/budget/claims';
import { kommunOfSite } from '../decisionInput';
import { changeList, type KommunChange } from '../../domain/history/changeList';
import { snapshotAt } from '../../domain/history/snapshot';
import { groupCountsText } from '../../i18n/history';
import { docRefText, UNKNOWN_TEXT } from '../../io/siteServicesWords';
import { KOMMUN_CHANGE_TEXT, PERIOD_STATUS_TEXT, STATUS_NOTE_TEXT } from '../../io/statusPeriodsWords';
import { legendBox } from '../../layout/legendBox';
import { mapFramePrims } from '../../layout/mapFrame';
import { sceneToSvg } from '../../layout/svg';
import { typography } from '../../layout/typography';
import { canvasMeasure } from '../../map/drawScene';
import { legendSections } from '../../map/legendSpec';
import { buildMapData } from '../../map/mapData';
import { OffscreenMaps } from '../../map/offscreen';
import { usePlanner } from '../../state/store';
import { fairnessBlock } from '../../layout/fairnessBlock';
import type { FairnessRow } from '../../domain/fairness';
import { fairnessSpec } from './exportPresentation';
import { seriesText, Sparkline, useChildrenOverTime } from '../NeedControls';
import { seriesOf, type ChildrenOverTimeRow } from '../../domain/need/childrenOverTime';
import { useListing, useMaxListed } from '../useDerived';
import { usePresentationData } from './usePresentationData';
import '../../styles/atlas.css';

/** The documented change autumn 2019 → 2026 per kommun (src/domain/history). */
const CHANGES_2019_2026 = new Map(changeList(snapshotAt('2019'), snapshotAt('2026')).map((c) => [c.kommun_code, c]));

/** One kommun's change 2019 → 2026 in a line: before → after, the change, and why (or "uppgift saknas"). */
function historyLine(c: KommunChange, lang: 'sv' | 'en'): string {
  const status = PERIOD_STATUS_TEXT[lang];
  const before = Object.keys(c.before).length ? groupCountsText(c.before, status, lang) : '–';
  const after = Object.keys(c.after).length ? groupCountsText(c.after, status, lang) : '–';
  const why = c.change === 'unchanged' ? '' : `; ${c.reason ? `${STATUS_NOTE_TEXT[lang][c.reason.code]} (${docRefText(c.reason.source)})` : UNKNOWN_TEXT[lang]}`;
  return `${before} → ${after} (${KOMMUN_CHANGE_TEXT[lang][c.change].toLowerCase()}${why})`;
}

interface Page {
  code: string;
  name: string;
  /** The framed map with scale bar, north arrow and place names, as SVG (text stays text). */
  mapSvg: string;
  /** The kommun's fairness chart, as SVG. */
  fairnessSvg: string;
}

/** The atlas map frame on paper: 170 × 120 mm, rendered at 300 dpi (2 px per CSS px). */
const MAP_MM = { w: 170, h: 120 };
const DPI = 300;
const MAP_PX = { w: Math.round((MAP_MM.w / 25.4) * DPI), h: Math.round((MAP_MM.h / 25.4) * DPI) };
const MAP_PR = 2;
/** The legend under the map: as wide as the map, up to 40 mm high (it grows rather than clip). */
const LEGEND_MM = { w: MAP_MM.w, h: 40 };
/** The side column's width on paper (281 mm − map 170 mm − gap 6 mm). */
const SIDE_MM = 105;

/**
 * The atlas: one A4 landscape page per kommun (15) with its map, its statistics and the fairness
 * chart, for the active scenario. Printed (or saved as PDF) from the browser.
 */
export function AtlasView() {
  const open = usePlanner((s) => s.atlasOpen);
  const lang = usePlanner((s) => s.lang);
  const s = STRINGS[lang];
  const a = s.atlas;
  const aw = ATLAS_WORDS[lang];
  const data = usePlanner((s) => s.data);
  const visible = usePlanner((s) => s.visible);
  const year = usePlanner((s) => s.params.omradestypYear);
  const params = usePlanner((s) => s.params);
  const listing = useListing();
  const maxListed = useMaxListed();
  const candidates = usePlanner((s) => s.candidates);
  const scenarios = usePlanner((s) => s.scenarios);
  const activeId = usePlanner((s) => s.activeScenarioId);
  const { today, shown: proposal } = usePresentationData(open);
  const [pages, setPages] = useState<Page[]>([]);
  const name = scenarios.find((x) => x.id === activeId)?.name ?? '';
  const cot = useChildrenOverTime();
  const listingImport = usePlanner((s) => s.listingImport);
  // What the atlas map shows: the planner's layers without the travel-time and density fills.
  const atlasVisible = { ...visible, kommuner: true, access: false, density: false };
  const listingLabel = listingImport ? `${s.imported} ${listingImport.year}` : `${s.modelled} 2025`;
  // The fairness chart by the layout engine (value labels measured to fit), as wide as the side column.
  const fairnessSvg = (rows: FairnessRow[]) => {
    const t = typography('print', { dpi: DPI });
    const w = (SIDE_MM / 25.4) * DPI;
    const mb = fairnessBlock('fairness', fairnessSpec(rows, s, lang), false).measure(w, t, canvasMeasure());
    return sceneToSvg({ width: w, height: mb.h, prims: mb.draw(0, 0) }, {}, { widthAttr: `${SIDE_MM}mm`, heightAttr: `${((mb.h / DPI) * 25.4).toFixed(2)}mm` }, s.present.fairness);
  };
  const shownSetKey = proposal?.coverage.siteSet.key;
  const legendSvg = useMemo(() => {
    if (!shownSetKey) return '';
    const t = typography('print', { dpi: DPI });
    const w = (LEGEND_MM.w / 25.4) * DPI;
    const box = legendBox(legendSections(atlasVisible, year, s, lang, listingLabel, siteSetName(shownSetKey, lang), null, null, { maxListed }), w, (LEGEND_MM.h / 25.4) * DPI, t, canvasMeasure(), MAP_PR);
    return sceneToSvg(box.scene, {}, { widthAttr: `${LEGEND_MM.w}mm`, heightAttr: `${((box.scene.height / DPI) * 25.4).toFixed(2)}mm` }, aw.legend);
    // atlasVisible follows visible; s and aw follow lang.
  }, [shownSetKey, visible, year, lang, listingLabel, maxListed]);
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
      { visible: { ...atlasVisible, tatorter: true }, densityMode: 'grid', accessMode: 'grid', omradestypYear: year, basemap: false },
      s,
      lang,
      Math.round(MAP_PX.w / MAP_PR),
      Math.round(MAP_PX.h / MAP_PR),
      MAP_PR,
    );
    const t = typography('print', { dpi: DPI });
    const measure = canvasMeasure();
    const units = demandUnits(data.demand, proposal.coverage.params.demand);
    void (async () => {
      await off.setGaps(proposal.gapCodes);
      const out: Page[] = [];
      for (const k of kommuner) {
        if (!live) break;
        // Framed to the kommun with a margin; the kommun picked out, its neighbours muted.
        await off.setFocus(k.kommun_code);
        const r = await off.render(k.bbox, 40);
        const prims = mapFramePrims(
          { x: 0, y: 0, w: r.canvas.width, h: r.canvas.height },
          { imageKey: 'map', imageWidth: r.canvas.width, imageHeight: r.canvas.height, labels: off.focusLabels(r.labels, k.kommun_code, k.kommun_name), scaleBar: r.scaleBar, northArrow: true },
          t,
          measure,
        );
        const mapSvg = sceneToSvg({ width: r.canvas.width, height: r.canvas.height, prims }, { map: r.canvas.toDataURL('image/png') }, { widthAttr: `${MAP_MM.w}mm`, heightAttr: `${MAP_MM.h}mm` }, `${k.kommun_name}: ${aw.mapNote}`);
        out.push({ code: k.kommun_code, name: k.kommun_name, mapSvg, fairnessSvg: fairnessSvg(fairness(proposal.sites, units, data.regso, year, k.kommun_code)) });
        if (live) setPages([...out]);
      }
      off.destroy();
    })();
    return () => {
      live = false;
    };
    // `kommuner` follows data and lang, which are listed.
  }, [open, data, proposal?.coverage, candidates, year, lang]);
  // Measured, then placed: a side column whose content does not fit its page gets the smaller
  // print type (8 pt, the floor), then leaves out the children-over-time note, then the
  // nearest-site table — never clipped.
  const atlasRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    for (const col of atlasRef.current?.querySelectorAll<HTMLElement>('.atlas-side-col') ?? []) {
      for (const fit of ['normal', 'compact', 'minimal', 'bare']) {
        col.dataset.fit = fit;
        if (col.scrollHeight <= col.clientHeight + 1) break;
      }
    }
  }, [pages, lang]);
  // Vårdval: the budget panel's claims for the shown set, hosts of the kommun's sites.
  const vardvalByKommun = useMemo(() => {
    const out = new Map<string, HostClaim[]>();
    if (!data || !proposal) return out;
    const budget = setVardvalBudget(proposal.coverage.siteIds, data, candidates, listing, params.vardval, params.hosts);
    const siteKommun = new Map<string, string | null>([...data.familyCentres.map((f) => [f.id, f.kommun_code] as const), ...candidates.map((c) => [c.id, kommunOfSite(c, data)] as const)]);
    for (const h of budget.hosts) {
      for (const code of new Set(h.centreIds.map((id) => siteKommun.get(id)))) if (code) out.set(code, [...(out.get(code) ?? []), h]);
    }
    return out;
  }, [data, proposal?.coverage, candidates, listing, params.vardval, params.hosts]);
  if (!open || !data) return null;
  const hcName = new Map(data.healthCentres.map((h) => [h.id, h.name]));
  const vardvalLine = (code: string): string => {
    const hosts = vardvalByKommun.get(code) ?? [];
    if (!hosts.length) return aw.noHost;
    return hosts.map((h) => `${h.claimKr === null ? '–' : `${fmt(h.claimKr)} kr`} (${hcName.get(h.healthCentreId) ?? h.healthCentreId}${h.modelled ? `, ${aw.modelled}` : ''})`).join('; ');
  };
  const hasProposal = proposal?.coverage.siteSet.key === 'proposal';
  const fmt = (v: number | null | undefined, d = 0) => formatNumber(v, d, lang);

  return (
    <div className="atlas" ref={atlasRef} data-testid="atlas" role="dialog" aria-label={a.title} data-ready={pages.length > 0 && pages.length === kommuner.length ? 'true' : 'false'}>
      <div className="atlas-bar no-print">
        <strong>{a.title}</strong> — {pages.length < kommuner.length ? `${a.making} ${pages.length} ${a.of} ${kommuner.length} …` : aw.pagesReady(pages.length)}{' '}
        <button type="button" data-testid="atlas-print" disabled={pages.length < kommuner.length} onClick={() => window.print()}>{a.print}</button>{' '}
        <button type="button" data-testid="atlas-close" onClick={() => usePlanner.getState().setAtlasOpen(false)}>{a.close}</button>
      </div>
      {proposal &&
        pages.map((pg, i) => {
          const row = proposal.coverage.rows.find((r) => r.kommun_code === pg.code);
          const gap = proposal.coverage.gaps.find((g) => g.kommun_code === pg.code);
          const flows = proposal.coverage.flows.kommuner.find((f) => f.kommun_code === pg.code);
          const served = flows
            ? [...flows.own.map((c) => ({ name: c.name, where: '', children: c.children_0_6, share: c.share_of_kommun })), ...flows.neighbours.flatMap((n) => n.centres.map((c) => ({ name: c.name, where: aw.otherKommun(n.kommun_name), children: c.children_0_6, share: c.share_of_kommun })))]
                .sort((x, y) => y.children - x.children)
                .slice(0, 3)
            : [];
          const inKommun = candidates.filter((c) => c.kommun_code === pg.code);
          return (
            <section className="atlas-page atlas-sheet" key={pg.code} data-kommun={pg.code} data-testid="atlas-page">
              <header className="atlas-head">
                <h2>{pg.name}</h2>
                <div className="note" data-testid="atlas-sets">
                  {s.analysis.sitesCounted}: {siteSetLabel(proposal.coverage.siteSet, lang)} · {s.analysis.threshold} {proposal.coverage.params.thresholdMinutes} min · {s.present.scenario}: {name} · {s.present.date}: {isoDate(new Date())}
                </div>
              </header>
              <div className="atlas-map-col">
                <div className="atlas-map" data-testid="atlas-map" dangerouslySetInnerHTML={{ __html: pg.mapSvg }} />
                <div className="atlas-legend" data-testid="atlas-legend" dangerouslySetInnerHTML={{ __html: legendSvg }} />
              </div>
              <div className="atlas-side-col">
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
                    {CHANGES_2019_2026.get(pg.code) && (
                      <tr><th>{aw.history}</th><td data-testid="atlas-history">{historyLine(CHANGES_2019_2026.get(pg.code)!, lang)}</td></tr>
                    )}
                    <tr><th>{aw.vardval}</th><td data-testid="atlas-vardval">{vardvalLine(pg.code)}</td></tr>
                    <tr><th>{aw.candidates}</th><td className="num" data-testid="atlas-candidates">{row?.candidates ?? 0}{inKommun.length ? ` (${inKommun.map((c) => c.name).join(', ')})` : ''}</td></tr>
                  </tbody>
                </table>
                {gap && gap.flags.length > 0 && (
                  <ul className="gap-reasons">
                    {gapReasons(gap, proposal.coverage.siteSet.key, lang).map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                )}
                {served.length > 0 && (
                  <table className="data-table atlas-served" data-testid="atlas-served">
                    <caption>{aw.servedBy} ({siteSetName(proposal.coverage.siteSet.key, lang).toLowerCase()})</caption>
                    <thead>
                      <tr><th>{aw.site}</th><th className="num">{aw.children}</th><th className="num">{aw.share}</th></tr>
                    </thead>
                    <tbody>
                      {served.map((c) => (
                        <tr key={`${c.name}${c.where}`}><td>{c.name}{c.where ? ` ${c.where}` : ''}</td><td className="num">{fmt(c.children)}</td><td className="num">{formatPercent(c.share, 0, lang)}</td></tr>
                      ))}
                      {flows && flows.unreachable_children > 0 && <tr><td>{aw.none}</td><td className="num">{fmt(flows.unreachable_children)}</td><td /></tr>}
                    </tbody>
                  </table>
                )}
                <div className="atlas-charts">
                  <figure className="fairness" data-testid="atlas-fairness" dangerouslySetInnerHTML={{ __html: pg.fairnessSvg }} />
                  {cotOf.get(pg.code) && <AtlasChildrenOverTime row={cotOf.get(pg.code)!} name={pg.name} />}
                </div>
              </div>
              <footer className="atlas-foot note">
                <span>{aw.travel}: {travelText(proposal.coverage.params.travel, lang)}. {projectionText({ ...params, projection: { ...params.projection, year: 2035 } }, lang)}. {s.present.sources}. {aw.mapNote}</span>
                <span className="atlas-pageno" data-testid="atlas-pageno">{aw.page(i + 1, kommuner.length)}</span>
              </footer>
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
        {seriesText(series, lang)}. {t.listed}: {listed} (HSN 2026/4486).
      </p>
    </figure>
  );
}
