import { useEffect } from 'react';
import { usePlanner } from '../../state/store';
import '../../styles/print.css';

/**
 * A print layout: the composed presentation sheet (vector SVG, maps embedded) on one A4 or A3 landscape page. The browser's
 * print dialog saves it as PDF. Only the sheet is printed (see the print styles).
 */
export function PrintSheet() {
  const print = usePlanner((s) => s.print);
  useEffect(() => {
    if (!print) return;
    // The page size comes from the named pages in styles.css (no inline <style>: the content
    // security policy allows style sheets from the app's own origin only).
    document.body.classList.add('printing-sheet');
    // No automatic window.print(): the planner prints from the bar (or Ctrl+P) when the sheet is
    // ready. An automatic dialog raced with headless PDF capture ("already being printed").
    document.querySelector<HTMLButtonElement>('[data-testid="print-go"]')?.focus();
    return () => {
      document.body.classList.remove('printing-sheet');
    };
  }, [print]);
  if (!print) return null;
  return (
    <div className={`print-sheet ${print.size}`} data-testid="print-sheet" data-size={print.size}>
      <div className="no-print print-bar">
        <button type="button" data-testid="print-go" onClick={() => window.print()}>Skriv ut / spara som PDF</button>{' '}
        <button type="button" data-testid="print-close" onClick={() => usePlanner.getState().setPrint(null)}>Stäng utskriftsvyn</button>
      </div>
      {/* The sheet is SVG built by the layout engine (src/layout/svg.ts escapes every text), so a
          PDF printed from it keeps headings, legend, figures and sources as text. */}
      <div className="print-svg" data-testid="print-svg" dangerouslySetInnerHTML={{ __html: print.svg }} />
    </div>
  );
}
