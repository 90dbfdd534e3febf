import { useState } from 'react';
import { CRITERIA, type CandidateScore, type CriterionKey } from '../domain/scoring';
import { compareText, formatNumber, formatPercent, STRINGS } from '../i18n';
import { useScores } from '../state/selectors';
import { usePlanner } from '../state/store';
import { ThresholdSlider, TravelModelSelect } from './controls';
import { NeedWeightControl } from './NeedControls';
import { useRanking } from './useRanking';
import { COMFORT_WORDS } from '../i18n/comfort';
import { CompareDrawer } from './CompareDrawer';

/** Colour of each criterion's bar segment (Okabe–Ito). */
export const CRITERION_COLORS: Record<CriterionKey, string> = {
  reach: '#56B4E9',
  newReach: '#0072B2',
  deprivation: '#D55E00',
  travel: '#009E73',
  transit: '#CC79A7',
};

type SortKey = 'composite' | 'name' | CriterionKey;

/**
 * Rows drawn at first: the top of the ranking. A weight change re-orders every candidate at once
 * (weighScores, cached criteria), and drawing 50 rows keeps that within a frame; all rows on request.
 */
const SHOWN_ROWS = 50;

/** Ranking with criterion bars, live weights, selection highlight, and a side-by-side comparison (a drawer). */
export function RankingPanel() {
  useRanking();
  const lang = usePlanner((st) => st.lang);
  const s = STRINGS[lang];
  const r = s.rank;
  const scores = useScores();
  const candidates = usePlanner((st) => st.candidates);
  const weights = usePlanner((st) => st.params.criterionWeights);
  const selected = usePlanner((st) => st.selectedCandidate);
  const compareIds = usePlanner((st) => st.compareIds);
  const scoring = usePlanner((st) => st.scoring);
  const scoringPending = usePlanner((st) => st.scoringPending);
  const { setParams, setSelectedCandidate, toggleCompare } = usePlanner.getState();
  const [sort, setSort] = useState<SortKey>('composite');
  const [showAll, setShowAll] = useState(false);
  const [compareOpen, setCompareOpen] = useState(false);
  const fmt = (v: number | null | undefined, d = 0) => formatNumber(v, d, lang);

  const rows = [...(scores ?? [])].sort((a, b) => {
    if (sort === 'composite') return a.rank - b.rank;
    if (sort === 'name') return compareText(a.name, b.name, lang);
    return b.breakdown[sort] - a.breakdown[sort] || a.rank - b.rank;
  });
  const sel = scores?.find((x) => x.id === selected) ?? null;

  return (
    <section className="panel" aria-labelledby="rank-h" data-testid="ranking-panel">
      <h2 id="rank-h">{r.title}</h2>
      <ThresholdSlider testId="rank-threshold" />
      <TravelModelSelect testId="rank-travel" />
      <fieldset className="weights">
        <legend>{r.weights}</legend>
        {CRITERIA.map((k) => (
          <label key={k} className="slider">
            <span>
              <span className="swatch" style={{ background: CRITERION_COLORS[k] }} /> {r.criteria[k]}
            </span>
            <input
              type="range"
              min={0}
              max={1}
              step={0.05}
              value={weights[k]}
              data-testid={`weight-${k}`}
              onChange={(e) => setParams({ criterionWeights: { ...weights, [k]: Number(e.target.value) } })}
            />
            <span className="num">{fmt(weights[k], 2)}</span>
          </label>
        ))}
      </fieldset>
      <NeedWeightControl prefix="rank-depw" />
      {candidates.length === 0 ? (
        <p className="hint">{r.none}</p>
      ) : !scores ? (
        <p>{r.computing}</p>
      ) : (
        <>
          {scoring && (
            <div className="progress" role="status" data-testid="ranking-progress">
              {r.recomputing}
              {scoring.total > 0 && (
                <>
                  {' '}
                  {fmt(scoring.done)} / {fmt(scoring.total)} <progress max={scoring.total} value={scoring.done} />
                </>
              )}
            </div>
          )}
          <table className={`data-table ranking ${scoring ? 'stale' : ''}`} data-testid="ranking-table" data-status={scoringPending ? 'running' : 'idle'}>
            <thead>
              <tr>
                <th title={r.compareHint}>{r.compare}</th>
                <th>#</th>
                <th>
                  <button type="button" className="link" onClick={() => setSort('name')}>
                    {s.suggest.site}
                  </button>
                </th>
                <th>
                  <button type="button" className="link" data-testid="sort-composite" onClick={() => setSort('composite')}>
                    {r.composite}
                  </button>
                </th>
                <th className="num">
                  <button type="button" className="link" data-testid="sort-newReach" onClick={() => setSort('newReach')}>
                    {r.newReach}
                  </button>
                </th>
              </tr>
            </thead>
            <tbody>
              {(showAll ? rows : rows.slice(0, SHOWN_ROWS)).map((x) => (
                <tr key={x.id} data-id={x.id} className={selected === x.id ? 'selected' : ''} onClick={() => setSelectedCandidate(selected === x.id ? null : x.id)}>
                  <td onClick={(e) => e.stopPropagation()}>
                    <input type="checkbox" aria-label={`${r.compare} ${x.name}`} data-testid={`compare-${x.id}`} checked={compareIds.includes(x.id)} onChange={() => toggleCompare(x.id)} />
                  </td>
                  <td>{x.rank}</td>
                  <td>{x.name}</td>
                  <td>
                    <ScoreBar score={x} />
                  </td>
                  <td className="num">{fmt(x.new_reach_children)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > SHOWN_ROWS && (
            <p className="hint">
              {showAll ? '' : r.shownOf.replace('{shown}', String(SHOWN_ROWS)).replace('{total}', String(rows.length))}{' '}
              <button type="button" className="link" data-testid="ranking-show-all" onClick={() => setShowAll(!showAll)}>
                {showAll ? r.showFirst.replace('{shown}', String(SHOWN_ROWS)) : r.showAll.replace('{total}', String(rows.length))}
              </button>
            </p>
          )}
          <p className="hint">{r.compareHint}</p>
          {/* The comparison opens as a wide drawer over the map (the sidebar is too narrow for 3–4 columns). */}
          <button
            type="button"
            className="compare-open"
            data-testid="compare-open"
            aria-disabled={compareIds.length < 2}
            aria-haspopup="dialog"
            title={compareIds.length < 2 ? r.compareHint : undefined}
            onClick={() => compareIds.length >= 2 && setCompareOpen(true)}
          >
            {COMFORT_WORDS[lang].compareOpen.replace('{n}', String(compareIds.length))}
          </button>
          {compareOpen && <CompareDrawer ids={compareIds} onClose={() => setCompareOpen(false)} />}
          {sel && <ScoreDetail score={sel} />}
        </>
      )}
    </section>
  );
}

function ScoreBar({ score }: { score: CandidateScore }) {
  const lang = usePlanner((st) => st.lang);
  const r = STRINGS[lang].rank;
  const width = 84;
  let x = 0;
  return (
    <span className="scorebar" data-composite={score.composite} data-transit={score.criteria.transit}>
      <svg width={width} height={12} aria-hidden="true">
        <rect x={0} y={0} width={width} height={12} fill="#f1f3f5" />
        {CRITERIA.map((k) => {
          const w = score.breakdown[k] * width;
          const el = <rect key={k} x={x} y={0} width={w} height={12} fill={CRITERION_COLORS[k]}><title>{`${r.criteria[k]}: ${formatNumber(score.breakdown[k], 3, lang)}`}</title></rect>;
          x += w;
          return el;
        })}
      </svg>{' '}
      <span className="num">{formatNumber(score.composite, 2, lang)}</span>
    </span>
  );
}

function ScoreDetail({ score: x }: { score: CandidateScore }) {
  const lang = usePlanner((st) => st.lang);
  const s = STRINGS[lang];
  const r = s.rank;
  const fmt = (v: number | null | undefined, d = 0) => formatNumber(v, d, lang);
  return (
    <table className="data-table kv" data-testid="score-detail">
      <caption>{x.name}</caption>
      <tbody>
        <tr><th>{r.reach}</th><td className="num">{fmt(x.reach_children)} {r.children}</td></tr>
        <tr><th>{r.newReach}</th><td className="num">{fmt(x.new_reach_children)} {r.children}</td></tr>
        <tr><th>{r.ot12}</th><td className="num">{x.new_reach_share_ot12 === null ? '–' : formatPercent(x.new_reach_share_ot12, 1, lang)}</td></tr>
        <tr><th>{r.depw}</th><td className="num">{fmt(x.deprivation_weighted_new_reach, 1)}</td></tr>
        <tr><th>{r.meanDrop}</th><td className="num">{fmt(x.mean_minutes_reduction, 2)}</td></tr>
        <tr><th>{r.served}</th><td className="num">{fmt(x.served_children)}</td></tr>
        <tr><th>{r.servedMean}</th><td className="num">{fmt(x.served_mean_minutes, 1)}</td></tr>
        <tr><th>{r.walk}</th><td className="num">{x.transit ? `${fmt(x.transit.walk_m)} (${x.transit.stop_name})` : '–'}</td></tr>
        <tr><th>{r.departures}</th><td className="num">{x.transit ? fmt(x.transit.departures, 1) : '–'}</td></tr>
        <tr>
          <th>{r.economics}</th>
          <td className="num">{x.economics ? `${fmt(x.economics.yearly_sek)} (${x.economics.source === 'modelled' ? s.modelled : s.imported})` : '–'}</td>
        </tr>
      </tbody>
    </table>
  );
}
