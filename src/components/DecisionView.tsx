import { useEffect, useMemo, useState } from 'react';
import { STRINGS } from '../i18n';
import { DECISION_WORDS } from '../i18n/decision';
import { siteSetLabel, siteSetName } from '../i18n/describe';
import { decisionDocumentBody, decisionDocumentHtml, DECISION_CSS, type DecisionInput } from '../io/decisionDocument';
import { exportFileName, isoDate, slug } from '../io/exports';
import { mhtmlArchive } from '../io/mhtml';
import type { AppData } from '../io/appData';
import type { Site } from '../domain/types';
import { legendSections } from '../map/legendSpec';
import { buildMapData } from '../map/mapData';
import { OffscreenMaps } from '../map/offscreen';
import { activeScenarioName } from '../state/selectors';
import { usePlanner } from '../state/store';
import { decisionInput, kommunOfSite, subjectKommun, type DecisionSubject } from './decisionInput';
import { mapFramePrims } from '../layout/mapFrame';
import { typography } from '../layout/typography';
import { canvasMeasure, drawScene } from '../map/drawScene';
import { useDecisionView } from './decisionState';
import { downloadText } from './download';
import { useListing, useMaxListed } from './useDerived';
import '../styles/decision.css';

/** The map's printed width in the document (A4 portrait, 15 mm margins), mm. */
const DOC_MAP_MM = 180;

/** A subject's key (maps and documents are kept per key). */
const keyOf = (s: DecisionSubject) => (s.kind === 'kommun' ? `k:${s.code}` : `c:${s.id}`);

/** The candidate a report URL names: by id, else by name (case-insensitive); null when none. */
export function resolveCandidate(idOrName: string, candidates: readonly Site[]): Site | null {
  const low = idOrName.toLocaleLowerCase('sv');
  return candidates.find((c) => c.id === idOrName) ?? candidates.find((c) => c.name.toLocaleLowerCase('sv') === low) ?? null;
}

/** The box a subject's map shows: the kommun's, or about 25 × 25 km around the candidate. */
function mapBox(data: AppData, s: DecisionSubject, candidates: readonly Site[]): [number, number, number, number] | null {
  if (s.kind === 'kommun') return data.kommuner.features.find((f) => f.properties.kommun_code === s.code)?.properties.bbox ?? null;
  const c = candidates.find((x) => x.id === s.id);
  // ±0,22° lon × ±0,12° lat ≈ ±12 km × ±13 km at Dalarna's latitude (60–62° N).
  return c ? [c.lon - 0.22, c.lat - 0.12, c.lon + 0.22, c.lat + 0.12] : null;
}

/**
 * The decision document's print view: the documents for the chosen kommun(er) or candidate,
 * made from the live scenario by the pure builder (src/io/decisionDocument.ts), shown as the
 * document itself (its style sheet through the CSSOM: the content security policy allows no
 * inline <style>), with "Skriv ut / spara som PDF" (the browser's print: vector text) and a
 * download for Word. Opened from the report URL, it sets `data-report-ready` on <html> when
 * every figure and map is in ('error' with `data-report-error` when the subject is unknown).
 */
export function DecisionView() {
  const subjectsAsked = useDecisionView((s) => s.subjects);
  const lang = usePlanner((s) => s.lang);
  const data = usePlanner((s) => s.data);
  const sets = usePlanner((s) => s.coverage);
  const status = usePlanner((s) => s.analysisStatus);
  const candidates = usePlanner((s) => s.candidates);
  const scores = usePlanner((s) => s.scores);
  const scoringPending = usePlanner((s) => s.scoringPending);
  const params = usePlanner((s) => s.params);
  const visible = usePlanner((s) => s.visible);
  const scenarios = usePlanner((s) => s.scenarios);
  const activeId = usePlanner((s) => s.activeScenarioId);
  const listingImport = usePlanner((s) => s.listingImport);
  const listing = useListing();
  const maxListed = useMaxListed();
  const w = DECISION_WORDS[lang];
  const s = STRINGS[lang];
  const [images, setImages] = useState<Record<string, string | null>>({});

  // Candidate names (from the report URL) resolved to ids; an unknown one is an error.
  const { subjects, missing } = useMemo(() => {
    const out: DecisionSubject[] = [];
    const miss: { kind: DecisionSubject['kind']; what: string }[] = [];
    for (const x of subjectsAsked ?? []) {
      if (x.kind === 'candidate') {
        const c = resolveCandidate(x.id, candidates);
        if (c && data && kommunOfSite(c, data)) out.push({ kind: 'candidate', id: c.id });
        else miss.push({ kind: 'candidate', what: x.id });
      } else if (data?.kommuner.features.some((f) => f.properties.kommun_code === x.code)) out.push(x);
      else miss.push({ kind: 'kommun', what: x.code });
    }
    return { subjects: out, missing: miss };
  }, [subjectsAsked, candidates, data]);
  const subjectsKey = subjects.map(keyOf).join(',');

  // Only a current result: the analysis of this scenario, and the ranking of its candidates.
  const analysisReady = !!data && !!sets && status === 'idle' && sets.proposal.siteSet.candidates === candidates.length && sets.today.params.thresholdMinutes === params.thresholdMinutes;
  const rankingReady = candidates.length === 0 || (!!scores && !scoringPending && candidates.every((c) => scores.some((x) => x.id === c.id)));
  const shownKey = candidates.length > 0 ? 'proposal' : 'today';

  // The document's style sheet while the view is open (without its @page: the view prints on its named page).
  useEffect(() => {
    if (!subjectsAsked) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(DECISION_CSS.replace(/@page\s*\{[^}]*\}/, ''));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    document.body.classList.add('printing-decision');
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((x) => x !== sheet);
      document.body.classList.remove('printing-decision');
      delete document.documentElement.dataset.reportReady;
      delete document.documentElement.dataset.reportError;
    };
  }, [subjectsAsked]);

  // The maps, one per subject, drawn off screen after the analysis (the shown set, its gap outlines).
  useEffect(() => {
    setImages({});
    if (!data || !sets || !analysisReady || !subjects.length) return;
    let live = true;
    const shown = sets[shownKey];
    const off = new OffscreenMaps(
      buildMapData(data, listing, shownKey === 'proposal' ? candidates : []),
      { visible: { ...visible, kommuner: true, access: false, density: false }, densityMode: 'grid', accessMode: 'grid', omradestypYear: shown.params.omradestypYear, basemap: false },
      s,
      lang,
      900,
      640,
      2,
    );
    void (async () => {
      try {
        await off.setGaps(shown.gaps.filter((g) => g.flags.length > 0).map((g) => g.kommun_code));
        const out: Record<string, string | null> = {};
        for (const sub of subjects) {
          if (!live) break;
          const box = mapBox(data, sub, candidates);
          if (!box) {
            out[keyOf(sub)] = null;
            continue;
          }
          // The subject's kommun picked out (neighbours muted), its towns named, with scale bar and
          // north arrow drawn by the layout engine at the printed size (180 mm wide).
          const focus = subjectKommun(sub, candidates, data);
          await off.setFocus(focus);
          const r = await off.render(box, 24);
          const focusName = data.kommuner.features.find((f) => f.properties.kommun_code === focus)?.properties.kommun_name;
          const labels = off.focusLabels(r.labels, focus, focusName);
          const t = typography('print', { dpi: r.canvas.width / (DOC_MAP_MM / 25.4) });
          const prims = mapFramePrims({ x: 0, y: 0, w: r.canvas.width, h: r.canvas.height }, { imageKey: 'map', imageWidth: r.canvas.width, imageHeight: r.canvas.height, labels, scaleBar: r.scaleBar, northArrow: true }, t, canvasMeasure());
          const composed = drawScene({ width: r.canvas.width, height: r.canvas.height, prims }, { map: r.canvas });
          out[keyOf(sub)] = composed.toDataURL('image/png');
        }
        if (live) setImages(out);
      } catch {
        // A map that cannot be drawn leaves the document without it ("Kartbild saknas"), not unfinished.
        if (live) setImages(Object.fromEntries(subjects.map((x) => [keyOf(x), null])));
      } finally {
        off.destroy();
      }
    })();
    return () => {
      live = false;
    };
    // `subjects` follows subjectsKey; visible/listing changes redraw with the next analysis.
  }, [subjectsKey, analysisReady, sets, candidates, lang, data]);

  const name = activeScenarioName({ scenarios, activeScenarioId: activeId });
  const inputs = useMemo((): DecisionInput[] | null => {
    if (!data || !sets || !analysisReady) return null;
    const listingLabel = listingImport ? `${s.imported} ${listingImport.year}` : `${s.modelled} 2025`;
    const legend = legendSections({ ...visible, kommuner: true, access: false, density: false }, sets[shownKey].params.omradestypYear, s, lang, listingLabel, siteSetName(shownKey, lang), null, null, { maxListed });
    const date = isoDate(new Date());
    const list: DecisionInput[] = [];
    for (const sub of subjects) {
      const img = images[keyOf(sub)];
      const d = decisionInput(
        { data, sets, params, candidates, scores: rankingReady ? scores : null, listing, scenarioName: name, lang, date },
        sub,
        { image: img ?? null, shows: siteSetLabel(sets[shownKey].siteSet, lang).toLocaleLowerCase(lang === 'sv' ? 'sv' : 'en'), legend },
      );
      if (d) list.push(d);
    }
    return list;
  }, [data, sets, analysisReady, subjectsKey, images, params, candidates, scores, rankingReady, listing, name, lang, visible, listingImport, maxListed]);

  const mapsDone = subjects.every((x) => keyOf(x) in images);
  const complete = !!inputs && inputs.length === subjects.length && subjects.length > 0 && rankingReady && mapsDone && missing.length === 0;
  const notFound = (words: typeof w) => missing.map((m) => words.ui.notFound(m.kind, m.what)).join(' ');
  const errorText = missing.length ? notFound(w) : null;

  useEffect(() => {
    if (!subjectsAsked) return;
    const root = document.documentElement.dataset;
    if (errorText) {
      root.reportReady = 'error';
      // The CLI prints this: always in Swedish.
      root.reportError = notFound(DECISION_WORDS.sv);
    } else if (complete) root.reportReady = 'true';
    else root.reportReady = 'false';
  }, [subjectsAsked, complete, errorText]);

  // Built once per set of documents (the maps are several MB of data URLs), not on every render.
  const html = useMemo(() => (inputs && inputs.length ? inputs.map((d) => `<section class="doc-part">${decisionDocumentBody(d)}</section>`).join('\n') : ''), [inputs]);
  if (!subjectsAsked) return null;
  const what = subjects.length > 1 ? lang === 'sv' ? 'alla-kommuner' : 'all-municipalities' : inputs?.[0] ? (inputs[0].subject.kind === 'candidate' ? inputs[0].subject.name : inputs[0].kommun.name) : '';
  const word = () => {
    if (!inputs?.length) return;
    const d = new Date();
    // A web archive (MHTML) so Word shows the maps too (it does not read data: images in HTML).
    downloadText(exportFileName(name, `beslutsunderlag-${slug(what)}`, 'doc', d), mhtmlArchive(decisionDocumentHtml(inputs)), 'application/msword');
  };
  const statusText = errorText ?? (!analysisReady ? w.ui.waitAnalysis : !mapsDone ? w.ui.mapMaking : !rankingReady ? w.ui.making : '');

  return (
    <div className="decision-view" role="dialog" aria-label={w.ui.title} data-testid="decision-view" data-ready={complete ? 'true' : 'false'} lang={lang}>
      <div className="decision-bar no-print">
        <strong>{w.ui.title}</strong>
        <button type="button" data-testid="decision-print" disabled={!complete} onClick={() => window.print()}>{w.ui.print}</button>
        <button type="button" data-testid="decision-word" disabled={!complete} onClick={word}>{w.ui.word}</button>
        <button type="button" data-testid="decision-close" onClick={() => useDecisionView.getState().close()}>{w.ui.close}</button>
        {statusText && <span className="decision-status" role="status" data-testid="decision-status">{statusText}</span>}
      </div>
      {errorText ? (
        <p className="decision-error" role="alert" data-testid="decision-error">{errorText}</p>
      ) : (
        // The builder escapes every data string and writes no script or event attribute.
        <div className="decision-paper" data-testid="decision-paper">
          <div className="fcp-decision" data-testid="decision-doc" dangerouslySetInnerHTML={{ __html: html }} />
        </div>
      )}
    </div>
  );
}
