import { FONT_FAMILY } from '../layout/block';
import { primBox, type Prim, type Scene } from '../layout/scene';
import type { Measure } from '../layout/typography';

const font = (size: number, bold: boolean) => `${bold ? 'bold ' : ''}${size}px ${FONT_FAMILY}`;

/** The browser's text measure in the output font (canvas measureText), cached per string and size. */
export function canvasMeasure(): Measure {
  const ctx = document.createElement('canvas').getContext('2d')!;
  const cache = new Map<string, number>();
  return (text, size, bold) => {
    const key = `${bold ? 'b' : 'r'}${size}|${text}`;
    let w = cache.get(key);
    if (w === undefined) {
      ctx.font = font(size, bold);
      w = ctx.measureText(text).width;
      cache.set(key, w);
    }
    return w;
  };
}

function drawPrim(ctx: CanvasRenderingContext2D, p: Prim, images: Record<string, CanvasImageSource>): void {
  ctx.save();
  switch (p.t) {
    case 'text':
      ctx.font = font(p.size, p.bold);
      ctx.textAlign = p.anchor === 'start' ? 'left' : p.anchor === 'middle' ? 'center' : 'right';
      if (p.halo) {
        // The same halo box as the SVG renderer draws.
        const b = primBox(p);
        ctx.fillStyle = p.halo;
        ctx.beginPath();
        ctx.roundRect(b.x - p.size * 0.15, b.y - p.size * 0.05, b.w + p.size * 0.3, b.h + p.size * 0.1, p.size * 0.2);
        ctx.fill();
      }
      ctx.fillStyle = p.color;
      ctx.fillText(p.text, p.x, p.y);
      break;
    case 'rect':
      ctx.fillStyle = p.fill;
      ctx.fillRect(p.x, p.y, p.w, p.h);
      if (p.stroke) {
        ctx.strokeStyle = p.stroke;
        ctx.lineWidth = p.strokeWidth ?? 1;
        ctx.strokeRect(p.x, p.y, p.w, p.h);
      }
      break;
    case 'circle':
      ctx.beginPath();
      ctx.arc(p.cx, p.cy, p.r, 0, Math.PI * 2);
      ctx.fillStyle = p.fill;
      ctx.fill();
      if (p.strokeWidth > 0) {
        ctx.strokeStyle = p.stroke;
        ctx.lineWidth = p.strokeWidth;
        ctx.stroke();
      }
      break;
    case 'polyline':
      ctx.beginPath();
      p.points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
      if (p.closed) ctx.closePath();
      if (p.fill) {
        ctx.fillStyle = p.fill;
        ctx.fill();
      }
      ctx.strokeStyle = p.stroke;
      ctx.lineWidth = p.width;
      if (p.dash) ctx.setLineDash(p.dash);
      ctx.stroke();
      break;
    case 'path': {
      ctx.translate(p.x, p.y);
      ctx.scale(p.scale, p.scale);
      const path = new Path2D(p.d);
      ctx.fillStyle = p.fill;
      ctx.fill(path);
      ctx.strokeStyle = p.stroke;
      ctx.lineWidth = p.strokeWidth;
      if (p.dash) ctx.setLineDash(p.dash);
      ctx.stroke(path);
      break;
    }
    case 'image': {
      const img = images[p.key];
      if (img) ctx.drawImage(img, p.x, p.y, p.w, p.h);
      if (p.stroke) {
        ctx.strokeStyle = p.stroke;
        ctx.lineWidth = 1;
        ctx.strokeRect(p.x, p.y, p.w, p.h);
      }
      break;
    }
  }
  ctx.restore();
}

/** Draws a scene onto a new canvas of its size (the PNG exports). */
export function drawScene(scene: Scene, images: Record<string, CanvasImageSource>): HTMLCanvasElement {
  const out = document.createElement('canvas');
  out.width = Math.round(scene.width);
  out.height = Math.round(scene.height);
  const ctx = out.getContext('2d')!;
  for (const p of scene.prims) drawPrim(ctx, p, images);
  return out;
}

/** A canvas as a PNG blob. */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG-bilden kunde inte skapas'))), 'image/png'));
}
