import { describe, expect, it } from 'vitest';
import { flowColumns, layoutPage, type Block } from '../../src/layout';
import { fixedMeasure, typography, type Typography } from '../../src/layout/typography';
import { wrapText } from '../../src/layout/wrap';
import { inside, primBox, type Prim } from '../../src/layout/scene';
import { legendSectionBlock } from '../../src/layout/legendBlock';
import { sceneToSvg } from '../../src/layout/svg';
import { mapFramePrims } from '../../src/layout/mapFrame';
import { sheetLayout, sheetScene } from '../../src/layout/sheet';
import type { LegendSection } from '../../src/map/legendSpec';

const m5 = fixedMeasure(0.5); // at size 10 every character is 5 px

describe('wrapText', () => {
  it('breaks at spaces so no line is wider than the frame, keeping every character', () => {
    // "Områdestyp" = 10 chars = 50 px fits; "Områdestyp 5" = 60 px does not.
    expect(wrapText('Områdestyp 5 mycket goda', 50, 10, false, m5)).toEqual(['Områdestyp', '5 mycket', 'goda']);
  });
  it('breaks after a hyphen and splits a word longer than the line', () => {
    // 40 px = 8 characters: "Malung-" (7) then "Sälen" (5) — "Malung-Sälen" (12) is too wide.
    expect(wrapText('Malung-Sälen kommun', 40, 10, false, m5)).toEqual(['Malung-', 'Sälen', 'kommun']);
    expect(wrapText('abcdefghij', 25, 10, false, m5)).toEqual(['abcde', 'fghij']);
  });
  it('keeps explicit line breaks', () => {
    expect(wrapText('a b\nc', 100, 10, false, m5)).toEqual(['a b', 'c']);
  });
});

/** A block of a fixed height whatever the width. */
const fixed = (id: string, h: number, optional = false): Block => ({ id, optional, measure: () => ({ h, draw: (x, y) => [{ t: 'rect', x, y, w: 10, h, fill: '#000' }] }) });
const t0: Typography = { medium: 'screen', title: 20, subtitle: 10, heading: 10, body: 10, small: 10, figure: 10, min: 10, leading: 1.2, pad: 10 };

describe('flowColumns', () => {
  it('moves a block that does not fit to the next column, and fails when columns run out', () => {
    // heights 40, 40, 30 in 100 px with a 10 px gap: 40 + 10 + 40 = 90; 90 + 10 + 30 > 100 → column 2.
    const p = flowColumns([fixed('a', 40), fixed('b', 40), fixed('c', 30)], 100, 2, 100, 10, t0, m5)!;
    expect(p.map((x) => [x.block.id, x.col, x.y])).toEqual([['a', 0, 0], ['b', 0, 50], ['c', 1, 0]]);
    expect(flowColumns([fixed('a', 40), fixed('b', 40), fixed('c', 30)], 100, 1, 100, 10, t0, m5)).toBeNull();
    expect(flowColumns([fixed('a', 120)], 100, 2, 100, 10, t0, m5)).toBeNull();
  });
});

const omradestyp: LegendSection = {
  layer: 'omradestyp',
  title: 'Områdestyp 2023 (RegSO)',
  items: ['1 stora socioekonomiska utmaningar', '2 socioekonomiska utmaningar', '3 socioekonomiskt blandade', '4 goda socioekonomiska förutsättningar', '5 mycket goda socioekonomiska förutsättningar'].map((label, i) => ({ kind: 'swatch' as const, color: ['#a00', '#e45', '#f96', '#fc9', '#fed'][i], label })),
};
const health: LegendSection = {
  layer: 'healthCentres',
  title: 'Vårdcentraler, storlek = listade barn 0–6 år (modellerat 2025)',
  items: [
    { kind: 'circle', fill: '#0072B2', stroke: '#fff', strokeWidth: 1.5, radius: 7, label: 'Regionen' },
    { kind: 'sizes', fill: '#0072B2', stroke: '#fff', strokeWidth: 1.5, label: 'Listade barn 0–6 år', steps: [{ value: 100, radius: 6.4, label: '100' }, { value: 500, radius: 10.6, label: '500' }, { value: 1000, radius: 13.8, label: '1 000' }] } as never,
  ],
};

function texts(prims: Prim[]) {
  return prims.filter((p): p is Extract<Prim, { t: 'text' }> => p.t === 'text');
}

describe('layoutPage', () => {
  const slide = typography('slide', { height: 1080 });
  const m = fixedMeasure(0.62); // wider than DejaVu Sans's average: a conservative test
  const blocks = [legendSectionBlock(omradestyp, 1), legendSectionBlock(health, 1), fixed('fairness', 300, true)];
  const lay = layoutPage({ width: 1920, height: 1080, typography: slide, measure: m, title: 'Familjecentraler i Dalarna: en mycket lång rubrik som inte får klippas utan ska radbrytas', maps: 2, side: blocks, footer: ['Källor: SCB (befolkning 31 dec 2025, DeSO/RegSO, tätorter 2020), SCB/Boverket (socioekonomiskt index, områdestyp), Region Dalarna (vårdcentraler 2023)'] });
  const page = { x: 0, y: 0, w: 1920, h: 1080 };

  it('puts every primitive inside the page and the side column beside the maps', () => {
    for (const p of lay.prims) expect(inside(primBox(p), page), JSON.stringify(p)).toBe(true);
    for (const f of lay.mapFrames) expect(f.x + f.w).toBeLessThanOrEqual(lay.sideBox.x);
    expect(lay.mapFrames).toHaveLength(2);
  });
  it('keeps slide text at 24 px or more and never truncates the title or the legend', () => {
    expect(lay.belowMinimum).toBe(false);
    for (const p of texts(lay.prims)) expect(p.size).toBeGreaterThanOrEqual(24);
    const all = texts(lay.prims).map((p) => p.text).join(' ');
    expect(all).toContain('5 mycket goda');
    expect(all).toContain('förutsättningar');
    // The title is all there, wrapped over lines.
    const titleLines = texts(lay.prims).filter((p) => p.size === slide.title).map((p) => p.text);
    expect(titleLines.join(' ')).toBe('Familjecentraler i Dalarna: en mycket lång rubrik som inte får klippas utan ska radbrytas');
    expect(titleLines.length).toBeGreaterThan(1);
  });
  it('draws the size key with each step and its label', () => {
    const labels = texts(lay.prims).map((p) => p.text);
    expect(labels).toEqual(expect.arrayContaining(['100', '500', '1 000']));
    // Circle radii as given × mapScale 1 (6,4 / 10,6 / 13,8 px).
    const radii = lay.prims.filter((p) => p.t === 'circle').map((p) => (p as { r: number }).r);
    expect(radii).toEqual(expect.arrayContaining([6.4, 10.6, 13.8]));
  });
  it('shrinks print type towards 8 pt, then drops optional blocks, before going below the floor', () => {
    const print = typography('print', { dpi: 300 });
    // A6 landscape at 300 dpi: too small for everything at 9 pt.
    const small = layoutPage({ width: 1748, height: 1240, typography: print, measure: m, title: 'T', maps: 1, side: blocks, footer: [], sideShares: [0.26, 0.32, 0.38, 0.44] });
    expect(small.belowMinimum).toBe(false);
    for (const p of texts(small.prims)) expect(p.size).toBeGreaterThanOrEqual(print.min - 1e-9);
    expect(small.typeScale).toBeLessThan(1);
    expect(small.dropped.every((id) => id === 'fairness')).toBe(true);
    // Blocks are dropped only once the type is at the floor (8/9 of the body size).
    if (small.dropped.length) expect(small.typeScale).toBeCloseTo(8 / 9, 9);
  });
});

describe('map frame and SVG', () => {
  const t = typography('print', { dpi: 300 });
  it('fits the image keeping its aspect ratio, moves a colliding label one line down and leaves out one that would leave the map', () => {
    const prims = mapFramePrims({ x: 0, y: 0, w: 1000, h: 500 }, { imageKey: 'map', imageWidth: 800, imageHeight: 800, labels: [{ x: 400, y: 400, text: 'Falun', priority: 2 }, { x: 402, y: 402, text: 'Borlänge', priority: 1 }, { x: -100, y: 400, text: 'Utanför' }] }, t, fixedMeasure(0.6));
    // 800 × 800 into 1000 × 500: k = 0,625 → 500 × 500 centred at x = 250.
    expect(prims[0]).toMatchObject({ t: 'image', x: 250, y: 0, w: 500, h: 500 });
    // Borlänge collides with Falun at its point and moves one line below it: labels are 0,95 × the
    // body (9 pt at 300 dpi = 37,5 px) = 35,625 px, a line 35,625 × 1,15 = 40,97 px; plus the
    // points' own 2 px apart × k 0,625. The label off the image's left edge is left out.
    const placed = texts(prims);
    expect(placed.map((p) => p.text)).toEqual(['Falun', 'Borlänge']);
    expect(placed[1].y - placed[0].y).toBeCloseTo(2 * 0.625 + 35.625 * 1.15, 9);
  });
  it('slides a label near the edge inward instead of dropping it', () => {
    const m6 = fixedMeasure(0.6);
    const prims = mapFramePrims({ x: 0, y: 0, w: 800, h: 800 }, { imageKey: 'map', imageWidth: 800, imageHeight: 800, labels: [{ x: 10, y: 400, text: 'Älvdalen ⚠' }] }, t, m6);
    // 10 characters × 0,6 × 35,625 px = 213,75 px wide; centred at 10 it would start at −98,9;
    // it slides right so its box (2 px margin) starts at the edge: centre 2 + 106,875 = 108,875.
    const [label] = texts(prims);
    expect(label.x).toBeCloseTo(108.875, 9);
  });

  it('escapes text and keeps it as text', () => {
    const svg = sceneToSvg({ width: 100, height: 50, prims: [{ t: 'text', x: 1, y: 20, text: '<img src=x onerror=alert(1)> & "Säter"', size: 10, bold: false, color: '#000', anchor: 'start', w: 10 }] }, {});
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Säter&quot;</text>');
    expect(svg).not.toContain('<img');
  });
  it('a sheet scales the size key by how the map image is fitted (two passes)', () => {
    const c = { width: 1000, height: 600, typography: typography('screen'), measure: fixedMeasure(0.6), title: 'T', maps: 1, legend: [health], mapScale: 2, mapImage: { width: 2000, height: 2000 }, footer: [] };
    const lay = sheetLayout(c);
    const k = Math.min(lay.mapFrames[0].w / 2000, lay.mapFrames[0].h / 2000);
    const scene = sheetScene(c, lay, [{ imageKey: 'map', imageWidth: 2000, imageHeight: 2000 }]);
    // The size key's three circles are the last drawn (after the "Regionen" symbol).
    const largest = Math.max(...scene.prims.filter((p) => p.t === 'circle').slice(-3).map((p) => (p as { r: number }).r));
    // 13,8 CSS px × 2 image px per CSS px × k output px per image px
    expect(Math.abs(largest - 13.8 * 2 * k) / largest).toBeLessThan(0.005);
  });
});
