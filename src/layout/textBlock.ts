import { type Block, INK, linesHeight, MUTED, textLines } from './block';
import { wrapText } from './wrap';

/** A paragraph with an optional bold heading, wrapped to the column. `size`: which type size. */
export function textBlock(id: string, text: string, opts: { heading?: string; size?: 'body' | 'small'; optional?: boolean } = {}): Block {
  return {
    id,
    optional: opts.optional,
    measure(w, t, m) {
      const size = t[opts.size ?? 'body'];
      const head = opts.heading ? wrapText(opts.heading, w, t.heading, true, m) : [];
      const body = text ? wrapText(text, w, size, false, m) : [];
      const hh = linesHeight(head.length, t.heading, t);
      const gap = head.length && body.length ? t.pad * 0.3 : 0;
      return {
        h: hh + gap + linesHeight(body.length, size, t),
        draw: (x, y) => [...textLines(head, x, y, t.heading, true, INK, t, m), ...textLines(body, x, y + hh + gap, size, false, opts.size === 'small' ? MUTED : INK, t, m)],
      };
    },
  };
}

/** Key figures: a heading, then per figure its value (large) over its label (wrapped). */
export function keyFiguresBlock(id: string, heading: string, figures: { label: string; value: string }[], note?: string): Block {
  return {
    id,
    measure(w, t, m) {
      const head = wrapText(heading, w - t.pad, t.heading, true, m);
      const rows = figures.map((f) => ({ value: wrapText(f.value, w - t.pad, t.figure, true, m), label: wrapText(f.label, w - t.pad, t.body, false, m) }));
      const noteLines = note ? wrapText(note, w - t.pad, t.small, false, m) : [];
      const inner = t.pad * 0.5;
      let h = inner + linesHeight(head.length, t.heading, t) + t.pad * 0.4;
      const rowHs = rows.map((r) => linesHeight(r.value.length, t.figure, t) + linesHeight(r.label.length, t.body, t) + t.pad * 0.4);
      h += rowHs.reduce((a, b) => a + b, 0);
      if (noteLines.length) h += linesHeight(noteLines.length, t.small, t);
      h += inner;
      return {
        h,
        draw(x, y) {
          const out = [{ t: 'rect' as const, x, y, w, h, fill: '#f1f5f9' }, ...textLines(head, x + inner, y + inner, t.heading, true, INK, t, m)];
          let yy = y + inner + linesHeight(head.length, t.heading, t) + t.pad * 0.4;
          rows.forEach((r, i) => {
            out.push(...textLines(r.value, x + inner, yy, t.figure, true, '#0c2c84', t, m));
            out.push(...textLines(r.label, x + inner, yy + linesHeight(r.value.length, t.figure, t), t.body, false, INK, t, m));
            yy += rowHs[i];
          });
          out.push(...textLines(noteLines, x + inner, yy, t.small, false, '#444444', t, m));
          return out;
        },
      };
    },
  };
}
