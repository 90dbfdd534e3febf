import type { LegendItem, LegendSection } from './legendSpec';

export interface ComposeSpec {
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

/** Height in px the legend needs at unit scale u. */
export function legendHeight(legend: LegendSection[], u: number): number {
  return legend.reduce((h, sec) => h + (sec.title ? 20 * u : 4 * u) + sec.items.length * 18 * u + 6 * u, 10 * u);
}

/**
 * Composes an image of the map with title, legend, scale bar and footer onto a canvas of the
 * requested size. The map canvas must have been created with preserveDrawingBuffer.
 */
export function composeMap(mapCanvas: HTMLCanvasElement, spec: ComposeSpec, scaleBar?: { px: number; label: string }): HTMLCanvasElement {
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
    const w = scaleBar.px * k * (mapCanvas.width / mapCanvas.clientWidth || 1);
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
  // Legend.
  let y = titleH + 8 * u;
  const lx = out.width - legendW - pad;
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
  // Footer.
  ctx.fillStyle = '#444';
  ctx.font = `${11 * u}px 'DejaVu Sans', sans-serif`;
  spec.footer.forEach((line, i) => ctx.fillText(line, pad, out.height - footerH + (i + 1) * 15 * u));
  return out;
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG kunde inte skapas'))), 'image/png'));
}
