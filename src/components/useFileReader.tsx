import { useRef, useState } from 'react';
import { formatNumber, STRINGS } from '../i18n';
import type { InputIssue } from '../io/issues';
import { usePlanner } from '../state/store';
import { MAX_IMPORT_BYTES } from '../io/importLimits';
import { cancelImport, Comlink, importWorker } from '../worker/client';
import type { ImportApi } from '../worker/importApi';

interface Reading {
  fileName: string;
  done: number;
  total: number;
}

/** A file refused before reading: larger than the app reads. */
export function tooLarge(file: File, maxBytes = MAX_IMPORT_BYTES): InputIssue {
  return { severity: 'error', code: 'file_too_large', params: { mb: Math.round(file.size / 1e5) / 10, maxMb: maxBytes / (1024 * 1024) } };
}

/**
 * Reads a file in the import worker with progress and a cancel button; resolves to null when the
 * planner cancels (nothing is imported then).
 */
export function useFileReader() {
  const [reading, setReading] = useState<Reading | null>(null);
  const cancelled = useRef(false);
  async function read<T>(file: File, call: (w: Comlink.Remote<ImportApi>, buffer: ArrayBuffer, onProgress: (done: number, total: number) => void) => Promise<T>): Promise<T | null> {
    cancelled.current = false;
    setReading({ fileName: file.name, done: 0, total: 0 });
    // Polls for the cancel button; cleared however the reading ends (it used to outlive a read).
    let check: ReturnType<typeof setInterval> | undefined;
    try {
      const buffer = await file.arrayBuffer();
      const w = importWorker();
      let last = 0;
      const result = await Promise.race([
        call(w, Comlink.transfer(buffer, [buffer]), Comlink.proxy((done: number, total: number) => {
          const now = performance.now();
          if (now - last > 100) {
            last = now;
            setReading({ fileName: file.name, done, total });
          }
        })),
        new Promise<never>((_, reject) => {
          check = setInterval(() => {
            if (cancelled.current) {
              clearInterval(check);
              reject(new Error('cancelled'));
            }
          }, 50);
        }),
      ]);
      cancelImport();
      return result;
    } catch (e) {
      if (cancelled.current) return null;
      throw e;
    } finally {
      clearInterval(check);
      setReading(null);
    }
  }
  const cancel = () => {
    cancelled.current = true;
    cancelImport();
  };
  return { reading, read, cancel };
}

/** "Läser stor.csv … 45 000 av 200 000 rader" with a bar and a cancel button. */
export function ReadingProgress({ reading, onCancel, testId }: { reading: Reading; onCancel: () => void; testId: string }) {
  const lang = usePlanner((s) => s.lang);
  const t = STRINGS[lang].fileRead;
  return (
    <div className="progress" role="status" data-testid={`${testId}-reading`}>
      {t.reading} {reading.fileName} …{' '}
      {reading.total > 0 && `${formatNumber(reading.done, 0, lang)} ${t.of} ${formatNumber(reading.total, 0, lang)} ${t.rows}`}
      <progress max={reading.total || undefined} value={reading.total ? reading.done : undefined} />{' '}
      <button type="button" data-testid={`${testId}-cancel`} onClick={onCancel}>
        {t.cancel}
      </button>
    </div>
  );
}
