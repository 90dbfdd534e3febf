import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { analyseSiteSets, analysisInput } from '../../src/domain/analysis';
import { buildDataset } from '../../src/domain/dataset';
import { catchments } from '../../src/domain/catchments/catchments';
import { crossBorderFlows } from '../../src/domain/catchments/crossBorder';
import { catchmentSites } from '../../src/domain/catchments/siteKind';
import { needInputs } from '../../src/domain/need/demand';
import { roadGraph } from '../../src/domain/network/graph';
import { NetworkRouter } from '../../src/domain/network/router';
import { DEFAULT_PARAMS } from '../../src/domain/scenario';
import { kommunRefs } from '../../src/domain/views';
import { readRawInputs } from '../../src/cli/rawInputs';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { runCliAsync } from '../../src/cli/main';
import { launchBrowser, openApp } from './browser';

/**
 * Issue 11 end to end: the catchment table, the kommun flows, organisational belonging and the
 * catchment map layer show what the core computes for the same data and parameters (today's
 * existing centres, network travel, T = 20, 2025); the vårdval budget with its editable amounts
 * (hand-checked claims), a refused amount, and the amounts kept over a reload.
 */
const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

// The core on the same data the app is built from (as the CLI reads it).
const ds = buildDataset(readRawInputs());
const data = { demand: ds.demand, familyCentres: ds.familyCentres, kommuner: kommunRefs(ds.kommuner), router: new NetworkRouter(roadGraph(ds.roadGraph)), need: needInputs(ds.need, ds.kommuner.features.map((f) => f.properties)) };
const input = analysisInput(data, { params: DEFAULT_PARAMS, candidates: [], matrix: null });
const today = analyseSiteSets(input).today;
const core = catchments({ units: input.demand, nearest: today.coverage.assignment.nearest, minutes: today.coverage.assignment.minutes, sites: catchmentSites(today.sites), omradestypYear: 2023 });
const coreFlows = crossBorderFlows(core, data.kommuner);

const sv0 = (x: number) => new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 }).format(x);

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await openApp(page, baseUrl);
  await page.click('[data-testid="tab-coverage"]');
  await page.waitForSelector('[data-testid="catchment-panel"][data-status="idle"] [data-testid="catchment-table"] tbody tr', { timeout: 120_000 });
});

afterAll(async () => {
  await browser?.close();
});

describe('catchments, flows and belonging in the app', () => {
  it('lists every centre with the children the core assigns to it', async () => {
    const rows = await page.$$eval('[data-testid="catchment-table"] tbody tr[data-site]:not([data-site=""])', (trs) =>
      trs.map((tr) => ({ id: tr.getAttribute('data-site')!, children: Number(tr.querySelector('td[data-value]')!.getAttribute('data-value')), text: (tr as HTMLElement).innerText })),
    );
    expect(rows.map((r) => r.id)).toEqual(core.centres.map((c) => c.site_id));
    for (const c of core.centres) expect(rows.find((r) => r.id === c.site_id)!.children, c.name).toBeCloseTo(c.children_0_6, 3); // the built JSON rounds each unit to 6 decimals
    const mora = rows.find((r) => r.id === 'fc-mora')!;
    // Mora's centre serves Mora, Malung-Sälen, Orsa and Älvdalen, in that order of children.
    expect(mora.text).toMatch(/Mora [\d\u00a0 ]+ · Malung-Sälen [\d\u00a0 ]+ · Orsa [\d\u00a0 ]+ · Älvdalen/);
  });

  it('flags the kommuner that rely on a neighbour as the core does, naming the centre', async () => {
    const flags = await page.$$eval('[data-testid="flows-table"] tbody tr', (trs) => trs.map((tr) => [tr.getAttribute('data-kommun'), tr.getAttribute('data-flag'), (tr as HTMLElement).innerText]));
    expect(flags.map(([k, f]) => [k, f])).toEqual(coreFlows.kommuner.map((k) => [k.kommun_code, k.flag]));
    for (const code of ['2023', '2034', '2039']) {
      const row = flags.find(([k]) => k === code)!;
      expect(row[1]).toBe('relies_on_neighbour');
      expect(row[2]).toContain('Familjens hus i Mora');
    }
    expect(await page.locator('[data-testid="flow-diagram"] path').count()).toBeGreaterThanOrEqual(7);
  });

  it("exports the catchment table as the CLI's `catchments` writes it", async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-catchments"]')]);
    const app = Papa.parse<Record<string, string>>(readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true, comments: '#', delimiter: ';' }).data;
    let out = '';
    const code = await runCliAsync(['catchments', '--dialect', 'sv'], { out: (x) => (out += x), err: () => undefined, readFile: (p) => new Uint8Array(readFileSync(p)) });
    expect(code).toBe(0);
    const cli = Papa.parse<Record<string, string>>(out.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true, comments: '#', delimiter: ';' }).data;
    expect(Object.keys(app[0])).toEqual(Object.keys(cli[0]));
    expect(app.map((r) => r.site_id)).toEqual(cli.map((r) => r.site_id));
    const n = (x: string) => Number(x.replace(',', '.'));
    // The app's built data rounds each unit to 6 decimals; the one-decimal figures agree within rounding.
    for (const [i, r] of app.entries()) expect(Math.abs(n(r.children_0_6) - n(cli[i].children_0_6)), r.name).toBeLessThanOrEqual(0.1);
  });

  it('shows organisational belonging with the modelled listing, beside the share within T', async () => {
    // Only Britsarvet-Grycksbo hosts a centre in the data: 1 750,3 of 18 266 listed children = 9,6 %.
    const text = await page.textContent('[data-testid="belonging-county"]');
    expect(text).toContain('9,6\u00a0%');
    expect(text).toContain('modellerad listning');
    expect(text).toMatch(/Barn inom tröskeln 20 min: \d+,\d\u00a0%/);
  });

  it('colours every demand unit of the catchment layer by its nearest centre', async () => {
    await page.click('[data-testid="tab-map"]');
    await page.click('[data-testid="toggle-catchments"]');
    const legend = await page.$$eval('[data-testid="legend-catchments"] li', (els) => els.map((e) => e.textContent ?? ''));
    expect(legend.some((l) => l.startsWith('Familjens hus i Mora (') && l.includes(sv0(core.centres.find((c) => c.site_id === 'fc-mora')!.children_0_6)))).toBe(true);
    const states = await page.evaluate(async (ids) => {
      const p = window.__planner!;
      await p.whenIdle();
      return ids.map((id) => p.map.getFeatureState({ source: 'grid', id }).catchment as number | undefined);
    }, input.demand.slice(0, 400).map((u) => u.id));
    const nearest = today.coverage.assignment.nearest;
    // Units with the same nearest centre share a colour slot; units with no reachable centre are −1.
    const slotOf = new Map<number, number>();
    states.forEach((st, i) => {
      expect(st).not.toBeUndefined();
      if (nearest[i] < 0) expect(st).toBe(-1);
      else if (slotOf.has(nearest[i])) expect(st).toBe(slotOf.get(nearest[i]));
      else slotOf.set(nearest[i], st!);
    });
    // Nine centres, twelve colours: every centre its own.
    expect(new Set(slotOf.values()).size).toBe(slotOf.size);
    // Area fills are one choice: områdestyp back instead of the catchments.
    await page.click('[data-testid="toggle-omradestyp"]');
    await page.click('[data-testid="tab-coverage"]');
  });
});

describe('the vårdval budget', () => {
  const claimOf = async (hc: string) => page.textContent(`[data-testid="budget-table"] tr[data-host="${hc}"] td:nth-child(3)`);

  it("states Britsarvet-Grycksbo's claim from the amounts of document 002, modelled", async () => {
    // 90 × 1 750,33 + 55 × 5 704,725 = 157 529,7 + 313 759,9 = 471 289,6 kr
    expect(await claimOf('hc-britsarvet-grycksbo')).toBe('471\u00a0290 kr');
    expect(await page.textContent('[data-testid="budget-totals"]')).toContain('(modellerat)');
  });

  it('follows an edited amount, refuses a bad one in Swedish, and keeps the amount over a reload', async () => {
    await page.fill('[data-testid="budget-kr-child"]', 'abc');
    expect(await page.textContent('[data-testid="budget-panel"] [role="alert"]')).toBe(' Kr per listat barn 0–6: "abc" är inget belopp. Förväntat: ett tal ≥ 0 i kronor; det förra värdet gäller.');
    expect(await claimOf('hc-britsarvet-grycksbo')).toBe('471\u00a0290 kr');
    await page.fill('[data-testid="budget-kr-child"]', '100');
    // 100 × 1 750,33 + 55 × 5 704,725 = 175 033,0 + 313 759,9 = 488 792,9 kr
    expect(await claimOf('hc-britsarvet-grycksbo')).toBe('488\u00a0793 kr');
    await page.reload();
    await page.waitForSelector('[data-map-ready="true"]', { timeout: 60_000 });
    await page.click('[data-testid="tab-coverage"]');
    await page.waitForSelector('[data-testid="budget-table"] tbody tr', { timeout: 120_000 });
    expect(await page.inputValue('[data-testid="budget-kr-child"]')).toBe('100');
    expect(await claimOf('hc-britsarvet-grycksbo')).toBe('488\u00a0793 kr');
    await page.click('[data-testid="budget-panel"] button.link');
    expect(await claimOf('hc-britsarvet-grycksbo')).toBe('471\u00a0290 kr');
  });

  it('with hosts assumed at the nearest vårdcentral, all nine claims are known and the pot is split', async () => {
    await page.selectOption('[data-testid="budget-host-rule"]', 'nearest');
    const totals = await page.textContent('[data-testid="budget-totals"]');
    // The nine claims total 2 468 339 kr, above the 2 300 000 kr pot of 2026: the whole pot is paid out.
    expect(totals).toContain('I dag: 2\u00a0468\u00a0339 kr');
    expect(totals).toContain('2\u00a0300\u00a0000 kr');
    await page.selectOption('[data-testid="budget-host-rule"]', 'data');
  });
});
