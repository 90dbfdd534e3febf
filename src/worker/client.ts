import * as Comlink from 'comlink';
import type { AnalysisApi } from './analysisApi';
import type { AnalysisRequest } from '../domain/analysis';
import type { CoverageAnalysisSummary } from '../domain/summary';
import type { FamilyCentre } from '../domain/types';

let remote: Comlink.Remote<AnalysisApi> | null = null;

/** The analysis worker (created on first use); heavy analysis runs off the UI thread. */
export function analysisWorker(): Comlink.Remote<AnalysisApi> {
  if (!remote) {
    const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'analys' });
    remote = Comlink.wrap<AnalysisApi>(worker);
  }
  return remote;
}

/**
 * A documented snapshot's sites analysed as the today set for the request (the analysis worker's
 * `snapshot`): key figures, gap flags and per-unit results with the snapshot's centres.
 */
export function snapshotCoverage(req: AnalysisRequest, familyCentres: FamilyCentre[]): Promise<CoverageAnalysisSummary> {
  return analysisWorker().snapshot(req, familyCentres);
}

import type { OptimiseApi } from './optimiseApi';

let optWorker: Worker | null = null;
let optRemote: Comlink.Remote<OptimiseApi> | null = null;

/** The optimisation worker (separate, so a long solve can be cancelled without stopping coverage). */
export function optimiseWorker(): Comlink.Remote<OptimiseApi> {
  if (!optRemote) {
    optWorker = new Worker(new URL('./optimise.worker.ts', import.meta.url), { type: 'module', name: 'optimering' });
    optRemote = Comlink.wrap<OptimiseApi>(optWorker);
  }
  return optRemote;
}

/** Stops a running optimisation at once (the worker is terminated and made anew on next use). */
export function cancelOptimisation(): void {
  optWorker?.terminate();
  optWorker = null;
  optRemote = null;
}

export { Comlink };

import type { ImportApi } from './importApi';

let importWorkerRef: Worker | null = null;

/** A fresh file-reading worker (one import at a time; `cancelImport` stops it at once). */
export function importWorker(): Comlink.Remote<ImportApi> {
  cancelImport();
  importWorkerRef = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
  return Comlink.wrap<ImportApi>(importWorkerRef);
}

/** Stops a running import (the file is not read further; nothing is imported). */
export function cancelImport(): void {
  importWorkerRef?.terminate();
  importWorkerRef = null;
}
