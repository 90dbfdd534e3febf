import { useEffect, useMemo, useRef, useState } from 'react';
import type { KommunGap } from '../domain/gaps';
import { changeList, type KommunChange } from '../domain/history/changeList';
import { snapshotAt, snapshotCounts } from '../domain/history/snapshot';
import { SNAPSHOT_KEYS, type SnapshotKey, type StatusNoteCode } from '../domain/history/types';
import { keyFigures } from '../domain/keyFigures';
import type { DocRef } from '../domain/services/docRef';
import { INVENTORY_2019 } from '../domain/services/documented';
import type { CoverageAnalysisSummary } from '../domain/summary';
import type { FamilyCentre } from '../domain/types';
import { compareText, formatNumber, formatPercent, type Lang } from '../i18n';
import { groupCountsText, HISTORY_STRINGS, siteStatusCountsText, snapshotGapReasons } from '../i18n/history';
import { docRefText, docRefTitles, UNKNOWN_TEXT } from '../io/siteServicesWords';
import { KOMMUN_CHANGE_TEXT, PERIOD_STATUS_TEXT, SITE_CHANGE_TEXT, SNAPSHOT_TEXT, STATUS_NOTE_TEXT } from '../io/statusPeriodsWords';
import { kommunList, useAnalysisRequest } from '../state/selectors';
import { usePlanner } from '../state/store';
import { snapshotCoverage } from '../worker/client';
import { scenarioChanges, snapshotView, type SnapshotView } from './historySnapshots';

/** The 2019 inventory's co-location count, for the words of `form_uncertain` (000/001). */
const INVENTORY = { fully: INVENTORY_2019.fullyColocated, of: INVENTORY_2019.centres };

/** Documented notes of the 2026 list by site id (the stalled letters of intent, 002 avsnitt 3.1). */
const NOTES_2026 = new Map<string, { code: StatusNoteCode; source: DocRef }>(
  snapshotAt('2026').entries.flatMap((e) => (e.statusNote ? [[e.id, e.statusNote] as const] : [])),
);

/** The documented change 2019 → 2026 (the same for every scenario). */
const CHANGES_2019_2026 = changeList(snapshotAt('2019'), snapshotAt('2026'));

/**
 * Issue 11, item 3: the year control — today's scenario, autumn 2019 (000/001) or 2026 (002) —
 * with a snapshot's key figures and gap flags (computed by the analysis worker with the
 * snapshot's sites in place of today's, under the scenario's parameters), where its sites are
 * drawn, the documented change 2019 → 2026 per kommun with a reason only where a document gives
 * one, and the change from the snapshot to today's scenario. The map shows the chosen snapshot's
 * sites (store `historySnapshot`, read by MapView).
 */
export function HistoryPanel() {
  const lang = usePlanner((st) => st.lang);
  const t = HISTORY_STRINGS[lang];
  const data = usePlanner((st) => st.data);
  const key = usePlanner((st) => st.historySnapshot);
  const sets = usePlanner((st) => st.coverage);
  const candidates = usePlanner((st) => st.candidates);
  const req = useAnalysisRequest();
  const [result, setResult] = useState<{ key: SnapshotKey; summary: CoverageAnalysisSummary } | null>(null);
  const [status, setStatus] = useState<'idle' | 'running' | 'error'>('idle');
  const seq = useRef(0);
  // The analysis worker is initialised by the live analysis; its first answer means it is ready.
  const [workerReady, setWorkerReady] = useState(false);
  useEffect(() => {
    if (sets) setWorkerReady(true);
  }, [sets]);

  useEffect(() => {
    const my = ++seq.current;
    if (!key || !data || !req || !workerReady) {
      setStatus('idle');
      return;
    }
    setStatus('running');
    snapshotCoverage(req, snapshotView(data, key).centres).then(
      (summary) => {
        if (my !== seq.current) return;
        setResult({ key, summary });
        setStatus('idle');
      },
      () => {
        if (my === seq.current) setStatus('error');
      },
    );
  }, [key, data, req, workerReady]);

  const view = useMemo(() => (data && key ? snapshotView(data, key) : null), [data, key]);
  if (!data) return null;
  const summary = result && result.key === key ? result.summary : null;
  const choose = (k: SnapshotKey | null) => usePlanner.getState().setHistorySnapshot(k);

  return (
    <section className="panel" aria-labelledby="history-h" data-testid="history-panel" data-snapshot={key ?? 'today'} data-status={status}>
      <h2 id="history-h">{t.title}</h2>
      <p className="hint">{t.intro}</p>
      <fieldset className="year-control" data-testid="history-year">
        <legend>{t.yearLegend}</legend>
        <label className="inline">
          <input type="radio" name="history-year" data-testid="history-year-today" checked={key === null} onChange={() => choose(null)} /> {t.today}
        </label>
        {SNAPSHOT_KEYS.map((k) => (
          <label key={k} className="inline">
            <input type="radio" name="history-year" data-testid={`history-year-${k}`} checked={key === k} onChange={() => choose(k)} /> {SNAPSHOT_TEXT[lang][k]}
          </label>
        ))}
      </fieldset>
      {key === null && <p className="hint" data-testid="history-today-note">{t.todayNote}</p>}
      {key !== null && view && (
        <SnapshotDetails snapshotKey={key} view={view} summary={summary} today={sets?.today ?? null} status={status} lang={lang} year={req?.params.projection.year ?? null} />
      )}
      {key !== null && view && <ScenarioChangeList snapshotKey={key} view={view} todayCentres={data.familyCentres} candidates={candidates} kommuner={kommunList(data)} lang={lang} />}
      <ChangeList2019To2026 names={new Map(data.familyCentres.map((f) => [f.id, f.name]))} lang={lang} />
    </section>
  );
}

/** A snapshot's source, key figures beside today's, gap flags and where its sites are drawn. */
function SnapshotDetails({
  snapshotKey,
  view,
  summary,
  today,
  status,
  lang,
  year,
}: {
  snapshotKey: SnapshotKey;
  view: SnapshotView;
  summary: CoverageAnalysisSummary | null;
  today: CoverageAnalysisSummary | null;
  status: 'idle' | 'running' | 'error';
  lang: Lang;
  year: number | null;
}) {
  const t = HISTORY_STRINGS[lang];
  const snap = view.placed.snapshot;
  const counts = snapshotCounts(snap);
  const other = t.listedOther(counts.planned, counts.intent, counts.family_units);
  return (
    <div data-testid="history-snapshot" data-key={snapshotKey}>
      <p data-testid="history-source">
        {t.listedCentres(counts.open_centres, counts.kommuner_with_open)}
        {other ? `; ${other}` : ''}. {t.source}: <span title={docRefTitles(snap.source).join('\n')}>{docRefText(snap.source)}</span> ({t.documentDate} {snap.documentDate}).
      </p>
      {snap.statedWithout && (
        <p className="hint" data-testid="history-stated-without">
          {t.statedWithout2019(snap.statedWithout.kommuner.length, snap.statedWithout.kommuner.map((k) => k.kommun_name).join(', '))} ({docRefText(snap.statedWithout.source)}).
        </p>
      )}
      <p className="hint" data-testid="history-children-note">{year !== null ? t.childrenNote(year) : ''} {t.countedNote}</p>
      <p className="hint">{t.mapNote}</p>
      {status === 'error' && <p className="error" role="alert">{t.error}</p>}
      {status === 'running' && !summary && <p role="status">{t.computing}</p>}
      {summary && <SnapshotFigures snapshotKey={snapshotKey} summary={summary} today={today} stale={status === 'running'} lang={lang} />}
      <Places view={view} lang={lang} />
    </div>
  );
}

/** The snapshot's county figures beside today's scenario, and its flagged kommuner with reasons. */
function SnapshotFigures({ snapshotKey, summary, today, stale, lang }: { snapshotKey: SnapshotKey; summary: CoverageAnalysisSummary; today: CoverageAnalysisSummary | null; stale: boolean; lang: Lang }) {
  const t = HISTORY_STRINGS[lang];
  const f = t.figures;
  const fmt = (v: number | null | undefined, d = 0) => formatNumber(v, d, lang);
  const cols = [summary, today];
  const k = cols.map((c) => (c ? keyFigures(c) : null));
  const flagged = (c: CoverageAnalysisSummary) => c.gaps.filter((g) => g.flags.length > 0).length;
  const rows: { key: string; label: string; cell: (c: CoverageAnalysisSummary, i: number) => [string, number | null] }[] = [
    { key: 'within', label: f.within(summary.params.thresholdMinutes), cell: (c) => [formatPercent(c.county.coverage_share, 1, lang), c.county.coverage_share] },
    { key: 'covered', label: f.covered, cell: (c) => [`${fmt(c.county.covered_children)} / ${fmt(c.county.children_0_6)}`, c.county.covered_children] },
    { key: 'mean', label: f.mean, cell: (c) => [fmt(c.county.mean_minutes, 1), c.county.mean_minutes] },
    { key: 'flagged', label: f.flagged, cell: (c) => [f.ofKommuner(flagged(c), c.gaps.length), flagged(c)] },
    { key: 'without', label: f.without, cell: (_c, i) => [String(k[i]!.kommuner_without_centre), k[i]!.kommuner_without_centre] },
    { key: 'sites', label: f.sites, cell: (c) => [fmt(c.siteIds.length), c.siteIds.length] },
  ];
  const gaps = [...summary.gaps].filter((g) => g.flags.length > 0).sort((x, y) => compareText(x.kommun_name, y.kommun_name, lang));
  const colKeys = ['snapshot', 'today'] as const;
  return (
    <div className={stale ? 'stale' : ''} data-testid="history-results">
      <div className="table-scroll">
      <table className="data-table kv" data-testid="history-figures">
        <caption>{f.caption}</caption>
        <thead>
          <tr>
            <th>{f.figure}</th>
            <th className="num" title={SNAPSHOT_TEXT[lang][snapshotKey]}>{t.short[snapshotKey]}</th>
            <th className="num">{t.today}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-figure={r.key}>
              <th>{r.label}</th>
              {cols.map((c, i) => {
                const [text, value] = c ? r.cell(c, i) : ['–', null];
                return (
                  <td key={colKeys[i]} className="num" data-testid={`history-figure-${r.key}-${colKeys[i]}`} data-value={value ?? ''}>
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      <h3>{t.gapsTitle(snapshotKey)}</h3>
      {gaps.length === 0 ? (
        <p className="hint">{t.noGaps}</p>
      ) : (
        <ul className="gap-reasons" data-testid="history-gaps">
          {gaps.map((g: KommunGap) => (
            <li key={g.kommun_code} data-kommun={g.kommun_code} data-flags={g.flags.join('|')}>
              <strong>{g.kommun_name}:</strong> {snapshotGapReasons(g, snapshotKey, lang, INVENTORY).join('; ')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Where the snapshot's sites are drawn: tätort points for sites known only by their kommun, and any site without a point. */
function Places({ view, lang }: { view: SnapshotView; lang: Lang }) {
  const t = HISTORY_STRINGS[lang];
  const atTatort = new Map<string, { kommun: string; tatort: string; count: number }>();
  for (const e of view.placed.placed) {
    if (!e.tatort) continue;
    const cur = atTatort.get(e.kommun_code);
    if (cur) cur.count++;
    else atTatort.set(e.kommun_code, { kommun: e.kommun_name, tatort: e.tatort.name, count: 1 });
  }
  const entries = [...atTatort.values()].sort((a, b) => compareText(a.kommun, b.kommun, lang));
  const entryOf = new Map(view.placed.snapshot.entries.map((e) => [e.id, e]));
  return (
    <div data-testid="history-places">
      <h3>{t.placesTitle}</h3>
      {entries.length > 0 && (
        <p className="hint" data-testid="history-tatort">
          {t.atTatort}: {entries.map((e) => t.tatortEntry(e.kommun, e.tatort, e.count)).join('; ')}.
        </p>
      )}
      {view.placed.unplaced.length === 0 ? (
        <p className="hint" data-testid="history-all-placed">{t.allPlaced(view.placed.placed.length)}</p>
      ) : (
        <>
          <p className="warning">{t.unplacedTitle}</p>
          <ul data-testid="history-unplaced">
            {view.placed.unplaced.map((u) => (
              <li key={u.id} data-site={u.id}>
                {entryOf.get(u.id)?.kommun_name ?? ''} ({u.id}): {t.unplaced[u.reason]}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** The documented change autumn 2019 → 2026 per kommun; the reason only where a document gives one. */
function ChangeList2019To2026({ names, lang }: { names: ReadonlyMap<string, string>; lang: Lang }) {
  const t = HISTORY_STRINGS[lang];
  const status = PERIOD_STATUS_TEXT[lang];
  const rows = [...CHANGES_2019_2026].sort((x, y) => compareText(x.kommun_name, y.kommun_name, lang));
  const why = (c: KommunChange): string => {
    if (c.change === 'unchanged') return '–';
    const parts = [c.reason ? `${STATUS_NOTE_TEXT[lang][c.reason.code]} (${docRefText(c.reason.source)})` : UNKNOWN_TEXT[lang]];
    for (const d of c.dated) parts.push(t.dated(names.get(d.id) ?? d.id, d.from));
    return parts.join('; ');
  };
  const siteNotes = (c: KommunChange): string[] => [...new Set(c.sites.filter((s) => s.kind === 'link_unknown' || s.kind === 'removed').map((s) => SITE_CHANGE_TEXT[lang][s.kind]))];
  const s19 = snapshotAt('2019');
  const s26 = snapshotAt('2026');
  return (
    <div data-testid="history-changes-block">
      <h3>{t.changesTitle}</h3>
      <p className="hint">{t.changesNote}</p>
      <div className="table-scroll">
        <table className="data-table" data-testid="history-changes">
          <thead>
            <tr>
              <th>{t.cols.kommun}</th>
              <th>{t.cols.before}</th>
              <th>{t.cols.after}</th>
              <th>{t.cols.change}</th>
              <th>{t.cols.why}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.kommun_code} data-kommun={c.kommun_code} data-change={c.change}>
                <td>{c.kommun_name}</td>
                <td>{c.stated_without_before && Object.keys(c.before).length === 0 ? t.statedWithout : groupCountsText(c.before, status, lang)}</td>
                <td>{groupCountsText(c.after, status, lang)}</td>
                <td>
                  {KOMMUN_CHANGE_TEXT[lang][c.change]}
                  {siteNotes(c).map((n) => (
                    <div key={n} className="hint">
                      {n}
                    </div>
                  ))}
                </td>
                <td data-testid="history-why">{why(c)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint" data-testid="history-changes-sources">
        {t.source}: {t.cols.before}: {docRefText(s19.source)}
        {s19.statedWithout ? `; ${docRefText(s19.statedWithout.source)}` : ''}. {t.cols.after}: {docRefText(s26.source)}.
      </p>
    </div>
  );
}

/** Per kommun, what differs between the chosen snapshot and today's scenario (data and candidates). */
function ScenarioChangeList({
  snapshotKey,
  view,
  todayCentres,
  candidates,
  kommuner,
  lang,
}: {
  snapshotKey: SnapshotKey;
  view: SnapshotView;
  todayCentres: readonly FamilyCentre[];
  candidates: Parameters<typeof scenarioChanges>[2];
  kommuner: Parameters<typeof scenarioChanges>[3];
  lang: Lang;
}) {
  const t = HISTORY_STRINGS[lang];
  const rows = scenarioChanges(view.centres, todayCentres, candidates, kommuner, NOTES_2026).sort((x, y) => compareText(x.kommun_name, y.kommun_name, lang));
  const why = (c: (typeof rows)[number]) => {
    if (c.cause === 'candidates') return t.cause.candidates;
    const note = c.note ? `${STATUS_NOTE_TEXT[lang][c.note.code]} (${docRefText(c.note.source)})` : null;
    if (c.cause === 'both') return note ? `${t.cause.candidates}; ${note}` : t.cause.both;
    return note ?? UNKNOWN_TEXT[lang];
  };
  return (
    <div data-testid="history-scenario-changes-block">
      <h3>{t.scenarioTitle(t.short[snapshotKey])}</h3>
      <p className="hint">{t.scenarioNote}</p>
      {rows.length === 0 ? (
        <p className="hint" data-testid="history-no-scenario-changes">{t.noScenarioChanges}</p>
      ) : (
        <table className="data-table" data-testid="history-scenario-changes">
          <thead>
            <tr>
              <th>{t.scenarioCols.kommun}</th>
              <th>{t.scenarioCols.before}</th>
              <th>{t.scenarioCols.after}</th>
              <th>{t.scenarioCols.why}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.kommun_code} data-kommun={c.kommun_code} data-cause={c.cause}>
                <td>{c.kommun_name || t.unknownKommun}</td>
                <td>{siteStatusCountsText(c.before, lang)}</td>
                <td>{siteStatusCountsText(c.after, lang)}</td>
                <td>{why(c)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
