import { useEffect, useRef } from 'react';
import { usePlanner } from '../state/store';
import { subjectsFromParams, useDecisionView } from './decisionState';

/**
 * Opens what a report URL asks for once the data is in (the headless CLI's `report` command):
 * `?report=atlas` opens the atlas, `?report=kommun&kommun=2080|all` and
 * `?report=candidate&candidate=ID|NAME` the decision document; `lang=sv|en` sets the language.
 * The scenario comes with the share link (`#s=…`), which the app opens at start.
 */
export function useReportUrl(): void {
  const data = usePlanner((s) => s.data);
  const done = useRef(false);
  useEffect(() => {
    if (!data || done.current) return;
    done.current = true;
    const q = new URLSearchParams(window.location.search);
    if (!q.get('report')) return;
    const lang = q.get('lang');
    if (lang === 'sv' || lang === 'en') usePlanner.getState().setLang(lang);
    if (q.get('report') === 'atlas') {
      usePlanner.getState().setAtlasOpen(true);
      return;
    }
    const subjects = subjectsFromParams(q, data.kommuner.features.map((f) => f.properties));
    if (subjects) useDecisionView.getState().open(subjects, true);
    else {
      document.documentElement.dataset.reportReady = 'error';
      document.documentElement.dataset.reportError = `Okänd rapport "${q.get('report')}": förväntat atlas, kommun eller candidate.`;
    }
  }, [data]);
}
