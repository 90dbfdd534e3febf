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
