import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import Papa from 'papaparse';
import { download, launchBrowser, openApp } from './browser';

/**
 * Issue 14: the hostile corpus (test/fixtures/hostile) in the real browser. For every file: a
 * Swedish message, nothing already loaded lost, nothing executed (alert hooked, a global flag
 * watched), and the exports neutralise formulas.
 */

const baseUrl = inject('baseUrl');
const DIR = 'test/fixtures/hostile';
let browser: Browser;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  await ctx.addInitScript(() => {
    window.alert = () => ((window as unknown as { __pwned: number }).__pwned = 1);
  });
  page = await ctx.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openApp(page, baseUrl);
  // Something already loaded that must survive every bad file.
  await page.click('[data-testid="tab-candidates"]');
  await page.fill('[data-testid="candidate-search"]', 'Särna');
  await page.click('[data-testid="search-hits"] li:first-child button');
  await page.fill('[data-testid="candidate-search"]', '');
});
afterAll(async () => {
  await browser?.close();
});

const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
const candidateIds = () => page.$$eval('[data-testid="candidate-table"] tr', (els) => els.map((e) => e.getAttribute('data-candidate')));

describe('bad candidate files keep what is loaded and say why, in Swedish', () => {
  it.each([
    ['candidates-bad-numbers.csv', /Rad 2, kolumn lat/],
    ['candidates-mixed-encoding.csv', /blandar teckenkodningar/],
    ['empty.csv', /Filen är tom/],
    ['header-only.csv', /ingen datarad|inga datarader|minst en datarad/i],
    ['binary.csv', /inte en textfil/],
  ])('%s', async (file, message) => {
    const before = await candidateIds();
    await page.setInputFiles('[data-testid="candidate-file"]', `${DIR}/${file}`);
    await page.waitForSelector('[data-testid="candidate-report"]');
    expect(await page.textContent('[data-testid="candidate-report"]')).toMatch(message);
    await page.click('[data-testid="candidate-report"] button:last-child'); // Avbryt
    expect(await candidateIds()).toEqual(before);
  });
});

describe('names with script, markup and formulas', () => {
  it('import as text, run nothing, and leave the ranking export neutralised', async () => {
    await page.setInputFiles('[data-testid="candidate-file"]', `${DIR}/candidates-hostile-names.csv`);
    await page.waitForSelector('[data-candidate="h1"]');
    expect(await page.inputValue('[data-testid="rename-h1"]')).toBe('<script>window.__pwned=1</script>');
    expect(await page.$('[data-testid="candidate-table"] script, [data-testid="candidate-table"] img')).toBeNull();
    await page.waitForSelector('[data-testid="ranking-table"] tbody tr:nth-child(11)', { timeout: 60_000 });
    expect(await page.$('[data-testid="ranking-table"] script, [data-testid="ranking-table"] img')).toBeNull();
    await page.click('[data-testid="tab-scenarios"]');
    await page.waitForSelector('[data-testid="export-ranking-sv"]:not([disabled])');
    const f = await download(page, 'export-ranking-sv');
    const cells = Papa.parse<string[]>(f.text.replace(/^\ufeff/, ''), { delimiter: ';' }).data.flat();
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(f.text).toContain("'=HYPERLINK");
    expect(await pwned()).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
});

describe('listing and matrix files', () => {
  it('a hostile listing is reported as text', async () => {
    await page.click('[data-testid="tab-map"]');
    await page.setInputFiles('[data-testid="listing-file"]', `${DIR}/listing-hostile.csv`);
    await page.waitForSelector('[data-testid="listing-report"]');
    expect(await page.textContent('[data-testid="listing-report"]')).toContain('<img src=x');
    expect(await page.$('[data-testid="listing-report"] img')).toBeNull();
  });
  it('a hostile matrix is reported, and the travel model keeps its last valid state', async () => {
    await page.click('[data-testid="tab-coverage"]');
    await page.selectOption('[data-testid="travel-model"]', 'matrix');
    await page.setInputFiles('[data-testid="matrix-file"]', `${DIR}/matrix-hostile.csv`);
    await page.waitForSelector('[data-testid="matrix-report"]');
    expect(await page.textContent('[data-testid="matrix-report"]')).toMatch(/inget tal|saknas/);
    expect(await page.$('[data-testid="matrix-report"] script')).toBeNull();
    await page.selectOption('[data-testid="travel-model"]', 'network');
    expect(await pwned()).toBeUndefined();
  });
});

describe('scenario files and share links', () => {
  const scenarioCount = () => page.$$eval('[data-testid="scenario-list"] li', (els) => els.length);
  it.each([
    ['scenario-truncated.json', /inte giltig JSON/],
    ['scenario-future.json', /version 99 stöds inte/],
    ['scenario-huge-numbers.json', /ogiltigt värde/],
  ])('%s is refused with a Swedish message; the scenarios stay', async (file, message) => {
    await page.click('[data-testid="tab-scenarios"]');
    const n = await scenarioCount();
    await page.setInputFiles('[data-testid="scenario-file"]', `${DIR}/${file}`);
    await page.waitForSelector('[data-testid="scenario-report"]');
    expect(await page.textContent('[data-testid="scenario-report"]')).toMatch(message);
    expect(await scenarioCount()).toBe(n);
  });
  it('a scenario with markup in its name and __proto__ keys opens as text, polluting nothing', async () => {
    await page.setInputFiles('[data-testid="scenario-file"]', `${DIR}/scenario-proto.json`);
    await page.waitForFunction(() => document.querySelector('[data-testid="scenario-list"]')?.textContent?.includes('<img src=x'));
    expect(await page.$('[data-testid="scenario-list"] img')).toBeNull();
    expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
    expect(await pwned()).toBeUndefined();
  });
  it('corrupted and oversized share links are called damaged links; the app keeps working', async () => {
    for (const fragment of ['s=eyJmb3JtYXQiOiJmYW1pbGplY2VudHJhbHNwbGFuZXJhcmVu', `s=${'A'.repeat(2_000_000)}`]) {
      const p = await page.context().newPage();
      await openApp(p, `${baseUrl}#${fragment}`);
      expect(await p.textContent('[data-testid="scenario-message"]')).toContain('Länken är skadad eller avkortad');
      expect(await p.evaluate(() => location.hash)).toBe('');
      await p.close();
    }
    expect(dialogs).toEqual([]);
  });
});
