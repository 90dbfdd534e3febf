import * as Comlink from 'comlink';
import { parseCandidatesFile, type CandidateImport } from '../io/candidates';
import type { Parsed, Progress } from '../io/issues';
import { parseMatrixFile } from '../io/matrix';
import type { TravelMatrix } from '../domain/types';

/** Largest file the app reads (bytes); a larger one is refused with the limit stated. */
export const MAX_IMPORT_BYTES = 150 * 1024 * 1024;

/**
 * Reads candidate and matrix files off the main thread, so a 200 000-row CSV or a 50 MB matrix
 * never freezes the page; progress is reported by rows, and the caller cancels by terminating the
 * worker. The parsers are the same ones the CLI uses.
 */
export class ImportApi {
  candidates(buffer: ArrayBuffer, onProgress?: Progress): Parsed<CandidateImport> {
    return parseCandidatesFile(new Uint8Array(buffer), onProgress);
  }

  matrix(buffer: ArrayBuffer, fileName: string, onProgress?: Progress): Parsed<TravelMatrix | null> {
    const r = parseMatrixFile(new Uint8Array(buffer), fileName, onProgress);
    // The big arrays move to the main thread without a copy.
    const transfer = r.value ? [r.value.minutes.buffer, ...(r.value.km ? [r.value.km.buffer] : [])] : [];
    return Comlink.transfer(r, transfer as ArrayBuffer[]);
  }
}
