import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openApp } from './browser';

/**
 * Issue 12's workflow observations, end to end: the share link has a copy button; a reload keeps
 * the active tab and the map view; an import report stays with the scenario it was made in.
 */
const baseUrl = inject('baseUrl');
let browser: Browser;
let ctx: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });
  page = await ctx.newPage();
  await openApp(page, baseUrl);
});

afterAll(async () => {
  await browser?.close();
});

describe('workflow', () => {
  it('copies the share link with a button and says so', async () => {
    await page.click('[data-testid="tab-scenarios"]');
    await page.click('[data-testid="scenario-share"]');
    const link = await page.inputValue('[data-testid="share-link"]');
    expect(link).toMatch(/#s=[A-Za-z0-9_-]+$/);
    await page.click('[data-testid="share-copy"]');
    expect(await page.textContent('[data-testid="share-copied"]')).toBe(' Länken är kopierad.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  });

  it('a reload keeps the active tab and the map view', async () => {
    await page.click('[data-testid="tab-candidates"]');
    await page.evaluate(async () => {
      const m = window.__planner!.map;
      const moved = new Promise<void>((r) => m.once('moveend', () => r()));
      m.jumpTo({ center: [15.43, 60.49], zoom: 9.5 });
      await moved;
    });
    await page.reload();
    await page.waitForSelector('[data-map-ready="true"]', { timeout: 60_000 });
    expect(await page.getAttribute('[data-testid="tab-candidates"]', 'aria-selected')).toBe('true');
    const view = await page.evaluate(() => {
      const m = window.__planner!.map;
      return { lon: m.getCenter().lng, lat: m.getCenter().lat, zoom: m.getZoom() };
    });
    expect(view.lon).toBeCloseTo(15.43, 3);
    expect(view.lat).toBeCloseTo(60.49, 3);
    expect(view.zoom).toBeCloseTo(9.5, 3);
  });

  it("an import's report stays with its scenario: a new scenario does not show it", async () => {
    await page.setInputFiles('[data-testid="candidate-file"]', 'test/fixtures/candidates-broken.csv');
    await page.waitForSelector('[data-testid="candidate-report"], [data-testid="candidate-message"]', { timeout: 30_000 });
    await page.click('[data-testid="tab-scenarios"]');
    await page.click('[data-testid="scenario-new"]');
    await page.click('[data-testid="tab-candidates"]');
    expect(await page.locator('[data-testid="candidate-report"], [data-testid="candidate-message"]').count()).toBe(0);
  });

  it('removing a candidate can be undone: it comes back in its place, with its name', async () => {
    await page.setInputFiles('[data-testid="candidate-file"]', 'test/fixtures/candidates-wgs84.csv');
    await page.waitForSelector('[data-testid="candidate-table"] tr[data-candidate]');
    const rows = () => page.$$eval('[data-testid="candidate-table"] tr[data-candidate]', (tr) => tr.map((x) => x.getAttribute('data-candidate')));
    const before = await rows();
    expect(before.length).toBeGreaterThan(1);
    await page.click(`[data-testid="remove-${before[1]}"]`);
    expect(await rows()).toEqual([before[0], ...before.slice(2)]);
    expect(await page.textContent('[data-testid="candidate-removed"]')).toMatch(/^Kandidatplatsen ".+" togs bort\. Ångra$/);
    await page.click('[data-testid="candidate-undo"]');
    expect(await rows()).toEqual(before);
    expect(await page.locator('[data-testid="candidate-removed"]').count()).toBe(0);
  });
});

