import { useRef } from 'react';
import '../styles/comfort.css';

/**
 * A file import the keyboard can use: a real button (in the tab order, with the label and a
 * visible focus ring) that opens the browser's file dialog of a hidden native file input. The
 * input keeps the test id (`testId`) so a test can still set files on it; the button gets
 * `${testId}-button`. The input is emptied after each choice, so the same file can be chosen again.
 */
export function FileButton({ label, accept, testId, onFile, disabled = false, describedBy }: {
  /** The button's text (what is imported, e.g. "Importera kandidater (CSV)"). */
  label: string;
  /** The file types the dialog offers (the input's `accept`). */
  accept: string;
  testId: string;
  onFile: (file: File) => void;
  disabled?: boolean;
  /** Id of a hint that says what the file must contain. */
  describedBy?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="file-button" data-testid={`${testId}-button`} disabled={disabled} aria-describedby={describedBy} onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        tabIndex={-1}
        aria-hidden="true"
        accept={accept}
        data-testid={testId}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) onFile(f);
        }}
      />
    </>
  );
}
