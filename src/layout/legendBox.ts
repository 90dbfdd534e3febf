import { flowColumns } from './page';
import { legendSectionBlock } from './legendBlock';
import type { LegendSection } from '../map/legendSpec';
import type { Scene } from './scene';
import { scaled, type Measure, type Typography } from './typography';
import { wordsBroken } from './wrap';

/** A legend laid out in a box of fixed width: its scene, the columns and type scale used. */
export interface LegendBox {
  scene: Scene;
  columns: number;
  typeScale: number;
}

/**
 * The legend sections in a box `width` px wide and at most `maxHeight` px high: 1–4 columns at
 * the medium's type, then smaller type down to its floor; if even that is too high, the box grows
 * (the legend is never clipped — the caller's page flows around it). `mapScale`: output px per map
 * CSS px for the size key.
 */
export function legendBox(sections: LegendSection[], width: number, maxHeight: number, t0: Typography, m: Measure, mapScale: number): LegendBox {
  const blocks = sections.map((s) => legendSectionBlock(s, mapScale));
  const floor = t0.min / t0.body;
  const scales = [1, 0.92, 0.85, 0.78, 0.72].filter((k) => k > floor).concat([floor]);
  const colsToTry = [1, 2, 3, 4];
  const attempt = (k: number, cols: number, h: number) => {
    const t = scaled(t0, k);
    const gap = t.pad * 1.5;
    const colW = (width - gap * (cols - 1)) / cols;
    wordsBroken.count = 0;
    const placed = flowColumns(blocks, colW, cols, h, t.pad * 0.8, t, m);
    if (!placed || wordsBroken.count > 0) return null;
    const used = Math.max(0, ...placed.map((p) => p.y + p.h));
    const prims = placed.flatMap((p) => p.draw(p.col * (colW + gap), p.y));
    return { scene: { width, height: used, prims }, columns: cols, typeScale: k };
  };
  for (const k of scales) for (const cols of colsToTry) {
    const r = attempt(k, cols, maxHeight);
    if (r) return r;
  }
  // Grow the box at the floor size with the most columns that break no word.
  for (let h = maxHeight * 1.25; ; h *= 1.25) {
    for (const cols of [...colsToTry].reverse()) {
      const r = attempt(floor, cols, h);
      if (r) return r;
    }
    if (h > maxHeight * 50) throw new Error('legendBox: förklaringen får inte plats');
  }
}
