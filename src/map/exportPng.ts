import type { LegendItem, LegendSection } from './legendSpec';

/** A bar chart of centre share vs children share per områdestyp. */
export interface FairnessChartSpec {
  title: string;
  rows: { label: string; centreShare: number; childrenShare: number }[];
  centreLabel: string;
  childrenLabel: string;
}

/** A label at map-canvas pixel coordinates. */
export interface MapLabel {
  x: number;
  y: number;
  text: string;
  color?: string;
}

export interface ComposeSpec {
  /** Key figures shown top right (label and formatted value). */
  keyFigures?: { label: string; value: string }[];
  keyFiguresTitle?: string;
  fairness?: FairnessChartSpec;
  /** Draw a north arrow (maps here are never rotated). */
  northArrow?: boolean;
  title: string;
  subtitle?: string;
  legend: LegendSection[];
  /** Lines at the bottom: sources with years, assumptions, date and scenario. */
  footer: string[];
  /** Output size in pixels. */
  width: number;
  height: number;
  /** Font scale (1 = screen; larger for print at high dpi). */
  scale?: number;
}

function drawItem(ctx: CanvasRenderingContext2D, it: LegendItem, x: number, y: number, u: number): void {
  ctx.save();
  switch (it.kind) {
    case 'swatch':
      ctx.fillStyle = it.color;
      ctx.fillRect(x, y - 6 * u, 18 * u, 12 * u);
      ctx.strokeStyle = '#999';
      ctx.lineWidth = u;
      ctx.strokeRect(x, y - 6 * u, 18 * u, 12 * u);
      break;
    case 'circle':
      ctx.beginPath();
      ctx.arc(x + 9 * u, y, it.radius * u, 0, Math.PI * 2);
      ctx.fillStyle = it.fill;
      ctx.fill();
      ctx.strokeStyle = it.stroke;
      ctx.lineWidth = it.strokeWidth * u;
      ctx.stroke();
      break;
    case 'line':
      ctx.strokeStyle = it.color;
      ctx.lineWidth = 3 * u;
      if (it.dash) ctx.setLineDash([5 * u, 3 * u]);
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.lineTo(x + 18 * u, y);
      ctx.stroke();
      break;
    case 'symbol': {
      const k = (18 * u) / 24;
      ctx.translate(x, y - 9 * u);
      ctx.scale(k, k);
      const p = new Path2D(it.symbol.path);
      ctx.fillStyle = it.symbol.fill;
      ctx.fill(p);
      ctx.strokeStyle = it.symbol.stroke;
      ctx.lineWidth = it.symbol.strokeWidth;
      if (it.symbol.dash) ctx.setLineDash(it.symbol.dash);
      ctx.stroke(p);
      break;
    }
  }
  ctx.restore();
}

export const CENTRE_BAR_COLOR = '#3b0f4f';
export const CHILDREN_BAR_COLOR = '#9ecae1';

/** Draws the fairness chart in a box; returns the height used. */
export function drawFairness(ctx: CanvasRenderingContext2D, f: FairnessChartSpec, x: number, y: number, w: number, u: number): number {
  const font = (px: number, bold = false) => `${bold ? 'bold ' : ''}${px * u}px 'DejaVu Sans', sans-serif`;
  ctx.fillStyle = '#1d2327';
  ctx.font = font(12, true);
  ctx.fillText(f.title, x, y + 12 * u);
  let yy = y + 22 * u;
  const labelW = 26 * u;
  const barW = w - labelW - 46 * u;
  for (const r of f.rows) {
    ctx.fillStyle = '#1d2327';
    ctx.font = font(11);
    ctx.fillText(r.label, x, yy + 12 * u);
    ctx.fillStyle = CENTRE_BAR_COLOR;
    ctx.fillRect(x + labelW, yy + 2 * u, Math.max(0, r.centreShare) * barW, 7 * u);
    ctx.fillStyle = CHILDREN_BAR_COLOR;
    ctx.fillRect(x + labelW, yy + 10 * u, Math.max(0, r.childrenShare) * barW, 7 * u);
    ctx.fillStyle = '#444';
    ctx.font = font(9);
    ctx.fillText(`${Math.round(r.centreShare * 100)} % / ${Math.round(r.childrenShare * 100)} %`, x + labelW + Math.max(r.centreShare, r.childrenShare) * barW + 4 * u, yy + 13 * u);
    yy += 22 * u;
  }
  ctx.fillStyle = CENTRE_BAR_COLOR;
  ctx.fillRect(x, yy + 4 * u, 10 * u, 8 * u);
  ctx.fillStyle = '#1d2327';
  ctx.font = font(10);
  ctx.fillText(f.centreLabel, x + 14 * u, yy + 12 * u);
  ctx.fillStyle = CHILDREN_BAR_COLOR;
  ctx.fillRect(x, yy + 18 * u, 10 * u, 8 * u);
  ctx.fillStyle = '#1d2327';
  ctx.fillText(f.childrenLabel, x + 14 * u, yy + 26 * u);
  return yy + 32 * u - y;
}

function drawNorthArrow(ctx: CanvasRenderingContext2D, x: number, y: number, u: number): void {
  ctx.save();
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.beginPath();
  ctx.arc(x, y, 22 * u, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#1d2327';
  ctx.beginPath();
  ctx.moveTo(x, y - 16 * u);
  ctx.lineTo(x + 8 * u, y + 8 * u);
  ctx.lineTo(x, y + 3 * u);
  ctx.lineTo(x - 8 * u, y + 8 * u);
  ctx.closePath();
  ctx.fill();
  ctx.font = `bold ${11 * u}px 'DejaVu Sans', sans-serif`;
  ctx.textAlign = 'center';
  ctx.fillText('N', x, y + 19 * u);
  ctx.restore();
}

/**
 * Composes an image of the map with title, legend, scale bar and footer onto a canvas of the
 * requested size. The map canvas must have been created with preserveDrawingBuffer.
 */
export function composeMap(
  mapCanvas: HTMLCanvasElement,
  spec: ComposeSpec,
  scaleBar?: { px: number; label: string },
  labels: readonly MapLabel[] = [],
): HTMLCanvasElement {
  const u = spec.scale ?? 1;
  const out = document.createElement('canvas');
  out.width = spec.width;
  out.height = spec.height;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  const pad = 16 * u;
  const titleH = (spec.subtitle ? 64 : 40) * u;
  const footerH = (spec.footer.length * 15 + 12) * u;
  const legendW = 300 * u;
  const mapBox = { x: pad, y: titleH, w: out.width - legendW - pad * 3, h: out.height - titleH - footerH - pad };
  // Map: fit, keep aspect ratio, centred.
  const k = Math.min(mapBox.w / mapCanvas.width, mapBox.h / mapCanvas.height);
  const mw = mapCanvas.width * k;
  const mh = mapCanvas.height * k;
  const mx = mapBox.x + (mapBox.w - mw) / 2;
  const my = mapBox.y + (mapBox.h - mh) / 2;
  ctx.drawImage(mapCanvas, mx, my, mw, mh);
  ctx.strokeStyle = '#999';
  ctx.lineWidth = u;
  ctx.strokeRect(mx, my, mw, mh);
  // Place names (HTML labels on screen, so not in the WebGL canvas).
  ctx.save();
  ctx.font = `bold ${12 * u}px 'DejaVu Sans', sans-serif`;
  ctx.textAlign = 'center';
  ctx.lineJoin = 'round';
  for (const l of labels) {
    const x = mx + l.x * k;
    const yy = my + l.y * k;
    if (x < mx || x > mx + mw || yy < my || yy > my + mh) continue;
    ctx.strokeStyle = 'rgba(255,255,255,0.9)';
    ctx.lineWidth = 3 * u;
    ctx.strokeText(l.text, x, yy);
    ctx.fillStyle = l.color ?? '#222';
    ctx.fillText(l.text, x, yy);
  }
  ctx.restore();
  // Title.
  ctx.fillStyle = '#1d2327';
  ctx.font = `bold ${26 * u}px 'DejaVu Sans', sans-serif`;
  ctx.fillText(spec.title, pad, 32 * u);
  if (spec.subtitle) {
    ctx.font = `${16 * u}px 'DejaVu Sans', sans-serif`;
    ctx.fillStyle = '#444';
    ctx.fillText(spec.subtitle, pad, 56 * u);
  }
  // Scale bar (map px × fit factor).
  if (scaleBar && scaleBar.px > 0) {
    const w = scaleBar.px * k;
    const y = my + mh - 14 * u;
    ctx.fillStyle = 'rgba(255,255,255,0.85)';
    ctx.fillRect(mx + 8 * u, y - 16 * u, w + 12 * u, 24 * u);
    ctx.strokeStyle = '#222';
    ctx.lineWidth = 2 * u;
    ctx.beginPath();
    ctx.moveTo(mx + 14 * u, y - 6 * u);
    ctx.lineTo(mx + 14 * u, y);
    ctx.lineTo(mx + 14 * u + w, y);
    ctx.lineTo(mx + 14 * u + w, y - 6 * u);
    ctx.stroke();
    ctx.fillStyle = '#222';
    ctx.font = `${11 * u}px 'DejaVu Sans', sans-serif`;
    ctx.fillText(scaleBar.label, mx + 18 * u, y - 5 * u);
  }
  if (spec.northArrow) drawNorthArrow(ctx, mx + mw - 32 * u, my + 34 * u, u);
  // Right column: key figures, legend, fairness chart.
  let y = titleH + 8 * u;
  const lx = out.width - legendW - pad;
  if (spec.keyFigures?.length) {
    ctx.fillStyle = '#f1f5f9';
    const h = (spec.keyFigures.length * 34 + 28) * u;
    ctx.fillRect(lx - 6 * u, y, legendW, h);
    ctx.fillStyle = '#1d2327';
    ctx.font = `bold ${13 * u}px 'DejaVu Sans', sans-serif`;
    ctx.fillText(spec.keyFiguresTitle ?? '', lx, y + 18 * u);
    let ky = y + 28 * u;
    for (const k of spec.keyFigures) {
      ctx.font = `bold ${18 * u}px 'DejaVu Sans', sans-serif`;
      ctx.fillStyle = '#0c2c84';
      ctx.fillText(k.value, lx, ky + 16 * u);
      ctx.font = `${10.5 * u}px 'DejaVu Sans', sans-serif`;
      ctx.fillStyle = '#333';
      ctx.fillText(k.label, lx, ky + 29 * u);
      ky += 34 * u;
    }
    y += h + 10 * u;
  }
  for (const sec of spec.legend) {
    if (sec.title) {
      ctx.fillStyle = '#1d2327';
      ctx.font = `bold ${12 * u}px 'DejaVu Sans', sans-serif`;
      ctx.fillText(sec.title.length > 44 ? sec.title.slice(0, 43) + '…' : sec.title, lx, y + 12 * u);
      y += 20 * u;
    } else y += 4 * u;
    for (const it of sec.items) {
      drawItem(ctx, it, lx, y + 8 * u, u);
      ctx.fillStyle = '#1d2327';
      ctx.font = `${12 * u}px 'DejaVu Sans', sans-serif`;
      ctx.fillText(it.label, lx + 26 * u, y + 12 * u);
      y += 18 * u;
    }
    y += 6 * u;
  }
  if (spec.fairness) y += drawFairness(ctx, spec.fairness, lx, y + 4 * u, legendW - 10 * u, u);
  // Footer.
  ctx.fillStyle = '#444';
  ctx.font = `${11 * u}px 'DejaVu Sans', sans-serif`;
  spec.footer.forEach((line, i) => ctx.fillText(line, pad, out.height - footerH + (i + 1) * 15 * u));
  return out;
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG kunde inte skapas'))), 'image/png'));
}
