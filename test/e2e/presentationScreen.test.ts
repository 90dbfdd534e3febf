import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp } from './browser';

/** The presentation on a 1920 × 1080 screen: type sizes readable from the back of a room. */
const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await openApp(page, baseUrl);
  await page.click('[data-testid="open-presentation"]');
  await page.waitForSelector('[data-testid="p-map-proposal"][data-map-ready="true"]');
});

afterAll(async () => {
  await browser?.close();
});

describe('presentation on a 1920 × 1080 screen', () => {
  it('legend, sources and chart labels are at least 20 px (were 12–13, 10,5 and 10 px)', async () => {
    const sizes = await page.evaluate(() => {
      const px = (el: Element | null) => (el ? parseFloat(getComputedStyle(el).fontSize) : 0);
      const svgText = [...document.querySelectorAll('[data-testid="p-fairness"] svg text')].map((t) => Number(t.getAttribute('font-size')));
      return {
        legend: [...document.querySelectorAll('.presentation [data-testid="legend"] li')].map(px),
        sources: px(document.querySelector('[data-testid="p-sources"]')),
        chart: svgText,
      };
    });
    // 1,25 vw of 1 920 px = 24 px; legend 0,9 em = 21,6 px; sources 0,85 em = 20,4 px.
    expect(sizes.legend.length).toBeGreaterThan(5);
    for (const s of sizes.legend) expect(s).toBeCloseTo(21.6, 1);
    expect(sizes.sources).toBeCloseTo(20.4, 1);
    // Chart labels × 1 920 / 960 = 2: bar values 10 × 2 = 20 px, row labels 12 × 2 = 24 px.
    expect(Math.min(...sizes.chart)).toBeCloseTo(20, 6);
    expect(Math.max(...sizes.chart)).toBeCloseTo(24, 6);
  });
});
