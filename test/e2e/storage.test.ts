import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { download, launchBrowser, openApp } from './browser';

/**
 * Issue 14: no lost work. Two tabs of one browser share localStorage, as planners' tabs do.
 */

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const scenarioNames = (p: Page) => p.$$eval('[data-testid="scenario-list"] li', (els) => els.map((e) => e.getAttribute('data-name') ?? e.textContent ?? ''));
const candidateIds = (p: Page) => p.$$eval('[data-testid="candidate-table"] tr', (els) => els.map((e) => e.getAttribute('data-candidate')));

async function addCandidate(p: Page, query: string) {
  await p.click('[data-testid="tab-candidates"]');
  await p.fill('[data-testid="candidate-search"]', query);
  await p.click('[data-testid="search-hits"] li:first-child button');
  await p.fill('[data-testid="candidate-search"]', '');
}

async function newScenario(p: Page, name: string) {
  await p.click('[data-testid="tab-scenarios"]');
  await p.click('[data-testid="scenario-new"]');
  await p.fill('[data-testid="scenario-name"]', name);
}

describe('two tabs', () => {
  let ctx: BrowserContext;
  beforeAll(async () => {
    ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('editing different scenarios: both keep their work, and each tab sees the other’s', async () => {
    const a = await ctx.newPage();
    await openApp(a, baseUrl);
    const b = await ctx.newPage();
    await openApp(b, baseUrl);
    await newScenario(a, 'Flik A');
    await addCandidate(a, 'Särna');
    await newScenario(b, 'Flik B');
    await addCandidate(b, 'Idre');
    // A keeps editing after B's change arrived: it must not overwrite B's scenario.
    await addCandidate(a, 'Älvdalen');
    await a.click('[data-testid="tab-scenarios"]');
    await b.click('[data-testid="tab-scenarios"]');
    // Each tab lists the other's scenario (storage events), without reloading.
    await a.waitForFunction(() => document.querySelector('[data-testid="scenario-list"]')?.textContent?.includes('Flik B'));
    await b.waitForFunction(() => document.querySelector('[data-testid="scenario-list"]')?.textContent?.includes('Flik A'));
    // Reload both: nothing is lost.
    for (const p of [a, b]) {
      await p.reload();
      await p.waitForSelector('[data-map-ready="true"]');
      await p.click('[data-testid="tab-scenarios"]');
      const names = (await scenarioNames(p)).join(' | ');
      expect(names).toContain('Flik A');
      expect(names).toContain('Flik B');
    }
    // Each tab reopens its own scenario (sessionStorage), with its candidates.
    await a.click('[data-testid="tab-candidates"]');
    expect((await candidateIds(a)).length).toBe(2);
    await b.click('[data-testid="tab-candidates"]');
    expect((await candidateIds(b)).length).toBe(1);
    await a.close();
    await b.close();
  });

  it('editing the same scenario at the same time: both versions are kept, the later as a copy named so', async () => {
    const a = await ctx.newPage();
    await openApp(a, baseUrl);
    await newScenario(a, 'Delad');
    // Tab B does not hear A's writes (as when two edits cross): its copy of "Delad" goes stale.
    const b = await ctx.newPage();
    await b.addInitScript(() => window.addEventListener('storage', (e) => e.stopImmediatePropagation(), true));
    await openApp(b, baseUrl);
    await b.click('[data-testid="tab-scenarios"]');
    await b.waitForSelector('[data-testid="scenario-Delad"]');
    await b.click('[data-testid="scenario-Delad"]');
    await addCandidate(a, 'Särna');
    const aIds = await candidateIds(a);
    await addCandidate(b, 'Idre');
    await b.waitForSelector('[data-testid="scenario-message"]');
    expect(await b.textContent('[data-testid="scenario-message"]')).toContain('ändrades samtidigt i en annan flik. Båda versionerna finns kvar');
    await b.click('[data-testid="tab-scenarios"]');
    const names = (await scenarioNames(b)).join(' | ');
    expect(names).toContain('Delad (kopia: ändrad i två flikar)');
    // A fresh tab sees both: A's "Delad" with Särna, B's copy with Idre.
    const c = await ctx.newPage();
    await openApp(c, baseUrl);
    await c.click('[data-testid="tab-scenarios"]');
    const all = (await scenarioNames(c)).join(' | ');
    expect(all).toContain('Delad (kopia: ändrad i två flikar)');
    await c.click('[data-testid="scenario-Delad"]');
    await c.click('[data-testid="tab-candidates"]');
    expect(await candidateIds(c)).toEqual(aIds);
    expect(aIds).toHaveLength(1);
    for (const p of [a, b, c]) await p.close();
  });
});

describe('entries the app cannot read', () => {
  it('a future-version and a damaged entry survive reloads and edits, and can be downloaded', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    const future = JSON.stringify({ format: 'familjecentralsplaneraren/scenario', version: 7, id: 'framtid', name: 'Från version 7', hologram: true });
    const damaged = '{"format":"familjecentralsplaneraren/scenario","version":2,"id":"trasig","na';
    await ctx.addInitScript(
      ([f, d]) => {
        if (!localStorage.getItem('fcp.v3.scenario.framtid')) {
          localStorage.setItem('fcp.v3.scenario.framtid', f);
          localStorage.setItem('fcp.v3.scenario.trasig', d);
        }
      },
      [future, damaged],
    );
    const p = await ctx.newPage();
    await openApp(p, baseUrl);
    expect(await p.textContent('[data-testid="scenario-message"]')).toContain('2 sparade scenarier kunde inte läsas');
    await p.click('[data-testid="tab-scenarios"]');
    const listed = await p.$$eval('[data-testid="quarantined-entry"]', (els) => els.map((e) => e.textContent ?? ''));
    expect(listed.some((t) => t.includes('Från version 7') && t.includes('version 7'))).toBe(true);
    expect(listed.some((t) => t.includes('fcp.v3.scenario.trasig') && t.includes('inte giltig JSON'))).toBe(true);
    await addCandidate(p, 'Särna');
    await p.reload();
    await p.waitForSelector('[data-map-ready="true"]');
    expect(await p.evaluate(() => [localStorage.getItem('fcp.v3.scenario.framtid'), localStorage.getItem('fcp.v3.scenario.trasig')])).toEqual([future, damaged]);
    await p.click('[data-testid="tab-scenarios"]');
    const f = await download(p, 'quarantine-download-fcp.v3.scenario.framtid');
    expect(f.text).toBe(future);
    await ctx.close();
  });
});
