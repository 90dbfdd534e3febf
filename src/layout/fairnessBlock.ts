import { type Block, INK, linesHeight, textLines } from './block';
import type { Prim } from './scene';
import { wrapText } from './wrap';

/** The fairness chart's content: share of centres next to share of children per områdestyp. */
export interface FairnessChartSpec {
  title: string;
  rows: { label: string; centreShare: number; childrenShare: number }[];
  centreLabel: string;
  childrenLabel: string;
  /** Formats a share (0–1) for the bar's value label, e.g. "23 %". */
  format: (share: number) => string;
}

export const CENTRE_BAR_COLOR = '#3b0f4f';
export const CHILDREN_BAR_COLOR = '#9ecae1';

/**
 * The fairness chart as a block: per row a label, two bars and their values; a key below. Bars are
 * scaled to the largest share; the value labels are measured so they always fit the column.
 */
export function fairnessBlock(id: string, f: FairnessChartSpec, optional = true): Block {
  return {
    id,
    optional,
    measure(w, t, m) {
      const size = t.body;
      const title = wrapText(f.title, w, t.heading, true, m);
      const titleH = linesHeight(title.length, t.heading, t) + t.pad * 0.3;
      const labelW = Math.max(...f.rows.map((r) => m(r.label, size, false))) + size * 0.5;
      const values = f.rows.map((r) => `${f.format(r.centreShare)} / ${f.format(r.childrenShare)}`);
      const valueW = Math.max(...values.map((v) => m(v, size, false))) + size * 0.4;
      const barMax = Math.max(size, w - labelW - valueW);
      const maxShare = Math.max(0.01, ...f.rows.flatMap((r) => [r.centreShare, r.childrenShare]));
      const bar = size * 0.6;
      const rowH = bar * 2 + size * 0.5;
      const keyLines = [f.centreLabel, f.childrenLabel].map((l) => wrapText(l, w - size * 1.2, size, false, m));
      const keyH = keyLines.reduce((a, l) => a + linesHeight(l.length, size, t), 0) + size * 0.3;
      return {
        h: titleH + f.rows.length * rowH + t.pad * 0.3 + keyH,
        draw(x, y) {
          const out: Prim[] = textLines(title, x, y, t.heading, true, INK, t, m);
          let yy = y + titleH;
          f.rows.forEach((r, i) => {
            const a = (r.centreShare / maxShare) * barMax;
            const b = (r.childrenShare / maxShare) * barMax;
            out.push({ t: 'text', x, y: yy + bar + size * 0.35, text: r.label, size, bold: false, color: INK, anchor: 'start', w: m(r.label, size, false) });
            out.push({ t: 'rect', x: x + labelW, y: yy, w: Math.max(0, a), h: bar, fill: CENTRE_BAR_COLOR });
            out.push({ t: 'rect', x: x + labelW, y: yy + bar, w: Math.max(0, b), h: bar, fill: CHILDREN_BAR_COLOR });
            out.push({ t: 'text', x: x + labelW + Math.max(a, b) + size * 0.3, y: yy + bar + size * 0.35, text: values[i], size, bold: false, color: '#333333', anchor: 'start', w: m(values[i], size, false) });
            yy += rowH;
          });
          yy += t.pad * 0.3;
          [CENTRE_BAR_COLOR, CHILDREN_BAR_COLOR].forEach((c, i) => {
            out.push({ t: 'rect', x, y: yy + size * 0.2, w: size * 0.8, h: size * 0.7, fill: c });
            out.push(...textLines(keyLines[i], x + size * 1.2, yy, size, false, INK, t, m));
            yy += linesHeight(keyLines[i].length, size, t);
          });
          return out;
        },
      };
    },
  };
}
