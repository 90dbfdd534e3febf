import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { LAYER_IDS } from '../../src/map/layers';
import { isLocal, launchBrowser, openApp, pngInfo, recordRequests, renderedCount } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let requests: string[];

const consoleErrors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  requests = recordRequests(page);
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await openApp(page, baseUrl);
});

afterAll(async () => {
  await browser?.close();
});

describe('the map on real Dalarna data', () => {
  it('renders kommuner, områdestyp, health centres and family centres by default', async () => {
    expect(await renderedCount(page, 'kommun-fill')).toBeGreaterThan(0);
    expect(await renderedCount(page, 'kommun-line')).toBeGreaterThan(0);
    expect(await renderedCount(page, 'regso-fill')).toBeGreaterThan(0);
    expect(await renderedCount(page, 'hc-circle')).toBeGreaterThan(0);
    expect(await renderedCount(page, 'fc-symbol')).toBeGreaterThan(0);
    // Off by default.
    expect(await renderedCount(page, 'stops-circle')).toBe(0);
    expect(await renderedCount(page, 'density-grid')).toBe(0);
  });

  it('has every layer of every toggle in its style, with no style error', async () => {
    const missing = await page.evaluate((ids) => ids.filter((id) => !window.__planner!.map.getLayer(id)), Object.values(LAYER_IDS).flat());
    expect(missing).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('draws the road network the travel times rest on, loaded only when switched on', async () => {
    expect(requests.some((u) => u.endsWith('/data/roads.geojson'))).toBe(false);
    await page.click('[data-testid="toggle-roads"]');
    await expect.poll(() => renderedCount(page, 'roads-line'), { timeout: 30_000 }).toBeGreaterThan(3);
    expect(requests.some((u) => u.endsWith('/data/roads.geojson'))).toBe(true);
    expect(await page.textContent('[data-testid="legend"]')).toContain('Nationell väg, skyltad hastighet');
    await page.click('[data-testid="toggle-roads"]');
    expect(await renderedCount(page, 'roads-line')).toBe(0);
  });

  it('shows the 15 kommun names', async () => {
    const names = await page.$$eval('.kommun-label', (els) => els.map((e) => e.textContent));
    expect(names).toHaveLength(15);
    expect(names).toContain('Älvdalen');
    expect(names).toContain('Malung-Sälen');
  });

  it('legend shows the five official områdestyp labels', async () => {
    const legend = await page.textContent('[data-testid="legend"]');
    for (const label of [
      '1 stora socioekonomiska utmaningar',
      '2 socioekonomiska utmaningar',
      '3 socioekonomiskt blandade',
      '4 goda socioekonomiska förutsättningar',
      '5 mycket goda socioekonomiska förutsättningar',
    ]) {
      expect(legend).toContain(label);
    }
    for (const status of ['Befintlig', 'Planerad', 'Avsiktsförklaring', 'Familjeenhet']) expect(legend).toContain(status);
  });

  it('toggles hide and show their features', async () => {
    await page.click('[data-testid="toggle-healthCentres"]');
    expect(await renderedCount(page, 'hc-circle')).toBe(0);
    await page.click('[data-testid="toggle-healthCentres"]');
    expect(await renderedCount(page, 'hc-circle')).toBeGreaterThan(0);

    // Area fills are one choice (radios): "ingen ytfärg" hides områdestyp, choosing it shows it.
    await page.click('[data-testid="toggle-fill-none"]');
    expect(await renderedCount(page, 'regso-fill')).toBe(0);
    await page.click('[data-testid="toggle-omradestyp"]');
    expect(await renderedCount(page, 'regso-fill')).toBeGreaterThan(0);
  });

  it('draws children per km² from the grid and per DeSO, and bus stops', async () => {
    await page.click('[data-testid="toggle-density"]');
    expect(await renderedCount(page, 'density-grid')).toBeGreaterThan(100);
    // The density replaces områdestyp (one area fill at a time).
    expect(await renderedCount(page, 'regso-fill')).toBe(0);
    expect(await renderedCount(page, 'density-deso')).toBe(0);
    await page.click('[data-testid="density-deso"]');
    expect(await renderedCount(page, 'density-deso')).toBeGreaterThan(50);
    expect(await renderedCount(page, 'density-grid')).toBe(0);
    await page.click('[data-testid="density-grid"]');
    await page.click('[data-testid="toggle-stops"]');
    expect(await renderedCount(page, 'stops-circle')).toBeGreaterThan(100);
    await page.click('[data-testid="toggle-tatorter"]');
    expect(await renderedCount(page, 'tatorter-circle')).toBeGreaterThan(50);
    // Back to områdestyp for the screenshot below.
    await page.click('[data-testid="toggle-omradestyp"]');
    expect(await renderedCount(page, 'density-grid')).toBe(0);
  });

  it('the screenshot of the map shows områdestyp fills, kommun borders and family centres', async () => {
    mkdirSync('test-results', { recursive: true });
    const buf = await page.screenshot({ path: 'test-results/map.png' });
    // områdestyp 4 over the land colour, the kommun border grey, the family-centre purple
    const info = await pngInfo(page, buf, ['#fbd7a5', '#333333', '#3b0f4f']);
    expect(info.hits[0]).toBeGreaterThan(2000);
    expect(info.hits[1]).toBeGreaterThan(50);
    expect(info.hits[2]).toBeGreaterThan(5);
  });

  it('sends no request off the machine', () => {
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.filter((u) => !isLocal(u))).toEqual([]);
  });
});
