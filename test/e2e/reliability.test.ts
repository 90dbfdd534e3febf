import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { download, launchBrowser, openApp } from './browser';

/** Defects a hostile-input audit found (issue 15), each reproduced in the real browser. */

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('site data blocked (as with Chrome’s "block site data")', () => {
  it('the app starts, says in Swedish that scenarios cannot be saved, and offers the file export', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    await ctx.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openApp(page, baseUrl);
    expect(await page.textContent('[data-testid="storage-blocked"]')).toContain('scenarierna kan inte sparas här');
    await page.waitForSelector('[data-testid="coverage-results"][data-status="idle"]', { state: 'attached' });
    const f = await download(page, 'storage-blocked-export');
    const doc = JSON.parse(f.text);
    expect(doc.format).toBe('familjecentralsplaneraren/scenario');
    expect(errors).toEqual([]);
    await ctx.close();
  });
});

describe('a 200 000-row candidate file', () => {
  it('with errors: a summary, the first 100 problems, the whole report as a file — and the page stays usable', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    const page = await ctx.newPage();
    await openApp(page, baseUrl);
    await page.click('[data-testid="tab-candidates"]');
    const lines = ['id,name,lat,lon', ...Array.from({ length: 200_000 }, (_, i) => `k${i},Plats ${i},inte-ett-tal,15.0`)];
    await page.setInputFiles('[data-testid="candidate-file"]', { name: 'stor.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    await page.waitForSelector('[data-testid="candidate-report-count"]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="candidate-report-count"]')).toContain('De första 100 av 200\u00a0001 problemen visas.');
    expect(await page.$$eval('[data-testid="candidate-report"] li', (els) => els.length)).toBe(100);
    const f = await download(page, 'candidate-report-download');
    expect(f.text.split('\n').filter(Boolean).length).toBe(200_002); // header + 200 000 row problems + the CRS note
    // The page answers: switching tabs works and nothing was imported.
    await page.click('[data-testid="tab-coverage"]');
    expect(await page.isVisible('[data-testid="analysis-panel"]')).toBe(true);
    expect(await page.$('[data-testid="candidate-table"] tr')).toBeNull();
    await ctx.close();
  });
  it('valid but too many: refused with the limit, nothing imported', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await ctx.newPage();
    await openApp(page, baseUrl);
    await page.click('[data-testid="tab-candidates"]');
    const lines = ['id,name,lat,lon', ...Array.from({ length: 200_000 }, (_, i) => `k${i},Plats ${i},60.5,15.0`)];
    await page.setInputFiles('[data-testid="candidate-file"]', { name: 'stor.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    await page.waitForSelector('[data-testid="candidate-report"]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="candidate-report"]')).toContain('högst 2\u00a0000 kandidatplatser');
    expect(await page.$('[data-testid="candidate-confirm"]')).toBeNull();
    expect(await page.$('[data-testid="candidate-table"] tr')).toBeNull();
    await ctx.close();
  });
});

describe('many candidates stay responsive', () => {
  it('typing a name and changing a weight ask the workers for nothing; weights re-rank at once', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await ctx.newPage();
    await openApp(page, baseUrl);
    await page.click('[data-testid="tab-candidates"]');
    // 300 candidates spread over southern Dalarna (a clean WGS84 file)
    const lines = ['id,name,lat,lon', ...Array.from({ length: 300 }, (_, i) => `k${i},Plats ${i},${(60.1 + (i % 30) * 0.03).toFixed(4)},${(14.2 + Math.floor(i / 30) * 0.2).toFixed(4)}`)];
    await page.setInputFiles('[data-testid="candidate-file"]', { name: 'm.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    // The best 50 are drawn; all 300 on request.
    await page.waitForSelector('[data-testid="ranking-table"] tbody tr:nth-child(50)', { timeout: 120_000 });
    expect(await page.$('[data-testid="ranking-table"] tbody tr:nth-child(51)')).toBeNull();
    await page.click('[data-testid="ranking-show-all"]');
    await page.waitForSelector('[data-testid="ranking-table"] tbody tr:nth-child(300)');
    await page.waitForSelector('[data-testid="coverage-results"][data-status="idle"]', { state: 'attached', timeout: 120_000 });
    await page.waitForTimeout(500);
    const runs = () => page.evaluate(() => ({ ...(window.__analysisRuns ?? {}) }));
    const before = await runs();
    await page.fill('[data-testid="rename-k0"]', 'Ny plats med ett långt namn');
    await page.waitForTimeout(600);
    expect(await runs()).toEqual(before);
    expect(await page.textContent('[data-testid="ranking-table"]')).toContain('Ny plats med ett långt namn');
    const composite = () => page.$$eval('[data-testid="ranking-table"] .scorebar', (els) => els.map((e) => Number(e.getAttribute('data-composite'))));
    const c0 = await composite();
    await page.locator('[data-testid="weight-transit"]').fill('5');
    await page.waitForFunction((b) => JSON.stringify([...document.querySelectorAll('[data-testid="ranking-table"] .scorebar')].map((e) => Number(e.getAttribute('data-composite')))) !== b, JSON.stringify(c0));
    await page.waitForTimeout(600);
    expect(await runs()).toEqual(before);
    await ctx.close();
  });
});

describe('reading a big file happens off the page, with progress and a cancel button', () => {
  it('a long read shows its progress and can be stopped; nothing is imported', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await ctx.newPage();
    await openApp(page, baseUrl);
    await page.click('[data-testid="tab-candidates"]');
    const lines = ['id,name,lat,lon', ...Array.from({ length: 600_000 }, (_, i) => `k${i},Plats ${i},60.5,15.0`)];
    await page.setInputFiles('[data-testid="candidate-file"]', { name: 'mycket.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    await page.waitForSelector('[data-testid="candidate-reading"]');
    expect(await page.textContent('[data-testid="candidate-reading"]')).toContain('Läser mycket.csv');
    // The page answers while the file is read.
    await page.click('[data-testid="tab-coverage"]');
    await page.click('[data-testid="tab-candidates"]');
    await page.click('[data-testid="candidate-cancel"]');
    expect(await page.textContent('[data-testid="candidate-message"]')).toBe('Läsningen avbröts; inget importerades.');
    expect(await page.$('[data-testid="candidate-reading"]')).toBeNull();
    expect(await page.$('[data-testid="candidate-table"] tr')).toBeNull();
    await ctx.close();
  });
});
