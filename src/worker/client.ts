import * as Comlink from 'comlink';
import type { AnalysisApi } from './analysisApi';

let remote: Comlink.Remote<AnalysisApi> | null = null;

/** The analysis worker (created on first use); heavy analysis runs off the UI thread. */
export function analysisWorker(): Comlink.Remote<AnalysisApi> {
  if (!remote) {
    const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'analys' });
    remote = Comlink.wrap<AnalysisApi>(worker);
  }
  return remote;
}
