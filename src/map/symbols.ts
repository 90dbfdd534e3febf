import type { FamilyCentreStatus } from '../domain/types';
import { FAMILY_CENTRE_COLOR } from './palette';

/**
 * Family-centre symbols by status, as SVG path data in a 24×24 box. The same paths are drawn on
 * the map (canvas Path2D → map image) and in the legend (inline SVG), so they always agree.
 */
export interface SymbolDef {
  path: string;
  fill: string;
  stroke: string;
  strokeWidth: number;
  dash?: number[];
}

const star = 'M12 2 L14.9 8.6 L22 9.3 L16.6 14 L18.2 21 L12 17.3 L5.8 21 L7.4 14 L2 9.3 L9.1 8.6 Z';
const square = 'M4 4 H20 V20 H4 Z';
const diamond = 'M12 2 L22 12 L12 22 L2 12 Z';
const triangle = 'M12 3 L22 20 H2 Z';

export const FAMILY_CENTRE_SYMBOLS: Record<FamilyCentreStatus, SymbolDef> = {
  existing: { path: star, fill: FAMILY_CENTRE_COLOR, stroke: '#ffffff', strokeWidth: 1.5 },
  planned: { path: square, fill: '#ffffff', stroke: FAMILY_CENTRE_COLOR, strokeWidth: 3 },
  intent: { path: diamond, fill: '#ffffff', stroke: FAMILY_CENTRE_COLOR, strokeWidth: 2.5, dash: [3, 2] },
  family_unit: { path: triangle, fill: '#c9a3d9', stroke: FAMILY_CENTRE_COLOR, strokeWidth: 2 },
};

export const symbolImageId = (status: FamilyCentreStatus) => `fc-${status}`;

/**
 * Renders a symbol to RGBA pixels at `size` CSS px × pixelRatio, with a white halo so it stays
 * visible over any fill. Needs a DOM canvas (browser only).
 */
export function renderSymbol(def: SymbolDef, size = 24, pixelRatio = 2): ImageData {
  const px = size * pixelRatio;
  const canvas = document.createElement('canvas');
  canvas.width = px;
  canvas.height = px;
  // Read back once into ImageData: a CPU canvas avoids a GPU read-back per symbol.
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.scale(px / 24, px / 24);
  const p = new Path2D(def.path);
  ctx.lineJoin = 'round';
  ctx.strokeStyle = 'rgba(255,255,255,0.9)';
  ctx.lineWidth = def.strokeWidth + 2.5;
  ctx.stroke(p);
  ctx.fillStyle = def.fill;
  ctx.fill(p);
  ctx.strokeStyle = def.stroke;
  ctx.lineWidth = def.strokeWidth;
  if (def.dash) ctx.setLineDash(def.dash);
  ctx.stroke(p);
  return ctx.getImageData(0, 0, px, px);
}

/** Candidate site: a circle with a plus. */
export const CANDIDATE_SYMBOL: SymbolDef = {
  path: 'M12 3 A9 9 0 1 0 12.01 3 Z M12 7 V17 M7 12 H17',
  fill: '#fff7bc',
  stroke: '#993404',
  strokeWidth: 2.5,
};
