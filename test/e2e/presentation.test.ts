import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { runCli } from '../../src/cli/main';
import { download, launchBrowser, openApp, pngInfo } from './browser';
import { pdfPageTexts } from '../support/pdfText';

/** Today's rows from the CLI: the county row, rows by kommun and the kommuner flagged no_centre. */
function cliToday(args: string[]) {
  let out = '';
  expect(runCli(['coverage', ...args], { out: (x) => (out += x), err: () => undefined, readFile: (f) => new Uint8Array(readFileSync(f)) })).toBe(0);
  const rows = Papa.parse<Record<string, string>>(out, { header: true, comments: '#', skipEmptyLines: true }).data.filter((r) => r.site_set === 'today');
  return {
    total: rows.find((r) => r.kommun_code === '20')!,
    rows: new Map(rows.map((r) => [r.kommun_code, r])),
    without: rows.filter((r) => r.flags.split('|').includes('no_centre')).map((r) => r.kommun_name),
  };
}

/** A CSV number ("18890.3") as the app shows it in Swedish with `d` decimals. */
const sv = (x: string, d: number) => new Intl.NumberFormat('sv-SE', { minimumFractionDigits: d, maximumFractionDigits: d }).format(Number(x));

const baseUrl = inject('baseUrl');
let browser: Browser;
let ctx: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  ctx = await browser.newContext({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
  page = await ctx.newPage();
  await openApp(page, baseUrl);
  await page.waitForSelector('[data-testid="coverage-results"][data-status="idle"]', { state: 'attached' });
});

afterAll(async () => {
  await browser?.close();
});

/** Pages and their MediaBox sizes (points) in a PDF made by Chromium. */
function pdfPages(pdf: Buffer): { count: number; boxes: number[][] } {
  const text = pdf.toString('latin1');
  const count = (text.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => m.slice(1).map(Number));
  return { count, boxes };
}

describe('presentation mode', () => {
  it('shows title, subtitle, map with scale bar and north arrow, legend, key figures, fairness chart, sources, date and scenario', async () => {
    await page.click('[data-testid="open-presentation"]');
    await page.waitForSelector('[data-testid="p-map-proposal"][data-map-ready="true"]');
    expect(await page.inputValue('[data-testid="p-title"]')).toBe('Familjecentraler i Dalarna');
    await page.fill('[data-testid="p-title"]', 'Familjecentraler – socialchefsnätverket');
    expect(await page.inputValue('[data-testid="p-title"]')).toBe('Familjecentraler – socialchefsnätverket');
    expect(await page.inputValue('[data-testid="p-subtitle"]')).toBe('Mitt scenario');
    const meta = await page.textContent('[data-testid="p-meta"]');
    expect(meta).toMatch(/Scenario: Mitt scenario · Datum: \d{4}-\d{2}-\d{2}/);
    expect(await page.isVisible('[data-testid="p-map-proposal"] .maplibregl-ctrl-scale')).toBe(true);
    expect(await page.isVisible('[data-testid="north-arrow"]')).toBe(true);
    expect(await page.textContent('.presentation [data-testid="legend"]')).toContain('1 stora socioekonomiska utmaningar');
    const sources = (await page.textContent('[data-testid="p-sources"]')) ?? '';
    for (const x of ['SCB', 'Boverket', 'Region Dalarna', '2025', '2021', 'HSN 2026/4486']) expect(sources).toContain(x);
    const kf = await page.$$eval('[data-testid="key-figures"] dl > div', (els) => els.map((e) => [e.querySelector('dt')?.textContent, e.querySelector('dd')?.textContent]));
    // The same figures as the CLI for today (no candidates yet), and they say what they count.
    const cli = cliToday([]);
    expect(kf).toEqual([
      ['Barn 0–6 år (uppskattat)', sv(cli.total.children_0_6, 0)],
      ['Andel barn inom 20 min', `${sv(cli.total.coverage_pct, 1)}\u00a0%`],
      ['Kommuner utan familjecentral', String(cli.without.length)],
      ['Täckning för barn i områdestyp 1–2', expect.stringMatching(/^\d+,\d\u00a0%$/)],
    ]);
    expect(cli.without).toHaveLength(7);
    expect(await page.textContent('[data-testid="key-figures-sets"]')).toBe('I dag: befintliga familjecentraler');
    const bars = await page.$$eval('[data-testid="p-fairness"] rect', (els) => els.length);
    expect(bars).toBeGreaterThanOrEqual(10);
    const county = await page.textContent('[data-testid="p-fairness"]');
    await page.selectOption('[data-testid="p-fairness-area"]', '2080'); // Falun: its 2 centres
    const falun = await page.textContent('[data-testid="p-fairness"]');
    expect(falun).not.toBe(county);
    await page.selectOption('[data-testid="p-fairness-area"]', '');
    // The map really drew: areas, centres and kommun borders are on its canvas.
    const counts = await page.evaluate(async () => {
      const c = (window as unknown as { __presentationMaps: Record<string, { whenIdle(): Promise<void>; renderedCount(id: string): number }> }).__presentationMaps['p-map-proposal'];
      await c.whenIdle();
      return ['regso-fill', 'fc-symbol', 'kommun-line'].map((l) => c.renderedCount(l));
    });
    for (const n of counts) expect(n).toBeGreaterThan(0);
  });

  it('today vs proposal: two synced maps and the change in key figures', async () => {
    await page.click('[data-testid="p-close"]');
    await page.click('[data-testid="tab-candidates"]');
    await page.fill('[data-testid="candidate-search"]', 'Järna');
    await page.click('[data-testid="search-hits"] li:first-child button');
    await page.waitForSelector('[data-testid="coverage-results"][data-status="idle"]', { state: 'attached' });
    await page.click('[data-testid="open-presentation"]');
    await page.click('[data-testid="p-compare"]');
    await page.waitForSelector('[data-testid="p-map-today"][data-map-ready="true"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="key-figures"]')?.textContent?.includes('→'));
    const kf = await page.$$eval('[data-testid="key-figures"] dl > div dd', (els) => els.map((e) => e.textContent));
    const today = cliToday([]);
    // Järna (Vansbro) as the only candidate: the CLI's proposal for the same site.
    const järna = await page.evaluate(() => document.querySelector('[data-testid="candidate-table"] tr')?.getAttribute('data-candidate'));
    expect(järna).toBeTruthy();
    expect(kf[1]).toMatch(new RegExp(`^${sv(today.total.coverage_pct, 1)}\u00a0% → \\d+,\\d\u00a0%$`));
    const [before, after] = kf[1]!.split(' → ').map((x) => Number(x.replace(/\u00a0%/, '').replace(',', '.')));
    // The change is in percentage points, from the same two figures.
    expect(kf[2]).toBe(`+${sv(String(Math.round((after - before) * 10) / 10), 1)} procentenheter`);
    expect(await page.textContent('[data-testid="p-change"]')).toBe(`Förändring: ${kf[2]}`);
    expect(kf[3]).toBe('7 → 6');
    expect(await page.textContent('[data-testid="key-figures-sets"]')).toBe('I dag: befintliga familjecentraler → Förslaget: i dag + 1 kandidatplats');
    // Each map outlines the gaps of its own set: Vansbro only today.
    const outlined = await page.evaluate(() => {
      const m = (window as unknown as { __presentationMaps: Record<string, { gapKommuner(): string[] }> }).__presentationMaps;
      return { today: m['p-map-today'].gapKommuner(), proposal: m['p-map-proposal'].gapKommuner() };
    });
    expect(outlined.today).toContain('2021');
    expect(outlined.proposal).not.toContain('2021');
    // Planned, intent and family-unit centres are drawn on both maps (15 family centres in all).
    const drawn = await page.evaluate(async () => {
      const m = (window as unknown as { __presentationMaps: Record<string, { whenIdle(): Promise<void>; map: { queryRenderedFeatures(o: { layers: string[] }): { properties: { status: string } }[] } }> }).__presentationMaps;
      const out: Record<string, string[]> = {};
      for (const k of ['p-map-today', 'p-map-proposal']) {
        await m[k].whenIdle();
        out[k] = [...new Set(m[k].map.queryRenderedFeatures({ layers: ['fc-symbol'] }).map((f) => f.properties.status))].sort();
      }
      return out;
    });
    expect(drawn['p-map-today']).toEqual(['existing', 'family_unit', 'intent', 'planned']);
    expect(drawn['p-map-proposal']).toEqual(['existing', 'family_unit', 'intent', 'planned']);
    // Zooming one map moves the other.
    const zooms = await page.evaluate(async () => {
      const m = (window as unknown as { __presentationMaps: Record<string, { map: { setZoom(z: number): void; getZoom(): number } }> }).__presentationMaps;
      m['p-map-proposal'].map.setZoom(8);
      return [m['p-map-today'].map.getZoom(), m['p-map-proposal'].map.getZoom()];
    });
    expect(zooms[0]).toBeCloseTo(zooms[1], 6);
  });

  it('exports a 1920 × 1080 PNG with real map content', async () => {
    const f = await download(page, 'p-png-slide');
    expect(f.name).toMatch(/_presentation-1920x1080_\d{4}-\d{2}-\d{2}\.png$/);
    // områdestyp 4 and 3 fills (75 % over the land colour #f7f7f4), the family-centre purple, the gap outline
    const info = await pngInfo(page, f.bytes, ['#fbd7a5', '#fba880', '#3b0f4f', '#d4006a']);
    expect([info.w, info.h]).toEqual([1920, 1080]);
    expect(info.distinct).toBeGreaterThan(100);
    expect(info.hits[0]).toBeGreaterThan(500);
    expect(info.hits[1]).toBeGreaterThan(100);
    expect(info.hits[2]).toBeGreaterThan(20);
    expect(info.hits[3]).toBeGreaterThan(20);
  });

  it('exports A4 landscape at 300 dpi (3508 × 2480)', async () => {
    const f = await download(page, 'p-png-a4');
    const info = await pngInfo(page, f.bytes, ['#fbd7a5']);
    expect([info.w, info.h]).toEqual([3508, 2480]);
    expect(info.hits[0]).toBeGreaterThan(2000);
  });

  it('a print layout the browser saves as an A4 and an A3 PDF page', async () => {
    // The sheet must not open the print dialog by itself (it raced with PDF capture); the planner
    // prints from the bar. Count calls to window.print.
    await page.evaluate(() => {
      const w = window as unknown as { __printCalls: number; print: () => void };
      w.__printCalls = 0;
      w.print = () => { w.__printCalls += 1; };
    });
    await page.click('[data-testid="p-print-a4"]');
    await page.waitForSelector('[data-testid="print-sheet"][data-size="a4"] svg image', { timeout: 120_000 });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __printCalls: number }).__printCalls)).toBe(0);
    await page.click('[data-testid="print-go"]');
    expect(await page.evaluate(() => (window as unknown as { __printCalls: number }).__printCalls)).toBe(1);
    const a4pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const a4 = pdfPages(a4pdf);
    expect(a4.count).toBe(1);
    // A vector sheet: the PDF's text layer has the title, key figures, every legend label (none
    // cut), the sources and the scale bar — the same words the app shows.
    const [text] = await pdfPageTexts(a4pdf);
    // Every legend label of the screen, the size key's label and each of its steps too.
    const legendLabels = await page.$$eval('.presentation [data-testid="legend"] li:not(.size-key), .presentation [data-testid="legend"] .size-key-label, .presentation [data-testid="legend"] .hc-size', (els) => els.map((e) => e.textContent?.trim() ?? '').filter((x) => x));
    expect(legendLabels).toEqual(expect.arrayContaining(['Cirkelns storlek = listade barn 0–6 år', '100', '500', '1\u00a0000']));
    expect(legendLabels.length).toBeGreaterThan(8);
    // (With two maps each is labelled with its sites, so the legend names no set: "(Förslaget)" is dropped.)
    for (const l of [...legendLabels.map((x) => x.replace(/ \((I dag|Förslaget)\)$/, '').replace(/\u00a0/g, ' ')), '5 mycket goda socioekonomiska förutsättningar', 'Nyckeltal', 'Källor: SCB', 'km']) expect(text.replace(/\s+/g, ' ')).toContain(l);
    // Each place name once in the text layer (a halo is a box, not a second, stroked text).
    expect(text.match(/Malung-Sälen/g)).toHaveLength(2);
    expect(a4.boxes[0][2]).toBeCloseTo(841.9, 0);
    expect(a4.boxes[0][3]).toBeCloseTo(595.3, 0);
    await page.click('[data-testid="print-close"]');
    await page.click('[data-testid="p-print-a3"]');
    await page.waitForSelector('[data-testid="print-sheet"][data-size="a3"] svg image', { timeout: 120_000 });
    const a3 = pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(a3.count).toBe(1);
    // A3 landscape = 420 × 297 mm = 1190.6 × 841.9 pt (Chromium rounds to whole device pixels)
    expect(Math.abs(a3.boxes[0][2] - 1190.6)).toBeLessThan(2);
    expect(Math.abs(a3.boxes[0][3] - 841.9)).toBeLessThan(2);
    await page.click('[data-testid="print-close"]');
  });

  it('the atlas has 15 pages, each with its kommun name, map and figures, printing to 15 PDF pages', async () => {
    await page.click('[data-testid="p-atlas"]');
    await page.waitForSelector('[data-testid="atlas"][data-ready="true"]', { timeout: 180_000 });
    const pages = await page.$$eval('[data-testid="atlas-page"]', (els) =>
      Promise.all(els.map(async (e) => {
        const img = e.querySelector('[data-testid="atlas-map"] svg image');
        const probe = new Image();
        probe.src = img?.getAttribute('href') ?? '';
        await probe.decode();
        const inPage = (el: Element | null) => {
          if (!el) return false;
          const a = el.getBoundingClientRect();
          // Left out for room (display: none) is not outside the page.
          if (a.width === 0 && a.height === 0) return true;
          const b = e.getBoundingClientRect();
          return a.left >= b.left - 1 && a.right <= b.right + 1 && a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
        };
        return {
          name: e.querySelector('h2')?.textContent,
          cov: e.querySelector('[data-testid="atlas-coverage"]')?.textContent,
          img: probe.naturalWidth,
          bars: e.querySelectorAll('.fairness rect').length,
          mapText: [...e.querySelectorAll('[data-testid="atlas-map"] svg text')].map((t) => t.textContent),
          legendText: [...e.querySelectorAll('[data-testid="atlas-legend"] svg text')].map((t) => t.textContent),
          pageNo: e.querySelector('[data-testid="atlas-pageno"]')?.textContent,
          // Nothing runs off the page: the side column, the legend and the footer lie inside it.
          fits: [...e.querySelectorAll('.atlas-side-col > *, [data-testid="atlas-legend"], .atlas-foot')].every(inPage),
          // The legend ends above the footer (the map gives way to it).
          legendAboveFoot: e.querySelector('[data-testid="atlas-legend"]')!.getBoundingClientRect().bottom <= e.querySelector('.atlas-foot')!.getBoundingClientRect().top + 1,
        };
      })),
    );
    expect(pages.map((p) => p.name)).toEqual(['Avesta', 'Borlänge', 'Falun', 'Gagnef', 'Hedemora', 'Leksand', 'Ludvika', 'Malung-Sälen', 'Mora', 'Orsa', 'Rättvik', 'Smedjebacken', 'Säter', 'Vansbro', 'Älvdalen']);
    pages.forEach((p, i) => {
      expect(p.cov).toMatch(/^\d+,\d\u00a0%$/);
      // The map at 300 dpi for its 170 mm frame (2 008 px).
      expect(p.img).toBeGreaterThan(1900);
      expect(p.bars).toBeGreaterThanOrEqual(10);
      expect(p.pageNo).toBe(`Sida ${i + 1} av 15`);
      expect(p.fits, p.name!).toBe(true);
      expect(p.legendAboveFoot, p.name!).toBe(true);
      // Scale bar and north arrow drawn on the map, with the legend's words as text.
      expect(p.mapText).toContain('N');
      expect(p.mapText.some((t) => /^\d+ km$/.test(t ?? ''))).toBe(true);
      expect(p.legendText.join(' ')).toContain('5 mycket goda socioekonomiska förutsättningar');
    });
    // The vårdval claim of the kommun's host (Britsarvet-Grycksbo in Falun: 471 290 kr, the budget
    // panel's figure) and the documented change 2019 → 2026 with "uppgift saknas" where no reason is given.
    expect(await page.textContent('[data-testid="atlas-page"][data-kommun="2080"] [data-testid="atlas-vardval"]')).toBe('471\u00a0290 kr (Vårdcentral Britsarvet-Grycksbo, modellerat)');
    expect(await page.textContent('[data-testid="atlas-page"][data-kommun="2082"] [data-testid="atlas-vardval"]')).toBe('ingen värdvårdcentral');
    expect(await page.textContent('[data-testid="atlas-page"][data-kommun="2083"] [data-testid="atlas-history"]')).toContain('uppgift saknas');
    // Borlänge's page names its own towns and labels Falun as a neighbour (muted, not the focus).
    const borlänge = pages[1];
    expect(borlänge.mapText).toEqual(expect.arrayContaining(['Borlänge', 'Falun']));
    // The atlas shows the proposal (Järna in Vansbro is a candidate): Vansbro has a centre in the
    // proposal and none today; Orsa has none in either.
    const vansbro = (await page.textContent('[data-testid="atlas-page"][data-kommun="2021"]')) ?? '';
    expect(vansbro).toContain('Platser som räknas: Förslaget: i dag + 1 kandidatplats');
    expect(await page.textContent('[data-testid="atlas-page"][data-kommun="2021"] [data-testid="atlas-coverage-today"]')).toBe(`${sv(cliToday([]).rows.get('2021')!.coverage_pct, 1)}\u00a0%`);
    expect(vansbro).not.toContain('Ingen familjecentral');
    expect(await page.textContent('[data-testid="atlas-page"][data-kommun="2034"]')).toContain('Ingen familjecentral i förslaget (har en familjeenhet)');
    // Children over time on every page: a chart and the listed change where HSN 2026/4486 names the kommun.
    expect(await page.$$eval('[data-testid="atlas-page"] [data-testid="atlas-cot"] svg.sparkline', (els) => els.length)).toBe(15);
    expect(await page.textContent('[data-testid="atlas-page"][data-kommun="2081"] [data-testid="atlas-cot"]')).toContain('Listade 2020→2025: −1\u00a0234 (HSN 2026/4486)');
    expect(await page.textContent('[data-testid="atlas-page"][data-kommun="2026"] [data-testid="atlas-cot"]')).toContain('Listade 2020→2025: uppgift saknas');
    const atlasPdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pdf = pdfPages(atlasPdf);
    expect(pdf.count).toBe(15);
    // Real text on every page: the kommun's name, its page number, the legend and the sources.
    const texts = await pdfPageTexts(atlasPdf);
    texts.forEach((t, i) => {
      expect(t).toContain(pages[i].name!);
      expect(t).toContain(`Sida ${i + 1} av 15`);
      expect(t).toContain('Källor: SCB');
    });
    expect(pdf.boxes[0][2]).toBeCloseTo(841.9, 0);
    await page.click('[data-testid="atlas-close"]');
  });
});
