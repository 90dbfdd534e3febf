import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import highsLoader from 'highs';
import { buildDataset } from '../../src/domain/dataset';
import { DEFAULT_PARAMS } from '../../src/domain/scenario';
import { readRawInputs } from '../../src/cli/rawInputs';
import { OptimiseApi } from '../../src/worker/optimiseApi';
import { launchBrowser, openApp } from './browser';

/**
 * Issue 11, item 5 end to end: the siting rules from the documents in Föreslå — at least one
 * family centre per kommun (the regional plan's goal) and a minimum of children within T for a new
 * site — explained when they make the problem impossible, and the same choice as the worker's
 * code run in Node.
 */
const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
const ds = buildDataset(readRawInputs());
const KOMMUNER = ds.kommuner.features.map((f) => f.properties.kommun_code);

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await openApp(page, baseUrl);
  await page.waitForSelector('[data-testid="coverage-results"][data-status="idle"]', { state: 'attached' });
  await page.click('[data-testid="tab-suggest"]');
  await page.selectOption('[data-testid="suggest-model"]', 'mclp');
  await page.selectOption('[data-testid="suggest-set"]', 'healthCentres');
});

afterAll(async () => {
  await browser?.close();
});

async function solve(): Promise<string | null> {
  await page.click('[data-testid="suggest-run"]');
  const res = await page.waitForSelector('[data-testid="suggest-result"]', { timeout: 90_000 });
  return res.getAttribute('data-status');
}

describe('siting rules in Föreslå', () => {
  it('one per kommun among the vårdcentraler: impossible, Säter has none', async () => {
    await page.check('[data-testid="rule-per-kommun"]');
    await page.fill('[data-testid="suggest-p"]', '7');
    expect(await solve()).toBe('infeasible');
    expect(await page.textContent('[data-testid="suggest-rule-message"]')).toMatch(/^Kommunen Säter ska ha minst en plats men har varken en befintlig plats som räknas eller någon kandidat/);
  });

  it('one per kommun with p = 2 among the tätorter: impossible, and says why (seven kommuner lack a centre today)', async () => {
    await page.selectOption('[data-testid="suggest-set"]', 'tatorter');
    await page.fill('[data-testid="suggest-p"]', '2');
    expect(await solve()).toBe('infeasible');
    const msg = await page.textContent('[data-testid="suggest-rule-message"]');
    // Today: Malung-Sälen, Vansbro, Orsa, Älvdalen, Smedjebacken, Säter, Hedemora have no existing centre.
    expect(msg).toMatch(/^7 kommuner saknar plats och behöver en ny \(.+\), men bara 2 nya platser ska väljas\. Välj minst 7 nya platser eller kräv färre kommuner\.$/);
  });

  it('one per kommun with p = 7: proven optimal, a new site in each of the seven, the same as in Node', async () => {
    await page.fill('[data-testid="suggest-p"]', '7');
    expect(await solve()).toBe('optimal');
    const kommuner = await page.$$eval('[data-testid="suggest-table"] tbody tr td:nth-child(3)', (els) => els.map((e) => e.textContent));
    expect(new Set(kommuner)).toEqual(new Set(['Malung-Sälen', 'Vansbro', 'Orsa', 'Älvdalen', 'Smedjebacken', 'Säter', 'Hedemora']));
    expect(await page.textContent('[data-testid="suggest-rules-report"]')).toContain('Kommuner som behövde en ny plats');
    const api = new OptimiseApi(() => highsLoader(), async () => ds.roadGraph);
    api.init({ roadGraphUrl: 'road-graph.json', demand: ds.demand, familyCentres: ds.familyCentres, healthCentres: ds.healthCentres, tatorter: ds.tatorter.features.map((f) => ({ code: f.properties.tatort_code, name: f.properties.name, kommun_code: f.properties.kommun_code, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] })) });
    const node = await api.optimise({ model: 'mclp', p: 7, candidateSet: 'tatorter', plannerCandidates: [], params: DEFAULT_PARAMS, matrix: null, timeLimitS: 30, rules: { requireKommuner: KOMMUNER, minChildren: null } });
    const names = await page.$$eval('[data-testid="suggest-table"] tbody tr td:nth-child(2)', (els) => els.map((e) => e.textContent));
    expect(names).toEqual(node.suggested.map((s) => s.name));
  });

  it('a minimum base no candidate reaches: impossible, naming how many candidates it left out', async () => {
    await page.uncheck('[data-testid="rule-per-kommun"]');
    await page.fill('[data-testid="suggest-p"]', '2');
    await page.fill('[data-testid="rule-min-children"]', '100000');
    expect(await solve()).toBe('infeasible');
    expect(await page.textContent('[data-testid="suggest-rule-message"]')).toMatch(/^Med minst 100000 barn inom 20 min utesluts \d+ kandidater \(0 återstår\), och då går det inte: /);
    await page.fill('[data-testid="rule-min-children"]', '');
  });
});

describe('Föreslå speaks a planner\'s language (issue 12)', () => {
  it('LSCP at 100 %: the children no site reaches within T are counted in rutor, never grid ids, and the target is capped instead of failing', async () => {
    await page.selectOption('[data-testid="suggest-model"]', 'lscp');
    await page.fill('[data-testid="suggest-target"]', '100');
    await page.selectOption('[data-testid="suggest-set"]', 'healthCentres');
    expect(await solve()).toBe('optimal');
    const msg = (await page.textContent('[data-testid="suggest-unreachable"]'))!;
    expect(msg).toMatch(/^[\d\s]+ barn i [\d\s]+ rutor når ingen möjlig plats inom 20 min /);
    expect(await page.textContent('[data-testid="suggest-cap"]')).toMatch(/^högst [\d,]+\s% kan nås, så målet sänktes från 100,0\s% till [\d,]+\s%$/);
    expect(msg).not.toContain('CRS3035');
  });

  it('grid candidates are named by the nearest tätort and their block size, and the time limit sits apart as the solver\'s', async () => {
    await page.selectOption('[data-testid="suggest-model"]', 'mclp');
    await page.fill('[data-testid="suggest-p"]', '1');
    await page.selectOption('[data-testid="suggest-set"]', 'grid');
    expect(await solve()).toBe('optimal');
    const name = await page.textContent('[data-testid="suggest-table"] tbody tr td:nth-child(2)');
    expect(name).toMatch(/^(Nära [A-ZÅÄÖ].+|\d+ km (N|NO|O|SO|S|SV|V|NV) om [A-ZÅÄÖ].+), 5 km-ruta$/);
    expect(await page.textContent('.solver-settings summary')).toBe('Lösarens inställningar');
    expect(await page.isVisible('[data-testid="suggest-time-limit"]')).toBe(false);
  });

  it("p-median and p-center show their own objective per site, as the worker's code in Node computes it; the map moves to the sites", async () => {
    const api = new OptimiseApi(() => highsLoader(), async () => ds.roadGraph);
    api.init({ roadGraphUrl: 'road-graph.json', demand: ds.demand, familyCentres: ds.familyCentres, healthCentres: ds.healthCentres, tatorter: [] });
    const sv1 = (x: number) => new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x);
    await page.selectOption('[data-testid="suggest-set"]', 'healthCentres');
    await page.fill('[data-testid="suggest-p"]', '2');
    for (const model of ['pmedian', 'pcenter'] as const) {
      await page.selectOption('[data-testid="suggest-model"]', model);
      expect(await solve()).toBe('optimal');
      const node = await api.optimise({ model, p: 2, candidateSet: 'healthCentres', plannerCandidates: [], params: DEFAULT_PARAMS, matrix: null, timeLimitS: 30 });
      expect(node.suggested.every((x) => x.served_children > 0)).toBe(true);
      for (const [i, x] of node.suggested.entries()) {
        const cell = model === 'pmedian' ? `mean-${i}` : `max-${i}`;
        expect(await page.textContent(`[data-testid="${cell}"]`)).toBe(sv1(model === 'pmedian' ? x.mean_minutes! : x.max_minutes!));
      }
      const inView = await page.evaluate((pts) => {
        const b = window.__planner!.map.getBounds();
        return pts.every(([lon, lat]) => b.contains([lon, lat]));
      }, node.suggested.map((x) => [x.lon, x.lat]));
      expect(inView).toBe(true);
    }
  });
});

