import type { Measure } from './typography';

/**
 * Breaks `text` into lines no wider than `maxWidth` px at `size` px: at spaces, and after a hyphen
 * or slash; a single word wider than the line is broken between characters. Never truncates: every
 * character of the text is on some line. Existing line breaks (\n) are kept.
 */
export function wrapText(text: string, maxWidth: number, size: number, bold: boolean, measure: Measure): string[] {
  const out: string[] = [];
  const note = (broken: boolean) => {
    if (broken) wordsBroken.count++;
  };
  for (const para of text.split('\n')) {
    const words = para.split(/(?<=\S[-/–])|\s+/).filter((w) => w.length > 0);
    let line = '';
    const join = (a: string, b: string) => (a === '' ? b : /\S[-/–]$/.test(a) ? a + b : `${a} ${b}`);
    for (const word of words) {
      const next = join(line, word);
      if (measure(next, size, bold) <= maxWidth) {
        line = next;
        continue;
      }
      if (line !== '') out.push(line);
      line = '';
      // The word alone: break it between characters if it does not fit a line.
      let rest = word;
      while (measure(rest, size, bold) > maxWidth && rest.length > 1) {
        let n = rest.length - 1;
        while (n > 1 && measure(rest.slice(0, n), size, bold) > maxWidth) n--;
        out.push(rest.slice(0, n));
        rest = rest.slice(n);
        note(true);
      }
      line = rest;
    }
    out.push(line);
  }
  return out;
}

/**
 * How many times wrapText had to break a word between characters since the counter was reset.
 * The page layout prefers layouts that break no word (it resets and reads this per attempt).
 */
export const wordsBroken = { count: 0 };
