import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runCli } from '../../src/cli/main';
import { dataDir } from '../../src/cli/rawInputs';
import { download, launchBrowser, openApp } from './browser';

/**
 * One figure, every view: with candidates in the scenario, Täckning, Föreslå, presentation mode,
 * the map's gap outlines, the coverage export and the CLI give the same today figure and the same
 * proposal figure, each labelled with the sites it counts. Two scenarios with different parameters.
 */

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Scenario {
  name: string;
  candidates: string;
  /** CLI flags for the same parameters. */
  cli: string[];
  /** Sets the same parameters in the app (Täckning tab open). */
  setUp: (page: Page) => Promise<void>;
  /** What the sites-counted line says. */
  labels: [string, string];
}

const SCENARIOS: Scenario[] = [
  {
    name: 'A: standard parameters, three candidates (Älvdalen, Säter, Hedemora)',
    candidates: 'test/fixtures/candidates-wgs84.csv',
    cli: [],
    setUp: async () => undefined,
    labels: ['I dag: befintliga familjecentraler', 'Förslaget: i dag + 3 kandidatplatser'],
  },
  {
    name: 'B: DeSO, 30 min, planned/intent/family units counted, two candidates (Järna, Malung)',
    candidates: 'test/fixtures/candidates-scenario-b.csv',
    cli: ['--demand', 'deso', '--threshold', '30', '--include', 'existing,planned,intent,family_unit'],
    setUp: async (page) => {
      await page.click('[data-testid="demand-deso"]');
      for (const k of ['planned', 'intent', 'family_unit']) await page.click(`[data-testid="include-${k}"]`);
      await page.locator('[data-testid="threshold"]').fill('30');
      await page.waitForFunction(() => document.querySelector('[data-testid="threshold-value"]')?.textContent === '30');
    },
    labels: ['I dag: befintliga familjecentraler + planerade + med avsiktsförklaring + familjeenheter', 'Förslaget: i dag + 2 kandidatplatser'],
  },
];

/** The CLI's coverage CSV rows (data only) with both sets. */
function cliRows(s: Scenario): Record<string, string>[] {
  let out = '';
  const code = runCli(['coverage', '--candidates', s.candidates, '--sites', 'both', ...s.cli], { out: (x) => (out += x), err: () => undefined, readFile: (f) => new Uint8Array(readFileSync(f)) });
  expect(code).toBe(0);
  return Papa.parse<Record<string, string>>(out, { header: true, comments: '#', skipEmptyLines: true }).data;
}

const pct = (x: string) => `${new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Number(x))}\u00a0%`;

/** Every working note of the shared facility files (data-team notes that must never reach a user). */
function dataNotes(): string[] {
  const out: string[] = [];
  for (const f of ['facilities/family-centres.csv', 'facilities/health-centres.csv']) {
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(dataDir(), f), 'utf8'), { header: true, skipEmptyLines: true }).data;
    for (const r of rows) if (r.notes && r.notes.length > 12) out.push(r.notes);
  }
  return out;
}

describe.each(SCENARIOS)('the same figures in every view — scenario $name', (sc) => {
  let page: Page;
  let rows: Record<string, string>[];
  const set = (key: 'today' | 'proposal') => rows.filter((r) => r.site_set === key);
  const county = (key: 'today' | 'proposal') => set(key).find((r) => r.kommun_code === '20')!;
  const without = (key: 'today' | 'proposal') => set(key).filter((r) => r.flags.split('|').includes('no_centre')).length;

  beforeAll(async () => {
    rows = cliRows(sc);
    const ctx = await browser.newContext({ viewport: { width: 1500, height: 1000 }, acceptDownloads: true });
    page = await ctx.newPage();
    await openApp(page, baseUrl);
    await page.click('[data-testid="tab-candidates"]');
    await page.setInputFiles('[data-testid="candidate-file"]', sc.candidates);
    await page.waitForSelector('[data-testid="candidate-table"] tr');
    await page.click('[data-testid="tab-coverage"]');
    await sc.setUp(page);
    await page.waitForFunction(
      (want) => {
        const el = document.querySelector('[data-testid="coverage-results"][data-status="idle"]');
        return el && document.querySelector('[data-testid="sites-counted"]')?.textContent === want;
      },
      `Platser som räknas: ${sc.labels.join(' · ')}`,
      { timeout: 30_000 },
    );
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('Täckning shows today and the proposal side by side, equal to the CLI, with the change in procentenheter', async () => {
    expect(county('today').coverage_pct).not.toBe(county('proposal').coverage_pct);
    expect(await page.textContent('[data-testid="figure-within-today"]')).toBe(pct(county('today').coverage_pct));
    expect(await page.textContent('[data-testid="figure-within-proposal"]')).toBe(pct(county('proposal').coverage_pct));
    const change = Number(county('proposal').coverage_pct) - Number(county('today').coverage_pct);
    const points = (await page.textContent('[data-testid="figure-within-change"]')) ?? '';
    expect(points).toMatch(/^\+\d+,\d procentenheter$/);
    expect(Math.abs(Number(points.slice(1).split(' ')[0].replace(',', '.')) - change)).toBeLessThanOrEqual(0.1);
    expect(await page.textContent('[data-testid="figure-without-today"]')).toBe(String(without('today')));
    expect(await page.textContent('[data-testid="figure-without-proposal"]')).toBe(String(without('proposal')));
  });

  it('the main map outlines exactly the kommuner the proposal flags', async () => {
    const flagged = set('proposal').filter((r) => r.kommun_code !== '20' && r.flags !== '').map((r) => r.kommun_code).sort();
    await page.waitForFunction((n) => window.__planner!.gapKommuner().length === n, flagged.length);
    expect(await page.evaluate(() => window.__planner!.gapKommuner())).toEqual(flagged);
    // Switching the map to today outlines today's gaps.
    await page.click('[data-testid="map-set-today"]');
    const todayFlagged = set('today').filter((r) => r.kommun_code !== '20' && r.flags !== '').map((r) => r.kommun_code).sort();
    await page.waitForFunction((want) => JSON.stringify(window.__planner!.gapKommuner()) === want, JSON.stringify(todayFlagged));
    await page.click('[data-testid="map-set-proposal"]');
  });

  it('Föreslå states the same today', async () => {
    await page.click('[data-testid="tab-suggest"]');
    expect(await page.textContent('[data-testid="suggest-today"]')).toBe(pct(county('today').coverage_pct));
    expect(await page.textContent('[data-testid="suggest-scenario-proposal"]')).toContain(`${sc.labels[1]}: ${pct(county('proposal').coverage_pct)}`);
  });

  it('the coverage export holds exactly the CLI rows of both sets, and no data note', async () => {
    await page.click('[data-testid="tab-scenarios"]');
    const f = await download(page, 'export-coverage-std');
    const exported = Papa.parse<Record<string, string>>(f.text, { header: true, comments: '#', skipEmptyLines: true }).data;
    expect(exported).toEqual(rows);
    expect(f.text).toContain(`# Platser som räknas: ${sc.labels[0]}`);
    expect(f.text).toContain(`# Platser som räknas: ${sc.labels[1]}`);
    const sites = (await download(page, 'export-sites')).text;
    const deso = (await download(page, 'export-deso')).text;
    for (const note of dataNotes()) for (const text of [f.text, sites, deso]) expect(text).not.toContain(note);
    expect(sites).not.toMatch(/name not found/i);
    expect(sites).toContain('Familjecentralen i Leksand');
  });

  it('presentation mode compares the same two figures, and labels them', async () => {
    await page.click('[data-testid="open-presentation"]');
    await page.click('[data-testid="p-compare"]');
    await page.waitForSelector('[data-testid="p-map-today"][data-map-ready="true"]');
    const kf = await page.$$eval('[data-testid="key-figures"] dl > div dd', (els) => els.map((e) => e.textContent));
    expect(kf[1]).toBe(`${pct(county('today').coverage_pct)} → ${pct(county('proposal').coverage_pct)}`);
    expect(kf[3]).toBe(`${without('today')} → ${without('proposal')}`);
    expect(await page.textContent('[data-testid="key-figures-sets"]')).toBe(sc.labels.join(' → '));
    const outlined = await page.evaluate(() => {
      const m = (window as unknown as { __presentationMaps: Record<string, { gapKommuner(): string[] }> }).__presentationMaps;
      return m['p-map-proposal'].gapKommuner();
    });
    expect(outlined).toEqual(set('proposal').filter((r) => r.kommun_code !== '20' && r.flags !== '').map((r) => r.kommun_code).sort());
    await page.click('[data-testid="p-close"]');
  });
});
