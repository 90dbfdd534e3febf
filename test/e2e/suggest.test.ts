import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import highsLoader from 'highs';
import { buildDataset } from '../../src/domain/dataset';
import { DEFAULT_PARAMS } from '../../src/domain/scenario';
import { readRawInputs } from '../../src/cli/rawInputs';
import { OptimiseApi } from '../../src/worker/optimiseApi';
import { isLocal, launchBrowser, openApp, recordRequests } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let requests: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  requests = recordRequests(page);
  await openApp(page, baseUrl);
  await page.waitForSelector('[data-testid="coverage-results"][data-status="idle"]', { state: 'attached' });
  await page.click('[data-testid="tab-suggest"]');
});

afterAll(async () => {
  await browser?.close();
});

describe('Föreslå platser', () => {
  it('MCLP with p = 2 among the health centres: proven optimal in the browser, same sites as in Node', async () => {
    await page.selectOption('[data-testid="suggest-model"]', 'mclp');
    await page.fill('[data-testid="suggest-p"]', '2');
    await page.selectOption('[data-testid="suggest-set"]', 'healthCentres');
    await page.click('[data-testid="suggest-run"]');
    const res = await page.waitForSelector('[data-testid="suggest-result"]', { timeout: 60_000 });
    expect(await res.getAttribute('data-status')).toBe('optimal');
    expect(await res.textContent()).toContain('Bevisat optimal');
    const names = await page.$$eval('[data-testid="suggest-table"] tbody tr td:nth-child(2)', (els) => els.map((e) => e.textContent));
    expect(names).toHaveLength(2);
    expect(await page.$$eval('.suggest-marker:not(.legend-marker)', (els) => els.length)).toBe(2);

    const ds = buildDataset(readRawInputs());
    const api = new OptimiseApi(() => highsLoader(), async () => ds.roadGraph);
    api.init({ roadGraphUrl: 'road-graph.json', demand: ds.demand, familyCentres: ds.familyCentres, healthCentres: ds.healthCentres, tatorter: [] });
    const node = await api.optimise({ model: 'mclp', p: 2, candidateSet: 'healthCentres', plannerCandidates: [], params: DEFAULT_PARAMS, matrix: null, timeLimitS: 30 });
    expect(names).toEqual(node.suggested.map((s) => s.name));
    const after = await page.textContent('[data-testid="suggest-after"]');
    expect(after).toBe(`${((node.coveredAfter / node.totalChildren) * 100).toFixed(1).replace('.', ',')}\u00a0%`);
    // "Today" in Föreslå is the same figure as today in Täckning.
    expect(await page.textContent('[data-testid="suggest-before"]')).toBe(await page.textContent('[data-testid="suggest-today"]'));
  });

  it('adopting puts the sites into the scenario and the live coverage rises to the promised figure', async () => {
    const promised = await page.textContent('[data-testid="suggest-after"]');
    await page.click('[data-testid="suggest-adopt"]');
    await page.waitForSelector('[data-testid="candidate-list"] li');
    expect(await page.$$eval('[data-testid="candidate-list"] li', (els) => els.length)).toBe(2);
    // The proposal (today + the adopted sites) in Täckning is the promised figure.
    await page.waitForFunction((p) => document.querySelector('[data-testid="figure-within-proposal"]')?.textContent === p, promised, { timeout: 30_000 });
    await page.click('[data-testid="tab-candidates"]');
    await page.waitForSelector('[data-testid="candidate-table"] tr');
    expect(await page.$$eval('[data-testid="candidate-table"] tr', (els) => els.length)).toBe(2);
    await page.click('[data-testid="tab-suggest"]');
    const n = await page.evaluate(() => {
      const m = window.__planner!.map;
      return new Set(m.querySourceFeatures('candidates').map((f) => f.properties.id)).size;
    });
    expect(n).toBe(2);
  });

  it('draws the curve of coverage against new centres, never falling', async () => {
    await page.click('[data-testid="suggest-curve"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="coverage-curve"] circle').length === 9, null, { timeout: 90_000 });
    const shares = await page.$$eval('[data-testid="coverage-curve"] circle title', (els) => els.map((e) => Number((e.textContent ?? '').split(': ')[1].replace(/\s|%/g, '').replace(',', '.'))));
    expect(shares).toHaveLength(9);
    for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeGreaterThanOrEqual(shares[i - 1]);
  });

  it('a running optimisation can be cancelled and run again', async () => {
    await page.selectOption('[data-testid="suggest-set"]', 'grid');
    await page.selectOption('[data-testid="suggest-model"]', 'pmedian');
    await page.click('[data-testid="suggest-curve"]');
    await page.click('[data-testid="suggest-cancel"]');
    expect(await page.textContent('[data-testid="suggest-status"]')).toBe('Avbrutet.');
    expect(await page.isEnabled('[data-testid="suggest-run"]')).toBe(true);
    await page.selectOption('[data-testid="suggest-model"]', 'lscp');
    await page.fill('[data-testid="suggest-target"]', '80');
    await page.click('[data-testid="suggest-run"]');
    const res = await page.waitForSelector('[data-testid="suggest-result"]', { timeout: 60_000 });
    expect(['optimal', 'feasible']).toContain(await res.getAttribute('data-status'));
  });

  it('deprivation weights are editable; with all 1 the MCLP maximises plain children', async () => {
    await page.click('[data-testid="depw-ones"]');
    expect(await page.inputValue('[data-testid="depw-1"]')).toBe('1');
    await page.selectOption('[data-testid="suggest-model"]', 'mclp');
    await page.selectOption('[data-testid="suggest-set"]', 'healthCentres');
    await page.fill('[data-testid="suggest-p"]', '1');
    await page.click('[data-testid="suggest-run"]');
    await page.waitForSelector('[data-testid="suggest-result"]', { timeout: 60_000 });
    const ds = buildDataset(readRawInputs());
    const api = new OptimiseApi(() => highsLoader(), async () => ds.roadGraph);
    api.init({ roadGraphUrl: 'road-graph.json', demand: ds.demand, familyCentres: ds.familyCentres, healthCentres: ds.healthCentres, tatorter: [] });
    const node = await api.optimise({
      model: 'mclp', p: 1, candidateSet: 'healthCentres', plannerCandidates: [], timeLimitS: 30, matrix: null,
      params: { ...DEFAULT_PARAMS, deprivationWeights: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 } },
    });
    const weighted = await api.optimise({ model: 'mclp', p: 1, candidateSet: 'healthCentres', plannerCandidates: [], timeLimitS: 30, matrix: null, params: DEFAULT_PARAMS });
    // Optimisation keeps only family centres fixed (adopted candidates are not), so Node and the
    // browser solve the same problem.
    expect(node.result.status).toBe('optimal');
    expect(await page.textContent('[data-testid="suggest-table"] tbody tr td:nth-child(2)')).toBe(node.suggested[0].name);
    // The weights matter: the objective differs from the deprivation-weighted one.
    expect(node.result.objective).not.toBeCloseTo(weighted.result.objective, 3);
  });

  it('loads the solver without leaving localhost', () => {
    expect(requests.some((u) => u.endsWith('.wasm'))).toBe(true);
    expect(requests.filter((u) => !isLocal(u))).toEqual([]);
  });
});

describe('Föreslå platser without WebAssembly', () => {
  it('falls back to the heuristic with a Swedish note when the solver cannot load', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const p = await ctx.newPage();
    // As under a content security policy without 'wasm-unsafe-eval': the solver never starts.
    await p.route('**/*.wasm', (r) => r.abort());
    await openApp(p, baseUrl);
    await p.waitForSelector('[data-testid="coverage-results"][data-status="idle"]', { state: 'attached' });
    await p.click('[data-testid="tab-suggest"]');
    await p.fill('[data-testid="suggest-p"]', '1');
    await p.click('[data-testid="suggest-run"]');
    await p.waitForSelector('[data-testid="suggest-result"]', { timeout: 60_000 });
    expect(await p.textContent('[data-testid="solver-unavailable"]')).toContain('Förslaget kommer från heuristiken');
    expect(await p.$$eval('[data-testid="suggest-table"] tbody tr', (els) => els.length)).toBe(1);
    expect(await p.textContent('[data-testid="suggest-result"]')).not.toMatch(/abort|RuntimeError|CompileError/i);
    await ctx.close();
  });
});
