import { escapeHtml as escapeXml } from '../io/escape';
import { FONT_FAMILY } from './block';
import { primBox, type Prim, type Scene } from './scene';

const n = (v: number) => (Math.round(v * 100) / 100).toString();
const dash = (d?: number[]) => (d && d.length ? ` stroke-dasharray="${d.map(n).join(' ')}"` : '');

/** One primitive as SVG markup; every text and attribute value escaped. */
export function primToSvg(p: Prim, images: Record<string, string>): string {
  switch (p.t) {
    case 'text': {
      const anchor = p.anchor === 'start' ? '' : ` text-anchor="${p.anchor}"`;
      // A halo is a box behind the text, not a stroke: a stroked text is drawn twice in a PDF and
      // its words would be extracted twice.
      const b = primBox(p);
      const halo = p.halo ? `<rect x="${n(b.x - p.size * 0.15)}" y="${n(b.y - p.size * 0.05)}" width="${n(b.w + p.size * 0.3)}" height="${n(b.h + p.size * 0.1)}" rx="${n(p.size * 0.2)}" fill="${escapeXml(p.halo)}"/>` : '';
      return `${halo}<text x="${n(p.x)}" y="${n(p.y)}" font-size="${n(p.size)}"${p.bold ? ' font-weight="bold"' : ''} fill="${escapeXml(p.color)}"${anchor}>${escapeXml(p.text)}</text>`;
    }
    case 'rect':
      return `<rect x="${n(p.x)}" y="${n(p.y)}" width="${n(p.w)}" height="${n(p.h)}" fill="${escapeXml(p.fill)}"${p.stroke ? ` stroke="${escapeXml(p.stroke)}" stroke-width="${n(p.strokeWidth ?? 1)}"` : ''}/>`;
    case 'circle':
      return `<circle cx="${n(p.cx)}" cy="${n(p.cy)}" r="${n(p.r)}" fill="${escapeXml(p.fill)}" stroke="${escapeXml(p.stroke)}" stroke-width="${n(p.strokeWidth)}"/>`;
    case 'polyline': {
      const pts = p.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ');
      const tag = p.closed ? 'polygon' : 'polyline';
      return `<${tag} points="${pts}" fill="${p.fill ? escapeXml(p.fill) : 'none'}" stroke="${escapeXml(p.stroke)}" stroke-width="${n(p.width)}"${dash(p.dash)}/>`;
    }
    case 'path':
      return `<path d="${escapeXml(p.d)}" transform="translate(${n(p.x)} ${n(p.y)}) scale(${n(p.scale)})" fill="${escapeXml(p.fill)}" stroke="${escapeXml(p.stroke)}" stroke-width="${n(p.strokeWidth)}"${dash(p.dash)}/>`;
    case 'image': {
      const href = images[p.key] ?? '';
      const img = `<image x="${n(p.x)}" y="${n(p.y)}" width="${n(p.w)}" height="${n(p.h)}" preserveAspectRatio="none" href="${escapeXml(href)}"/>`;
      return p.stroke ? `${img}<rect x="${n(p.x)}" y="${n(p.y)}" width="${n(p.w)}" height="${n(p.h)}" fill="none" stroke="${escapeXml(p.stroke)}"/>` : img;
    }
  }
}

/**
 * A scene as a standalone SVG document: text stays text (a browser printing it to PDF keeps it
 * selectable), images are embedded by their keys (`images`: key → data URL). `widthAttr` and
 * `heightAttr` set the printed size (e.g. "297mm"); the viewBox is the scene's pixels.
 */
export function sceneToSvg(scene: Scene, images: Record<string, string>, size?: { widthAttr: string; heightAttr: string }, label?: string): string {
  const w = size?.widthAttr ?? n(scene.width);
  const h = size?.heightAttr ?? n(scene.height);
  const aria = label ? ` role="img" aria-label="${escapeXml(label)}"` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${escapeXml(w)}" height="${escapeXml(h)}" viewBox="0 0 ${n(scene.width)} ${n(scene.height)}" font-family="${escapeXml(FONT_FAMILY)}"${aria}>${scene.prims.map((p) => primToSvg(p, images)).join('')}</svg>`;
}
