import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { download, launchBrowser, openApp } from './browser';
import { compareGolden } from '../support/golden';
import { pdfPageTexts } from '../support/pdfText';

/**
 * Golden images of the composed outputs (MapLibre render-test style): the slide, the A4 sheet of
 * today vs proposal and one atlas page are compared with committed PNGs in test/golden/ by
 * pixelmatch; `UPDATE=1` rewrites them. The clock is fixed so the printed date is stable.
 */
const baseUrl = inject('baseUrl');
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
/** Share of pixels allowed to differ (antialiasing of text and map edges). */
const MAX_DIFF = 0.004;

beforeAll(async () => {
  browser = await launchBrowser();
  ctx = await browser.newContext({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
  page = await ctx.newPage();
  await page.clock.setFixedTime(new Date('2026-11-29T10:00:00+01:00'));
  await openApp(page, baseUrl);
  await page.waitForSelector('[data-testid="coverage-results"][data-status="idle"]', { state: 'attached' });
});

afterAll(async () => {
  await browser?.close();
});

/** A PNG scaled by `k` in the browser (the A4 sheet is compared at a quarter of its 300 dpi). */
async function scaledPng(bytes: Buffer, k: number): Promise<Buffer> {
  const b64 = await page.evaluate(
    async ([src, f]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${src}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = Math.round(img.width * f);
      c.height = Math.round(img.height * f);
      const g = c.getContext('2d')!;
      g.imageSmoothingQuality = 'high';
      g.drawImage(img, 0, 0, c.width, c.height);
      return c.toDataURL('image/png').split(',')[1];
    },
    [bytes.toString('base64'), k] as const,
  );
  return Buffer.from(b64, 'base64');
}

describe('golden images of composed outputs', () => {
  it('the 1920 × 1080 slide', async () => {
    await page.click('[data-testid="open-presentation"]');
    await page.waitForSelector('[data-testid="p-map-proposal"][data-map-ready="true"]');
    const f = await download(page, 'p-png-slide');
    const r = compareGolden('slide.png', f.bytes);
    expect(r.diffShare).toBeLessThanOrEqual(MAX_DIFF);
    await page.click('[data-testid="p-close"]');
  });

  it('today vs proposal: the slide and the A4 sheet show both maps as presented; the A4 PDF has the text', async () => {
    await page.click('[data-testid="tab-candidates"]');
    await page.setInputFiles('[data-testid="candidate-file"]', 'test/fixtures/candidates-wgs84.csv');
    await page.waitForSelector('[data-testid="coverage-results"][data-status="idle"]', { state: 'attached' });
    await page.click('[data-testid="open-presentation"]');
    await page.click('[data-testid="p-compare"]');
    await page.waitForSelector('[data-testid="p-map-today"][data-map-ready="true"]');
    const slide = await download(page, 'p-png-slide');
    expect(compareGolden('slide-today-vs-proposal.png', slide.bytes).diffShare).toBeLessThanOrEqual(MAX_DIFF);
    const a4 = await download(page, 'p-png-a4');
    expect(compareGolden('a4-today-vs-proposal.png', await scaledPng(a4.bytes, 0.25)).diffShare).toBeLessThanOrEqual(MAX_DIFF);
    // The print sheet of the same: both panel labels, the change and the legend as PDF text.
    await page.click('[data-testid="p-print-a4"]');
    await page.waitForSelector('[data-testid="print-sheet"] svg image', { timeout: 120_000 });
    const [text] = await pdfPageTexts(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    for (const w of ['I dag: befintliga familjecentraler', 'Förslaget: i dag + 3 kandidatplatser', 'procentenheter', 'Kandidatplats', 'Områdestyp 2023 (RegSO)', 'N']) expect(text).toContain(w);
    await page.click('[data-testid="print-close"]');
  });

  it('one atlas page (Borlänge)', async () => {
    await page.click('[data-testid="p-atlas"]');
    await page.waitForSelector('[data-testid="atlas"][data-ready="true"]', { timeout: 180_000 });
    const el = (await page.$('[data-testid="atlas-page"][data-kommun="2081"]'))!;
    await el.scrollIntoViewIfNeeded();
    const shot = await el.screenshot();
    expect(compareGolden('atlas-borlange.png', shot).diffShare).toBeLessThanOrEqual(MAX_DIFF);
    await page.click('[data-testid="atlas-close"]');
  });

  it("the first page of Borlänge's decision document (beslutsunderlag)", async () => {
    await page.click('[data-testid="p-close"]');
    await page.click('[data-testid="tab-scenarios"]');
    await page.selectOption('[data-testid="decision-kommun"]', '2081');
    await page.click('[data-testid="decision-open-kommun"]');
    await page.waitForSelector('[data-testid="decision-view"][data-ready="true"]', { timeout: 180_000 });
    const doc = (await page.$('[data-testid="decision-paper"]'))!;
    await doc.scrollIntoViewIfNeeded();
    // The paper alone: the view's toolbar (sticky over the paper) is hidden for the picture.
    await page.evaluate(() => document.querySelector<HTMLElement>('.decision-bar')!.style.setProperty('visibility', 'hidden'));
    const box = (await doc.boundingBox())!;
    // The top of the paper: title, background, the kommun's situation and population (A4 ≈ 1,41 × width).
    const shot = await page.screenshot({ clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, Math.round(box.width * 1.414)) }, fullPage: true });
    await page.evaluate(() => document.querySelector<HTMLElement>('.decision-bar')!.style.removeProperty('visibility'));
    expect(compareGolden('decision-borlange-p1.png', shot).diffShare).toBeLessThanOrEqual(MAX_DIFF);
    await page.click('[data-testid="decision-close"]');
  });
});
