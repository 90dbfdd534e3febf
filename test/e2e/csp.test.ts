import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { download, isLocal, launchBrowser, openApp, recordRequests } from './browser';

/**
 * Issue 14: the built app under its content security policy. A full workflow — coverage on the
 * road network, candidates, an exact optimisation (HiGHS WebAssembly), presentation mode, the
 * exports — with no violation report and no request off the machine.
 */

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let requests: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  await ctx.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page = await ctx.newPage();
  requests = recordRequests(page);
  await openApp(page, baseUrl);
});
afterAll(async () => {
  await browser?.close();
});

const violations = () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

describe('content security policy', () => {
  it('is sent by the server and set in the page', async () => {
    const res = await page.request.get(baseUrl);
    expect(res.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.getAttribute('content'))).toContain("default-src 'self'");
  });

  it('a whole workflow runs under it with no violation and no request off the machine', async () => {
    await page.waitForSelector('[data-testid="coverage-results"][data-status="idle"]', { state: 'attached', timeout: 60_000 });
    await page.click('[data-testid="tab-candidates"]');
    await page.setInputFiles('[data-testid="candidate-file"]', 'test/fixtures/candidates-wgs84.csv');
    await page.waitForSelector('[data-testid="ranking-table"] tbody tr:nth-child(3)');
    // Exact optimisation: HiGHS must start under the policy (no fallback).
    await page.click('[data-testid="tab-suggest"]');
    await page.fill('[data-testid="suggest-p"]', '1');
    await page.click('[data-testid="suggest-run"]');
    const res = await page.waitForSelector('[data-testid="suggest-result"]', { timeout: 90_000 });
    expect(await res.getAttribute('data-status')).toBe('optimal');
    expect(await page.$('[data-testid="solver-unavailable"]')).toBeNull();
    // Presentation with both maps and a composed PNG.
    await page.click('[data-testid="open-presentation"]');
    await page.click('[data-testid="p-compare"]');
    await page.waitForSelector('[data-testid="p-map-today"][data-map-ready="true"]');
    const png = await download(page, 'p-png-slide');
    expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    await page.click('[data-testid="p-close"]');
    // Exports.
    await page.click('[data-testid="tab-scenarios"]');
    for (const id of ['export-coverage-sv', 'export-sites', 'export-deso', 'export-png', 'scenario-export']) expect((await download(page, id)).bytes.length).toBeGreaterThan(100);
    expect(await violations()).toEqual([]);
    expect(requests.filter((u) => !isLocal(u))).toEqual([]);
  });
});
